/*
 * bench-filter: the shape of a record-at-a-time cim tool, for scripts/bench
 * only.  Reads NDJSON on standard input, parses two top-level members
 * (channel and customer) as jq values, adds "x":1 and writes the line back
 * by splicing, everything else copied byte for byte.  It measures the
 * record layer (lib/rec.h) against `jq -c '. + {x: 1}'`.
 */
#include <stdio.h>

#include "err.h"
#include "lines.h"
#include "rec.h"
#include "run.h"

int
main(int argc, char **argv)
{
	struct cim_lines *l;
	struct cim_rec r = { 0 };
	struct cim_buf out = { 0 };
	char *line;
	size_t len, at;
	const char *why;
	long kinds = 0;

	(void)argc;
	cim_run_start(argv, "usage: bench-filter < in.ndjson\n", "");
	if ((l = cim_lines_open("-")) == NULL)
		return 1;
	while (cim_lines_next(l, &line, &len) == 1) {
		jv ch, cu;

		cim_run_read(1);
		if (cim_rec_parse(&r, line, len, &why, &at) < 0) {
			cim_reject("<stdin>", l->lineno, line, len, "%s", why);
			continue;
		}
		ch = cim_rec_get(&r, "channel");
		cu = cim_rec_get(&r, "customer");
		kinds += jv_get_kind(ch) + jv_get_kind(cu);
		jv_free(ch);
		jv_free(cu);
		cim_rec_set_raw(&r, "x", "1", 1);
		out.len = 0;
		cim_rec_write(&r, &out);
		cim_out_add(cim_run.out, out.p, out.len);
		cim_run_wrote(1);
	}
	if (l->err)
		cim_run_fail();
	cim_lines_close(l);
	cim_rec_free(&r);
	cim_buf_free(&out);
	return kinds < 0 ? 1 : cim_run_end();
}
