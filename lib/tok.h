/*
 * tok.h: one pass over UTF-8 text into tokens for classification, without
 * allocation: words lower-cased with Portuguese/Spanish accents folded
 * ("Não" -> "nao", "ação" -> "acao"), colloquial spellings normalized
 * ("vc" -> "voce", "pq" -> "porque", "ñ" -> "nao", "u" -> "you"), numbers,
 * emoji and emoticons (with a polarity), laughter ("kkkk", "rsrs",
 * "hahaha" -> one LAUGH token), and punctuation runs with their count of
 * '!' and '?'.  A word written in capitals is flagged so scorers can read
 * shouting.  Not for: sentence splitting or language detection (class.h).
 */
#ifndef CIM_TOK_H
#define CIM_TOK_H
#include <stddef.h>

/* Folded words longer than this are cut (their hash still sees all bytes). */
#define CIM_TOK_MAX 47

enum cim_tok_kind {
	CIM_TOK_WORD,		/* letters, maybe digits or an inner apostrophe */
	CIM_TOK_NUM,		/* digits only */
	CIM_TOK_EMOJI,		/* a pictograph; pol says how it feels */
	CIM_TOK_EMOTICON,	/* :) :-( :D <3 ... */
	CIM_TOK_LAUGH,		/* kkkk rsrs hahaha hehe lol */
	CIM_TOK_PUNCT		/* a run of punctuation */
};

/* flags */
#define CIM_TOK_CAPS	1	/* a word of 2+ letters, all upper case */
#define CIM_TOK_NORM	2	/* the word was a colloquial spelling, normalized */

struct cim_tok {
	enum cim_tok_kind kind;
	unsigned	  flags;
	const char	 *src;		/* the original bytes, borrowed */
	size_t		  srclen;
	char		  text[CIM_TOK_MAX + 1];	/* folded, NUL-terminated */
	size_t		  len;
	int		  pol;		/* emoji/emoticon: -1, 0, +1 */
	int		  nexcl, nquest;	/* PUNCT: '!' and '?' in the run */
};

struct cim_tokenizer {
	const char	*s;
	size_t		 n, i;
	int		 unstretch;	/* "lindooo" -> "lindo"; cim_tok_init clears it */
};

/* Starts tokenizing s[0..n) (borrowed; must stay valid). */
void cim_tok_init(struct cim_tokenizer *t, const char *s, size_t n);
/* The next token in *tok: 1, or 0 at the end.  Cannot fail; invalid UTF-8
 * bytes are skipped as separators. */
int cim_tok_next(struct cim_tokenizer *t, struct cim_tok *tok);

/*
 * A whole text tokenized into arrays reused from one text to the next
 * (they grow, amortized; nothing is allocated per token): all tokens, the
 * word and number tokens among them (w, with wt their index in t), and
 * for each word the number of sentence ends (. ! ?) before it.
 */
struct cim_toks {
	struct cim_tok		 *t;
	size_t			  n, cap;
	const struct cim_tok	**w;
	size_t			 *wt;
	int			 *sent;
	size_t			  nw, wcap;
	/* Set before cim_toks_run by a caller that looks words up in a
	 * dictionary (the lexicon): a stretched word ("lindooo", "muuuito")
	 * then reads as the word.  A trained model leaves it clear, since the
	 * stretched form is a signal of its own. */
	int			  unstretch;
};

/* Tokenizes s[0..n) into tt, replacing what it held. */
void cim_toks_run(struct cim_toks *tt, const char *s, size_t n);
void cim_toks_free(struct cim_toks *tt);

/*
 * Folds one code point to lower-case ASCII when it is a Latin letter with
 * a diacritic (U+00C0..U+00FF); returns the
 * ASCII letter, or 0 when there is none.  *upper is set when the letter
 * was upper case.
 */
int cim_tok_fold(unsigned cp, int *upper);
/* Decodes the UTF-8 sequence at s (n bytes left) into *cp; its length, or
 * 0 when invalid. */
size_t cim_tok_decode(const char *s, size_t n, unsigned *cp);
#endif
