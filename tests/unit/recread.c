/*
 * Unit tests for recread.c: lines come back in order with their line
 * numbers and scan results, threaded or not, with or without a prepare
 * stage, across batch boundaries, and the reader's messages come at their
 * place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "buf.h"
#include "recread.h"
#include "unit.h"

/* The prepared state: the line's number as the preparer read it, and how
 * many times its slot was prepared (slots are reused batch after batch). */
struct prepped {
	long	n;
	long	uses;
	char	*owned;		/* something to free at close */
};

static void
prep_run(struct cim_recitem *it)
{
	struct prepped *p = it->user;

	p->uses++;
	if (p->owned == NULL)
		p->owned = malloc(16);
	p->n = it->rc == 0 ? strtol(it->line + 5, NULL, 10) : -it->lineno;
}

static long freed;

static void
prep_free(void *user)
{
	struct prepped *p = user;

	freed += p->owned != NULL;
	free(p->owned);
}

static const struct cim_recprep prep = { sizeof(struct prepped), prep_run, prep_free };

static void
run(const char *path, int threaded, int with_prep, long nlines)
{
	struct cim_lines *l = cim_lines_open(path);
	struct cim_recread *rr;
	struct cim_recitem it;
	long n = 0, bad = 0;
	char ctx[64];

	snprintf(ctx, sizeof(ctx), "threaded %d prep %d", threaded, with_prep);
	CHECK(l != NULL, "%s: open", ctx);
	if (l == NULL)
		return;
	rr = cim_recread_open(l, threaded, with_prep ? &prep : NULL);
	while (cim_recread_next(rr, &it) == 1) {
		char want[64];
		int wl;

		n++;
		CHECK_INT(it.lineno, n, ctx);
		if (with_prep) {
			const struct prepped *p = it.user;

			CHECK(p != NULL && p->n == (n % 1000 == 7 ? -n : n) && p->uses >= 1,
			    "%s: line %ld prepared as %ld", ctx, n, p ? p->n : 0);
		} else {
			CHECK(it.user == NULL, "%s: no prepared state", ctx);
		}
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
	run(path, 0, 0, nlines);
	run(path, 1, 0, nlines);
	freed = 0;
	run(path, 0, 1, nlines);
	CHECK(freed > 0, "prepared state freed (%ld)", freed);
	run(path, 1, 1, nlines);
	/* Open and close without reading, or after a few lines: the threads
	 * stop. */
	for (n = 0; n < 4; n++) {
		struct cim_lines *l = cim_lines_open(path);
		struct cim_recread *rr = cim_recread_open(l, 1, n % 2 ? &prep : NULL);
		struct cim_recitem it;

		if (n >= 2)
			CHECK_INT(cim_recread_next(rr, &it), 1, "a line before closing");
		cim_recread_close(rr);
		cim_lines_close(l);
	}
	unlink(path);
	return unit_done();
}
