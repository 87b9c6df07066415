/*
 * schema.c: canonical record checks over a scanned line (see schema.h).
 */
#include <stdlib.h>
#include <string.h>

#include "channel.h"
#include "json.h"
#include "schema.h"
#include "tstamp.h"

/* The raw text of a string value without its quotes, when it has no
 * escapes (canonical values never need one); 0 otherwise. */
static int
plain_str(const struct cim_jmember *m, const char **s, size_t *n)
{
	if (m->vlen < 2 || m->val[0] != '"' || memchr(m->val, '\\', m->vlen))
		return 0;
	*s = m->val + 1;
	*n = m->vlen - 2;
	return 1;
}

static int
is_string(const struct cim_jmember *m)
{
	return m->val[0] == '"';
}

static int
bad(struct cim_buf *why, const char *what, const char *name)
{
	cim_buf_printf(why, what, name);
	return -1;
}

static int
check_time(const struct cim_jmember *m, const char *name, struct cim_buf *why,
    int64_t *ms)
{
	const char *s;
	size_t n;

	if (!plain_str(m, &s, &n) || cim_time_parse_canonical(s, n, ms) != 0)
		return bad(why, "%s is not an RFC 3339 UTC time (2026-01-05T13:04:11Z)", name);
	return 0;
}

static int
number_in(const struct cim_jmember *m, double lo, double hi)
{
	char tmp[40];
	double v;

	if (m->vlen == 0 || m->vlen >= sizeof(tmp) ||
	    !(m->val[0] == '-' || (m->val[0] >= '0' && m->val[0] <= '9')))
		return 0;
	memcpy(tmp, m->val, m->vlen);
	tmp[m->vlen] = '\0';
	v = strtod(tmp, NULL);
	return v >= lo && v <= hi;
}

/* Each message: an object with at (canonical) and from (a role). */
static int
check_messages(const struct cim_jmember *msgs, struct cim_buf *why, int *disorder)
{
	struct cim_jscan arr = { 0 }, one = { 0 };
	size_t i, j;
	int64_t prev = 0;
	int rc = 0;

	/* The record's line was validated when it was scanned (rec.h): the
	 * messages are walked, not validated again (it halved the cost of a
	 * check on records whose bytes are mostly messages). */
	if (msgs->val[0] != '[' || cim_json_members(msgs->val, msgs->vlen, &arr) < 0) {
		cim_jscan_free(&arr);
		return bad(why, "%s is not an array", "messages");
	}
	for (i = 0; i < arr.n && rc == 0; i++) {
		const struct cim_jmember *e = &arr.m[i];
		int seen_at = 0, seen_from = 0;

		if (e->val[0] != '{' || cim_json_members(e->val, e->vlen, &one) < 0) {
			cim_buf_printf(why, "messages[%zu] is not an object", i);
			rc = -1;
			break;
		}
		for (j = 0; j < one.n && rc == 0; j++) {
			const struct cim_jmember *m = &one.m[j];
			const char *s;
			size_t n;
			int64_t ms;

			if (m->klen == 2 && memcmp(m->key, "at", 2) == 0) {
				seen_at = 1;
				if (!plain_str(m, &s, &n) || cim_time_parse_canonical(s, n, &ms) != 0) {
					cim_buf_printf(why, "messages[%zu].at is not an RFC 3339 UTC time", i);
					rc = -1;
				} else {
					if (i > 0 && ms < prev && disorder)
						*disorder = 1;
					prev = ms;
				}
			} else if (m->klen == 4 && memcmp(m->key, "from", 4) == 0) {
				seen_from = 1;
				if (!plain_str(m, &s, &n) || !cim_role_valid(s, n)) {
					cim_buf_printf(why, "messages[%zu].from is not customer, agent, bot or system", i);
					rc = -1;
				}
			} else if ((m->klen == 4 && (memcmp(m->key, "text", 4) == 0)) ||
			    (m->klen == 6 && memcmp(m->key, "author", 6) == 0) ||
			    (m->klen == 2 && memcmp(m->key, "id", 2) == 0)) {
				if (!is_string(m)) {
					cim_buf_printf(why, "messages[%zu].%.*s is not a string", i,
					    (int)m->klen, m->key);
					rc = -1;
				}
			}
		}
		if (rc == 0 && (!seen_at || !seen_from)) {
			cim_buf_printf(why, "messages[%zu] has no %s", i, seen_at ? "from" : "at");
			rc = -1;
		}
	}
	cim_jscan_free(&arr);
	cim_jscan_free(&one);
	return rc;
}

/* The members every record has, in the order "no NAME" reports them. */
#define NAME(lit) { lit, sizeof(lit) - 1 }
static const struct { const char *name; size_t len; } required[] = {
	NAME("id"), NAME("source"), NAME("channel"), NAME("started_at"),
	NAME("customer"), NAME("messages") };
#undef NAME
#define NREQ (sizeof(required) / sizeof(required[0]))

/*
 * Finds the required members in one pass over the record (the first
 * match of each, as cim_rec_find() would return): one pass beats a
 * lookup per name on records of a dozen members.
 */
static void
find_required(const struct cim_rec *r, const struct cim_jmember *found[NREQ])
{
	size_t i, j;

	for (j = 0; j < NREQ; j++)
		found[j] = NULL;
	for (i = 0; i < r->sc.n; i++) {
		const struct cim_jmember *m = &r->sc.m[i];

		for (j = 0; j < NREQ; j++)
			if (found[j] == NULL && (m->kesc ?
			    cim_json_key_is(m->key, m->klen, 1, required[j].name) :
			    m->klen == required[j].len &&
			    memcmp(m->key, required[j].name, m->klen) == 0))
				found[j] = m;
	}
}

int
cim_schema_check(const struct cim_rec *r, struct cim_buf *why, int *disorder)
{
	const struct cim_jmember *m, *found[NREQ], *id, *src;
	const char *s;
	size_t n, i, sl;
	int64_t ms;

	if (disorder)
		*disorder = 0;
	find_required(r, found);
	for (i = 0; i < NREQ; i++)
		if (found[i] == NULL)
			return bad(why, "no %s", required[i].name);
	for (i = 0; i < r->sc.n; i++) {
		m = &r->sc.m[i];
		if (m->kesc)
			continue;	/* not a canonical name */
#define KEY(lit) (m->klen == sizeof(lit) - 1 && memcmp(m->key, lit, m->klen) == 0)
		if (KEY("id") || KEY("source")) {
			if (!is_string(m) || m->vlen <= 2)
				return bad(why, "%s is not a non-empty string", KEY("id") ? "id" : "source");
		} else if (KEY("channel")) {
			if (!plain_str(m, &s, &n) || !cim_channel_valid(s, n))
				return bad(why, "%s is not a canonical channel", "channel");
		} else if (KEY("started_at") || KEY("ended_at")) {
			if (check_time(m, KEY("started_at") ? "started_at" : "ended_at", why, &ms) < 0)
				return -1;
		} else if (KEY("status")) {
			if (!plain_str(m, &s, &n) || !cim_status_valid(s, n))
				return bad(why, "%s is not open, pending, resolved, closed or abandoned", "status");
		} else if (KEY("customer") || KEY("attrs")) {
			if (m->val[0] != '{')
				return bad(why, "%s is not an object", KEY("customer") ? "customer" : "attrs");
		} else if (KEY("messages")) {
			if (m->val[0] != '[')
				return bad(why, "%s is not an array", "messages");
			if (check_messages(m, why, disorder) < 0)
				return -1;
		} else if (KEY("events")) {
			if (m->val[0] != '[')
				return bad(why, "%s is not an array", "events");
		} else if (KEY("agent") || KEY("queue")) {
			if (!is_string(m))
				return bad(why, "%s is not a string", KEY("agent") ? "agent" : "queue");
		} else if (KEY("csat")) {
			if (!number_in(m, 1, 5))
				return bad(why, "%s is not a number from 1 to 5", "csat");
		} else if (KEY("nps")) {
			if (!number_in(m, 0, 10))
				return bad(why, "%s is not a number from 0 to 10", "nps");
		} else if (KEY("region")) {
			if (!plain_str(m, &s, &n) || n != 2 || s[0] < 'A' || s[0] > 'Z' ||
			    s[1] < 'A' || s[1] > 'Z')
				return bad(why, "%s is not an ISO 3166 two-letter code", "region");
		}
#undef KEY
	}
	/* The id is prefixed by its source: "zendesk:4711". */
	id = found[0];
	src = found[1];
	sl = src->vlen - 2;
	if (id->vlen - 2 <= sl + 1 || memcmp(id->val + 1, src->val + 1, sl) != 0 ||
	    id->val[1 + sl] != ':')
		return bad(why, "%s is not prefixed by its source (source:id)", "id");
	return 0;
}

const struct cim_jmember *
cim_schema_unknown(const struct cim_rec *r)
{
	static const char *const known[] = { "id", "source", "channel",
		"started_at", "ended_at", "status", "customer", "messages",
		"events", "agent", "queue", "csat", "nps", "region", "attrs",
		"customer_id", "identity", "lang", "intent", "urgency",
		"sentiment", "churn_risk", "route" };
	size_t i, j;

	for (i = 0; i < r->sc.n; i++) {
		const struct cim_jmember *m = &r->sc.m[i];

		for (j = 0; j < sizeof(known) / sizeof(known[0]); j++)
			if (cim_json_key_is(m->key, m->klen, m->kesc, known[j]))
				break;
		if (j == sizeof(known) / sizeof(known[0]))
			return m;
	}
	return NULL;
}
