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
	char		 *buf;		/* or the mapped file, from offset 0 */
	size_t		  cap, start, end;
	int		  eof, err, bom_checked;
	int		  newline;	/* the last line ended in "\n" */
	int		  mapped;
	/* Mapped: the file's pages before this offset are unmapped already.
	 * Only cim_lines_release touches it, so a reader on one thread and
	 * a releaser on another share nothing they write. */
	size_t		  unmapped;
};

/* Opens path for reading lines; NULL after printing why. */
struct cim_lines *cim_lines_open(const char *path);
/* Next line in *line (writable, NUL-terminated, valid until the next call)
 * and *len: 1, 0 at end, -1 on a read error (already reported). */
int cim_lines_next(struct cim_lines *l, char **line, size_t *len);
/*
 * Maps the input instead of reading it, when it is a plain (not gzip)
 * regular file and no line was read yet: 1, or 0 when it is not such a
 * file (nothing changed).  From then on cim_lines_next's lines point into
 * the read-only mapping: not writable, not NUL-terminated, and valid
 * until cim_lines_release gives them back or cim_lines_close, so a reader
 * can hold many lines without copying them.  read(2) copies each byte
 * once more in the kernel: 13% of cim-metrics' CPU on a virtual machine,
 * of which mapping saves half (the first touch of each byte still
 * misses the cache, in the scanner now).  A file that shrinks under the
 * mapping ends the process with "prog: file: the file shrank while it
 * was read" (exit 1), where a read would have stopped early.
 */
int cim_lines_map(struct cim_lines *l);
/* Mapped: unmaps the whole pages before p, a pointer into a line already
 * returned, so that resident memory follows the lines still in use, not
 * the file's size.  Lines before p must not be used again.  No effect
 * when not mapped. */
void cim_lines_release(struct cim_lines *l, const char *p);
/* Tells the SIGBUS handler of a mapping of the file name (cim_lines_map
 * does it for its own), so that a file that shrinks under it ends the
 * process with the message above: 0, or -1 when it cannot (too many
 * mappings at once: read the file instead).  Unwatch before unmapping. */
int cim_lines_watch(const char *base, size_t len, const char *name);
void cim_lines_unwatch(const char *base);
const char *cim_lines_name(const struct cim_lines *l);
void cim_lines_close(struct cim_lines *l);
#endif
