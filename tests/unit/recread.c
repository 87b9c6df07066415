/*
 * Unit tests for recread.c: lines come back in order with their line
 * numbers and scan results, threaded or not, with or without a prepare
 * stage, across batch boundaries, from a mapped file or copied (gzip),
 * and the reader's messages come at their place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

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

/* Lines prepared, counted in each thread's scratch and summed at close:
 * every line is prepared exactly once. */
static long prepared;

static void
prep_run(struct cim_recitem *it)
{
	struct prepped *p = it->user;

	(*(long *)it->scratch)++;
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

static void
scratch_free(void *scratch)
{
	prepared += *(long *)scratch;
}

static const struct cim_recprep prep = { sizeof(struct prepped), prep_run, prep_free,
	sizeof(long), scratch_free };

static void
run(const char *path, int mapped, int threaded, int with_prep, long nlines)
{
	struct cim_lines *l = cim_lines_open(path);
	struct cim_recread *rr;
	struct cim_recitem it;
	long n = 0, bad = 0;
	char ctx[64];

	snprintf(ctx, sizeof(ctx), "mapped %d threaded %d prep %d", mapped, threaded, with_prep);
	CHECK(l != NULL, "%s: open", ctx);
	if (l == NULL)
		return;
	rr = cim_recread_open(l, threaded, with_prep ? &prep : NULL);
	CHECK_INT(l->mapped, mapped, ctx);
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
		CHECK(it.rc == 0 && it.len == (size_t)wl && memcmp(it.line, want, it.len) == 0,
		    "%s: line %ld: %.*s", ctx, n, (int)it.len, it.line);
		CHECK(it.rc == 0 && it.rec->sc.n == 1 && it.rec->sc.m[0].vlen == (size_t)wl - 6,
		    "%s: line %ld: members", ctx, n);
	}
	CHECK_INT(n, nlines, ctx);
	CHECK_INT(bad, (nlines + 993) / 1000, ctx);
	CHECK_INT(cim_recread_next(rr, &it), 0, "after the end");
	/* The pages of used batches were given back. */
	CHECK(!mapped || l->unmapped > 0, "%s: nothing unmapped", ctx);
	cim_recread_close(rr);
	CHECK_INT(l->err, 0, ctx);
	cim_lines_close(l);
}

/*
 * A mapped file that fills its last page to the end, with no newline
 * after its last line: nothing may read past the line (a fault, the page
 * after the mapping is not the file's).
 */
static void
page_end(const char *path)
{
	long pg = sysconf(_SC_PAGESIZE), n = 0;
	struct cim_recread *rr;
	struct cim_recitem it;
	struct cim_lines *l;
	FILE *f = fopen(path, "w");
	long size = 0;

	if (f == NULL || pg < 64)
		return;
	while (size + 32 < pg)
		size += fprintf(f, "{\"n\":%ld}\n", ++n);
	/* the last line: a string member padded to end at the page's end */
	fprintf(f, "{\"s\":\"%0*d\"}", (int)(pg - size - 8), 0);
	fclose(f);
	l = cim_lines_open(path);
	rr = cim_recread_open(l, 0, &cim_recprep_schema);
	CHECK_INT(l->mapped, 1, "page end: mapped");
	for (n = 0; cim_recread_next(rr, &it) == 1; n++)
		if (it.len > 5 && it.line[2] == 's')
			CHECK(it.rc == 0 && it.line + it.len == l->buf + pg,
			    "page end: last line rc %d", it.rc);
	CHECK(n > 10, "page end: %ld lines", n);
	cim_recread_close(rr);
	cim_lines_close(l);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	char gzpath[4200];
	long n, nlines = 5000;	/* several batches of 1024 lines */
	int fd, k;
	gzFile gz;
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
	/* The same lines gzipped: read and copied, not mapped. */
	snprintf(gzpath, sizeof(gzpath), "%s.gz", path);
	if ((gz = gzopen(gzpath, "wb")) == NULL)
		return 1;
	for (n = 1; n <= nlines; n++)
		gzprintf(gz, n % 1000 == 7 ? "{\"n\":%ld\n" : "{\"n\":%ld}\n", n);
	gzclose(gz);
	for (k = 0; k < 8; k++) {
		freed = prepared = 0;
		run(k & 4 ? gzpath : path, !(k & 4), k & 1, k & 2 ? 1 : 0, nlines);
		CHECK(!(k & 2) || freed > 0, "prepared state freed (%ld)", freed);
		CHECK_INT(prepared, k & 2 ? nlines : 0, "lines prepared");
	}
	unlink(gzpath);
	page_end(path);
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
