/*
 * tstamp.c: timestamp parsing and formatting, civil calendar, and a TZif
 * reader (see tstamp.h).  Own code rather than setenv("TZ") + mktime()
 * because those are global state: one zone per process, and not pure.
 * Not for: reading records or deciding which field holds a time.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "tstamp.h"

#define DAY_S		86400
#define MAX_YEAR_MS	INT64_C(253402300800000)	/* 10000-01-01T00:00Z */

/* ---------------------------------------------------------------------
 * Civil calendar
 */

static int64_t
floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
cim_time_days_in_month(int y, int m)
{
	static const unsigned char dim[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return dim[m - 1] + (m == 2 && is_leap(y));
}

int64_t
cim_time_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;				/* 0..399 */
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */

	return era * 146097 + doe - 719468;
}

void
cim_time_civil_from_days(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

int
cim_time_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (4). */
	return (int)(days + 3 - floordiv(days + 3, 7) * 7) + 1;
}

int64_t
cim_time_day_of(int64_t ms)
{
	return floordiv(ms, INT64_C(1000) * DAY_S);
}

/* ---------------------------------------------------------------------
 * Formatting and the canonical check
 */

static char *
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

/* The date text ("2026-01-01T") of the day cim_time_format wrote last,
 * per thread (cim-metrics reads on a second thread). */
static _Thread_local struct {
	int64_t	 days;
	char	 date[16];
	size_t	 len;	/* 0: none yet */
} last;

size_t
cim_time_format(int64_t ms, char buf[CIM_TIME_BUFLEN])
{
	int64_t s = ms / 1000, days;
	int frac = (int)(ms % 1000), sod, y, m, d, i, nd;
	unsigned yv;
	char *p = buf, digits[12];

	if (frac < 0) {		/* floor, without overflow at INT64_MIN */
		frac += 1000;
		s--;
	}
	days = floordiv(s, DAY_S);
	sod = (int)(s - days * DAY_S);
	/*
	 * Times come in runs of one day (a conversation's messages): the date
	 * text of the last day formatted is kept, which halves the cost.
	 */
	if (days == last.days && last.len > 0) {
		memcpy(p, last.date, last.len);
		p += last.len;
		goto clock;
	}
	cim_time_civil_from_days(days, &y, &m, &d);
	if (y < 0)
		*p++ = '-';
	/* Year is at most 9 digits for any int64_t ms; 4 at least. */
	yv = y < 0 ? 0u - (unsigned)y : (unsigned)y;
	nd = 0;
	do {
		digits[nd++] = (char)('0' + yv % 10);
		yv /= 10;
	} while (yv != 0);
	while (nd < 4)
		digits[nd++] = '0';
	for (i = nd - 1; i >= 0; i--)
		*p++ = digits[i];
	*p++ = '-';
	p = put2(p, m);
	*p++ = '-';
	p = put2(p, d);
	*p++ = 'T';
	if ((size_t)(p - buf) <= sizeof(last.date)) {
		last.days = days;
		last.len = (size_t)(p - buf);
		memcpy(last.date, buf, last.len);
	}
clock:
	p = put2(p, sod / 3600);
	*p++ = ':';
	p = put2(p, sod / 60 % 60);
	*p++ = ':';
	p = put2(p, sod % 60);
	if (frac != 0) {
		*p++ = '.';
		*p++ = (char)('0' + frac / 100);
		p = put2(p, frac % 100);
	}
	*p++ = 'Z';
	*p = '\0';
	return (size_t)(p - buf);
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

/* Two digits at s, or -1. */
static int
dig2(const char *s)
{
	if (!isdig((unsigned char)s[0]) || !isdig((unsigned char)s[1]))
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static int64_t
civil_seconds(int y, int mo, int d, int h, int mi, int s)
{
	return cim_time_days_from_civil(y, mo, d) * DAY_S +
	    h * 3600 + mi * 60 + s;
}

/*
 * "HH:MM:SS" at s (eight bytes that may be read) into its three numbers;
 * -1 when it is not two digits, a colon, two, a colon, two.  One load and
 * three masks on little-endian machines (every record has a dozen times).
 */
static int
hms(const char *s, int *h, int *mi, int *sec)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t x, lo;

	memcpy(&x, s, 8);
	/* Colons at bytes 2 and 5; digits (0x30-0x39) at the others: their
	 * high nibble is 3 and their low nibble plus 6 stays below 16. */
	if ((x & 0x0000FF0000FF0000ULL) != 0x00003A00003A0000ULL ||
	    (x & 0xF0F000F0F000F0F0ULL) != 0x3030003030003030ULL)
		return -1;
	lo = x & 0x0F0F000F0F000F0FULL;
	if ((lo + 0x0606000606000606ULL) & 0xF0F000F0F000F0F0ULL)
		return -1;
	*h = (int)(lo & 0xF) * 10 + (int)(lo >> 8 & 0xF);
	*mi = (int)(lo >> 24 & 0xF) * 10 + (int)(lo >> 32 & 0xF);
	*sec = (int)(lo >> 48 & 0xF) * 10 + (int)(lo >> 56 & 0xF);
	return 0;
#else
	if (s[2] != ':' || s[5] != ':' || (*h = dig2(s)) < 0 ||
	    (*mi = dig2(s + 3)) < 0 || (*sec = dig2(s + 6)) < 0)
		return -1;
	return 0;
#endif
}

/*
 * The day number of the date YYYY-MM-DD at s into *days; -1 when it is
 * not a valid date.  Timestamps in a record mostly share their date, so
 * the last valid date seen (per thread) is remembered: a hit costs one
 * compare instead of the digit checks and the calendar arithmetic.
 */
static int
canonical_days(const char *s, int64_t *days)
{
	static _Thread_local char last[10];
	static _Thread_local int64_t last_days;
	static _Thread_local int have;
	int yh, yl, mo, d;

	if (have && memcmp(s, last, 10) == 0) {
		*days = last_days;
		return 0;
	}
	if (s[4] != '-' || s[7] != '-' || (yh = dig2(s)) < 0 || (yl = dig2(s + 2)) < 0 ||
	    (mo = dig2(s + 5)) < 0 || (d = dig2(s + 8)) < 0 ||
	    d < 1 || d > cim_time_days_in_month(yh * 100 + yl, mo))
		return -1;
	memcpy(last, s, 10);
	*days = last_days = cim_time_days_from_civil(yh * 100 + yl, mo, d);
	have = 1;
	return 0;
}

int
cim_time_parse_canonical(const char *s, size_t n, int64_t *ms)
{
	int h, mi, sec, frac = 0;
	size_t i, nfrac;
	int64_t days;

	/* Fixed positions: fast, and nothing looser sneaks in. */
	if (n < 20 || n > 30 || s[10] != 'T')
		return CIM_TIME_BAD;
	if (hms(s + 11, &h, &mi, &sec) < 0 || h > 23 || mi > 59 || sec > 59)
		return CIM_TIME_BAD;
	i = 19;
	if (s[i] == '.') {
		for (i++, nfrac = 0; i < n && isdig((unsigned char)s[i]);
		    i++, nfrac++)
			if (nfrac < 3)
				frac = frac * 10 + (s[i] - '0');
		if (nfrac == 0 || nfrac > 9)
			return CIM_TIME_BAD;
		for (; nfrac < 3; nfrac++)
			frac *= 10;
	}
	if (i + 1 != n || s[i] != 'Z' || canonical_days(s, &days) < 0)
		return CIM_TIME_BAD;
	if (ms != NULL)
		*ms = (days * DAY_S + h * 3600 + mi * 60 + sec) * 1000 + frac;
	return CIM_TIME_OK;
}

/* ---------------------------------------------------------------------
 * Time zones: TZif files (RFC 8536) and their POSIX TZ footer
 */

/* A POSIX TZ rule date: Jn, n or Mm.w.d, and the time of day it applies. */
struct tz_rdate {
	char	kind;		/* 'J', 'N' (zero-based day), 'M' */
	int	a, b, c;	/* n, or m w d */
	long	secs;		/* -167h..167h (RFC 8536 extension) */
};

struct tz_rule {
	long		std_off, dst_off;	/* seconds east of UTC */
	int		has_dst;
	struct tz_rdate	start, end;	/* start in std time, end in dst */
};

struct cim_tz {
	char		*name;
	size_t		 ntrans;
	int64_t		*trans;		/* UTC seconds, strictly ascending */
	unsigned char	*trans_type;	/* index into type_off */
	size_t		 ntype;		/* >= 1 */
	long		*type_off;	/* seconds east of UTC */
	int		 has_rule;	/* footer governs after last trans */
	struct tz_rule	 rule;
};

/* Offsets beyond +-26h are refused at load; the probes below rely on it. */
#define TZ_MAX_OFF	(26 * 3600L)
#define TZ_PROBE	(TZ_MAX_OFF + 3600)

static int
tzs_num(const char **pp, int maxdig, long *v)
{
	const char *p = *pp;
	int nd = 0;

	*v = 0;
	while (isdig((unsigned char)*p) && nd < maxdig) {
		*v = *v * 10 + (*p++ - '0');
		nd++;
	}
	if (nd == 0 || isdig((unsigned char)*p))
		return -1;
	*pp = p;
	return 0;
}

/* [+-]h[h[h]][:mm[:ss]], hours at most maxh. */
static int
tzs_hms(const char **pp, long maxh, long *secs)
{
	const char *p = *pp;
	long sign = 1, h, m = 0, s = 0;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (tzs_num(&p, 3, &h) < 0 || h > maxh)
		return -1;
	if (*p == ':') {
		p++;
		if (tzs_num(&p, 2, &m) < 0 || m > 59)
			return -1;
		if (*p == ':') {
			p++;
			if (tzs_num(&p, 2, &s) < 0 || s > 59)
				return -1;
		}
	}
	*secs = sign * (h * 3600 + m * 60 + s);
	*pp = p;
	return 0;
}

/* A zone abbreviation: 3+ letters, or <...> of letters, digits, + and -. */
static int
tzs_name(const char **pp)
{
	const char *p = *pp, *q;

	if (*p == '<') {
		for (q = ++p; (*q >= 'A' && *q <= 'Z') || (*q >= 'a' &&
		    *q <= 'z') || isdig((unsigned char)*q) || *q == '+' ||
		    *q == '-'; q++)
			;
		if (*q != '>' || q - p < 3)
			return -1;
		*pp = q + 1;
		return 0;
	}
	for (q = p; (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'); q++)
		;
	if (q - p < 3)
		return -1;
	*pp = q;
	return 0;
}

static int
tzs_rdate(const char **pp, struct tz_rdate *r)
{
	const char *p = *pp;
	long a, b = 0, c = 0;

	if (*p == 'J') {
		p++;
		if (tzs_num(&p, 3, &a) < 0 || a < 1 || a > 365)
			return -1;
		r->kind = 'J';
	} else if (*p == 'M') {
		p++;
		if (tzs_num(&p, 2, &a) < 0 || a < 1 || a > 12 || *p++ != '.' ||
		    tzs_num(&p, 1, &b) < 0 || b < 1 || b > 5 || *p++ != '.' ||
		    tzs_num(&p, 1, &c) < 0 || c > 6)
			return -1;
		r->kind = 'M';
	} else {
		if (tzs_num(&p, 3, &a) < 0 || a > 365)
			return -1;
		r->kind = 'N';
	}
	r->a = (int)a;
	r->b = (int)b;
	r->c = (int)c;
	r->secs = 7200;		/* POSIX default 02:00:00 */
	if (*p == '/') {
		p++;
		if (tzs_hms(&p, 167, &r->secs) < 0)
			return -1;
	}
	*pp = p;
	return 0;
}

/*
 * Parses a POSIX TZ string as found in a TZif footer ("EST5EDT,M3.2.0,
 * M11.1.0", "<-03>3").  POSIX offsets are west-positive; stored east.
 * DST without a rule is refused: POSIX leaves its dates to the
 * implementation and zic never writes one.
 */
static int
tzs_parse(const char *s, struct tz_rule *r)
{
	const char *p = s;
	long off;

	memset(r, 0, sizeof *r);
	if (tzs_name(&p) < 0 || tzs_hms(&p, 24, &off) < 0)
		return -1;
	r->std_off = -off;
	if (*p == '\0')
		return 0;
	if (tzs_name(&p) < 0)
		return -1;
	r->dst_off = r->std_off + 3600;
	if (*p != ',' && *p != '\0') {
		if (tzs_hms(&p, 24, &off) < 0)
			return -1;
		r->dst_off = -off;
	}
	if (*p++ != ',' || tzs_rdate(&p, &r->start) < 0 || *p++ != ',' ||
	    tzs_rdate(&p, &r->end) < 0 || *p != '\0')
		return -1;
	r->has_dst = 1;
	return 0;
}

/* Seconds-as-if-UTC of rule date rd in year y, in the rule's own time. */
static int64_t
rdate_local(int y, const struct tz_rdate *rd)
{
	int64_t jan1 = cim_time_days_from_civil(y, 1, 1), day;
	int first, dim;

	switch (rd->kind) {
	case 'J':	/* 1..365, February 29 never counted */
		day = jan1 + rd->a - 1 + (is_leap(y) && rd->a >= 60);
		break;
	case 'N':
		day = jan1 + rd->a;
		break;
	default:	/* Mm.w.d: day d (0 = Sunday) of week w, 5 = last */
		day = cim_time_days_from_civil(y, rd->a, 1);
		first = cim_time_weekday(day) % 7;
		day += (rd->c - first + 7) % 7 + (rd->b - 1) * 7;
		dim = cim_time_days_in_month(y, rd->a);
		while (day - cim_time_days_from_civil(y, rd->a, 1) >= dim)
			day -= 7;
		break;
	}
	return day * DAY_S + rd->secs;
}

/*
 * Offset under the footer rule at t.  Rather than reason about which year
 * a transition near New Year belongs to (southern zones, times past 24h),
 * take the transitions of the years around t and use the latest one not
 * after t.
 */
static long
rule_offset(const struct tz_rule *r, int64_t t)
{
	int64_t best = INT64_MIN, tr;
	long off = r->std_off;
	int y, m, d, k, found = 0;

	if (!r->has_dst)
		return r->std_off;
	/* Keep the year within int; offsets are periodic out there anyway. */
	if (t > (INT64_C(1) << 45))
		t = INT64_C(1) << 45;
	if (t < -(INT64_C(1) << 45))
		t = -(INT64_C(1) << 45);
	cim_time_civil_from_days(floordiv(t + r->std_off, DAY_S), &y, &m, &d);
	for (k = y - 1; k <= y + 1; k++) {
		/*
		 * End before start at the same instant is how zic writes DST
		 * all year, so on a tie the start (DST) wins.
		 */
		tr = rdate_local(k, &r->end) - r->dst_off;
		if (tr <= t && (!found || tr > best)) {
			best = tr;
			off = r->std_off;
			found = 1;
		}
		tr = rdate_local(k, &r->start) - r->std_off;
		if (tr <= t && (!found || tr >= best)) {
			best = tr;
			off = r->dst_off;
			found = 1;
		}
	}
	return off;
}

long
cim_tz_offset_at(const struct cim_tz *tz, int64_t utc_s)
{
	size_t lo, hi, mid;

	if (tz == NULL)
		return 0;
	if (tz->ntrans == 0)
		return tz->has_rule ? rule_offset(&tz->rule, utc_s) :
		    tz->type_off[0];
	/* RFC 8536: before the first transition, time type 0 applies. */
	if (utc_s < tz->trans[0])
		return tz->type_off[0];
	if (utc_s > tz->trans[tz->ntrans - 1] && tz->has_rule)
		return rule_offset(&tz->rule, utc_s);
	/* Last transition at or before utc_s. */
	lo = 0;
	hi = tz->ntrans;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (tz->trans[mid] <= utc_s)
			lo = mid;
		else
			hi = mid;
	}
	return tz->type_off[tz->trans_type[lo]];
}

int64_t
cim_tz_local_to_utc(const struct cim_tz *tz, int64_t local_s)
{
	const int64_t lim = INT64_C(1) << 62;
	long cand[3];
	int64_t u, best = 0;
	int i, found = 0;

	if (tz == NULL)
		return local_s;
	if (local_s > lim)
		local_s = lim;
	if (local_s < -lim)
		local_s = -lim;
	/*
	 * The instant is local_s - offset with |offset| < TZ_MAX_OFF, so the
	 * offsets in force a little further than that either side, plus the
	 * one at local_s, are the candidates (zones do not change twice in
	 * two days).  A candidate is right when it is the offset in force at
	 * the instant it gives.
	 */
	cand[0] = cim_tz_offset_at(tz, local_s - TZ_PROBE);
	cand[1] = cim_tz_offset_at(tz, local_s);
	cand[2] = cim_tz_offset_at(tz, local_s + TZ_PROBE);
	for (i = 0; i < 3; i++) {
		u = local_s - cand[i];
		if (cim_tz_offset_at(tz, u) == cand[i] && (!found || u < best)) {
			best = u;
			found = 1;
		}
	}
	if (found)
		return best;
	/*
	 * In a gap: read the wall clock with the offset from before the
	 * jump, which lands as far past the gap as local_s was into it.
	 */
	return local_s - cand[0];
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	uint64_t v = (uint64_t)be32(p) << 32 | be32(p + 4);

	/* Two's complement without implementation-defined conversion. */
	return v <= INT64_MAX ? (int64_t)v : -(int64_t)(~v) - 1;
}

static int32_t
sbe32(const unsigned char *p)
{
	uint32_t v = be32(p);

	return v <= INT32_MAX ? (int32_t)v : -(int32_t)(~v) - 1;
}

struct tzif_head {
	uint64_t	isut, isstd, leap, time, type, chars;
};

static void
read_head(const unsigned char *p, struct tzif_head *h)
{
	h->isut = be32(p + 20);
	h->isstd = be32(p + 24);
	h->leap = be32(p + 28);
	h->time = be32(p + 32);
	h->type = be32(p + 36);
	h->chars = be32(p + 40);
}

static uint64_t
data_len(const struct tzif_head *h, unsigned tsize)
{
	return h->time * tsize + h->time + h->type * 6 + h->chars +
	    h->leap * (tsize + 4) + h->isstd + h->isut;
}

static void seterr(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/*
 * Fills tz from the TZif image p[0..n).  Returns NULL, or what is wrong.
 */
static const char *
tzif_parse(const unsigned char *p, size_t n, struct cim_tz *tz)
{
	struct tzif_head h;
	const unsigned char *d, *types;
	unsigned tsize = 4;
	uint64_t len;
	size_t i, off = 0, flen;
	char footer[256];

	if (n < 4 || memcmp(p, "TZif", 4) != 0)
		return "not a TZif file";
	if (n < 44)
		return "truncated file";
	read_head(p, &h);
	if (p[4] >= '2') {
		/* Skip the v1 block: the v2+ one has the same data in 64 bits. */
		len = data_len(&h, 4);
		if (len > n - 44 || n - 44 - len < 44 ||
		    memcmp(p + 44 + len, "TZif", 4) != 0)
			return "truncated file";
		off = 44 + (size_t)len;
		read_head(p + off, &h);
		tsize = 8;
	}
	d = p + off + 44;
	len = data_len(&h, tsize);
	if (len > n - off - 44)
		return "truncated file";
	if (h.type < 1 || h.type > 256 || (h.isut != 0 && h.isut != h.type) ||
	    (h.isstd != 0 && h.isstd != h.type))
		return "bad header counts";
	if (h.leap != 0)
		return "leap-second zones are not supported";

	tz->ntrans = (size_t)h.time;
	tz->ntype = (size_t)h.type;
	tz->trans = cim_xcalloc(tz->ntrans, sizeof *tz->trans);
	tz->trans_type = cim_xcalloc(tz->ntrans, 1);
	tz->type_off = cim_xcalloc(tz->ntype, sizeof *tz->type_off);
	for (i = 0; i < tz->ntrans; i++) {
		tz->trans[i] = tsize == 8 ? be64(d + i * 8) : sbe32(d + i * 4);
		if (i > 0 && tz->trans[i] <= tz->trans[i - 1])
			return "transitions out of order";
	}
	d += tz->ntrans * tsize;
	for (i = 0; i < tz->ntrans; i++) {
		if (d[i] >= tz->ntype)
			return "bad time type index";
		tz->trans_type[i] = d[i];
	}
	types = d + tz->ntrans;
	for (i = 0; i < tz->ntype; i++) {
		int32_t utoff = sbe32(types + i * 6);

		if (utoff <= -TZ_MAX_OFF || utoff >= TZ_MAX_OFF ||
		    types[i * 6 + 4] > 1 || types[i * 6 + 5] >= h.chars)
			return "bad time type";
		tz->type_off[i] = utoff;
	}
	if (tsize == 4)
		return NULL;	/* version 1: no footer */

	/* Footer: "\n" TZ-string "\n" right after the v2+ data block. */
	i = off + 44 + (size_t)len;
	if (i >= n || p[i] != '\n')
		return "missing footer";
	for (flen = 0; i + 1 + flen < n && p[i + 1 + flen] != '\n'; flen++)
		;
	if (i + 1 + flen >= n || flen >= sizeof footer)
		return "bad footer";
	memcpy(footer, p + i + 1, flen);
	footer[flen] = '\0';
	if (flen == 0)
		return NULL;
	if (memchr(footer, '\0', flen) != NULL ||
	    tzs_parse(footer, &tz->rule) < 0 ||
	    tz->rule.std_off <= -TZ_MAX_OFF || tz->rule.std_off >= TZ_MAX_OFF ||
	    tz->rule.dst_off <= -TZ_MAX_OFF || tz->rule.dst_off >= TZ_MAX_OFF)
		return "bad footer";
	tz->has_rule = 1;
	return NULL;
}

static struct cim_tz *
tz_utc(const char *name)
{
	struct cim_tz *tz = cim_xcalloc(1, sizeof *tz);

	tz->name = cim_xstrdup(name);
	tz->ntype = 1;
	tz->type_off = cim_xcalloc(1, sizeof *tz->type_off);
	return tz;
}

/* Real zone files are a few kB; this only bounds what a typo can read. */
#define TZIF_MAX	(1 << 20)

struct cim_tz *
cim_tz_load(const char *name, char *err, size_t errlen)
{
	static const char *const builtin[] = { "UTC", "Etc/UTC", "GMT", "Z" };
	const char *dir, *why;
	char path[4096];
	unsigned char *img;
	struct cim_tz *tz;
	struct stat st;
	size_t i, got;
	ssize_t r;
	int fd;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (name == NULL || *name == '\0') {
		seterr(err, errlen, "empty time zone name");
		return NULL;
	}
	for (i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		if (strcmp(name, builtin[i]) == 0)
			return tz_utc(name);
	if (name[0] == '/' || strstr(name, "..") != NULL) {
		seterr(err, errlen, "invalid time zone name '%s'", name);
		return NULL;
	}
	dir = getenv("TZDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >=
	    sizeof path) {
		seterr(err, errlen, "invalid time zone name '%s'", name);
		return NULL;
	}
	/* O_NONBLOCK: a FIFO planted under TZDIR must not hang us. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			seterr(err, errlen, "unknown time zone '%s'", name);
		else
			seterr(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > TZIF_MAX) {
		close(fd);
		seterr(err, errlen, "unknown time zone '%s'", name);
		return NULL;
	}
	img = cim_xmalloc((size_t)st.st_size);
	for (got = 0; got < (size_t)st.st_size; got += (size_t)r) {
		r = read(fd, img + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR) {
			r = 0;
			continue;
		}
		if (r <= 0)
			break;
	}
	if (got < (size_t)st.st_size) {
		seterr(err, errlen, "%s: %s", path,
		    r < 0 ? strerror(errno) : "short read");
		close(fd);
		free(img);
		return NULL;
	}
	close(fd);
	tz = cim_xcalloc(1, sizeof *tz);
	why = tzif_parse(img, got, tz);
	free(img);
	if (why != NULL) {
		seterr(err, errlen, "time zone '%s': %s", name, why);
		cim_tz_free(tz);
		return NULL;
	}
	tz->name = cim_xstrdup(name);
	return tz;
}

void
cim_tz_free(struct cim_tz *tz)
{
	if (tz == NULL)
		return;
	free(tz->name);
	free(tz->trans);
	free(tz->trans_type);
	free(tz->type_off);
	free(tz);
}

const char *
cim_tz_name(const struct cim_tz *tz)
{
	return tz->name;
}

/* ---------------------------------------------------------------------
 * Parsing
 */

struct scan {
	const char	*p, *end;
};

/* What a timestamp said; checked and converted by cim_time_parse(). */
struct fields {
	int	y, mo, d, h, mi, s, ms;
	int	has_zone;
	long	off;		/* seconds east, when has_zone */
	int	ambiguous;	/* numeric d/m that AUTO cannot decide */
};

static int
peek(const struct scan *c)
{
	return c->p < c->end ? (unsigned char)*c->p : -1;
}

static int
eat(struct scan *c, int ch)
{
	if (peek(c) != ch)
		return 0;
	c->p++;
	return 1;
}

static int
isalpha_ascii(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int
isblank_ascii(int c)
{
	return c == ' ' || c == '\t';
}

static size_t
blanks(struct scan *c)
{
	const char *p = c->p;

	while (isblank_ascii(peek(c)))
		c->p++;
	return (size_t)(c->p - p);
}

/*
 * A whole run of 1..maxd digits into *v; returns how many, 0 (nothing
 * consumed) when there is no digit or the run is longer than maxd.
 */
static int
num(struct scan *c, int maxd, int *v)
{
	const char *p = c->p;
	int nd = 0, val = 0;

	while (p < c->end && isdig((unsigned char)*p)) {
		if (++nd > maxd)
			return 0;
		val = val * 10 + (*p++ - '0');
	}
	if (nd > 0) {
		*v = val;
		c->p = p;
	}
	return nd;
}

/* The run of ASCII letters at c (not consumed); its length. */
static size_t
word(const struct scan *c)
{
	const char *p = c->p;

	while (p < c->end && isalpha_ascii((unsigned char)*p))
		p++;
	return (size_t)(p - c->p);
}

/* w[0..n) equals lower-case ASCII s, ignoring case. */
static int
word_is(const char *w, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '\0' || lower((unsigned char)w[i]) != s[i])
			return 0;
	return s[n] == '\0';
}

/* w[0..3) is the first three letters of lower-case s, ignoring case. */
static int
prefix3(const char *w, const char *s)
{
	return lower((unsigned char)w[0]) == s[0] &&
	    lower((unsigned char)w[1]) == s[1] &&
	    lower((unsigned char)w[2]) == s[2];
}

/* Month number of the word at c, consumed; 0 when it is not a month. */
static int
month_name(struct scan *c)
{
	static const char *const en[12] = { "january", "february", "march",
	    "april", "may", "june", "july", "august", "september", "october",
	    "november", "december" };
	static const char pt[12][4] = { "jan", "fev", "mar", "abr", "mai",
	    "jun", "jul", "ago", "set", "out", "nov", "dez" };
	size_t n = word(c);
	int i, m = 0;

	for (i = 0; i < 12 && m == 0; i++)
		if (word_is(c->p, n, en[i]) || word_is(c->p, n, pt[i]) ||
		    (n == 3 && prefix3(c->p, en[i])))
			m = i + 1;
	if (m == 0 && word_is(c->p, n, "sept"))
		m = 9;
	if (m != 0)
		c->p += n;
	return m;
}

/* Consumes an English weekday name (3 letters or full); 1 if there was one. */
static int
weekday_name(struct scan *c)
{
	static const char *const wd[7] = { "monday", "tuesday", "wednesday",
	    "thursday", "friday", "saturday", "sunday" };
	size_t n = word(c);
	int i;

	for (i = 0; i < 7; i++)
		if ((n == 3 && prefix3(c->p, wd[i])) || word_is(c->p, n, wd[i])) {
			c->p += n;
			return 1;
		}
	return 0;
}

/*
 * AM/PM after a clock: "AM", "pm", "a.m.", "p. m." (es/pt locales), with
 * nothing, blanks, NBSP or U+202F (ICU's default since CLDR 42) before.
 * Returns 1 and sets *pm, or 0 with nothing consumed.
 */
static int
meridiem(struct scan *c, int *pm)
{
	struct scan t = *c;
	int ch, dot;

	if (t.end - t.p >= 2 && (unsigned char)t.p[0] == 0xC2 &&
	    (unsigned char)t.p[1] == 0xA0)
		t.p += 2;
	else if (t.end - t.p >= 3 && (unsigned char)t.p[0] == 0xE2 &&
	    (unsigned char)t.p[1] == 0x80 && (unsigned char)t.p[2] == 0xAF)
		t.p += 3;
	else
		blanks(&t);
	ch = lower(peek(&t));
	if (ch != 'a' && ch != 'p')
		return 0;
	t.p++;
	if ((dot = eat(&t, '.')) != 0)
		eat(&t, ' ');
	if (lower(peek(&t)) != 'm')
		return 0;
	t.p++;
	if (dot)
		eat(&t, '.');
	if (isalpha_ascii(peek(&t)) || isdig(peek(&t)))
		return 0;
	*pm = ch == 'p';
	*c = t;
	return 1;
}

/* h[h]:mm[:ss[.f...]][ AM|PM]; -1 when malformed or out of range. */
static int
clock_time(struct scan *c, struct fields *f)
{
	int pm, nd;

	if (num(c, 2, &f->h) == 0 || !eat(c, ':') || num(c, 2, &f->mi) != 2)
		return -1;
	if (eat(c, ':')) {
		if (num(c, 2, &f->s) != 2)
			return -1;
		/* "," is the ISO 8601 decimal sign (and log4j's default). */
		if ((peek(c) == '.' || peek(c) == ',') && c->end - c->p >= 2 &&
		    isdig((unsigned char)c->p[1])) {
			c->p++;
			for (nd = 0; isdig(peek(c)); nd++, c->p++)
				if (nd < 3)
					f->ms = f->ms * 10 + (*c->p - '0');
			for (; nd < 3; nd++)
				f->ms *= 10;
		}
	}
	if (meridiem(c, &pm)) {
		if (f->h < 1 || f->h > 12)
			return -1;
		f->h = f->h % 12 + (pm ? 12 : 0);
	}
	return f->h <= 23 && f->mi <= 59 && f->s <= 59 ? 0 : -1;
}

/* +hh, +hhmm, +hh:mm (or -) at c into *off; -1 when malformed. */
static int
offset(struct scan *c, long *off)
{
	int sign, hh, mm = 0, nd;

	sign = peek(c) == '-' ? -1 : 1;
	c->p++;
	nd = num(c, 4, &hh);
	if (nd == 4) {
		mm = hh % 100;
		hh /= 100;
	} else if (nd == 2) {
		if (eat(c, ':') && num(c, 2, &mm) != 2)
			return -1;
	} else
		return -1;
	if (hh > 23 || mm > 59)
		return -1;
	*off = sign * (hh * 3600L + mm * 60L);
	return 0;
}

/*
 * An optional zone after a clock, blanks before it allowed: Z, UTC, GMT,
 * UT, an offset, GMT-0300 (JavaScript's Date.toString), and with obs the
 * RFC 2822 North American names.  Returns 1 (f->has_zone set), 0 when
 * there is none (nothing consumed) or -1 when malformed.
 */
static int
zone(struct scan *c, struct fields *f, int obs)
{
	static const struct { const char *name; long off; } names[] = {
		{ "z", 0 }, { "utc", 0 }, { "gmt", 0 }, { "ut", 0 },
		{ "est", -5 }, { "edt", -4 }, { "cst", -6 }, { "cdt", -5 },
		{ "mst", -7 }, { "mdt", -6 }, { "pst", -8 }, { "pdt", -7 },
	};
	struct scan t = *c;
	size_t n, i, nnames = obs ? 12 : 4;
	int ch;

	blanks(&t);
	ch = peek(&t);
	if (ch == '+' || ch == '-') {
		if (offset(&t, &f->off) < 0)
			return -1;
	} else if (isalpha_ascii(ch)) {
		n = word(&t);
		for (i = 0; i < nnames; i++)
			if (word_is(t.p, n, names[i].name))
				break;
		if (i == nnames)
			return 0;
		t.p += n;
		f->off = names[i].off * 3600;
		if (i >= 1 && i <= 2 && (peek(&t) == '+' || peek(&t) == '-') &&
		    offset(&t, &f->off) < 0)
			return -1;
	} else
		return 0;
	if (isdig(peek(&t)))
		return -1;
	f->has_zone = 1;
	*c = t;
	return 1;
}

/* RFC 2822 comment "(Brasilia Standard Time)" at the very end. */
static void
comment(struct scan *c)
{
	struct scan t = *c;

	blanks(&t);
	if (eat(&t, '(') && t.end > t.p && t.end[-1] == ')')
		c->p = c->end;
}

static int
year2(int yy)
{
	return yy < 70 ? 2000 + yy : 1900 + yy;
}

/* A year of exactly 2 or 4 digits. */
static int
year24(struct scan *c, int *y)
{
	int nd = num(c, 4, y);

	if (nd == 2)
		*y = year2(*y);
	return nd == 2 || nd == 4 ? 0 : -1;
}

/*
 * Day and month from numeric fields a/b of a date with the year last.
 */
static int
resolve_dm(int a, int b, enum cim_date_order order, struct fields *f)
{
	if (order == CIM_ORDER_MDY || (order != CIM_ORDER_DMY && a <= 12 &&
	    b > 12)) {
		f->mo = a;
		f->d = b;
		return 0;
	}
	f->d = a;
	f->mo = b;
	if (order == CIM_ORDER_DMY || a > 12 || a == b)
		return 0;
	/* AUTO, both <= 12 and different: either reading is a real date. */
	f->ambiguous = 1;
	return 0;
}

/*
 * A date of numbers and "/", "-" or "." (one kind), or with a month name
 * in the middle, then the optional time.
 */
static int
numeric_date(struct scan *c, enum cim_date_order order, struct fields *f)
{
	int a = 0, b = 0, cc = 0, na, nc, sep, named, iso, comma;

	na = num(c, 4, &a);
	sep = peek(c);
	if ((na != 1 && na != 2 && na != 4) || (sep != '/' && sep != '-' &&
	    sep != '.'))
		return -1;
	c->p++;
	if ((named = isalpha_ascii(peek(c))) != 0) {
		if ((b = month_name(c)) == 0)
			return -1;
	} else if (num(c, 2, &b) == 0)
		return -1;
	if (!eat(c, sep) || (nc = num(c, 4, &cc)) == 0)
		return -1;

	iso = 0;
	if (na == 4) {
		if (nc > 2)
			return -1;
		f->y = a;
		f->mo = b;
		f->d = cc;
		iso = sep == '-';
	} else if (nc != 2 && nc != 4) {
		return -1;
	} else if (named) {
		f->d = a;
		f->mo = b;
		f->y = nc == 4 ? cc : year2(cc);
	} else if (nc == 2 && order == CIM_ORDER_YMD) {
		f->y = year2(a);
		f->mo = b;
		f->d = cc;
	} else {
		f->y = nc == 4 ? cc : year2(cc);
		if (resolve_dm(a, b, order, f) < 0)
			return -1;
	}

	if (c->p == c->end)
		return 0;
	/* ISO 8601 "T"; ":" is the Apache common log format. */
	if (!(iso && (eat(c, 'T') || eat(c, 't'))) && !(named && eat(c, ':'))) {
		comma = eat(c, ',');
		if (blanks(c) == 0 && !comma)
			return -1;
	}
	if (clock_time(c, f) < 0 || zone(c, f, 0) < 0)
		return -1;
	return 0;
}

/*
 * Dates with a month name and an optional leading weekday: RFC 2822,
 * Twitter/ctime and "Oct 31, 2017".
 */
static int
named_date(struct scan *c, struct fields *f)
{
	struct scan t;
	int v;

	if (weekday_name(c)) {
		eat(c, ',');
		blanks(c);
	}
	if (isdig(peek(c))) {
		/* RFC 2822: 31 Oct 2017 22:10:47 +0000 */
		if (num(c, 2, &f->d) == 0 || blanks(c) == 0 ||
		    (f->mo = month_name(c)) == 0 || blanks(c) == 0 ||
		    year24(c, &f->y) < 0)
			return -1;
		if (c->p == c->end)
			return 0;
		if (blanks(c) == 0 || clock_time(c, f) < 0 || zone(c, f, 1) < 0)
			return -1;
		comment(c);
		return 0;
	}
	if ((f->mo = month_name(c)) == 0 || blanks(c) == 0 ||
	    num(c, 2, &f->d) == 0)
		return -1;
	t = *c;
	if (blanks(&t) > 0 && num(&t, 2, &v) > 0 && peek(&t) == ':') {
		/* Twitter / ctime: Oct 31 22:10:47 [+0000] 2017 */
		blanks(c);
		if (clock_time(c, f) < 0 || zone(c, f, 1) < 0 ||
		    blanks(c) == 0 || num(c, 4, &f->y) != 4)
			return -1;
		return 0;
	}
	/* Oct 31, 2017[,] 10:10 PM [zone] */
	eat(c, ',');
	if (blanks(c) == 0 || num(c, 4, &f->y) != 4)
		return -1;
	if (c->p == c->end)
		return 0;
	eat(c, ',');
	if (blanks(c) == 0 || clock_time(c, f) < 0 || zone(c, f, 1) < 0)
		return -1;
	comment(c);
	return 0;
}

/* digits[.digits]: seconds, or milliseconds from 1e11 on. */
static int
epoch(const char *p, const char *end, int64_t *ms)
{
	int64_t v = 0;
	int frac = 0, nd = 0;

	for (; p < end && isdig((unsigned char)*p); p++) {
		if (v > MAX_YEAR_MS)
			return CIM_TIME_BAD;
		v = v * 10 + (*p - '0');
	}
	if (p < end) {		/* '.', checked by the caller */
		for (p++; p < end; p++, nd++)
			if (nd < 3)
				frac = frac * 10 + (*p - '0');
		for (; nd < 3; nd++)
			frac *= 10;
	}
	/*
	 * 1e11 s is the year 5138, 1e11 ms is March 1973: no real data is
	 * ambiguous across that line.
	 */
	if (v < INT64_C(100000000000))
		v = v * 1000 + frac;
	if (v >= MAX_YEAR_MS)
		return CIM_TIME_BAD;
	if (ms != NULL)
		*ms = v;
	return CIM_TIME_OK;
}

static int
is_epoch(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && isdig((unsigned char)*q))
		q++;
	if (q == p)
		return 0;
	if (q < end && *q == '.' && q + 1 < end)
		for (q++; q < end && isdig((unsigned char)*q); q++)
			;
	return q == end;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	    c == '\f';
}

int
cim_time_parse(const char *s, size_t n, enum cim_date_order order,
    const struct cim_tz *tz, int64_t *ms)
{
	struct scan c = { s, s + n };
	struct fields f;
	int64_t local, utc;
	int rc;

	while (c.p < c.end && is_space((unsigned char)*c.p))
		c.p++;
	while (c.end > c.p && is_space((unsigned char)c.end[-1]))
		c.end--;
	if (c.p == c.end)
		return CIM_TIME_BAD;
	if (is_epoch(c.p, c.end))
		return epoch(c.p, c.end, ms);

	memset(&f, 0, sizeof f);
	if (isdig(peek(&c))) {
		struct scan t = c;
		int v;

		/* "31 Oct 2017" is RFC 2822 without a weekday. */
		num(&t, 2, &v);
		rc = isblank_ascii(peek(&t)) ? named_date(&c, &f) :
		    numeric_date(&c, order, &f);
	} else if (isalpha_ascii(peek(&c)))
		rc = named_date(&c, &f);
	else
		rc = -1;
	if (rc < 0 || c.p != c.end)
		return CIM_TIME_BAD;
	if (f.y < 1900 || f.y > 9999 || f.d < 1 ||
	    f.d > cim_time_days_in_month(f.y, f.mo))
		return CIM_TIME_BAD;
	if (f.ambiguous)
		return CIM_TIME_AMBIGUOUS;
	local = civil_seconds(f.y, f.mo, f.d, f.h, f.mi, f.s);
	utc = f.has_zone ? local - f.off : cim_tz_local_to_utc(tz, local);
	if (ms != NULL)
		*ms = utc * 1000 + f.ms;
	return CIM_TIME_OK;
}
