/*
 * Fuzz target: row normalization and conversation assembly.  The input is
 * lines "dest=value"; a line "--" ends a row.  Every row is placed or
 * rejected, and every record written must pass the schema check.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conv.h"
#include "rec.h"
#include "schema.h"
#include "utf8.h"

static long written, rejected;

static void
emit(const char *json, size_t n, const struct cim_filerows *fr, size_t nfr, void *arg)
{
	struct cim_rec r = { 0 };
	struct cim_buf why = { 0 };
	const char *w;
	size_t at, i;

	(void)arg;
	if (cim_rec_parse(&r, json, n - 1, &w, &at) != 0 ||
	    cim_schema_check(&r, &why, NULL) != 0)
		abort();
	for (i = 0; i < nfr; i++)
		written += fr[i].rows;
	cim_rec_free(&r);
	cim_buf_free(&why);
}

static void
reject(const char *file, long line, int fileno, const char *text, size_t n,
    long rows, const char *why, void *arg)
{
	(void)file; (void)line; (void)fileno; (void)text; (void)n; (void)why; (void)arg;
	rejected += rows;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cim_norm nm = { .region = "BR", .source = "fz" };
	struct cim_asm_opts o = { .gap_ms = 3600 * 1000, .norm = &nm };
	struct cim_row row = { 0 };
	struct cim_buf text = { 0 }, why = { 0 };
	struct cim_asm *a;
	const char *p, *end;
	long rows = 0;

	cim_utf8_repair((const char *)data, size, &text);	/* readers do this */
	cim_buf_str(&text);
	written = rejected = 0;
	a = cim_asm_new(&o, emit, reject, NULL);
	row.file = "fuzz";
	for (p = text.p, end = text.p + text.len; p < end; ) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *eq;
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (len == 2 && p[0] == '-' && p[1] == '-') {
			rows++;
			why.len = 0;
			if (cim_asm_add(a, &row, &why) < 0) {
				rejected++;
				cim_row_reset(&row);
			}
		} else if ((eq = memchr(p, '=', len)) != NULL) {
			struct cim_destspec d;
			char *dest = strndup(p, (size_t)(eq - p));

			if (cim_dest_parse(dest, &d) == 0) {
				why.len = 0;
				(void)cim_row_set(&row, &nm, &d, eq + 1, len - (size_t)(eq - p) - 1, &why);
				cim_destspec_free(&d);
			}
			free(dest);
		}
		p += len + 1;
	}
	cim_asm_finish(a);
	if (written + rejected != rows)
		abort();	/* records in = records out + records rejected */
	cim_asm_free(a);
	cim_row_free(&row);
	cim_buf_free(&text);
	cim_buf_free(&why);
	return 0;
}
