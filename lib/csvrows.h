/*
 * csvrows.h: the rows of a CSV or TSV file over libcsv, fed a line at a
 * time (a quoted field may span lines): each complete row's fields go
 * to a callback.  A line libcsv refuses drops the row under way and
 * reading starts afresh at the next line.  Also the delimiter sniffed
 * from a header line and the column names of a header row.
 * Not for: what columns mean or the records they make (cmd/cim-ingest.c,
 * conv.h), or the twcs preset, which splits its own buffer (twcs.h).
 */
#ifndef CIM_CSVROWS_H
#define CIM_CSVROWS_H
#include <csv.h>
#include <stddef.h>

#include "buf.h"

struct cim_csvrows;
typedef void cim_csvrows_fn(struct cim_csvrows *c, void *arg);

struct cim_csvrows {
	struct csv_parser p;
	int		  delim;
	struct cim_buf	  fields;	/* field bytes, each NUL-terminated */
	size_t		 *off;		/* where each field starts */
	size_t		  nf, cap;
	cim_csvrows_fn	 *row;
	void		 *arg;
};

/* Starts reading rows split by delim; row(c, arg) is called for each
 * (strict quoting, as RFC 4180).  Cannot fail. */
void cim_csvrows_init(struct cim_csvrows *c, int delim, cim_csvrows_fn *row,
    void *arg);
/*
 * Feeds line s[0..n), without its newline.  0; or -1 when libcsv refuses
 * it (*err says why, "bad CSV quoting" for a stray quote): the row under
 * way is dropped and the parser starts afresh.
 */
int cim_csvrows_line(struct cim_csvrows *c, const char *s, size_t n,
    const char **err);
/* 1 while a quoted field is open: the row goes on at the next line. */
int cim_csvrows_pending(const struct cim_csvrows *c);
/* Ends the input: 0, or -1 when a quoted field was left open (its row
 * is dropped). */
int cim_csvrows_finish(struct cim_csvrows *c);
/* Field i (< c->nf) of the row being handed to the callback: its bytes,
 * NUL-terminated, and its length in *n. */
const char *cim_csvrows_field(const struct cim_csvrows *c, size_t i, size_t *n);
void cim_csvrows_free(struct cim_csvrows *c);

/* Of ",", ";", tab and "|", the one that splits the header line
 * s[0..n) most outside quotes; "," when none does. */
int cim_csv_sniff(const char *s, size_t n);
/*
 * The column names of the row being handed to the callback, c->nf of
 * them, each allocated (free them and the array): an empty name is
 * "column_N", a repeated one "NAME_N" (N the 1-based column).
 */
char **cim_csv_names(const struct cim_csvrows *c);
#endif
