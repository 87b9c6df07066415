/*
 * langid.c: language identification (see langid.h).  Each language's
 * profile is its word list (most frequent first; a word's prior follows
 * Zipf's law by rank) and the character trigrams of those words, with
 * accents kept: "ção", "ñ", "ll", " th" carry most of the signal.  The
 * words come from langid_text.c; the profiles are built from them at
 * first use.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "langid.h"
#include "langid_text.h"
#include "smap.h"
#include "tok.h"

#define NLANG CIM_LANGID_N
static const char *const lname[NLANG] = { "pt", "en", "es" };

#define TRI_BITS 14
#define TRI_N (1u << TRI_BITS)
/* Longest word looked at, in code points; longer ones are cut. */
#define WMAX 60

/* One word known to some language: log P(word | language) for each, or
 * UNK_WORD where the language does not list it. */
struct wprob {
	float	lp[NLANG];
	int	neutral;
};

static float tri[NLANG][TRI_N];		/* log P(trigram | language) */
static struct cim_smap wmap;		/* word -> index in wp + 1 */
static struct wprob wp[4096];
static size_t nwp;
static int ready;

#define UNK_WORD (-12.0f)

static uint32_t
tri_hash(const unsigned *c)
{
	uint32_t h = c[0] * 2654435761u ^ c[1] * 40503u ^ c[2] * 2246822519u;

	return (h ^ (h >> 15)) & (TRI_N - 1);
}

static int
is_letter(unsigned c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

/* Upper-case Latin-1 letters to lower case; other code points unchanged. */
static unsigned
lower(unsigned c)
{
	if (c >= 'A' && c <= 'Z')
		return c | 0x20;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	return c;
}

/*
 * Writing that stretches or repeats says nothing of the language, and
 * would hide the word from the lists: runs of three or more of a letter
 * become one ("demaisss" -> "demais", "kkkk" -> "k"), and a two-letter
 * unit repeated three or more times is kept twice ("jajajaja" -> "jaja",
 * "rsrsrs" -> "rsrs").  Returns the new length.
 */
static size_t
unstretch(unsigned *cp, size_t k)
{
	size_t i, j, m;

	for (i = j = 0; i < k; i = m) {
		for (m = i + 1; m < k && cp[m] == cp[i]; m++)
			;
		cp[j++] = cp[i];
		if (m - i == 2)
			cp[j++] = cp[i];
	}
	k = j;
	if (k >= 6) {
		for (i = 2; i < k && cp[i] == cp[i - 2]; i++)
			;
		if (i == k)
			k = 4;
	}
	return k;
}

/* cp[0..k) as UTF-8 in out (room for 4 bytes a code point); its length. */
static size_t
encode(const unsigned *cp, size_t k, char *out)
{
	size_t j, n = 0;

	for (j = 0; j < k; j++) {
		unsigned c = cp[j];

		if (c < 0x80) {
			out[n++] = (char)c;
		} else if (c < 0x800) {
			out[n++] = (char)(0xC0 | c >> 6);
			out[n++] = (char)(0x80 | (c & 0x3F));
		} else {
			out[n++] = (char)(0xE0 | c >> 12);
			out[n++] = (char)(0x80 | (c >> 6 & 0x3F));
			out[n++] = (char)(0x80 | (c & 0x3F));
		}
	}
	return n;
}

/* Hashes the trigrams of " word " into th (room for k + 2); their count. */
static size_t
trigrams(const unsigned *cp, size_t k, uint32_t *th)
{
	unsigned buf[WMAX + 2];
	size_t m, nt = 0;

	buf[0] = ' ';
	memcpy(buf + 1, cp, k * sizeof(*cp));
	buf[k + 1] = ' ';
	for (m = 0; m + 3 <= k + 2; m++)
		th[nt++] = tri_hash(buf + m);
	return nt;
}

/* The entry of the word cp[0..k), created when new. */
static struct wprob *
word_entry(const unsigned *cp, size_t k)
{
	char wb[4 * WMAX];
	struct cim_smap_ent *e;
	int isnew, l;

	e = cim_smap_put(&wmap, wb, encode(cp, k, wb), &isnew);
	if (isnew) {
		if (nwp == sizeof(wp) / sizeof(wp[0]))
			return NULL;	/* never with the built-in lists */
		for (l = 0; l < NLANG; l++)
			wp[nwp].lp[l] = 0;
		wp[nwp].neutral = 0;
		e->val = (long)++nwp;
	}
	return &wp[e->val - 1];
}

/* Decodes the space-separated word at p, lower-cased; its length. */
static size_t
list_word(const char *p, const char *e, unsigned *cp)
{
	size_t k = 0, len;
	unsigned c;

	while (p < e && k < WMAX && (len = cim_tok_decode(p, (size_t)(e - p), &c)) > 0) {
		cp[k++] = lower(c);
		p += len;
	}
	return k;
}

static void
build(void)
{
	const char *p, *e;
	unsigned cp[WMAX];
	uint32_t th[WMAX + 2];
	double total[NLANG] = { 0 };
	size_t i;
	int l;

	for (l = 0; l < NLANG; l++) {
		double tt = 0, w;
		size_t rank = 0, k, nt;
		struct wprob *x;

		for (p = cim_langid_words[l]; *p; p = *e ? e + 1 : e, rank++) {
			e = strchr(p, ' ');
			if (e == NULL)
				e = p + strlen(p);
			k = list_word(p, e, cp);
			w = 1.0 / ((double)rank + 8);
			total[l] += w;
			if ((x = word_entry(cp, k)) != NULL && x->lp[l] < w)
				x->lp[l] = (float)w;
			nt = trigrams(cp, k, th);
			for (i = 0; i < nt; i++)
				tri[l][th[i]] += (float)w;
		}
		for (i = 0; i < TRI_N; i++)
			tt += tri[l][i];
		for (i = 0; i < TRI_N; i++)
			tri[l][i] = (float)log((tri[l][i] + 0.002) / (tt + 0.002 * TRI_N));
	}
	/* Weights to log probabilities once every word has its entry. */
	for (i = 0; i < nwp; i++)
		for (l = 0; l < NLANG; l++)
			wp[i].lp[l] = wp[i].lp[l] > 0 ?
			    (float)log(wp[i].lp[l] / total[l]) : UNK_WORD;
	for (p = cim_langid_neutral; *p; p = *e ? e + 1 : e) {
		struct wprob *x;

		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		if ((x = word_entry(cp, list_word(p, e, cp))) != NULL)
			x->neutral = 1;
	}
	ready = 1;
}

/*
 * Links, addresses and handles say nothing of the language: a
 * space-separated chunk with "://", an '@', a leading '#' or "www.", or
 * a name ending in a common top-level domain ("loja.com.br").
 */
static int
is_link(const char *s, size_t n)
{
	static const char *const tld[] = { "com", "net", "org", "br", "es", "io", "co",
	    "uk", "gov", "edu", "info" };
	size_t i, dot = n;

	while (n > 0 && strchr(".,;:!?)]\"'", s[n - 1]) != NULL)
		n--;
	if (n == 0)
		return 0;
	if (s[0] == '#' || (n > 4 && memcmp(s, "www.", 4) == 0))
		return 1;
	for (i = 0; i < n; i++) {
		if (s[i] == '@' || (s[i] == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/'))
			return 1;
		if (s[i] == '.')
			dot = i;
	}
	if (dot == 0 || dot >= n)
		return 0;
	for (i = 0; i < sizeof(tld) / sizeof(tld[0]); i++)
		if (strlen(tld[i]) == n - dot - 1 && memcmp(s + dot + 1, tld[i], n - dot - 1) == 0)
			return 1;
	return 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

const char *
cim_langid(const char *s, size_t n, double *conf)
{
	double score[NLANG] = { 0 }, best, second;
	size_t i = 0, len = 0, letters = 0, nw = 0, known[NLANG] = { 0 };
	int l, bl = 0;
	unsigned c;

	if (!ready)
		build();
	/* A few sentences decide; more only costs time. */
	if (n > 240)
		n = 240;
	while (i < n) {
		size_t end;

		if (is_space(s[i])) {
			i++;
			continue;
		}
		for (end = i; end < n && !is_space(s[end]); end++)
			;
		if (is_link(s + i, end - i)) {
			i = end;
			continue;
		}
		while (i < end) {
			size_t k = 0, nt, m, wn;
			unsigned cp[WMAX];
			uint32_t th[WMAX + 2];
			char wb[4 * WMAX];
			int digit = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
			struct cim_smap_ent *e;
			const struct wprob *x;

			/* A word: letters and inner apostrophes. */
			while (i < end && (len = cim_tok_decode(s + i, end - i, &c)) > 0) {
				if (c == 0x2019 || c == 0xB4)	/* don’t, don´t */
					c = '\'';
				else if (!is_letter(c) && (c != '\'' || k == 0))
					break;
				if (k < WMAX)
					cp[k++] = lower(c);
				i += len;
			}
			if (k == 0) {	/* a separator */
				i += len ? len : 1;
				continue;
			}
			while (k > 0 && cp[k - 1] == '\'')
				k--;
			digit |= i < end && s[i] >= '0' && s[i] <= '9';
			/* Units and model numbers ("64gb", "a20") are no language's;
			 * a longer word run into a number ("order123") still is. */
			if (k == 0 || (digit && k <= 3))
				continue;
			k = unstretch(cp, k);
			wn = encode(cp, k, wb);
			e = cim_smap_get(&wmap, wb, wn);
			x = e != NULL ? &wp[e->val - 1] : NULL;
			if (x != NULL && x->neutral)
				continue;
			letters += k;
			nw++;
			/* Each trigram hashed once, looked up in the three profiles. */
			nt = trigrams(cp, k, th);
			for (l = 0; l < NLANG; l++) {
				double ts = 0;

				if (x != NULL && x->lp[l] > UNK_WORD)
					known[l]++;
				score[l] += x != NULL ? x->lp[l] : UNK_WORD;
				for (m = 0; m < nt; m++)
					ts += tri[l][th[m]];
				score[l] += 0.5 * ts;
			}
		}
	}
	if (conf)
		*conf = 0;
	if (letters < 12 || nw < 2)
		return "und";
	for (l = 1; l < NLANG; l++)
		if (score[l] > score[bl])
			bl = l;
	best = score[bl];
	second = -1e300;
	for (l = 0; l < NLANG; l++)
		if (l != bl && score[l] > second)
			second = score[l];
	/* Another language: hardly any of its words are in our lists. */
	if (nw >= 4 && known[bl] * 5 < nw)
		return "und";
	if (conf)
		*conf = 1 - exp((second - best) / (double)nw);
	return lname[bl];
}
