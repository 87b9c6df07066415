/*
 * Unit tests for recread.c: lines come back in order with their line
 * numbers and scan results, threaded or not, across batch boundaries,
 * and the reader's messages come at their place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "buf.h"
#include "recread.h"
#include "unit.h"

static void
run(const char *path, int threaded, long nlines)
{
	struct cim_lines *l = cim_lines_open(path);
	struct cim_recread *rr;
	struct cim_recitem it;
	long n = 0, bad = 0;
	char ctx[64];

	snprintf(ctx, sizeof(ctx), "threaded %d", threaded);
	CHECK(l != NULL, "%s: open", ctx);
	if (l == NULL)
		return;
	rr = cim_recread_open(l, threaded);
	while (cim_recread_next(rr, &it) == 1) {
		char want[64];
		int wl;

		n++;
		CHECK_INT(it.lineno, n, ctx);
		if (n % 1000 == 7) {
			/* every thousandth line, from the 7th, is broken */
			CHECK(it.rc < 0, "%s: line %ld accepted", ctx, n);
			bad++;
			continue;
		}
		wl = snprintf(want, sizeof(want), "{\"n\":%ld}", n);
		CHECK(it.rc == 0 && it.len == (size_t)wl && memcmp(it.line, want, it.len) == 0 &&
		    it.line[it.len] == '\0', "%s: line %ld: %s", ctx, n, it.line);
		CHECK(it.rc == 0 && it.rec->sc.n == 1 && it.rec->sc.m[0].vlen == (size_t)wl - 6,
		    "%s: line %ld: members", ctx, n);
	}
	CHECK_INT(n, nlines, ctx);
	CHECK_INT(bad, (nlines + 993) / 1000, ctx);
	CHECK_INT(cim_recread_next(rr, &it), 0, "after the end");
	cim_recread_close(rr);
	CHECK_INT(l->err, 0, ctx);
	cim_lines_close(l);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	long n, nlines = 5000;	/* several batches of 1024 lines */
	int fd;
	FILE *f;

	snprintf(path, sizeof(path), "%s/cim-recread.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "w")) == NULL)
		return 1;
	for (n = 1; n <= nlines; n++) {
		if (n % 1000 == 7)
			fprintf(f, "{\"n\":%ld\n", n);
		else
			fprintf(f, "{\"n\":%ld}\n", n);
	}
	fclose(f);
	run(path, 0, nlines);
	run(path, 1, nlines);
	/* Open and close without reading: the thread stops. */
	{
		struct cim_lines *l = cim_lines_open(path);
		struct cim_recread *rr = cim_recread_open(l, 1);

		cim_recread_close(rr);
		cim_lines_close(l);
	}
	unlink(path);
	return unit_done();
}
