/*
 * lines.h: a line reader over an input operand, with file:line positions.
 * Lines may be of any length; "\n" and a "\r" before it are removed; a
 * UTF-8 byte order mark at the start of the file is dropped; a last line
 * without a newline is still a line.  Not for: CSV records that span
 * lines (cim-ingest feeds lines to libcsv).
 */
#ifndef CIM_LINES_H
#define CIM_LINES_H
#include <stddef.h>

#include "input.h"

struct cim_lines {
	struct cim_input *in;
	long		  lineno;	/* of the line last returned */
	char		 *buf;
	size_t		  cap, start, end;
	int		  eof, err, bom_checked;
	int		  newline;	/* the last line ended in "\n" */
};

/* Opens path for reading lines; NULL after printing why. */
struct cim_lines *cim_lines_open(const char *path);
/* Next line in *line (writable, NUL-terminated, valid until the next call)
 * and *len: 1, 0 at end, -1 on a read error (already reported). */
int cim_lines_next(struct cim_lines *l, char **line, size_t *len);
const char *cim_lines_name(const struct cim_lines *l);
void cim_lines_close(struct cim_lines *l);
#endif
