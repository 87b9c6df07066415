/*
 * classify.h: the built-in classification of one conversation from its
 * customer messages: language, intent, urgency, sentiment summary and
 * churn risk, each with its evidence, rendered as the JSON values
 * cim-classify writes.  Pure apart from its reusable buffers; not for:
 * trained models (ftmodel.h) or reading records (rec.h).
 */
#ifndef CIM_CLASSIFY_H
#define CIM_CLASSIFY_H
#include <stddef.h>

#include "buf.h"
#include "senti.h"
#include "tok.h"

struct cim_lex_hit;

#define CIM_CLS_MAXMSG 64	/* messages summarized for trend (more are scored, not kept) */

enum cim_urgency { CIM_URG_LOW, CIM_URG_NORMAL, CIM_URG_HIGH, CIM_URG_CRITICAL };
extern const char *const cim_urgency_name[4];

struct cim_cls {
	struct cim_toks	 tt;
	struct cim_lex_hit *hits;	/* every word's lexicon hits, all kinds */
	size_t		*hoff, hcap, ocap;
	struct cim_buf	 text;		/* customer text for language id */
	int		 nmsg;
	double		 comp[CIM_CLS_MAXMSG];
	double		 sum;
	int		 nneg, shouting;
	double		 intent_w[16];
	double		 churn_w[8];
	int		 urg_seen[8];
	struct cim_buf	 ev_intent[16], ev_urg, ev_churn, ev_sent;
	int		 n_ev_intent[16], n_ev_urg, n_ev_churn, n_ev_sent;
	/* results, after cim_cls_end */
	const char	*lang;
	int		 intent;
	double		 intent_score;
	enum cim_urgency urgency;
	double		 score, first, last, churn;
	const char	*trend;
	int		 frustration;
};

/* Starts a conversation (state is reused; zero-initialize it once). */
void cim_cls_begin(struct cim_cls *c);
/* Adds one customer message's text (UTF-8). */
void cim_cls_add(struct cim_cls *c, const char *s, size_t n);
/* Computes the results. */
void cim_cls_end(struct cim_cls *c);
/* Appends the JSON value of "lang", "intent", "urgency", "sentiment" or
 * "churn_risk" to out. */
void cim_cls_json(const struct cim_cls *c, const char *field, struct cim_buf *out);
void cim_cls_free(struct cim_cls *c);
/* Appends x rounded to 3 decimals, without trailing zeros ("-0" is "0"). */
void cim_cls_num(struct cim_buf *out, double x);
#endif
