/*
 * langid.c: language identification (see langid.h).  Each language's
 * profile is the words of its word list (most frequent first; a word's
 * prior follows Zipf's law by rank) and of its sample text (by count),
 * and the character trigrams of those words, with accents kept: "ção",
 * "ñ", "ll", " th" carry most of the signal.  Both come from
 * langid_text.c; the profiles are built from them at first use, and
 * reading a text is one pass that allocates nothing.
 * Not for: tokenizing for classification (tok.h).
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
/* Word -> index in wp + 1; a key is the word's code points as stored in
 * memory (no need to encode them back to UTF-8 to look them up). */
static struct cim_smap wmap;
static struct wprob wp[4096];	/* the lists and texts have about 2,000 */
static size_t nwp;
static int ready;

#define UNK_WORD (-12.0f)
/* How much likelier, in nats, the language of a short text must be. */
#define SHORT_MARGIN 7.0

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

/* The entry of the word cp[0..k), created when new; NULL when the
 * table is full (the lists would have outgrown it). */
static struct wprob *
word_entry(const unsigned *cp, size_t k)
{
	struct cim_smap_ent *e;
	int isnew, l;

	e = cim_smap_put(&wmap, (const char *)cp, k * sizeof(*cp), &isnew);
	if (isnew) {
		if (nwp == sizeof(wp) / sizeof(wp[0]))
			return NULL;
		for (l = 0; l < NLANG; l++)
			wp[nwp].lp[l] = 0;
		wp[nwp].neutral = 0;
		e->val = (long)++nwp;
	}
	return &wp[e->val - 1];
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

/* Where next_word is in a text s[0..n): at i, in the chunk ending at end. */
struct scan {
	const char	*s;
	size_t		 n, i, end;
};

/*
 * The next word of the text into cp (room for WMAX), lower-cased and
 * unstretched; its length, or 0 at the end.  Words are letters with inner
 * apostrophes; links are skipped whole, and so are units and model
 * numbers: a word of three letters or less run into digits ("64gb",
 * "a20"), while a longer one ("order123") is kept.
 */
static size_t
next_word(struct scan *sc, unsigned *cp)
{
	const char *s = sc->s;
	size_t len = 0, k;
	unsigned c;
	int digit;

	for (;;) {
		if (sc->i >= sc->end) {
			while (sc->i < sc->n && is_space(s[sc->i]))
				sc->i++;
			if (sc->i >= sc->n)
				return 0;
			for (sc->end = sc->i; sc->end < sc->n && !is_space(s[sc->end]); sc->end++)
				;
			if (is_link(s + sc->i, sc->end - sc->i)) {
				sc->i = sc->end;
				continue;
			}
		}
		k = 0;
		digit = sc->i > 0 && s[sc->i - 1] >= '0' && s[sc->i - 1] <= '9';
		while (sc->i < sc->end &&
		    (len = cim_tok_decode(s + sc->i, sc->end - sc->i, &c)) > 0) {
			if (c == 0x2019 || c == 0xB4)	/* don’t, don´t */
				c = '\'';
			if (!is_letter(c) && (c != '\'' || k == 0))
				break;
			if (k < WMAX)
				cp[k++] = lower(c);
			sc->i += len;
		}
		if (k == 0) {	/* a separator */
			sc->i += len ? len : 1;
			continue;
		}
		while (k > 0 && cp[k - 1] == '\'')
			k--;
		digit |= sc->i < sc->end && s[sc->i] >= '0' && s[sc->i] <= '9';
		if (k > 0 && !(digit && k <= 3))
			return unstretch(cp, k);
	}
}

/*
 * Adds weight w of the word cp[0..k) to language l: to the word's
 * weight (the largest given, for a list; the sum, for text) and to its
 * trigrams'.  The word written without accents ("nao", "tambien") gets
 * the same word weight and a quarter of the trigram weight: chat often
 * drops accents, but written with them they are the better evidence.
 */
static void
add_word(int l, const unsigned *cp, size_t k, double w, int sum)
{
	unsigned fold[WMAX];
	uint32_t th[WMAX + 2];
	size_t i, nt;
	int pass, upper, folded = 0;
	struct wprob *x;

	for (i = 0; i < k; i++) {
		int a = cim_tok_fold(cp[i], &upper);

		fold[i] = a ? (unsigned)a : cp[i];
		folded |= a != 0;
	}
	for (pass = 0; pass <= folded; pass++) {
		const unsigned *v = pass ? fold : cp;
		double tw = pass ? w / 4 : w;

		if ((x = word_entry(v, k)) != NULL)
			x->lp[l] = sum ? x->lp[l] + (float)w : x->lp[l] > w ? x->lp[l] : (float)w;
		nt = trigrams(v, k, th);
		for (i = 0; i < nt; i++)
			tri[l][th[i]] += (float)tw;
	}
}

/* Decodes the space-separated list word at p, lower-cased; its length. */
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

/*
 * The profiles: a language's word list, by Zipf's law on rank, and its
 * sample text, by count, each half of its word and trigram mass.
 */
static void
build(void)
{
	const char *p, *e;
	unsigned cp[WMAX];
	double total[NLANG] = { 0 };
	size_t i, k;
	int l;

	for (l = 0; l < NLANG; l++) {
		double tt = 0, w;
		size_t rank = 0, ntext = 0;
		const char *const *para;
		struct scan sc;
		int pass;

		for (p = cim_langid_words[l]; *p; p = *e ? e + 1 : e, rank++) {
			e = strchr(p, ' ');
			if (e == NULL)
				e = p + strlen(p);
			w = 1.0 / ((double)rank + 8);
			total[l] += w;
			add_word(l, cp, list_word(p, e, cp), w, 0);
		}
		for (pass = 0; pass < 2; pass++) {	/* count the words, then add them */
			w = ntext > 0 ? total[l] / (double)ntext : 0;
			for (para = cim_langid_text[l]; *para != NULL; para++) {
				sc.s = *para;
				sc.n = strlen(sc.s);
				sc.i = sc.end = 0;
				while ((k = next_word(&sc, cp)) > 0) {
					if (pass == 0)
						ntext++;
					else
						add_word(l, cp, k, w, 1);
				}
			}
		}
		if (ntext > 0)
			total[l] *= 2;
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

const char *
cim_langid(const char *s, size_t n, double *conf)
{
	double score[NLANG] = { 0 }, best, second;
	size_t letters = 0, nw = 0, known[NLANG] = { 0 }, k, nt, m;
	unsigned cp[WMAX];
	uint32_t th[WMAX + 2];
	struct scan sc;
	int l, bl = 0;

	if (!ready)
		build();
	sc.s = s;
	sc.n = n > 240 ? 240 : n;	/* a few sentences decide; more only costs time */
	sc.i = sc.end = 0;
	while ((k = next_word(&sc, cp)) > 0) {
		struct cim_smap_ent *e = cim_smap_get(&wmap, (const char *)cp, k * sizeof(*cp));
		const struct wprob *x = e != NULL ? &wp[e->val - 1] : NULL;

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
	if (conf)
		*conf = 0;
	if (letters < 6)
		return "und";
	for (l = 1; l < NLANG; l++)
		if (score[l] > score[bl])
			bl = l;
	best = score[bl];
	second = -1e300;
	for (l = 0; l < NLANG; l++)
		if (l != bl && score[l] > second)
			second = score[l];
	/*
	 * Too short to tell: under 6 letters ("oi", "hola"); or under 12
	 * letters or a single word, unless a word of it is in the chosen
	 * language's profile and the evidence is clear, the language over
	 * 1000 times (7 nats) likelier than the next ("obrigado", "bom dia",
	 * "ok gracias" are; a name is not).
	 */
	if ((letters < 12 || nw < 2) && (known[bl] == 0 || best - second < SHORT_MARGIN))
		return "und";
	/* Another language: hardly any of its words are in our lists. */
	if (nw >= 4 && known[bl] * 5 < nw)
		return "und";
	if (conf)
		*conf = 1 - exp((second - best) / (double)nw);
	return lname[bl];
}
