/*
 * convtime.c: a conversation's timeline and service facts (see
 * convtime.h; the definitions are stated in man/cim-metrics.1 too).
 *
 * Why these definitions: first response is what Zendesk ("first reply
 * time") and contact-centre ACD reports ("speed of answer") measure, from
 * the moment a human could first see the customer; when a bot answered
 * first that moment is the bot-to-human handoff, otherwise bot replies
 * would make every queue look instant.
 */
#include <stdlib.h>
#include <string.h>

#include "channel.h"
#include "convtime.h"
#include "err.h"
#include "tstamp.h"

static int
plain(const struct cim_jmember *m, const char **s, size_t *n)
{
	if (m->vlen < 2 || m->val[0] != '"' || memchr(m->val, '\\', m->vlen))
		return 0;
	*s = m->val + 1;
	*n = m->vlen - 2;
	return 1;
}

#define IS(s, n, lit) ((n) == sizeof(lit) - 1 && memcmp((s), (lit), (n)) == 0)

/* The role a message's raw from names, or -1 when it is none of the
 * canonical ones (cim_role_valid's set; an escaped spelling is none). */
static int
role_of(const char *s, size_t n)
{
	if (IS(s, n, "customer")) return CIM_R_CUSTOMER;
	if (IS(s, n, "agent")) return CIM_R_AGENT;
	if (IS(s, n, "bot")) return CIM_R_BOT;
	if (IS(s, n, "system")) return CIM_R_SYSTEM;
	return -1;
}

static int
evtype_of(const char *s, size_t n)
{
	if (IS(s, n, "handoff")) return CIM_E_HANDOFF;
	if (IS(s, n, "resolved")) return CIM_E_RESOLVED;
	if (IS(s, n, "reopened")) return CIM_E_REOPENED;
	if (IS(s, n, "abandoned")) return CIM_E_ABANDONED;
	return CIM_E_OTHER;
}

static void
push(struct cim_tlitem **v, size_t *n, size_t *cap, int64_t at, int kind)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = cim_xrealloc(*v, *cap * sizeof(**v));
	}
	(*v)[*n].at = at;
	(*v)[*n].kind = kind;
	(*n)++;
}

/* Insertion sort: stable, and the lists are short and nearly sorted. */
static void
sort_items(struct cim_tlitem *v, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct cim_tlitem x = v[i];

		if (v[i - 1].at <= x.at)
			continue;
		for (j = i; j > 0 && v[j - 1].at > x.at; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/*
 * Reads the array member m: each element's "at" and its kind from member
 * kname ("from" or "type").  Messages get the checks cim_schema_check()
 * makes, with its reasons, so a caller may skip those there.
 * The record layer has validated the text already, so the walk only
 * finds where strings and values end (json.h's skips), with no UTF-8 or
 * grammar checks: about three times faster than a second validating
 * scan.  Anything it does not expect ends the walk.
 */
static int
read_items(struct cim_timeline *t, const struct cim_jmember *m, const char *kname,
    int events, struct cim_buf *why)
{
	const char *p = m->val, *e = m->val + m->vlen, *s;
	const char *what = events ? "events" : "messages";
	size_t i, n;
	int64_t prev = 0;

	if (p == e || *p != '[') {
		cim_buf_printf(why, "%s is not an array", what);
		return -1;
	}
	p = cim_json_skip_ws(p + 1, e);
	for (i = 0; p < e && *p != ']'; i++) {
		int64_t ms = 0;
		int kind = -1, have_at = 0;

		if (*p != '{') {
			cim_buf_printf(why, "%s[%zu] is not an object", what, i);
			return -1;
		}
		p = cim_json_skip_ws(p + 1, e);
		while (p < e && *p == '"') {
			const char *k = p + 1, *ke = cim_json_skip_string(p, e) - 1, *v, *ve;
			size_t klen = (size_t)(ke - k);

			p = cim_json_skip_ws(ke + 1, e);
			if (p < e && *p == ':')
				p = cim_json_skip_ws(p + 1, e);
			v = p;
			ve = p = *p == '"' ? cim_json_skip_string(p, e) : cim_json_skip_value(p, e);
			p = cim_json_skip_ws(p, e);
			if (p < e && *p == ',')
				p = cim_json_skip_ws(p + 1, e);
			s = v + 1;
			n = ve - v >= 2 ? (size_t)(ve - v - 2) : 0;
			/* No memchr for a backslash in at or from: the fixed
			 * format and the role names have none. */
			if (klen == 2 && k[0] == 'a' && k[1] == 't') {
				if (*v != '"' || cim_time_parse_canonical(s, n, &ms) != 0) {
					cim_buf_printf(why, "%s[%zu].at is not an RFC 3339 UTC time", what, i);
					return -1;
				}
				have_at = 1;
			} else if (klen == 4 && memcmp(k, kname, 4) == 0) {	/* from, type */
				if (events) {
					if (*v != '"' || memchr(s, '\\', n)) {
						cim_buf_printf(why, "%s[%zu].type is not a string", what, i);
						return -1;
					}
					kind = evtype_of(s, n);
				} else {
					if (*v != '"' || (kind = role_of(s, n)) < 0) {
						cim_buf_printf(why, "%s[%zu].from is not customer, agent, bot or system", what, i);
						return -1;
					}
				}
			} else if (!events && *v != '"' && (IS(k, klen, "text") ||
			    IS(k, klen, "author") || IS(k, klen, "id"))) {
				cim_buf_printf(why, "%s[%zu].%.*s is not a string", what, i, (int)klen, k);
				return -1;
			}
		}
		if (p < e && *p == '}')
			p = cim_json_skip_ws(p + 1, e);
		if (p < e && *p == ',')
			p = cim_json_skip_ws(p + 1, e);
		if (!have_at || kind < 0) {
			cim_buf_printf(why, "%s[%zu] has no %s", what, i, have_at ? kname : "at");
			return -1;
		}
		if (events) {
			push(&t->ev, &t->nev, &t->evcap, ms, kind);
		} else {
			if (i > 0 && ms < prev)
				t->disorder = 1;
			prev = ms;
			push(&t->msg, &t->nmsg, &t->msgcap, ms, kind);
		}
	}
	return 0;
}

int
cim_timeline_read(struct cim_timeline *t, const struct cim_rec *r, int need_msgs,
    struct cim_buf *why)
{
	const struct cim_jmember *m;
	const char *s;
	size_t n;

	t->nmsg = t->nev = 0;
	t->disorder = 0;
	t->started = 0;
	t->ended = -1;
	t->status_resolved = t->status_abandoned = 0;
	const struct cim_jmember *st = NULL, *en = NULL, *stat = NULL, *msgs = NULL, *evs = NULL;
	size_t i;

	/* One pass over the members instead of a lookup for each. */
	for (i = 0; i < r->sc.n; i++) {
		m = &r->sc.m[i];
		if (m->kesc)
			continue;
		switch (m->klen) {
		case 6:
			if (!memcmp(m->key, "status", 6)) stat = m;
			else if (!memcmp(m->key, "events", 6)) evs = m;
			break;
		case 8:
			if (!memcmp(m->key, "ended_at", 8)) en = m;
			else if (!memcmp(m->key, "messages", 8)) msgs = m;
			break;
		case 10:
			if (!memcmp(m->key, "started_at", 10)) st = m;
			break;
		}
	}
	if (st && plain(st, &s, &n))
		cim_time_parse_canonical(s, n, &t->started);
	if (en && plain(en, &s, &n) && cim_time_parse_canonical(s, n, &t->ended) != 0)
		t->ended = -1;
	if (stat && plain(stat, &s, &n)) {
		t->status_resolved = IS(s, n, "resolved") || IS(s, n, "closed");
		t->status_abandoned = IS(s, n, "abandoned");
	}
	if (need_msgs && msgs && read_items(t, msgs, "from", 0, why) < 0)
		return -1;
	if (evs && read_items(t, evs, "type", 1, why) < 0)
		return -1;
	sort_items(t->msg, t->nmsg);
	sort_items(t->ev, t->nev);
	return 0;
}

static void
add_reply(struct cim_convfacts *f, int64_t from, int64_t to)
{
	if (f->nreply == f->replycap) {
		f->replycap = f->replycap ? f->replycap * 2 : 8;
		f->reply = cim_xrealloc(f->reply, f->replycap * sizeof(*f->reply));
	}
	f->reply[f->nreply].from = from;
	f->reply[f->nreply].to = to;
	f->nreply++;
}

void
cim_convfacts_compute(struct cim_convfacts *f, const struct cim_timeline *t)
{
	const struct cim_tlitem *msg = t->msg, *ev = t->ev;
	size_t i, fc = t->nmsg, hum = t->nmsg, botfirst = t->nmsg, agent1 = t->nmsg;
	int64_t end, human_from = 0, pending = -1, last_resolved = -1, handoff = -1;
	int handoff_ev = 0, replied = 0, bot_before_human = 0, last_was_reopen = 0;
	struct cim_span *rp = f->reply;
	size_t rc = f->replycap;

	memset(f, 0, sizeof(*f));
	f->reply = rp;
	f->replycap = rc;

	end = t->ended >= 0 ? t->ended : t->started;
	for (i = 0; i < t->nmsg; i++) {
		if (msg[i].at > end && t->ended < 0)
			end = msg[i].at;
		switch (msg[i].kind) {
		case CIM_R_CUSTOMER:
			if (fc == t->nmsg)
				fc = i;
			if (pending < 0)
				pending = msg[i].at;
			break;
		case CIM_R_AGENT:
			f->human = 1;
			if (agent1 == t->nmsg)
				agent1 = i;
			if (fc < t->nmsg && hum == t->nmsg)
				hum = i;
			if (f->bot)
				bot_before_human = 1;
			if (fc < t->nmsg)
				replied = 1;
			if (pending >= 0)
				add_reply(f, pending, msg[i].at);
			pending = -1;
			break;
		case CIM_R_BOT:
			f->bot = 1;
			if (fc < t->nmsg && hum == t->nmsg && botfirst == t->nmsg)
				botfirst = i;
			if (fc < t->nmsg)
				replied = 1;
			pending = -1;	/* the bot answered it */
			break;
		default:
			break;
		}
	}
	f->inbound = fc < t->nmsg;

	/* Events: the last resolution not undone by a later reopening, and
	 * the last handoff before the first human reply. */
	for (i = 0; i < t->nev; i++) {
		switch (ev[i].kind) {
		case CIM_E_HANDOFF:
			handoff_ev = 1;
			if (f->inbound && ev[i].at >= msg[fc].at &&
			    (hum == t->nmsg || ev[i].at <= msg[hum].at))
				handoff = ev[i].at;
			break;
		case CIM_E_RESOLVED:
			last_resolved = ev[i].at;
			last_was_reopen = 0;
			break;
		case CIM_E_REOPENED:
			f->reopened = 1;
			last_was_reopen = 1;
			break;
		case CIM_E_ABANDONED:
			f->abandoned = 1;
			break;
		default:
			break;
		}
	}
	if (last_resolved >= 0 && !last_was_reopen) {
		f->resolved = 1;
	} else if (last_resolved < 0 && t->status_resolved) {
		f->resolved = 1;
		last_resolved = end;
	}
	if (f->resolved) {
		f->resolution.from = t->started;
		f->resolution.to = last_resolved;
	}

	/* First response: from the first customer message, or from the
	 * handoff when a bot answered first, to the first human reply. */
	if (f->inbound) {
		human_from = msg[fc].at;
		if (botfirst < t->nmsg) {
			if (handoff >= 0) {
				human_from = handoff;
			} else if (hum < t->nmsg) {
				/* No handoff event: the bot's last word before the human. */
				for (i = hum; i > fc; i--)
					if (msg[i - 1].kind == CIM_R_BOT) {
						human_from = msg[i - 1].at;
						break;
					}
			}
		}
	} else {
		human_from = t->started;
	}
	if (hum < t->nmsg) {
		f->answered = 1;
		f->frt.from = human_from;
		f->frt.to = msg[hum].at;
	} else if (f->inbound && (botfirst == t->nmsg || handoff >= 0)) {
		f->unanswered = 1;
	}
	f->escalated = f->bot && (handoff_ev || bot_before_human);
	f->contained = f->bot && !f->human && f->resolved;
	if (t->status_abandoned || (f->inbound && !replied && (t->ended >= 0 || t->status_resolved)))
		f->abandoned = 1;

	/* Handling time: the bot from the customer's first word to the
	 * handoff (or the end); the human from the first agent message to
	 * the end, as a contact centre's handle time starts when the call is
	 * answered: the queue in between is nobody's handling. */
	if (f->bot) {
		f->has_bot_span = 1;
		f->bot_span.from = f->inbound ? msg[fc].at : t->started;
		f->bot_span.to = f->human ? human_from : end;
	}
	if (f->human) {
		f->has_human_span = 1;
		f->human_span.from = msg[agent1].at;
		f->human_span.to = end;
	}
}

void
cim_timeline_free(struct cim_timeline *t)
{
	free(t->msg);
	free(t->ev);
	memset(t, 0, sizeof(*t));
}

void
cim_convfacts_free(struct cim_convfacts *f)
{
	free(f->reply);
	memset(f, 0, sizeof(*f));
}
