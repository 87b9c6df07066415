/*
 * senti.h: sentiment of one message in the VADER tradition (Hutto and
 * Gilbert 2014), for Portuguese and English: lexicon valences (lex.h),
 * negation scope (three words, not across a sentence end), intensifiers
 * and dampeners, contrast ("mas", "but": what comes after weighs 1.5,
 * before 0.5), words in capitals, repeated '!' and '?', emoji, emoticons
 * and laughter.  Pure; not for: conversation summaries (classify.h).
 */
#ifndef CIM_SENTI_H
#define CIM_SENTI_H
#include "buf.h"
#include "tok.h"

struct cim_senti {
	double	 compound;	/* -1..1 */
	double	 sum;		/* before normalization */
	int	 words, caps;	/* word tokens; those written in capitals */
	int	 excl, quest;	/* '!' and '?' in the text */
	int	 shouting;	/* mostly capitals, or "!!!" with negative words */
};

/*
 * Scores the tokenized text tt.  When ev is not NULL, the evidence is
 * appended as JSON strings separated by commas (at most max of them; a
 * comma first when ev is not empty).  Cannot fail.
 */
void cim_senti_score(const struct cim_toks *tt, struct cim_senti *s,
    struct cim_buf *ev, int max);
/* The same from the lexicon hits of every kind already found for each
 * word: hits[off[i]..off[i+1]) are word i's (lex.h). */
struct cim_lex_hit;
void cim_senti_score_hits(const struct cim_toks *tt, const struct cim_lex_hit *hits,
    const size_t *off, struct cim_senti *s, struct cim_buf *ev, int max);
/* "negative", "neutral" or "positive" for a compound score. */
const char *cim_senti_label(double compound);
#endif
