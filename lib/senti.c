/*
 * senti.c: VADER-style sentiment over a tokenized message (see senti.h).
 * Constants are VADER's: booster 0.293 decaying 5% per word of distance,
 * negation scalar -0.74, capitals +0.733, '!' +0.292 each up to four,
 * '?' +0.18 each up to three when more than one, alpha 15.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "langid.h"
#include "lex.h"
#include "senti.h"

#define NEG_SCALAR	(-0.74)
#define CAPS_INCR	0.733
#define ALPHA		15.0
#define LAUGH_VAL	1.5
#define EMOJI_VAL	2.0
/* A text with "mas"/"but" keeps 0.4 of its sum, one with a hedge ("mais
 * ou menos", "razoavel", "poderia ser melhor") 0.8: both are how a
 * middling review reads.  Tuned on the odd lines of the B2W and Olist
 * review sets (scripts/eval-classify prints both halves). */
#define CONTRAST_DAMP	0.4
#define HEDGE_DAMP	0.8

const char *
cim_senti_label(double c)
{
	/* VADER's 0.05 cut leaves almost nothing neutral on reviews, where a
	 * mixed text sums a strong word each way; 0.2 splits the middle. */
	return c >= 0.2 ? "positive" : c <= -0.2 ? "negative" : "neutral";
}

/*
 * Which language the words of tt look like, for the few lexicon entries
 * that are common words of the other language: CIM_LEX_EN, CIM_LEX_PT or
 * CIM_LEX_ANY, by a count of frequent function words.  Computed only
 * when such an entry is hit.
 */
/* A word of up to 8 bytes as one integer (0 for a longer one). */
static uint64_t
pack(const char *w, size_t n)
{
	uint64_t v = 0;

	if (n > 8)
		return 0;
	memcpy(&v, w, n);
	return v;
}

static int
lang_vote(const struct cim_toks *tt)
{
	static const char *const pt[] = { "de", "que", "do", "da", "com", "para",
	    "nao", "um", "uma", "os", "muito", "mas", "por", "foi", "produto", "eu",
	    "meu", "minha", "esta", "voce", "isso", "se", "ja", "bem", "o", "e", "na",
	    "em", "ao", "pra", "pelo", "pela", "nos", "sao", "tem", "mais", NULL };
	static const char *const en[] = { "the", "and", "to", "is", "of", "it",
	    "you", "my", "this", "was", "for", "have", "with", "not", "can", "what",
	    "are", "be", "your", "that", "me", "i", "at", "how", NULL };
	/* compared as integers: this runs on most Portuguese messages */
	static uint64_t ppt[64], pen[64];
	static int npt, nen;
	const char *lang;
	size_t i;
	int k, np = 0, ne = 0;

	if (npt == 0) {
		for (k = 0; pt[k]; k++)
			ppt[npt++] = pack(pt[k], strlen(pt[k]));
		for (k = 0; en[k]; k++)
			pen[nen++] = pack(en[k], strlen(en[k]));
	}
	for (i = 0; i < tt->nw; i++) {
		uint64_t w = pack(tt->w[i]->text, tt->w[i]->len);

		if (w == 0)
			continue;
		for (k = 0; k < npt; k++)
			np += w == ppt[k];
		for (k = 0; k < nen; k++)
			ne += w == pen[k];
	}
	if (np != ne || tt->n == 0)
		return np > ne ? CIM_LEX_PT : ne > np ? CIM_LEX_EN : CIM_LEX_ANY;
	/* No function words to tell ("chegou no prazo"): the n-gram model. */
	lang = cim_langid(tt->t[0].src, (size_t)(tt->t[tt->n - 1].src +
	    tt->t[tt->n - 1].srclen - tt->t[0].src), NULL);
	return strcmp(lang, "en") == 0 ? CIM_LEX_EN : strcmp(lang, "und") == 0 ?
	    CIM_LEX_ANY : CIM_LEX_PT;
}

static void
evidence(struct cim_buf *ev, int *nev, int max, const char *a, const char *b)
{
	if (ev == NULL || *nev >= max)
		return;
	if (ev->len)
		cim_buf_addc(ev, ',');
	cim_buf_addc(ev, '"');
	cim_buf_adds(ev, a);
	if (b) {
		cim_buf_addc(ev, ' ');
		cim_buf_adds(ev, b);
	}
	cim_buf_addc(ev, '"');
	(*nev)++;
}

void
cim_senti_score(const struct cim_toks *tt, struct cim_senti *s,
    struct cim_buf *ev, int max)
{
	struct cim_lex_hit *hits = cim_xmalloc((tt->nw * 16 + 1) * sizeof(*hits));
	size_t *off = cim_xmalloc((tt->nw + 1) * sizeof(*off)), i, n = 0;

	for (i = 0; i < tt->nw; i++) {
		off[i] = n;
		n += cim_lex_match(tt->w, tt->nw, i, ~0u, hits + n, 16);
	}
	off[tt->nw] = n;
	cim_senti_score_hits(tt, hits, off, s, ev, max);
	free(hits);
	free(off);
}

void
cim_senti_score_hits(const struct cim_toks *tt, const struct cim_lex_hit *h,
    const size_t *off, struct cim_senti *s, struct cim_buf *ev, int max)
{
	double sum = 0, before = 0, after = 0, v, bw;
	size_t i, k, d, contrast = (size_t)-1, covered = 0, prev = 0;
	int nev = 0, negp, allcaps, ring_neg[4], hedges = 0, vote = -1;
	double ring_boost[4];
	const char *negw;
	char tmp[(CIM_TOK_MAX + 1) * 8 + 1];

	memset(s, 0, sizeof(*s));
	for (i = 0; i < tt->nw; i++) {
		if (tt->w[i]->kind != CIM_TOK_WORD)
			continue;
		s->words++;
		if (tt->w[i]->flags & CIM_TOK_CAPS)
			s->caps++;
	}
	allcaps = s->words > 0 && s->caps * 10 >= s->words * 8;
	/* One lexicon look-up per word; the three words before are kept in
	 * a ring for negation and boosters. */
	for (i = 0; i < tt->nw; i++) {
		const struct cim_lex_entry *best = NULL;
		size_t end = 0;
		int caps = 0;

		ring_neg[i % 4] = 0;
		ring_boost[i % 4] = 0;
		for (k = off[i]; k < off[i + 1]; k++) {
			if (h[k].e->kind >= CIM_LEX_SENT && h[k].e->kind <= CIM_LEX_BOOST &&
			    h[k].e->cls != CIM_LEX_ANY) {
				if (vote < 0)
					vote = lang_vote(tt);
				if (vote != CIM_LEX_ANY && vote != h[k].e->cls)
					continue;
			}
			switch (h[k].e->kind) {
			case CIM_LEX_CONTRAST:
				contrast = i;
				break;
			case CIM_LEX_HEDGE:
				hedges++;
				break;
			case CIM_LEX_NEG:
				if (h[k].end == i + 1)
					ring_neg[i % 4] = 1;
				break;
			case CIM_LEX_BOOST:
				if (h[k].end == i + 1)
					ring_boost[i % 4] = h[k].e->w;
				break;
			case CIM_LEX_SENT:
				if (h[k].end > end) {
					best = h[k].e;
					end = h[k].end;
				}
				break;
			default:
				break;
			}
		}
		/* Words inside a phrase already scored. */
		if (best == NULL || i < covered)
			continue;
		prev = covered;
		covered = end;
		if ((v = best->w) == 0)
			continue;	/* "bom dia": covered, not scored */
		for (k = i; k < end; k++)
			caps |= (tt->w[k]->flags & CIM_TOK_CAPS) != 0;
		if (caps && !allcaps)
			v += v > 0 ? CAPS_INCR : -CAPS_INCR;
		/* Boosters and negators in the three words before, same sentence;
		 * a phrase that starts with a negator ("nao recomendo") has it. */
		negp = ring_neg[i % 4];
		negw = NULL;
		for (d = 1; d <= 3 && d <= i; d++) {
			if (tt->sent[i - d] != tt->sent[i])
				break;
			bw = ring_boost[(i - d) % 4];
			if (bw != 0)
				v += (v > 0 ? bw : -bw) * (1 - 0.05 * (double)(d - 1));
			/* not a negator a phrase before already took */
			if (!negp && negw == NULL && ring_neg[(i - d) % 4] && i - d >= prev)
				negw = tt->w[i - d]->text;
		}
		if (negw != NULL)
			v *= NEG_SCALAR;
		/* The phrase's own words, as the text has them, for evidence. */
		tmp[0] = '\0';
		for (k = i; k < end; k++) {
			if (k > i)
				strcat(tmp, " ");
			strcat(tmp, tt->w[k]->text);
		}
		evidence(ev, &nev, max, negw ? negw : tmp, negw ? tmp : NULL);
		if (contrast != (size_t)-1 && contrast < i)
			after += v;
		else
			before += v;
	}
	/* Contrast: the clause after "mas"/"but" carries the sentiment. */
	if (contrast != (size_t)-1)
		sum = before * 0.5 + after * 1.5;
	else
		sum = before;
	for (i = 0; i < tt->n; i++) {
		const struct cim_tok *t = &tt->t[i];

		if (t->kind == CIM_TOK_LAUGH) {
			sum += LAUGH_VAL;
			evidence(ev, &nev, max, t->text, NULL);
		} else if ((t->kind == CIM_TOK_EMOJI || t->kind == CIM_TOK_EMOTICON) && t->pol) {
			sum += t->pol * EMOJI_VAL;
			if (t->kind == CIM_TOK_EMOJI || strchr(t->text, '"') == NULL)
				evidence(ev, &nev, max, t->text, NULL);
		} else if (t->kind == CIM_TOK_PUNCT) {
			s->excl += t->nexcl;
			s->quest += t->nquest;
		}
	}
	if (sum != 0) {
		double emph = (s->excl > 4 ? 4 : s->excl) * 0.292;

		if (s->quest > 1)
			emph += (s->quest > 3 ? 3 : s->quest) * 0.18;
		sum += sum > 0 ? emph : -emph;
		if (s->excl >= 3 || s->quest >= 3)
			evidence(ev, &nev, max, s->excl >= 3 ? "!!!" : "???", NULL);
	}
	if (contrast != (size_t)-1)
		sum *= CONTRAST_DAMP;
	if (hedges)
		sum *= HEDGE_DAMP;
	if (allcaps && s->words >= 3) {
		sum *= 1.25;
		evidence(ev, &nev, max, "CAPS", NULL);
	}
	s->sum = sum;
	s->compound = sum / sqrt(sum * sum + ALPHA);
	s->shouting = (allcaps && s->words >= 3) || (s->excl >= 3 && sum < 0);
}
