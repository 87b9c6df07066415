/*
 * region.c: region profiles and weekly hours (see region.h).
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "kvfile.h"
#include "region.h"
#include "run.h"

/*
 * Brazil: customers expect a person and WhatsApp first; consumer law (CDC,
 * Decreto 11.034/2022 for SACs) sets one-minute answers on the phone.
 * United States: self-service first, then chat.  Holidays are the 2026
 * national ones (Brazil's Carnival Monday and Tuesday included, as most
 * companies close); other years go in a --region-profile file.
 */
const char cim_region_builtin[] =
"region BR\n"
"lang pt\n"
"tone warm\n"
"channels whatsapp, phone, chat, instagram, email\n"
"self_service no\n"
"zone America/Sao_Paulo -03:00\n"
"hours mon-fri 08:00-20:00, sat 09:00-14:00\n"
"holidays 2026-01-01 2026-02-16 2026-02-17 2026-04-03 2026-04-21 2026-05-01\n"
"  2026-06-04 2026-09-07 2026-10-12 2026-11-02 2026-11-15 2026-11-20 2026-12-25\n"
"sla phone=60 chat=120 whatsapp=300 instagram=900 facebook=900 email=4h default=1h\n"
"\n"
"region US\n"
"lang en\n"
"tone efficient\n"
"channels chat, email, phone, sms\n"
"self_service yes\n"
"zone America/New_York -05:00\n"
"hours mon-fri 09:00-18:00\n"
"holidays 2026-01-01 2026-01-19 2026-02-16 2026-05-25 2026-06-19 2026-07-03\n"
"  2026-09-07 2026-10-12 2026-11-11 2026-11-26 2026-12-25\n"
"sla phone=30 chat=60 sms=10m email=24h default=1h\n";

static const char *const dayname[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static int
day_of(const char *s, size_t n)
{
	for (int i = 0; i < 7; i++)
		if (n == 3 && strncmp(s, dayname[i], 3) == 0)
			return i;
	return -1;
}

/* "HH:MM" -> minutes, 24:00 allowed; -1 when bad. */
static int
clock_of(const char *s, size_t n)
{
	int h, m;

	if (n != 5 || s[2] != ':' || s[0] < '0' || s[0] > '2' || s[1] < '0' ||
	    s[1] > '9' || s[3] < '0' || s[3] > '5' || s[4] < '0' || s[4] > '9')
		return -1;
	h = (s[0] - '0') * 10 + s[1] - '0';
	m = (s[3] - '0') * 10 + s[4] - '0';
	if (h > 24 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

int
cim_hours_parse(const char *s, struct cim_hours **h, size_t *n, struct cim_buf *why)
{
	while (*s) {
		struct cim_hours x = { 0, 0, 1440 };
		const char *p;
		size_t len;

		s += strspn(s, " \t\n,;");
		if (*s == '\0')
			break;
		if (strncmp(s, "always", 6) == 0) {
			x.days = 0x7f;
			s += 6;
			goto add;
		}
		/* days: mon, mon-fri, mon,wed (commas inside the day list) */
		for (;;) {
			int a, b;

			len = strspn(s, "abcdefghijklmnopqrstuvwxyz");
			if ((a = day_of(s, len)) < 0)
				goto bad;
			s += len;
			b = a;
			if (*s == '-') {
				s++;
				len = strspn(s, "abcdefghijklmnopqrstuvwxyz");
				if ((b = day_of(s, len)) < 0)
					goto bad;
				s += len;
			}
			for (int d = a;; d = (d + 1) % 7) {
				x.days |= 1u << d;
				if (d == b)
					break;
			}
			if (*s == ',' && day_of(s + 1, strspn(s + 1, "abcdefghijklmnopqrstuvwxyz")) >= 0) {
				s++;
				continue;
			}
			break;
		}
		s += strspn(s, " \t");
		if (strncmp(s, "24h", 3) == 0) {
			s += 3;
			goto add;
		}
		p = s;
		if ((x.from = clock_of(p, 5 <= strlen(p) ? 5 : 0)) < 0 || p[5] != '-' ||
		    (x.to = clock_of(p + 6, 5 <= strlen(p + 6) ? 5 : 0)) < 0 ||
		    x.to <= x.from)
			goto bad;
		s = p + 11;
add:
		if (*s != '\0' && !strchr(" \t\n,;", *s))
			goto bad;
		*h = cim_xrealloc(*h, (*n + 1) * sizeof(**h));
		(*h)[(*n)++] = x;
	}
	return 0;
bad:
	cim_buf_printf(why, "bad hours near '%.20s' (like: mon-fri 08:00-20:00, sat 09:00-13:00)", s);
	return -1;
}

int
cim_hours_in(const struct cim_hours *h, size_t n, int wday, int minute)
{
	if (n == 0)
		return 1;
	for (size_t i = 0; i < n; i++)
		if ((h[i].days & (1u << (wday - 1))) && minute >= h[i].from &&
		    minute < h[i].to)
			return 1;
	return 0;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* "+HH:MM" / "-HH:MM" -> seconds; 0 and 1 when good. */
static int
offset_of(const char *s, long *off)
{
	int m;

	if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || (m = clock_of(s + 1, 5)) < 0)
		return 0;
	*off = (s[0] == '-' ? -60L : 60L) * m;
	return 1;
}

/* Sets one key of profile g from kv; -1 with the reason in why. */
static int
set_key(struct cim_region *g, const struct cim_kv *kv, struct cim_buf *why)
{
	const char *k = kv->key, *v = kv->val;

	if (kv->expr) {
		cim_buf_printf(why, "%s: region profiles take no expressions", k);
		return -1;
	}
	if (strcmp(k, "lang") == 0 || strcmp(k, "tone") == 0) {
		g->profile = jv_object_set(g->profile, jv_string(k), jv_string(v));
	} else if (strcmp(k, "channels") == 0) {
		jv a = jv_array();

		for (const char *p = v; *p; ) {
			size_t n = strcspn(p, ", \t\n");

			if (n)
				a = jv_array_append(a, jv_string_sized(p, (int)n));
			p += n;
			p += strspn(p, ", \t\n");
		}
		g->profile = jv_object_set(g->profile, jv_string(k), a);
	} else if (strcmp(k, "self_service") == 0) {
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
			cim_buf_printf(why, "self_service must be yes or no, not '%s'", v);
			return -1;
		}
		g->profile = jv_object_set(g->profile, jv_string(k), jv_bool(*v == 'y'));
	} else if (strcmp(k, "zone") == 0) {
		char name[256], err[200];
		const char *sp = strpbrk(v, " \t");
		size_t n = sp ? (size_t)(sp - v) : strlen(v);
		int fixed = 0;

		if (n == 0 || n >= sizeof(name)) {
			cim_buf_adds(why, "zone wants a name (America/Sao_Paulo) and an optional offset");
			return -1;
		}
		memcpy(name, v, n);
		name[n] = '\0';
		if (sp != NULL && !(fixed = offset_of(sp + strspn(sp, " \t"), &g->off_s))) {
			cim_buf_printf(why, "bad offset '%s' (like -03:00)", sp + strspn(sp, " \t"));
			return -1;
		}
		cim_tz_free(g->tz);
		/* The offset stands in for the zone where tzdata is missing. */
		if ((g->tz = cim_tz_load(name, err, sizeof(err))) == NULL && !fixed) {
			cim_buf_printf(why, "zone %s: %s", name, err);
			return -1;
		}
		g->profile = jv_object_set(g->profile, jv_string(k), jv_string(name));
	} else if (strcmp(k, "hours") == 0) {
		free(g->hours);
		g->hours = NULL;
		g->nhours = 0;
		if (cim_hours_parse(v, &g->hours, &g->nhours, why) < 0)
			return -1;
		g->profile = jv_object_set(g->profile, jv_string(k), jv_string(v));
	} else if (strcmp(k, "holidays") == 0) {
		for (const char *p = v; *p; ) {
			size_t n = strcspn(p, ", \t\n");
			int y, m, d;

			if (n != 10 || sscanf(p, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
			    d < 1 || d > cim_time_days_in_month(y, m)) {
				cim_buf_printf(why, "bad holiday '%.*s' (YYYY-MM-DD)", (int)n, p);
				return -1;
			}
			g->holidays = cim_xrealloc(g->holidays, (g->nholidays + 1) * sizeof(int64_t));
			g->holidays[g->nholidays++] = cim_time_days_from_civil(y, m, d);
			p += n;
			p += strspn(p, ", \t\n");
		}
		if (g->nholidays > 1)	/* (none: holidays is NULL, which qsort must not get) */
			qsort(g->holidays, g->nholidays, sizeof(int64_t), cmp_i64);
	} else if (strcmp(k, "sla") == 0) {
		jv o = jv_object();

		for (const char *p = v; *p; ) {
			size_t n = strcspn(p, " \t\n,");
			char *item = cim_xstrndup(p, n), *eq = strchr(item, '=');
			long s;

			if (eq == NULL || eq == item || (s = cim_parse_duration(eq + 1)) < 0) {
				cim_buf_printf(why, "bad sla '%s' (CHANNEL=DURATION)", item);
				free(item);
				jv_free(o);
				return -1;
			}
			*eq = '\0';
			o = jv_object_set(o, jv_string(item), jv_number((double)s));
			free(item);
			p += n;
			p += strspn(p, " \t\n,");
		}
		g->profile = jv_object_set(g->profile, jv_string(k), o);
	} else {
		cim_buf_printf(why, "unknown key '%s' (region, lang, tone, channels, self_service, zone, hours, holidays, sla)", k);
		return -1;
	}
	return 0;
}

struct cim_region *
cim_region_find(struct cim_region *r, size_t nr, const char *cc, size_t cclen)
{
	for (size_t i = 0; i < nr; i++)
		if (cclen == 2 && memcmp(r[i].code, cc, 2) == 0)
			return &r[i];
	return NULL;
}

static void
region_clear(struct cim_region *g)
{
	free(g->hours);
	free(g->holidays);
	cim_tz_free(g->tz);
	jv_free(g->profile);
}

int
cim_region_parse(const char *file, const char *text, size_t n,
    struct cim_region **r, size_t *nr, struct cim_buf *why)
{
	struct cim_kvfile f = { 0 };
	struct cim_buf sub = { 0 };
	struct cim_region *g = NULL;
	long line = 0;
	int rc = -1;

	if (cim_kvfile_parse(text, n, &f, &sub) < 0) {
		cim_buf_printf(why, "%s:%s", file, cim_buf_str(&sub));
		goto out;
	}
	for (size_t i = 0; i < f.n; i++) {
		struct cim_kv *kv = &f.kv[i];

		line = kv->line;
		sub.len = 0;
		if (strcmp(kv->key, "region") == 0) {
			const char *v = kv->val;

			if (strlen(v) != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z') {
				cim_buf_printf(&sub, "region wants an ISO 3166 code (BR, US), not '%s'", v);
				goto bad;
			}
			if ((g = cim_region_find(*r, *nr, v, 2)) != NULL) {
				region_clear(g);
			} else {
				*r = cim_xrealloc(*r, (*nr + 1) * sizeof(**r));
				g = &(*r)[(*nr)++];
			}
			memset(g, 0, sizeof(*g));
			memcpy(g->code, v, 3);
			g->profile = jv_object_set(jv_object(), jv_string("code"), jv_string(v));
			g->profile = jv_object_set(g->profile, jv_string("self_service"), jv_false());
			continue;
		}
		if (g == NULL) {
			cim_buf_printf(&sub, "'%s' before any region (start one with: region CC)", kv->key);
			goto bad;
		}
		if (set_key(g, kv, &sub) < 0)
			goto bad;
	}
	rc = 0;
	goto out;
bad:
	cim_buf_printf(why, "%s:%ld: %s", file, line, cim_buf_str(&sub));
out:
	cim_kvfile_free(&f);
	cim_buf_free(&sub);
	return rc;
}

void
cim_region_at(const struct cim_region *r, int64_t ms, int *open, int *holiday,
    int *wday, int *minute)
{
	int64_t s = ms / 1000 - (ms % 1000 < 0), local, day;
	long off = r->tz != NULL ? cim_tz_offset_at(r->tz, s) : r->off_s;

	local = s + off;
	day = local / 86400 - (local % 86400 < 0);
	*wday = cim_time_weekday(day);
	*minute = (int)((local - day * 86400) / 60);
	*holiday = r->nholidays > 0 &&	/* bsearch wants an array, even empty */
	    bsearch(&day, r->holidays, r->nholidays, sizeof(int64_t), cmp_i64) != NULL;
	*open = !*holiday && cim_hours_in(r->hours, r->nhours, *wday, *minute);
}

void
cim_region_free(struct cim_region *r, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		region_clear(&r[i]);
	free(r);
}
