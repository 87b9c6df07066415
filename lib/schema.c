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

/* The canonical members the check knows; the required ones first, in
 * the order "no NAME" reports them. */
enum field { F_ID, F_SOURCE, F_CHANNEL, F_STARTED, F_CUSTOMER, F_MESSAGES,
	NREQ, F_ENDED = NREQ, F_STATUS, F_EVENTS, F_AGENT, F_QUEUE, F_CSAT,
	F_NPS, F_REGION, F_ATTRS, NFIELD, F_OTHER = -1 };
static const char *const field_name[NFIELD] = { "id", "source", "channel",
	"started_at", "customer", "messages", "ended_at", "status", "events",
	"agent", "queue", "csat", "nps", "region", "attrs" };

/*
 * The field an unescaped key names, or F_OTHER: a switch on the length
 * makes it one comparison for most keys (a loop over the names cost
 * more than the rest of the check together).
 */
static enum field
field_of(const char *k, size_t n)
{
#define IS(f) (memcmp(k, field_name[f], n) == 0 ? (f) : F_OTHER)
	switch (n) {
	case 2: return IS(F_ID);
	case 3: return IS(F_NPS);
	case 4: return IS(F_CSAT);
	case 5: return k[0] == 'a' ? (k[1] == 'g' ? IS(F_AGENT) : IS(F_ATTRS)) : IS(F_QUEUE);
	case 6:
		switch (k[0]) {
		case 's': return k[1] == 'o' ? IS(F_SOURCE) : IS(F_STATUS);
		case 'e': return IS(F_EVENTS);
		case 'r': return IS(F_REGION);
		default: return F_OTHER;
		}
	case 7: return IS(F_CHANNEL);
	case 8: return k[0] == 'c' ? IS(F_CUSTOMER) : k[0] == 'm' ? IS(F_MESSAGES) : IS(F_ENDED);
	case 10: return IS(F_STARTED);
	default: return F_OTHER;
	}
#undef IS
}

/*
 * The required member an escaped key spells (an escaped spelling of a
 * name counts as the member being there, as cim_rec_find() sees it), or
 * F_OTHER; its value is not checked, being no canonical name.
 */
static enum field
escaped_required(const struct cim_jmember *m)
{
	int f;

	for (f = 0; f < NREQ; f++)
		if (cim_json_key_is_escaped(m->key, m->klen, field_name[f]))
			return (enum field)f;
	return F_OTHER;
}

/* The checks of one canonical member's value: 0, or -1 with the reason. */
static int
check_field(enum field f, const struct cim_jmember *m, struct cim_buf *why, int *disorder)
{
	const char *s;
	size_t n;
	int64_t ms;

	switch (f) {
	case F_ID:
	case F_SOURCE:
		if (!is_string(m) || m->vlen <= 2)
			return bad(why, "%s is not a non-empty string", field_name[f]);
		return 0;
	case F_CHANNEL:
		if (!plain_str(m, &s, &n) || !cim_channel_valid(s, n))
			return bad(why, "%s is not a canonical channel", "channel");
		return 0;
	case F_STARTED:
	case F_ENDED:
		return check_time(m, field_name[f], why, &ms);
	case F_STATUS:
		if (!plain_str(m, &s, &n) || !cim_status_valid(s, n))
			return bad(why, "%s is not open, pending, resolved, closed or abandoned", "status");
		return 0;
	case F_CUSTOMER:
	case F_ATTRS:
		if (m->val[0] != '{')
			return bad(why, "%s is not an object", field_name[f]);
		return 0;
	case F_MESSAGES:
		if (m->val[0] != '[')
			return bad(why, "%s is not an array", "messages");
		return check_messages(m, why, disorder);
	case F_EVENTS:
		if (m->val[0] != '[')
			return bad(why, "%s is not an array", "events");
		return 0;
	case F_AGENT:
	case F_QUEUE:
		if (!is_string(m))
			return bad(why, "%s is not a string", field_name[f]);
		return 0;
	case F_CSAT:
		if (!number_in(m, 1, 5))
			return bad(why, "%s is not a number from 1 to 5", "csat");
		return 0;
	case F_NPS:
		if (!number_in(m, 0, 10))
			return bad(why, "%s is not a number from 0 to 10", "nps");
		return 0;
	case F_REGION:
		if (!plain_str(m, &s, &n) || n != 2 || s[0] < 'A' || s[0] > 'Z' ||
		    s[1] < 'A' || s[1] > 'Z')
			return bad(why, "%s is not an ISO 3166 two-letter code", "region");
		return 0;
	default:
		return 0;
	}
}

int
cim_schema_check(const struct cim_rec *r, struct cim_buf *why, int *disorder)
{
	const struct cim_jmember *m, *found[NREQ], *id, *src;
	size_t i, sl;
	int f;

	if (disorder)
		*disorder = 0;
	for (f = 0; f < NREQ; f++)
		found[f] = NULL;
	/* Every required member is looked for before any value is checked:
	 * a missing one is the reason given, whatever else is wrong. */
	for (i = 0; i < r->sc.n; i++) {
		m = &r->sc.m[i];
		f = m->kesc ? escaped_required(m) : field_of(m->key, m->klen);
		if (f >= 0 && f < NREQ && found[f] == NULL)
			found[f] = m;
	}
	for (f = 0; f < NREQ; f++)
		if (found[f] == NULL)
			return bad(why, "no %s", field_name[f]);
	/* Values in the record's order; an escaped key is no canonical name. */
	for (i = 0; i < r->sc.n; i++) {
		m = &r->sc.m[i];
		if (!m->kesc && check_field(field_of(m->key, m->klen), m, why, disorder) < 0)
			return -1;
	}
	/* The id is prefixed by its source: "zendesk:4711". */
	id = found[F_ID];
	src = found[F_SOURCE];
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
