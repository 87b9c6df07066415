/*
 * bhours.c: business-hours schedules (see bhours.h).
 *
 * Open time is counted day by day in local time: each open span of a
 * local day becomes a UTC interval through cim_tz_local_to_utc (so a DST
 * change shortens or lengthens that day's span as the clock does) and is
 * intersected with the asked interval.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bhours.h"
#include "err.h"

static const char *const days_en[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const days_pt[] = { "seg", "ter", "qua", "qui", "sex", "sab", "dom" };

/* ISO weekday 1..7 of the 3-letter name at s, or 0. */
static int
day_of(const char *s)
{
	int i;

	for (i = 0; i < 7; i++)
		if (strncmp(s, days_en[i], 3) == 0 || strncmp(s, days_pt[i], 3) == 0)
			return i + 1;
	return 0;
}

/* "HH:MM" at s into minutes; -1 when malformed. */
static int
clock_of(const char *s, int allow24)
{
	int h, m;

	if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] == ':' &&
	    s[3] >= '0' && s[3] <= '5' && s[4] >= '0' && s[4] <= '9'))
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || (h == 24 && (m != 0 || !allow24)))
		return -1;
	return h * 60 + m;
}

int
cim_bh_parse(struct cim_bh *bh, const char *spec, const char **why)
{
	const char *p = spec;

	memset(bh->nspan, 0, sizeof(bh->nspan));
	while (*p) {
		int d1, d2, from, to, d;

		while (*p == ' ')
			p++;
		if ((d1 = day_of(p)) == 0)
			return *why = "expected a day name (mon..sun, seg..dom)", -1;
		p += 3;
		d2 = d1;
		if (*p == '-') {
			if ((d2 = day_of(p + 1)) == 0)
				return *why = "expected a day name after '-'", -1;
			p += 4;
		}
		if (*p != ' ')
			return *why = "expected ' HH:MM-HH:MM' after the days", -1;
		while (*p == ' ')
			p++;
		if ((from = clock_of(p, 0)) < 0 || p[5] != '-' || (to = clock_of(p + 6, 1)) < 0)
			return *why = "expected HH:MM-HH:MM", -1;
		if (to <= from)
			return *why = "a span must end after it starts", -1;
		p += 11;
		while (*p == ' ')
			p++;
		if (*p == ',')
			p++;
		else if (*p != '\0')
			return *why = "expected ',' between items", -1;
		for (d = d1;; d = d % 7 + 1) {
			if (bh->nspan[d] == 8)
				return *why = "more than 8 spans in a day", -1;
			bh->span[d][bh->nspan[d]].from = from;
			bh->span[d][bh->nspan[d]].to = to;
			bh->nspan[d]++;
			if (d == d2)
				break;
		}
	}
	return 0;
}

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
cim_bh_holidays(struct cim_bh *bh, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;	/* any length: a fixed buffer split a long
				 * commented line into a bogus next line */
	size_t linecap = 0;
	long ln = 0;
	size_t cap = 0;

	if (f == NULL) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	while (getline(&line, &linecap, f) > 0) {
		char *h = strchr(line, '#'), *s = line;
		int y, m, d, k;

		ln++;
		if (h)
			*h = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '\n' || *s == '\r')
			continue;
		k = 0;
		if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &k) != 3 || k != 10 ||
		    d < 1 || d > cim_time_days_in_month(y, m) ||
		    strspn(s + 10, " \t\r\n") != strlen(s + 10)) {
			snprintf(err, errlen, "line %ld: not a date YYYY-MM-DD", ln);
			free(line);
			fclose(f);
			return -1;
		}
		if (bh->nholiday == cap) {
			cap = cap ? cap * 2 : 16;
			bh->holiday = cim_xrealloc(bh->holiday, cap * sizeof(*bh->holiday));
		}
		bh->holiday[bh->nholiday++] = cim_time_days_from_civil(y, m, d);
	}
	free(line);
	fclose(f);
	if (bh->nholiday > 0)
		qsort(bh->holiday, bh->nholiday, sizeof(*bh->holiday), cmp64);
	return 0;
}

static int
is_holiday(const struct cim_bh *bh, int64_t day)
{
	size_t lo = 0, hi = bh->nholiday;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (bh->holiday[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < bh->nholiday && bh->holiday[lo] == day;
}

static int64_t
floordiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

int64_t
cim_bh_open_ms(const struct cim_bh *bh, int64_t from, int64_t to)
{
	int64_t d0, d1, day, total = 0;

	if (to <= from)
		return 0;
	/* Local days touched, with a day of margin for offsets. */
	d0 = floordiv(from / 1000 + cim_tz_offset_at(bh->tz, floordiv(from, 1000)), 86400) - 1;
	d1 = floordiv(to / 1000 + cim_tz_offset_at(bh->tz, floordiv(to, 1000)), 86400) + 1;
	for (day = d0; day <= d1; day++) {
		int wd = cim_time_weekday(day), i;

		if (bh->nspan[wd] == 0 || is_holiday(bh, day))
			continue;
		for (i = 0; i < bh->nspan[wd]; i++) {
			int64_t a = cim_tz_local_to_utc(bh->tz, day * 86400 + bh->span[wd][i].from * 60) * 1000;
			int64_t b = cim_tz_local_to_utc(bh->tz, day * 86400 + bh->span[wd][i].to * 60) * 1000;

			if (a < from)
				a = from;
			if (b > to)
				b = to;
			if (b > a)
				total += b - a;
		}
	}
	return total;
}

void
cim_bh_free(struct cim_bh *bh)
{
	free(bh->holiday);
	bh->holiday = NULL;
	bh->nholiday = 0;
}
