/*
 * tok.c: the classification tokenizer (see tok.h).  One pass, no
 * allocation: each token's folded text is built in the token itself.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tok.h"

void
cim_tok_init(struct cim_tokenizer *t, const char *s, size_t n)
{
	t->s = s;
	t->n = n;
	t->i = 0;
	t->unstretch = 0;
}

size_t
cim_tok_decode(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, k;
	unsigned c;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) { len = 2; c = u[0] & 0x1F; }
	else if (u[0] >= 0xE0 && u[0] <= 0xEF) { len = 3; c = u[0] & 0x0F; }
	else if (u[0] >= 0xF0 && u[0] <= 0xF4) { len = 4; c = u[0] & 0x07; }
	else return 0;
	if (n < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((u[k] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (u[k] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* U+00C0..U+00FF: the ASCII letter each Latin-1 letter folds to ('\0' for
 * the multiplication and division signs, which are not letters). */
static const char latin1[65] =
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";

int
cim_tok_fold(unsigned cp, int *upper)
{
	*upper = 0;
	if (cp >= 0xC0 && cp <= 0xFF) {
		*upper = cp < 0xDF;
		return latin1[cp - 0xC0];
	}
	return 0;
}

static int
is_emoji(unsigned cp)
{
	return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
	    (cp >= 0x1F000 && cp <= 0x1F2FF) || cp == 0x2B50 || cp == 0x2B55;
}

/* Letters of other scripts count as word characters, copied unfolded. */
static int
is_letter(unsigned cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp >= 0xC0 && cp <= 0x24F)
		return cp != 0xD7 && cp != 0xF7;
	return (cp >= 0x370 && cp <= 0x1FFF) || (cp >= 0x3040 && cp <= 0x9FFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7AF);
}

static int
emoji_pol(unsigned cp)
{
	static const unsigned pos[] = {
		0x1F600, 0x1F601, 0x1F602, 0x1F603, 0x1F604, 0x1F605, 0x1F606,
		0x1F607, 0x1F609, 0x1F60A, 0x1F60B, 0x1F60C, 0x1F60D, 0x1F60E,
		0x1F618, 0x1F619, 0x1F61A, 0x1F61B, 0x1F642, 0x1F917, 0x1F923,
		0x1F929, 0x1F970, 0x1F973, 0x1F44D, 0x1F44C, 0x1F44F, 0x1F64C,
		0x2764, 0x1F495, 0x1F496, 0x1F497, 0x1F498, 0x1F499, 0x1F49A,
		0x1F49B, 0x1F49C, 0x1F49D, 0x1F49E, 0x1F389, 0x2705, 0x1F31F,
		0x2B50, 0x1F4AF, 0x263A, 0x1F60F
	};
	static const unsigned neg[] = {
		0x1F620, 0x1F621, 0x1F92C, 0x1F624, 0x1F61E, 0x1F61F, 0x1F622,
		0x1F62D, 0x1F629, 0x1F62B, 0x1F612, 0x1F614, 0x1F615, 0x1F616,
		0x1F623, 0x1F625, 0x1F626, 0x1F627, 0x1F628, 0x1F630, 0x1F631,
		0x1F641, 0x2639, 0x1F44E, 0x1F494, 0x1F922, 0x1F92E, 0x1F926,
		0x1F644, 0x1F611, 0x274C, 0x1F480, 0x1F4A9, 0x1F613, 0x1F62A,
		0x1F62C, 0x1F62E, 0x1F62F, 0x1F632, 0x1F633, 0x1F635, 0x1F97A,
		0x1F925, 0x1F9D0, 0x1F4A2, 0x1F6A8
	};
	size_t i;

	for (i = 0; i < sizeof(pos) / sizeof(pos[0]); i++)
		if (pos[i] == cp)
			return 1;
	for (i = 0; i < sizeof(neg) / sizeof(neg[0]); i++)
		if (neg[i] == cp)
			return -1;
	return 0;
}

/* ASCII emoticons, longest first where one is a prefix of another. */
static const struct { const char *s; int pol; } emoticons[] = {
	{ ":-)", 1 }, { ":-(", -1 }, { ":-D", 1 }, { ":'(", -1 }, { ";-)", 1 },
	{ ":-/", -1 }, { ":-P", 1 }, { ":-p", 1 }, { ":-|", 0 },
	{ ":)", 1 }, { ":(", -1 }, { ":D", 1 }, { ";)", 1 }, { ":P", 1 },
	{ ":p", 1 }, { ":/", -1 }, { ":|", 0 }, { "=)", 1 }, { "=(", -1 },
	{ "<3", 1 }, { "</3", -1 }, { "xD", 1 }, { "XD", 1 }, { "D:", -1 },
	{ ":@", -1 }, { ":S", -1 }, { ":s", -1 }, { ":c", -1 }
};

static size_t
match_emoticon(const char *s, size_t n, int *pol)
{
	size_t k, len;

	for (k = 0; k < sizeof(emoticons) / sizeof(emoticons[0]); k++) {
		len = strlen(emoticons[k].s);
		if (len > n || memcmp(s, emoticons[k].s, len) != 0)
			continue;
		/* "http://", "xDesign", "D:\\" are not faces. */
		if (len < n && (((s[len] | 0x20) >= 'a' && (s[len] | 0x20) <= 'z') ||
		    (s[len] >= '0' && s[len] <= '9') || s[len] == '/'))
			continue;
		/* ":))))" and ":((((" are one stronger face. */
		while (len < n && s[len] == s[len - 1] && (s[len] == ')' || s[len] == '('))
			len++;
		*pol = emoticons[k].pol;
		return len;
	}
	return 0;
}

/* Laughter: kkk+, (rs){2,}, haha/hehe/huehue, ahah, lol, lmao. */
static int
is_laugh(const char *w, size_t n)
{
	size_t i, h = 0, v = 0, k = 0;

	if ((n == 3 && memcmp(w, "lol", 3) == 0) || (n == 4 && (memcmp(w, "lmao", 4) == 0 ||
	    memcmp(w, "rofl", 4) == 0)) || (n == 5 && memcmp(w, "lmfao", 5) == 0))
		return 1;
	for (i = 0; i < n && w[i] == 'k'; i++)
		;
	if (i >= 3 && (i == n || (n - i <= 2 && strspn(w + i, "jl") == n - i)))
		return 1;
	if (n >= 4 && n % 2 == 0) {
		for (i = 0; i + 1 < n && w[i] == 'r' && w[i + 1] == 's'; i += 2)
			;
		if (i == n)
			return 1;
	}
	if (n < 4)
		return 0;
	for (i = 0; i < n; i++) {
		if (w[i] == 'h') h++;
		else if (w[i] == 'a' || w[i] == 'e' || w[i] == 'u' || w[i] == 'i') v++;
		else k++;
	}
	/* Alternating h and vowels only: "haha", "ahahah", "hehe", "huehue". */
	if (k == 0 && h >= 2 && v >= 2) {
		for (i = 1; i < n; i++)
			if ((w[i] == 'h') == (w[i - 1] == 'h') && !(w[i] == 'e' && w[i - 1] == 'u'))
				return 0;
		return 1;
	}
	return 0;
}

/* Colloquial and abbreviated spellings (folded) -> the standard word. */
static const char *const colloquial[][2] = {
	{ "vc", "voce" }, { "vcs", "voces" }, { "voc", "voce" }, { "pq", "porque" },
	{ "q", "que" }, { "n", "nao" }, { "naum", "nao" }, { "ta", "esta" },
	{ "tah", "esta" }, { "blz", "beleza" }, { "obg", "obrigado" },
	{ "obgd", "obrigado" }, { "obgda", "obrigado" }, { "obrigada", "obrigado" },
	{ "brigado", "obrigado" }, { "msg", "mensagem" }, { "msgs", "mensagens" },
	{ "kd", "cade" }, { "tb", "tambem" }, { "tbm", "tambem" }, { "hj", "hoje" },
	{ "mt", "muito" }, { "mto", "muito" }, { "mta", "muita" }, { "td", "tudo" },
	{ "vlw", "valeu" }, { "pfv", "favor" }, { "pf", "favor" }, { "pfvr", "favor" },
	{ "cmg", "comigo" }, { "ngm", "ninguem" }, { "qdo", "quando" },
	{ "qnd", "quando" }, { "qto", "quanto" }, { "qq", "qualquer" },
	{ "nd", "nada" }, { "pra", "para" }, { "pro", "para" }, { "eh", "e" },
	{ "agr", "agora" }, { "dps", "depois" }, { "oq", "que" }, { "ctz", "certeza" },
	{ "dnv", "denovo" }, { "sdd", "saudade" }, { "vdd", "verdade" },
	{ "u", "you" }, { "ur", "your" }, { "pls", "please" }, { "plz", "please" },
	{ "thx", "thanks" }, { "thanx", "thanks" }, { "tks", "thanks" },
	{ "ty", "thanks" }, { "r", "are" }, { "cuz", "because" }, { "bc", "because" },
	{ "acct", "account" }, { "pwd", "password" }, { "pw", "password" },
	{ "msg'd", "messaged" }, { "ppl", "people" }, { "srsly", "seriously" }
};

static void
normalize(struct cim_tok *tok)
{
	size_t k;

	for (k = 0; k < sizeof(colloquial) / sizeof(colloquial[0]); k++) {
		if (tok->text[0] == colloquial[k][0][0] && tok->text[1] == colloquial[k][0][1] &&
		    strcmp(tok->text, colloquial[k][0]) == 0) {
			/* "tá" and "tô" need their accent to mean estar. */
			if (strcmp(tok->text, "ta") == 0 && tok->srclen == 2)
				continue;
			tok->len = strlen(colloquial[k][1]);
			memcpy(tok->text, colloquial[k][1], tok->len + 1);
			tok->flags |= CIM_TOK_NORM;
			return;
		}
	}
}

/*
 * Stretched words, "lindooo", "muuuito", "ameiii", when the caller asks
 * (cim_tokenizer.unstretch): a run of three or more of one letter
 * becomes one.  Portuguese never writes a letter three times, and two
 * ("voo", "carro") are left alone, as is a word of one letter only
 * ("BBB", "www").  English "goood" reads "god" and is missed, as it was
 * before; "sooo" and "pleeease" are found.
 */
static void
unstretch(struct cim_tok *tok)
{
	size_t i, j, n, run;
	char c, one[2] = { 0, 0 };

	for (i = 2; i < tok->len; i++)
		if (tok->text[i] == tok->text[i - 1] && tok->text[i] == tok->text[i - 2] &&
		    tok->text[i] >= 'a' && tok->text[i] <= 'z')
			break;
	if (i >= tok->len)
		return;		/* most words: nothing to do */
	one[0] = tok->text[i];
	if (strspn(tok->text, one) == tok->len)
		return;		/* "bbb", "www" */
	for (i = j = 0; i < tok->len; i += run) {
		c = tok->text[i];
		for (run = 1; i + run < tok->len && tok->text[i + run] == c; run++)
			;
		n = run >= 3 && c >= 'a' && c <= 'z' ? 1 : run;
		memset(tok->text + j, c, n);	/* a run is one byte repeated */
		j += n;
	}
	tok->len = j;
	tok->text[j] = '\0';
}

static void
add_byte(struct cim_tok *tok, char c)
{
	if (tok->len < CIM_TOK_MAX)
		tok->text[tok->len++] = c;
}

/* Reads a word starting at t->i: letters, digits, inner apostrophes. */
static void
read_word(struct cim_tokenizer *t, struct cim_tok *tok)
{
	size_t nletter = 0, nupper = 0, ndigit = 0, len;
	unsigned cp;
	int up, c;

	while (t->i < t->n) {
		unsigned char b = (unsigned char)t->s[t->i];

		/* ASCII letters and digits, most of the text, without decoding. */
		if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
			nletter++;
			nupper += b <= 'Z';
			if (tok->len < CIM_TOK_MAX)
				tok->text[tok->len++] = (char)(b | 0x20);
			t->i++;
			continue;
		}
		if (b >= '0' && b <= '9') {
			ndigit++;
			if (tok->len < CIM_TOK_MAX)
				tok->text[tok->len++] = (char)b;
			t->i++;
			continue;
		}
		len = cim_tok_decode(t->s + t->i, t->n - t->i, &cp);
		if (len == 0)
			break;
		if (cp < 0x80 && cp >= '0' && cp <= '9') {
			add_byte(tok, (char)cp);
			ndigit++;
		} else if (cp < 0x80 && is_letter(cp)) {
			nletter++;
			if (cp <= 'Z')
				nupper++;
			add_byte(tok, (char)(cp | 0x20));
		} else if ((c = cim_tok_fold(cp, &up)) != 0) {
			nletter++;
			nupper += up;
			add_byte(tok, (char)c);
		} else if (is_letter(cp)) {
			nletter++;
			if (tok->len + len <= CIM_TOK_MAX) {
				memcpy(tok->text + tok->len, t->s + t->i, len);
				tok->len += len;
			}
		} else if ((cp == '\'' || cp == 0x2019) && nletter > 0) {
			/* "don't", "it's": the apostrophe joins, and is dropped. */
			size_t l2;
			unsigned next;

			l2 = cim_tok_decode(t->s + t->i + len, t->n - t->i - len, &next);
			if (l2 == 0 || !is_letter(next))
				break;
		} else {
			break;
		}
		t->i += len;
	}
	tok->text[tok->len] = '\0';
	if (nletter == 0) {
		tok->kind = CIM_TOK_NUM;
		return;
	}
	tok->kind = CIM_TOK_WORD;
	if (nletter >= 2 && nupper == nletter)
		tok->flags |= CIM_TOK_CAPS;
	(void)ndigit;
}

int
cim_tok_next(struct cim_tokenizer *t, struct cim_tok *tok)
{
	unsigned cp;
	size_t len, elen, start;
	int pol;

	for (;;) {
		if (t->i >= t->n)
			return 0;
		start = t->i;
		tok->flags = 0;
		tok->len = 0;
		tok->pol = 0;
		tok->nexcl = tok->nquest = 0;
		tok->src = t->s + start;
		len = cim_tok_decode(t->s + t->i, t->n - t->i, &cp);
		if (len == 0) {
			t->i++;
			continue;
		}
		if (cp <= ' ' || cp == 0x7F || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200F) ||
		    cp == 0x202F || cp == 0xFEFF || cp == 0xFE0F || cp == 0x200D) {
			t->i += len;
			continue;
		}
		if ((cp == ':' || cp == ';' || cp == '=' || cp == '<' || cp == 'x' ||
		    cp == 'X' || cp == 'D') && (elen = match_emoticon(t->s + t->i,
		    t->n - t->i, &pol)) > 0) {
			len = elen;
			t->i += len;
			tok->kind = CIM_TOK_EMOTICON;
			tok->pol = pol;
			memcpy(tok->text, t->s + start, len < CIM_TOK_MAX ? len : CIM_TOK_MAX);
			tok->len = len < CIM_TOK_MAX ? len : CIM_TOK_MAX;
			tok->text[tok->len] = '\0';
			tok->srclen = len;
			return 1;
		}
		if ((cp >= '0' && cp <= '9') || is_letter(cp)) {
			read_word(t, tok);
			tok->srclen = t->i - start;
			if (tok->kind == CIM_TOK_WORD) {
				if (is_laugh(tok->text, tok->len)) {
					tok->kind = CIM_TOK_LAUGH;
					tok->flags = 0;	/* "KKKK" is not shouting */
				}
				else {
					if (t->unstretch)
						unstretch(tok);
					if (tok->len <= 6)
						normalize(tok);
				}
			}
			return 1;
		}
		if (is_emoji(cp)) {
			t->i += len;
			tok->kind = CIM_TOK_EMOJI;
			tok->pol = emoji_pol(cp);
			/* Skin tones and variation selectors belong to it. */
			while (t->i < t->n && (len = cim_tok_decode(t->s + t->i,
			    t->n - t->i, &cp)) > 0 && (cp == 0xFE0F ||
			    (cp >= 0x1F3FB && cp <= 0x1F3FF)))
				t->i += len;
			tok->srclen = t->i - start;
			len = tok->srclen < CIM_TOK_MAX ? tok->srclen : CIM_TOK_MAX;
			memcpy(tok->text, tok->src, len);
			tok->len = len;
			tok->text[len] = '\0';
			return 1;
		}
		if ((cp < 0x80 && strchr("!?.,;:-()[]{}\"'/*&%$#@+=_~^`|\\", (int)cp)) ||
		    cp == 0xA1 || cp == 0xBF || (cp >= 0x2010 && cp <= 0x205E)) {
			/* A run of punctuation: "!!!", "?!", "...". */
			while (t->i < t->n && (len = cim_tok_decode(t->s + t->i,
			    t->n - t->i, &cp)) > 0 && ((cp < 0x80 &&
			    strchr("!?.,;:-()[]{}\"'/*&%$#@+=_~^`|\\", (int)cp) && cp != 0) ||
			    cp == 0xA1 || cp == 0xBF || (cp >= 0x2010 && cp <= 0x205E))) {
				if (cp == '!' || cp == 0xA1) tok->nexcl++;
				if (cp == '?' || cp == 0xBF) tok->nquest++;
				if (tok->len + len <= CIM_TOK_MAX) {
					memcpy(tok->text + tok->len, t->s + t->i, len);
					tok->len += len;
				}
				t->i += len;
			}
			tok->text[tok->len] = '\0';
			tok->kind = CIM_TOK_PUNCT;
			tok->srclen = t->i - start;
			return 1;
		}
		t->i += len;	/* other symbols separate tokens */
	}
}

void
cim_toks_run(struct cim_toks *tt, const char *s, size_t n)
{
	struct cim_tokenizer t;
	int sent;

	cim_tok_init(&t, s, n);
	t.unstretch = tt->unstretch;
	tt->n = tt->nw = 0;
	for (;;) {
		struct cim_tok *k;

		if (tt->n == tt->cap) {
			tt->cap = tt->cap ? tt->cap * 2 : 64;
			tt->t = cim_xrealloc(tt->t, tt->cap * sizeof(*tt->t));
		}
		k = &tt->t[tt->n];
		if (!cim_tok_next(&t, k))
			break;
		tt->n++;
	}
	/* Word pointers are taken once t no longer moves. */
	if (tt->wcap < tt->n) {
		tt->wcap = tt->cap;
		tt->w = cim_xrealloc(tt->w, tt->wcap * sizeof(*tt->w));
		tt->wt = cim_xrealloc(tt->wt, tt->wcap * sizeof(*tt->wt));
		tt->sent = cim_xrealloc(tt->sent, tt->wcap * sizeof(*tt->sent));
	}
	sent = 0;
	for (size_t i = 0; i < tt->n; i++) {
		const struct cim_tok *k = &tt->t[i];

		if (k->kind == CIM_TOK_PUNCT && strpbrk(k->text, ".!?") != NULL)
			sent++;
		if (k->kind != CIM_TOK_WORD && k->kind != CIM_TOK_NUM)
			continue;
		tt->w[tt->nw] = k;
		tt->wt[tt->nw] = i;
		tt->sent[tt->nw] = sent;
		tt->nw++;
	}
}

void
cim_toks_free(struct cim_toks *tt)
{
	free(tt->t);
	free(tt->w);
	free(tt->wt);
	free(tt->sent);
	memset(tt, 0, sizeof(*tt));
}
