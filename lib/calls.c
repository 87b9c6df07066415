/*
 * calls.c: call logs as conversations with events (see calls.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calls.h"
#include "err.h"
#include "preset.h"
#include "tstamp.h"

enum col { K_NONE, K_ID, K_AGENT, K_QUEUE, K_PHONE, K_NAME, K_START, K_DATE,
    K_TIME, K_ANSWERED_AT, K_ENDED_AT, K_WAIT, K_TALK, K_ANSWERED, K_ABANDONED,
    K_OUTCOME, K_RESOLVED, K_CSAT, K_N };

static const struct { const char *name; enum col k; } names[] = {
	{ "callid", K_ID }, { "id", K_ID }, { "uniqueid", K_ID }, { "idligacao", K_ID },
	{ "ligacaoid", K_ID }, { "chamadaid", K_ID },
	{ "agent", K_AGENT }, { "agentid", K_AGENT }, { "agentname", K_AGENT },
	{ "operator", K_AGENT }, { "atendente", K_AGENT }, { "agente", K_AGENT },
	{ "queue", K_QUEUE }, { "queuename", K_QUEUE }, { "topic", K_QUEUE },
	{ "skill", K_QUEUE }, { "department", K_QUEUE }, { "fila", K_QUEUE },
	{ "assunto", K_QUEUE },
	{ "caller", K_PHONE }, { "callerid", K_PHONE }, { "ani", K_PHONE },
	{ "from", K_PHONE }, { "phone", K_PHONE }, { "phonenumber", K_PHONE },
	{ "customerphone", K_PHONE }, { "callernumber", K_PHONE },
	{ "telefone", K_PHONE }, { "numero", K_PHONE },
	{ "customer", K_NAME }, { "customername", K_NAME }, { "contactname", K_NAME },
	{ "bookingcontactname", K_NAME }, { "cliente", K_NAME }, { "nomecliente", K_NAME },
	{ "start", K_START }, { "startedat", K_START }, { "starttime", K_START },
	{ "callstart", K_START }, { "queuedat", K_START }, { "timestamp", K_START },
	{ "datetime", K_START }, { "createdat", K_START }, { "inicio", K_START },
	{ "datahora", K_START },
	{ "date", K_DATE }, { "calldate", K_DATE }, { "data", K_DATE },
	{ "time", K_TIME }, { "calltime", K_TIME }, { "hora", K_TIME },
	{ "timeanswered", K_ANSWERED_AT }, { "answeredat", K_ANSWERED_AT },
	{ "answertime", K_ANSWERED_AT }, { "atendidaem", K_ANSWERED_AT },
	{ "endtime", K_ENDED_AT }, { "endedat", K_ENDED_AT }, { "end", K_ENDED_AT },
	{ "hangup", K_ENDED_AT }, { "hangupat", K_ENDED_AT }, { "fim", K_ENDED_AT },
	{ "speedofanswerinseconds", K_WAIT }, { "speedofanswer", K_WAIT },
	{ "wait", K_WAIT }, { "waittime", K_WAIT }, { "waitseconds", K_WAIT },
	{ "queuetime", K_WAIT }, { "asa", K_WAIT }, { "espera", K_WAIT },
	{ "tempodeespera", K_WAIT },
	{ "talktime", K_TALK }, { "talkduration", K_TALK }, { "avgtalkduration", K_TALK },
	{ "duration", K_TALK }, { "talkseconds", K_TALK }, { "handletime", K_TALK },
	{ "duracao", K_TALK }, { "tempodeconversa", K_TALK },
	{ "answered", K_ANSWERED }, { "answeredyn", K_ANSWERED }, { "atendida", K_ANSWERED },
	{ "abandoned", K_ABANDONED }, { "abandonada", K_ABANDONED },
	{ "calloutcome", K_OUTCOME }, { "outcome", K_OUTCOME }, { "disposition", K_OUTCOME },
	{ "result", K_OUTCOME }, { "resultado", K_OUTCOME },
	{ "resolved", K_RESOLVED }, { "resolvido", K_RESOLVED }, { "fcr", K_RESOLVED },
	{ "satisfactionrating", K_CSAT }, { "csat", K_CSAT }, { "rating", K_CSAT },
	{ "nota", K_CSAT }, { "satisfaction", K_CSAT },
};

struct cim_calls {
	size_t		 n;
	enum col	*kind;
	char		**name;		/* attrs names of the other columns */
	int		 at[K_N];	/* column of each kind, or -1 */
};

/* "Speed of answer (s)" -> "speedofanswers"; é, ç... lose their accents
 * only as far as ASCII letters go: "Duração" -> "durao" would not match,
 * so the two-byte Latin-1 letters are folded. */
static void
squash(const char *s, char *out, size_t outlen)
{
	size_t j = 0;

	for (; *s && j + 1 < outlen; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xc3 && s[1]) {
			static const char fold[] = "aaaaaaeceeeeiiiidnooooo/ouuuuyty";
			unsigned char d = (unsigned char)s[1];

			if (d >= 0x80 && d <= 0xbf) {
				char f = fold[(d - 0x80) & 0x1f];

				if (f != '/' && isalpha((unsigned char)f))
					out[j++] = f;
				s++;
				continue;
			}
		}
		if (isalnum(c))
			out[j++] = (char)tolower(c);
	}
	out[j] = '\0';
}

struct cim_calls *
cim_calls_new(char *const *hdr, size_t n)
{
	struct cim_calls *c = cim_xcalloc(1, sizeof(*c));
	size_t i, k;

	c->n = n;
	c->kind = cim_xcalloc(n ? n : 1, sizeof(*c->kind));
	c->name = cim_xcalloc(n ? n : 1, sizeof(*c->name));
	for (k = 0; k < K_N; k++)
		c->at[k] = -1;
	for (i = 0; i < n; i++) {
		char sq[64];

		squash(hdr[i], sq, sizeof(sq));
		for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (strcmp(sq, names[k].name) == 0 && c->at[names[k].k] < 0) {
				c->kind[i] = names[k].k;
				c->at[names[k].k] = (int)i;
				break;
			}
		if (c->kind[i] == K_NONE)
			c->name[i] = cim_xstrdup(hdr[i]);
	}
	return c;
}

int
cim_calls_usable(const struct cim_calls *c)
{
	return c->at[K_START] >= 0 || c->at[K_DATE] >= 0;
}

void
cim_calls_free(struct cim_calls *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->name[i]);
	free(c->name);
	free(c->kind);
	free(c);
}

long long
cim_calls_duration(const char *s, size_t n)
{
	long long part[3] = { 0 }, frac = 0;
	int np = 0, digits = 0;
	size_t i;

	cim_preset_trim(&s, &n);
	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i])) {
			if (++digits > 9)
				return -1;
			part[np] = part[np] * 10 + (s[i] - '0');
		} else if (s[i] == ':' && np < 2 && digits > 0) {
			np++;
			digits = 0;
		} else if ((s[i] == '.' || s[i] == ',') && digits > 0) {
			/* fraction of a second: milliseconds, the rest dropped */
			long long scale = 100;

			for (i++; i < n && isdigit((unsigned char)s[i]); i++, scale /= 10)
				frac += (s[i] - '0') * scale;
			if (i != n)
				return -1;
			break;
		} else {
			return -1;
		}
	}
	if (digits == 0)
		return -1;
	if (np == 0)
		return part[0] * 1000 + frac;
	if (np == 1)
		return part[1] > 59 ? -1 : (part[0] * 60 + part[1]) * 1000 + frac;
	return part[1] > 59 || part[2] > 59 ? -1 :
	    (part[0] * 3600 + part[1] * 60 + part[2]) * 1000 + frac;
}

/* An outcome that says nobody answered. */
static int
unanswered(const char *s, size_t n)
{
	static const char *const w[] = { "unanswered", "abandon", "missed", "no answer",
		"not answered", "nao atendida", "n\xc3\xa3o atendida", "perdida" };
	char low[128];
	size_t i;

	if (n >= sizeof(low))
		n = sizeof(low) - 1;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[n] = '\0';
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (strstr(low, w[i]) != NULL)
			return 1;
	return 0;
}

/* An outcome that says the call solved it. */
static int
resolved_outcome(const char *s, size_t n)
{
	return (n >= 5 && strncasecmp(s, "resol", 5) == 0) || (n >= 6 && strncasecmp(s, "solved", 6) == 0);
}

static int
set(struct cim_row *r, struct cim_norm *nm, enum cim_dest d, const char *name,
    const char *s, size_t n, struct cim_buf *why)
{
	struct cim_destspec ds = { d, (char *)name };

	return cim_row_set(r, nm, &ds, s, n, why);
}

/* A time alone ("13:57:02") takes the date of the call. */
static int
time_of(const char *date, size_t dn, const char *s, size_t n, struct cim_norm *nm,
    int64_t *ms, struct cim_buf *why)
{
	struct cim_row tmp = { 0 };
	struct cim_buf t = { 0 };
	int rc;

	if (date != NULL && memchr(s, '/', n) == NULL && memchr(s, '-', n) == NULL) {
		cim_buf_add(&t, date, dn);
		cim_buf_addc(&t, ' ');
	}
	cim_buf_add(&t, s, n);
	rc = set(&tmp, nm, CIM_D_ENDED_AT, NULL, t.p, t.len, why);
	*ms = tmp.ended;
	cim_row_free(&tmp);
	cim_buf_free(&t);
	return rc;
}

static void
event(struct cim_buf *ev, int64_t ms, const char *type)
{
	char t[CIM_TIME_BUFLEN];
	size_t k = cim_time_format(ms, t);

	cim_buf_adds(ev, ev->len > 1 ? ",{\"at\":\"" : "{\"at\":\"");
	cim_buf_add(ev, t, k);
	cim_buf_adds(ev, "\",\"type\":\"");
	cim_buf_adds(ev, type);
	cim_buf_adds(ev, "\"}");
}

#define V(k) (c->at[k] >= 0 && len[c->at[k]] > 0)
#define S(k) v[c->at[k]], len[c->at[k]]

int
cim_calls_row(const struct cim_calls *c, const char *const *v, const size_t *len,
    struct cim_row *r, struct cim_norm *nm, struct cim_buf *why)
{
	struct cim_buf ev = { 0 }, tmp = { 0 };
	const char *date = V(K_DATE) ? v[c->at[K_DATE]] : NULL;
	size_t dn = date ? len[c->at[K_DATE]] : 0, i;
	int64_t start, answered_at = -1, ended_at = -1;
	long long wait = -1, talk = -1;
	int answered = -1, resolved = -1, rc = -1;

	cim_buf_adds(&tmp, "phone");
	if (set(r, nm, CIM_D_CHANNEL, NULL, tmp.p, tmp.len, why) < 0)
		goto out;
	/* The start: a timestamp, or a date and a time of day. */
	tmp.len = 0;
	if (V(K_START)) {
		cim_buf_add(&tmp, S(K_START));
		if (date != NULL && memchr(tmp.p, '/', tmp.len) == NULL &&
		    memchr(tmp.p, '-', tmp.len) == NULL) {
			tmp.len = 0;
			cim_buf_add(&tmp, date, dn);
			cim_buf_addc(&tmp, ' ');
			cim_buf_add(&tmp, S(K_START));
		}
	} else if (date != NULL) {
		cim_buf_add(&tmp, date, dn);
		if (V(K_TIME)) {
			cim_buf_addc(&tmp, ' ');
			cim_buf_add(&tmp, S(K_TIME));
		}
	} else {
		cim_buf_adds(why, "no start time (a start, or a date, column)");
		goto out;
	}
	if (set(r, nm, CIM_D_STARTED_AT, NULL, tmp.p, tmp.len, why) < 0)
		goto out;
	start = r->started;
	if (date == NULL) {	/* times of day take the start's date */
		date = v[c->at[K_START]];
		for (dn = 0; dn < len[c->at[K_START]] && date[dn] != ' ' && date[dn] != 'T'; dn++)
			;
	}
	if (V(K_ID) && set(r, nm, CIM_D_ID, NULL, S(K_ID), why) < 0)
		goto out;
	if (V(K_AGENT))
		set(r, nm, CIM_D_AGENT, NULL, S(K_AGENT), why);
	if (V(K_QUEUE))
		set(r, nm, CIM_D_QUEUE, NULL, S(K_QUEUE), why);
	if (V(K_PHONE))
		set(r, nm, CIM_D_CUST_PHONE, NULL, S(K_PHONE), why);
	if (V(K_NAME))
		set(r, nm, CIM_D_CUST_NAME, NULL, S(K_NAME), why);
	if (V(K_WAIT) && (wait = cim_calls_duration(S(K_WAIT))) < 0) {
		cim_buf_adds(why, "the wait is not a duration");
		goto out;
	}
	if (V(K_TALK) && (talk = cim_calls_duration(S(K_TALK))) < 0) {
		cim_buf_adds(why, "the talk time is not a duration");
		goto out;
	}
	if (V(K_ANSWERED_AT) && time_of(date, dn, S(K_ANSWERED_AT), nm, &answered_at, why) < 0)
		goto out;
	if (V(K_ENDED_AT) && time_of(date, dn, S(K_ENDED_AT), nm, &ended_at, why) < 0)
		goto out;
	if (answered_at >= 0 && answered_at < start)
		answered_at += 86400000;	/* answered after midnight */
	if (V(K_ANSWERED))
		answered = cim_preset_flag(S(K_ANSWERED));
	if (answered < 0 && V(K_ABANDONED) && cim_preset_flag(S(K_ABANDONED)) >= 0)
		answered = !cim_preset_flag(S(K_ABANDONED));
	if (V(K_OUTCOME)) {
		if (unanswered(S(K_OUTCOME)))
			answered = 0;
		set(r, nm, CIM_D_ATTR, "outcome", S(K_OUTCOME), why);
	}
	if (answered < 0)
		answered = answered_at >= 0 || talk > 0;
	if (V(K_RESOLVED))
		resolved = cim_preset_flag(S(K_RESOLVED));
	else if (V(K_OUTCOME) && resolved_outcome(S(K_OUTCOME)))
		resolved = 1;
	if (answered && answered_at < 0)
		answered_at = start + (wait > 0 ? wait : 0);
	if (answered && ended_at < 0 && talk >= 0)
		ended_at = answered_at + talk;
	cim_buf_addc(&ev, '[');
	event(&ev, start, "queued");
	if (answered) {
		event(&ev, answered_at, "answered");
		if (resolved == 1)
			event(&ev, ended_at >= 0 ? ended_at : answered_at, "resolved");
	} else {
		event(&ev, start + (wait > 0 ? wait : 0), "abandoned");
	}
	cim_buf_addc(&ev, ']');
	{
		struct cim_destspec d = { CIM_D_EVENTS, NULL };

		if (cim_row_set_jv(r, nm, &d, jv_parse_sized(ev.p, (int)ev.len), why) < 0)
			goto out;
	}
	if (ended_at >= 0) {
		char t[CIM_TIME_BUFLEN];
		size_t k = cim_time_format(ended_at, t);

		set(r, nm, CIM_D_ENDED_AT, NULL, t, k, why);
	}
	tmp.len = 0;
	cim_buf_adds(&tmp, !answered ? "abandoned" : resolved == 1 ? "resolved" : "closed");
	set(r, nm, CIM_D_STATUS, NULL, tmp.p, tmp.len, why);
	/* 0 is how these logs write "not rated" (an unanswered call's score). */
	if (V(K_CSAT) && !(len[c->at[K_CSAT]] == 1 && v[c->at[K_CSAT]][0] == '0') &&
	    set(r, nm, CIM_D_CSAT, NULL, S(K_CSAT), why) < 0)
		goto out;
	if (wait >= 0) {
		tmp.len = 0;
		cim_buf_printf(&tmp, "%lld", wait / 1000);
		set(r, nm, CIM_D_ATTR, "wait_s", tmp.p, tmp.len, why);
	}
	if (talk >= 0) {
		tmp.len = 0;
		cim_buf_printf(&tmp, "%lld", talk / 1000);
		set(r, nm, CIM_D_ATTR, "talk_s", tmp.p, tmp.len, why);
	}
	for (i = 0; i < c->n; i++)
		if (c->kind[i] == K_NONE && len[i] > 0) {
			char nm2[32];
			const char *an = c->name[i];

			if (*an == '\0') {
				snprintf(nm2, sizeof(nm2), "column_%zu", i + 1);
				an = nm2;
			}
			set(r, nm, CIM_D_ATTR, an, v[i], len[i], why);
		}
	rc = 0;
out:
	cim_buf_free(&ev);
	cim_buf_free(&tmp);
	return rc;
}
