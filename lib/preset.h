/*
 * preset.h: what the format presets of cim-ingest (whatsapp.h, twcs.h)
 * share: where the rows they build go, and reading a whole operand into
 * memory, for presets that must see all of a file before its first row
 * (the day/month order of a WhatsApp export, the reply threads of a
 * tweet dump).
 * Not for: the generic CSV and JSON readers (cmd/cim-ingest.c).
 */
#ifndef CIM_PRESET_H
#define CIM_PRESET_H
#include <stddef.h>

#include "buf.h"
#include "conv.h"
#include "lines.h"
#include "utf8.h"

struct cim_sink {
	/* A row built in r from input line line (text[0..n) is the input
	 * it came from, for rejects).  The callee takes r's contents. */
	void	(*row)(struct cim_row *r, long line, const char *text, size_t n, void *arg);
	/* Input that makes no row, and why: it counts as a rejected record. */
	void	(*reject)(long line, const char *text, size_t n, const char *why, void *arg);
	/* Invalid UTF-8 repaired on a line (nbad replacements). */
	void	(*repaired)(long line, size_t nbad, void *arg);
	/* The rows given so far make whole conversations: write them now
	 * (NULL: they are written at the end). */
	void	(*flush)(void *arg);
	void	*arg;
};

/* A regular file mapped by cim_preset_slurp (base NULL: none). */
struct cim_preset_map {
	void	*base;
	size_t	 len;
};
enum { PRESET_MAP_MIN = 1 << 20 };	/* smaller files are read */

/*
 * Appends the line first[0..flen) (just read from l) and the rest of l's
 * input to out: CRLF turned into LF, a last "\n" added when missing, read
 * in encoding enc and converted to UTF-8; invalid UTF-8 is repaired and
 * reported once, at its first line, through sink->repaired.  *lineno is
 * set to the number of the first line.  A plain regular file of
 * PRESET_MAP_MIN bytes or more, slurped into an empty out, is mapped
 * instead of read (out->cap is then 0: out must not grow).  Release out
 * and map with cim_preset_release.  Returns 0, or -1 after a read error
 * (already reported).
 */
int cim_preset_slurp(struct cim_lines *l, const char *first, size_t flen,
    enum cim_encoding enc, const struct cim_sink *sink, struct cim_buf *out,
    long *lineno, struct cim_preset_map *map);
/* Frees or unmaps what cim_preset_slurp gave. */
void cim_preset_release(struct cim_buf *b, struct cim_preset_map *map);
/*
 * Reading an operand a few lines at a time, for presets that need not
 * hold a whole file: what cim_preset_slurp does, in pieces of whole lines.
 */
enum { PRESET_CHUNK = 1 << 20 };	/* bytes read at a time */

struct cim_preset_in {
	struct cim_lines	*l;
	enum cim_encoding	 enc;
	const struct cim_sink	*sink;
	struct cim_buf		 raw;	/* read, not yet handed out */
	long			 first;	/* the number of the first line */
	long			 line;	/* of the next line handed out */
	size_t			 nbad;	/* invalid UTF-8 replaced so far */
	long			 badline;	/* the first line that had some */
	int			 done;
};

/* Starts reading the line first[0..flen) (just read from l) and the rest
 * of l's input. */
void cim_preset_open(struct cim_preset_in *in, struct cim_lines *l, const char *first,
    size_t flen, enum cim_encoding enc, const struct cim_sink *sink);
/*
 * Appends the next whole lines (about PRESET_CHUNK bytes, more when a
 * line is longer) to out, as cim_preset_slurp does: CRLF turned into LF,
 * a last "\n" added, UTF-8.  The repairs of the whole file are reported
 * once, at the end, at the first line that needed one.  Returns 1, 0 at
 * the end, or -1 after a read error (already reported).
 */
int cim_preset_next(struct cim_preset_in *in, struct cim_buf *out);
void cim_preset_close(struct cim_preset_in *in);
/*
 * Sets destination d (name: of customer.ids.NAME or attrs.NAME) of r to
 * s[0..n), for destinations that take any string (names, texts, ids,
 * phones, attrs), so no reject can come back.
 */
void cim_preset_set(struct cim_row *r, struct cim_norm *nm, enum cim_dest d,
    const char *name, const char *s, size_t n);
/* Moves *s and *n past the blanks around s[0..n). */
void cim_preset_trim(const char **s, size_t *n);
/* Y/N, yes/no, true/false, T/F, 1/0, sim/não, any case, blanks around:
 * 1, 0, or -1 for anything else. */
int cim_preset_flag(const char *s, size_t n);
#endif
