/*
 * Fuzz target: the CSV row reader of cim-ingest (csvrows.h) with the row
 * logic of its generic CSV path: the delimiter sniffed from the first
 * line, lines fed one at a time, the header's names (one per column, all
 * different) mapped to destinations by their names, each row's fields
 * set (conv.h cim_row_set) and assembled into records that must pass the
 * schema check.  Every row is written or rejected, none twice.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conv.h"
#include "csvrows.h"
#include "fuzzsink.h"
#include "utf8.h"

struct st {
	struct fuzz_count	 c;
	struct cim_norm		*nm;
	char			**header;
	struct cim_destspec	*col;
	size_t			 nheader;
	struct cim_row		 row;
};

static void
header(struct st *st, struct cim_csvrows *rows)
{
	size_t i, j;

	st->header = cim_csv_names(rows);
	st->nheader = rows->nf;
	st->col = calloc(st->nheader ? st->nheader : 1, sizeof(*st->col));
	for (i = 0; i < st->nheader; i++) {
		struct cim_destspec d;

		if (st->header[i] == NULL)
			abort();
		for (j = 0; j < i; j++)
			if (strcmp(st->header[i], st->header[j]) == 0)
				abort();	/* names are made different */
		if (cim_dest_parse(st->header[i], &d) == 0 &&
		    d.d != CIM_D_MESSAGES && d.d != CIM_D_EVENTS &&
		    d.d != CIM_D_CUSTOMER && d.d != CIM_D_ATTRS) {
			st->col[i] = d;
			continue;
		}
		if (cim_dest_parse(st->header[i], &d) == 0)
			cim_destspec_free(&d);
		st->col[i].d = CIM_D_ATTR;
		st->col[i].name = strdup(st->header[i]);
	}
}

static void
on_row(struct cim_csvrows *rows, void *arg)
{
	struct st *st = arg;
	struct cim_buf why = { 0 };
	size_t i, n;
	int rc = 0;

	for (i = 0; i < rows->nf; i++) {
		const char *s = cim_csvrows_field(rows, i, &n);

		if (n > rows->fields.len || s[n] != '\0')
			abort();
	}
	if (st->header == NULL) {
		header(st, rows);
		return;
	}
	st->c.rows++;
	if (rows->nf != st->nheader) {
		st->c.rejected++;
		return;
	}
	for (i = 0; i < rows->nf && rc == 0; i++) {
		const char *s = cim_csvrows_field(rows, i, &n);

		rc = cim_row_set(&st->row, st->nm, &st->col[i], s, n, &why);
	}
	st->row.file = "fuzz";
	st->row.line = 1;
	if (rc < 0 || cim_asm_add(st->c.as, &st->row, &why) < 0) {
		st->c.rejected++;
		cim_row_reset(&st->row);
	}
	cim_buf_free(&why);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cim_norm nm = { .region = "BR", .source = "csv" };
	struct cim_buf text = { 0 };
	struct cim_csvrows rows;
	struct st st;
	const char *p, *end, *err;
	size_t i;
	int first = 1;

	memset(&st, 0, sizeof(st));
	st.nm = &nm;
	(void)fuzz_sink(&st.c, &nm);
	cim_utf8_repair((const char *)data, size, &text);	/* the reader does */
	cim_buf_str(&text);
	for (p = text.p, end = text.p + text.len; p < end; ) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p), n = len;

		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (first) {
			int d = cim_csv_sniff(p, n);

			if (!strchr(",;\t|", d) || d == 0)
				abort();
			cim_csvrows_init(&rows, d, on_row, &st);
			first = 0;
		}
		if (cim_csvrows_line(&rows, p, n, &err) < 0) {
			if (err == NULL || *err == '\0')
				abort();
			if (st.header != NULL) {
				st.c.rows++;
				st.c.rejected++;
			}
		}
		p += len + 1;
	}
	if (!first) {
		if (cim_csvrows_finish(&rows) != 0) {
			st.c.rows++;
			st.c.rejected++;
		}
		cim_csvrows_free(&rows);
	}
	fuzz_sink_end(&st.c);
	for (i = 0; i < st.nheader; i++) {
		free(st.header[i]);
		cim_destspec_free(&st.col[i]);
	}
	free(st.header);
	free(st.col);
	cim_row_free(&st.row);
	cim_buf_free(&text);
	return 0;
}
