/*
 * lex.h: the built-in knowledge of cim-classify, compiled into the binary:
 * phrase rules for intents, urgency and churn cues, and the sentiment
 * lexicon with its negators, intensifiers and contrast words, in
 * Portuguese (Brazil) and English.  Patterns are written folded (tok.h)
 * and matched on a message's word tokens.  Not for: scoring (senti.h,
 * classify.h).
 *
 * Pattern syntax, one entry per string:
 *   word      the folded word exactly
 *   stem*     any word starting with stem (at least 3 bytes): light stemming
 *   a|b|c*    any of the alternatives
 *   ..        up to three other words may come before the next one
 * e.g. "cancel* .. conta|plano|assinatura" or "nunca mais compr*".
 */
#ifndef CIM_LEX_H
#define CIM_LEX_H
#include <stddef.h>

#include "tok.h"

enum cim_lex_kind {
	CIM_LEX_INTENT, CIM_LEX_URGENCY, CIM_LEX_CHURN, CIM_LEX_SENT,
	CIM_LEX_NEG, CIM_LEX_BOOST, CIM_LEX_CONTRAST, CIM_LEX_HEDGE
};

enum cim_intent {
	CIM_I_BILLING, CIM_I_REFUND, CIM_I_CANCELLATION, CIM_I_DELIVERY,
	CIM_I_ORDER_STATUS, CIM_I_TECHNICAL, CIM_I_ACCOUNT, CIM_I_COMPLAINT,
	CIM_I_PURCHASE, CIM_I_INFORMATION, CIM_I_PRAISE, CIM_I_OTHER,
	CIM_I_COUNT
};
extern const char *const cim_intent_name[CIM_I_COUNT];

enum cim_urg_cue { CIM_U_LEGAL, CIM_U_REPEAT, CIM_U_OUTAGE, CIM_U_DOUBLE,
	CIM_U_EXPLICIT, CIM_U_COUNT };
extern const char *const cim_urg_name[CIM_U_COUNT];

enum cim_churn_cue { CIM_C_CANCEL, CIM_C_PORT, CIM_C_SWITCH, CIM_C_NEVER,
	CIM_C_COMPETITOR, CIM_C_COUNT };
extern const char *const cim_churn_name[CIM_C_COUNT];

/* cls of a sentiment, negator or booster entry: the languages it counts in */
#define CIM_LEX_ANY	0
#define CIM_LEX_EN	1
#define CIM_LEX_PT	2

struct cim_lex_entry {
	const char	*pat;
	unsigned char	 kind;	/* enum cim_lex_kind */
	unsigned char	 cls;	/* intent, urgency or churn cue; language (CIM_LEX_EN...) */
	float		 w;	/* weight; valence for CIM_LEX_SENT */
};

struct cim_lex_hit {
	const struct cim_lex_entry *e;
	size_t	 end;		/* one past the last word matched */
};

/* Builds the index of the built-in tables; call once.  Cannot fail (a
 * malformed built-in pattern is a bug and aborts). */
void cim_lex_init(void);

/*
 * The entries whose pattern matches the words w[i..] (w is the array of
 * word tokens of one text, nw of them): up to max hits written to hits,
 * their count returned.  Only kinds in mask (1 << kind) are returned.
 */
size_t cim_lex_match(const struct cim_tok *const *w, size_t nw, size_t i,
    unsigned mask, struct cim_lex_hit *hits, size_t max);
#endif
