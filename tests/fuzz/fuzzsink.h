/*
 * fuzzsink.h: a preset sink (preset.h) for fuzz targets: it assembles the
 * rows into records, checks each against the schema and counts rows in,
 * written and rejected.  Static inline, as fuzz.h.
 */
#ifndef CIM_FUZZSINK_H
#define CIM_FUZZSINK_H
#include <stdlib.h>
#include <string.h>

#include "conv.h"
#include "fuzz.h"
#include "lines.h"
#include "preset.h"
#include "rec.h"
#include "schema.h"

/* Rows handed to the sink, records written (in rows) and rows rejected. */
struct fuzz_count {
	struct cim_asm	*as;
	long		 rows, written, rejected;
};

static inline void
fuzz_emit(const char *json, size_t n, const struct cim_filerows *fr, size_t nfr,
    void *arg)
{
	struct fuzz_count *c = arg;
	struct cim_rec r = { 0 };
	struct cim_buf why = { 0 };
	const char *w;
	size_t at, i;

	if (cim_rec_parse(&r, json, n - 1, &w, &at) != 0 ||
	    cim_schema_check(&r, &why, NULL) != 0)
		abort();	/* the assembler wrote a bad record */
	for (i = 0; i < nfr; i++)
		c->written += fr[i].rows;
	cim_rec_free(&r);
	cim_buf_free(&why);
}

static inline void
fuzz_asm_reject(const char *file, long line, int fileno, const char *text,
    size_t n, long rows, const char *why, void *arg)
{
	struct fuzz_count *c = arg;

	(void)file; (void)line; (void)fileno; (void)text; (void)n; (void)why;
	c->rejected += rows;
}

static inline void
fuzz_sink_row(struct cim_row *r, long line, const char *text, size_t n, void *arg)
{
	struct fuzz_count *c = arg;
	struct cim_buf why = { 0 };

	(void)text; (void)n;
	c->rows++;
	r->file = "fuzz";
	r->line = line;
	if (cim_asm_add(c->as, r, &why) < 0) {
		c->rejected++;
		cim_row_reset(r);
	}
	cim_buf_free(&why);
}

static inline void
fuzz_sink_reject(long line, const char *text, size_t n, const char *why, void *arg)
{
	struct fuzz_count *c = arg;

	(void)line; (void)text; (void)n;
	if (why == NULL || *why == '\0')
		abort();	/* a reject always says why */
	c->rows++;
	c->rejected++;
}

static inline void
fuzz_sink_repaired(long line, size_t nbad, void *arg)
{
	(void)line; (void)arg;
	if (nbad == 0)
		abort();
}

static inline void
fuzz_sink_flush(void *arg)
{
	struct fuzz_count *c = arg;

	cim_asm_finish(c->as);
}

/* Starts counting into c with a fresh assembler over nm. */
static inline struct cim_sink
fuzz_sink(struct fuzz_count *c, struct cim_norm *nm)
{
	struct cim_asm_opts o = { .gap_ms = 3600 * 1000, .norm = nm };
	struct cim_sink s = { fuzz_sink_row, fuzz_sink_reject, fuzz_sink_repaired,
	    fuzz_sink_flush, c };

	memset(c, 0, sizeof(*c));
	c->as = cim_asm_new(&o, fuzz_emit, fuzz_asm_reject, c);
	return s;
}

/* Ends counting: every row is written or rejected, none twice. */
static inline void
fuzz_sink_end(struct fuzz_count *c)
{
	cim_asm_finish(c->as);
	if (c->written + c->rejected != c->rows)
		abort();	/* records in = records out + records rejected */
	cim_asm_free(c->as);
}
/*
 * Opens the input as cim-ingest opens an operand: its lines, with *line
 * and *len the first that is not blank.  NULL when there is none (the
 * lines are then closed).
 */
static inline struct cim_lines *
fuzz_lines(const uint8_t *data, size_t size, char **line, size_t *len)
{
	struct cim_lines *l;
	int rc;

	if ((l = cim_lines_open(fuzz_file(data, size))) == NULL)
		abort();
	while ((rc = cim_lines_next(l, line, len)) == 1 && *len == 0)
		;
	if (rc != 1) {
		cim_lines_close(l);
		return NULL;
	}
	return l;
}

#endif
