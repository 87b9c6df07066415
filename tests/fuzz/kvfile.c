/*
 * Fuzz target: the small configuration readers.  The input is split by
 * kvfile.h (keys well formed, lines increasing, values trimmed), read as
 * region profiles (region.h), each line as a weekly hours spec for
 * cim_hours_parse and cim_bh_parse (bhours.h), and the whole as a
 * holidays file of cim-metrics (cim_bh_holidays, through a file).  What
 * parses is used: business time within an interval is at most the
 * interval, a region's local facts are in range.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bhours.h"
#include "buf.h"
#include "kvfile.h"
#include "region.h"
#include "fuzz.h"

static void
kv(const char *text, size_t size)
{
	struct cim_kvfile f = { 0 };
	struct cim_buf why = { 0 };
	long last = 0;
	size_t i, n;

	if (cim_kvfile_parse(text, size, &f, &why) != 0) {
		if (why.len == 0)
			abort();
	} else {
		for (i = 0; i < f.n; i++) {
			const struct cim_kv *k = &f.kv[i];

			if (*k->key == '\0' || strspn(k->key,
			    "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(k->key) ||
			    k->line <= last)
				abort();
			last = k->line;
			n = strlen(k->val);
			/* Blanks are space and tab; a CR is trimmed at the end
			 * only (a NUL byte ends a value early, blanks before it
			 * kept). */
			if (n && memchr(text, '\0', size) == NULL &&
			    (strchr(" \t", k->val[0]) || strchr(" \t\r", k->val[n - 1])))
				abort();
		}
	}
	cim_kvfile_free(&f);
	cim_buf_free(&why);
}

static void
regions(const char *text, size_t size)
{
	static const int64_t at[] = { 0, 1767225600000LL, 1773705600000LL, -86400000LL };
	struct cim_region *r = NULL;
	struct cim_buf why = { 0 };
	size_t nr = 0, i, k;

	if (cim_region_parse("fuzz", text, size, &r, &nr, &why) == 0) {
		for (i = 0; i < nr; i++)
			for (k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
				int open, hol, wday, minute;

				cim_region_at(&r[i], at[k], &open, &hol, &wday, &minute);
				if (wday < 1 || wday > 7 || minute < 0 || minute >= 1440)
					abort();
			}
	} else if (strncmp(cim_buf_str(&why), "fuzz:", 5) != 0) {
		abort();
	}
	cim_region_free(r, nr);
	cim_buf_free(&why);
}

static void
hours(const char *s)
{
	struct cim_hours *h = NULL;
	struct cim_buf why = { 0 };
	struct cim_bh bh;
	const char *w;
	size_t n = 0, i;

	if (cim_hours_parse(s, &h, &n, &why) == 0) {
		for (i = 0; i < n; i++)
			if (h[i].days == 0 || h[i].days > 0x7f || h[i].from < 0 ||
			    h[i].to > 1440 || h[i].from >= h[i].to)
				abort();
		(void)cim_hours_in(h, n, 3, 600);
	}
	free(h);
	cim_buf_free(&why);
	memset(&bh, 0, sizeof(bh));
	if (cim_bh_parse(&bh, s, &w) == 0) {
		int64_t from = 1767225600000LL, to = from + 9 * 86400000LL, open;

		open = cim_bh_open_ms(&bh, from, to);
		if (open < 0 || open > to - from || cim_bh_open_ms(&bh, to, from) != 0)
			abort();
	}
	cim_bh_free(&bh);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *p, *nl;
	struct cim_bh bh;
	char err[256];

	memcpy(s, data, size);
	s[size] = '\0';
	kv(s, size);
	regions(s, size);
	for (p = s; p != NULL; p = nl ? nl + 1 : NULL) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		hours(p);
	}
	memset(&bh, 0, sizeof(bh));
	if (cim_bh_holidays(&bh, fuzz_file(data, size), err, sizeof(err)) == 0) {
		size_t i;

		for (i = 1; i < bh.nholiday; i++)
			if (bh.holiday[i - 1] > bh.holiday[i])
				abort();	/* kept sorted */
	}
	cim_bh_free(&bh);
	free(s);
	return 0;
}
