/*
 * classify.c: conversation-level built-in classification (see
 * classify.h).  Messages are tokenized once; the same words feed the
 * phrase rules (lex.h) and the sentiment scorer (senti.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "err.h"
#include "langid.h"
#include "lex.h"

const char *const cim_urgency_name[4] = { "low", "normal", "high", "critical" };

#define MAXEV 5

void
cim_cls_begin(struct cim_cls *c)
{
	int k;

	cim_lex_init();
	c->tt.unstretch = 1;	/* the lexicon knows "lindo", not "lindooo" */
	c->text.len = 0;
	c->nmsg = 0;
	c->sum = 0;
	c->nneg = c->shouting = 0;
	for (k = 0; k < 16; k++) {
		c->intent_w[k] = 0;
		c->ev_intent[k].len = 0;
		c->n_ev_intent[k] = 0;
	}
	memset(c->churn_w, 0, sizeof(c->churn_w));
	memset(c->urg_seen, 0, sizeof(c->urg_seen));
	c->ev_urg.len = c->ev_churn.len = c->ev_sent.len = 0;
	c->n_ev_urg = c->n_ev_churn = c->n_ev_sent = 0;
}

/* Appends "prefix: words" as a JSON string to ev unless already there. */
static void
add_ev(struct cim_buf *ev, int *n, const char *prefix, const struct cim_toks *tt,
    size_t i, size_t end)
{
	char tmp[512];
	size_t len = 0, k;

	if (*n >= MAXEV)
		return;
	if (prefix)
		len = (size_t)snprintf(tmp, sizeof(tmp), "\"%s: ", prefix);
	else
		tmp[len++] = '"';
	for (k = i; k < end && len + CIM_TOK_MAX + 4 < sizeof(tmp); k++) {
		if (k > i)
			tmp[len++] = ' ';
		memcpy(tmp + len, tt->w[k]->text, tt->w[k]->len);
		len += tt->w[k]->len;
	}
	tmp[len++] = '"';
	tmp[len] = '\0';
	if (ev->len) {
		cim_buf_str(ev);
		if (strstr(ev->p, tmp) != NULL)
			return;
		cim_buf_addc(ev, ',');
	}
	cim_buf_add(ev, tmp, len);
	(*n)++;
}

void
cim_cls_add(struct cim_cls *c, const char *s, size_t n)
{
	struct cim_senti st;
	size_t i, k, nh;
	/* The first message usually says what the customer wants. */
	double mw = c->nmsg == 0 ? 1.5 : 1.0;

	if (c->text.len < 1000) {
		if (c->text.len)
			cim_buf_addc(&c->text, '\n');
		cim_buf_add(&c->text, s, n < 1000 ? n : 1000);
	}
	size_t cover[3][16] = { { 0 } };	/* per kind and class: matched up to */

	cim_toks_run(&c->tt, s, n);
	/* One look-up per word serves the cues and the sentiment. */
	if (c->ocap < c->tt.nw + 1) {
		c->ocap = c->tt.nw + 1;
		c->hoff = cim_xrealloc(c->hoff, c->ocap * sizeof(*c->hoff));
	}
	for (i = 0, nh = 0; i < c->tt.nw; i++) {
		if (c->hcap < nh + 16) {
			c->hcap = (nh + 16) * 2;
			c->hits = cim_xrealloc(c->hits, c->hcap * sizeof(*c->hits));
		}
		c->hoff[i] = nh;
		nh += cim_lex_match(c->tt.w, c->tt.nw, i, ~0u, c->hits + nh, 16);
	}
	c->hoff[c->tt.nw] = nh;
	for (i = 0; i < c->tt.nw; i++) {
		for (k = c->hoff[i]; k < c->hoff[i + 1]; k++) {
			const struct cim_lex_hit *hk = &c->hits[k];
			const struct cim_lex_entry *e = hk->e;

			if (e->kind != CIM_LEX_INTENT && e->kind != CIM_LEX_URGENCY &&
			    e->kind != CIM_LEX_CHURN)
				continue;

			/* "chegou" inside "nao chegou" already counted. */
			if (i < cover[e->kind][e->cls] && e->kind != CIM_LEX_URGENCY)
				continue;
			if (hk->end > cover[e->kind][e->cls])
				cover[e->kind][e->cls] = hk->end;
			switch (e->kind) {
			case CIM_LEX_INTENT:
				c->intent_w[e->cls] += e->w * mw;
				add_ev(&c->ev_intent[e->cls], &c->n_ev_intent[e->cls], NULL,
				    &c->tt, i, hk->end);
				break;
			case CIM_LEX_URGENCY:
				c->urg_seen[e->cls]++;
				add_ev(&c->ev_urg, &c->n_ev_urg, cim_urg_name[e->cls], &c->tt,
				    i, hk->end);
				break;
			case CIM_LEX_CHURN:
				if (e->w > c->churn_w[e->cls])
					c->churn_w[e->cls] = e->w;
				add_ev(&c->ev_churn, &c->n_ev_churn, cim_churn_name[e->cls],
				    &c->tt, i, hk->end);
				break;
			}
		}
	}
	if (c->n_ev_sent < 8) {
		/* Evidence of every message, up to eight strings in all. */
		cim_senti_score_hits(&c->tt, c->hits, c->hoff, &st, &c->ev_sent, 8 - c->n_ev_sent);
		c->n_ev_sent = 0;
		for (i = 0; i < c->ev_sent.len; i++)
			c->n_ev_sent += c->ev_sent.p[i] == '"';
		c->n_ev_sent /= 2;
	} else {
		cim_senti_score_hits(&c->tt, c->hits, c->hoff, &st, NULL, 0);
	}
	if (c->nmsg < CIM_CLS_MAXMSG)
		c->comp[c->nmsg] = st.compound;
	else
		c->comp[CIM_CLS_MAXMSG - 1] = st.compound;
	c->nmsg++;
	c->sum += st.compound;
	c->nneg += st.compound <= -0.2;
	c->shouting |= st.shouting && st.compound < 0;
}

void
cim_cls_end(struct cim_cls *c)
{
	double total = 0, best = 0, churn_keep = 1;
	int k, nlast = c->nmsg < CIM_CLS_MAXMSG ? c->nmsg : CIM_CLS_MAXMSG;
	int cues = 0;

	c->lang = cim_langid(c->text.p, c->text.len, NULL);
	c->score = c->nmsg ? c->sum / c->nmsg : 0;
	c->first = c->nmsg ? c->comp[0] : 0;
	c->last = c->nmsg ? c->comp[nlast - 1] : 0;
	c->trend = "stable";
	if (c->nmsg >= 2 && c->last - c->first <= -0.25)
		c->trend = "worsening";
	else if (c->nmsg >= 2 && c->last - c->first >= 0.25)
		c->trend = "improving";
	c->frustration = (c->nmsg >= 2 && c->last <= -0.2 && c->last < c->first - 0.1) ||
	    c->shouting || c->nneg >= 2 ||
	    (c->urg_seen[CIM_U_REPEAT] && c->score <= -0.2);

	/* Intent: the heaviest label; praise needs a customer who is pleased. */
	if (c->score <= -0.2)
		c->intent_w[CIM_I_PRAISE] *= 0.2;
	c->intent = CIM_I_OTHER;
	for (k = 0; k < CIM_I_OTHER; k++) {
		total += c->intent_w[k];
		if (c->intent_w[k] > best) {
			best = c->intent_w[k];
			c->intent = k;
		}
	}
	c->intent_score = best > 0 ? (1 - exp(-best)) * best / total : 0;
	if (c->intent == CIM_I_OTHER && c->score <= -0.2) {
		c->intent = CIM_I_COMPLAINT;
		c->intent_score = 0.3;
	}

	for (k = 0; k < CIM_U_COUNT; k++)
		cues += c->urg_seen[k] > 0 && k != CIM_U_LEGAL;
	if (c->urg_seen[CIM_U_LEGAL] || (cues >= 2 && c->frustration))
		c->urgency = CIM_URG_CRITICAL;
	else if (cues || c->frustration)
		c->urgency = CIM_URG_HIGH;
	else if (c->score > -0.2 && (c->intent == CIM_I_PRAISE ||
	    c->intent == CIM_I_INFORMATION || c->intent == CIM_I_PURCHASE ||
	    c->intent == CIM_I_OTHER))
		c->urgency = CIM_URG_LOW;
	else
		c->urgency = CIM_URG_NORMAL;

	for (k = 0; k < CIM_C_COUNT; k++)
		churn_keep *= 1 - c->churn_w[k];
	c->churn = 1 - churn_keep;
	if (c->churn > 0 && c->score <= -0.2)
		c->churn += 0.15;
	if (c->urg_seen[CIM_U_LEGAL])
		c->churn += 0.1;
	if (c->frustration)
		c->churn += 0.1;
	if (c->churn > 1)
		c->churn = 1;
}

void
cim_cls_num(struct cim_buf *out, double x)
{
	/* Integer formatting: snprintf("%.3f") was a tenth of the run time. */
	long v;
	char tmp[32], *p = tmp + sizeof(tmp);
	int frac, neg;

	if (!isfinite(x) || fabs(x) > 1e15)
		x = 0;
	v = lround(x * 1000);
	neg = v < 0;
	if (neg)
		v = -v;
	frac = (int)(v % 1000);
	v /= 1000;
	if (frac) {
		int digits = 3;

		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		while (digits-- > 0) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (neg)
		*--p = '-';
	cim_buf_add(out, p, (size_t)(tmp + sizeof(tmp) - p));
}

static void
list(struct cim_buf *out, const struct cim_buf *ev)
{
	cim_buf_addc(out, '[');
	cim_buf_add(out, ev->p, ev->len);
	cim_buf_addc(out, ']');
}

void
cim_cls_json(const struct cim_cls *c, const char *field, struct cim_buf *out)
{
	if (strcmp(field, "lang") == 0) {
		cim_buf_addc(out, '"');
		cim_buf_adds(out, c->lang);
		cim_buf_addc(out, '"');
	} else if (strcmp(field, "intent") == 0) {
		cim_buf_adds(out, "{\"label\":\"");
		cim_buf_adds(out, cim_intent_name[c->intent]);
		cim_buf_adds(out, "\",\"score\":");
		cim_cls_num(out, c->intent_score);
		cim_buf_adds(out, ",\"evidence\":");
		if (c->intent_w[c->intent] > 0)
			list(out, &c->ev_intent[c->intent]);
		else if (c->intent == CIM_I_COMPLAINT)
			cim_buf_adds(out, "[\"negative sentiment\"]");
		else
			cim_buf_adds(out, "[]");
		cim_buf_addc(out, '}');
	} else if (strcmp(field, "urgency") == 0) {
		cim_buf_adds(out, "{\"level\":\"");
		cim_buf_adds(out, cim_urgency_name[c->urgency]);
		cim_buf_adds(out, "\",\"reasons\":[");
		cim_buf_add(out, c->ev_urg.p, c->ev_urg.len);
		if (c->frustration && (c->urgency == CIM_URG_HIGH || c->urgency == CIM_URG_CRITICAL))
			cim_buf_adds(out, c->ev_urg.len ? ",\"frustration\"" : "\"frustration\"");
		cim_buf_adds(out, "]}");
	} else if (strcmp(field, "sentiment") == 0) {
		cim_buf_adds(out, "{\"score\":");
		cim_cls_num(out, c->score);
		cim_buf_adds(out, ",\"label\":\"");
		cim_buf_adds(out, cim_senti_label(c->score));
		cim_buf_adds(out, "\",\"first\":");
		if (c->nmsg) cim_cls_num(out, c->first); else cim_buf_adds(out, "null");
		cim_buf_adds(out, ",\"last\":");
		if (c->nmsg) cim_cls_num(out, c->last); else cim_buf_adds(out, "null");
		cim_buf_adds(out, ",\"trend\":\"");
		cim_buf_adds(out, c->trend);
		cim_buf_adds(out, c->frustration ? "\",\"frustration\":true,\"evidence\":" :
		    "\",\"frustration\":false,\"evidence\":");
		list(out, &c->ev_sent);
		cim_buf_addc(out, '}');
	} else if (strcmp(field, "churn_risk") == 0) {
		cim_buf_adds(out, "{\"score\":");
		cim_cls_num(out, c->churn);
		cim_buf_adds(out, ",\"reasons\":[");
		cim_buf_add(out, c->ev_churn.p, c->ev_churn.len);
		cim_buf_adds(out, "]}");
	}
}

void
cim_cls_free(struct cim_cls *c)
{
	int k;

	cim_toks_free(&c->tt);
	free(c->hits);
	free(c->hoff);
	cim_buf_free(&c->text);
	for (k = 0; k < 16; k++)
		cim_buf_free(&c->ev_intent[k]);
	cim_buf_free(&c->ev_urg);
	cim_buf_free(&c->ev_churn);
	cim_buf_free(&c->ev_sent);
}
