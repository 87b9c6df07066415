/*
 * utf8.c: UTF-8 validation, repair and transcoding, invisible-mark
 * stripping and HTML to text (see utf8.h).
 * Not for: anything that needs a Unicode database (normalization, case
 * folding, widths); cim compares names through normalizers built on this.
 */
#include <stdint.h>
#include <string.h>

#include "utf8.h"

#define HIGH_BITS 0x8080808080808080ULL

/*
 * The well-formed byte sequences of Unicode 15, table 3-7: the lead byte
 * fixes the length and the range of the second byte, which is where
 * overlongs (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code
 * points above U+10FFFF (F4 90..BF) are excluded.  Third and fourth bytes
 * are always 80..BF.  Returns how many bytes of s (at most n) form a valid
 * prefix of a sequence, 0 when s[0] cannot start one, and the full
 * length in *need.
 */
static size_t
prefix_len(const unsigned char *s, size_t n, size_t *need)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	size_t len, k;

	if (c < 0xC2)
		return 0;	/* ASCII, continuation, overlong C0/C1 */
	if (c < 0xE0) {
		len = 2;
	} else if (c < 0xF0) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c < 0xF5) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	*need = len;
	if (n < 2 || s[1] < lo || s[1] > hi)
		return 1;
	for (k = 2; k < len && k < n; k++)
		if ((s[k] & 0xC0) != 0x80)
			break;
	return k;
}

size_t
cim_utf8_seqlen(const unsigned char *s, size_t n)
{
	size_t need = 0, k;

	if (n == 0)
		return 0;
	k = prefix_len(s, n, &need);
	return k != 0 && k == need ? k : 0;
}

size_t
cim_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;
	uint64_t a, b;

	for (;;) {
		/* memcpy, not a pointer cast: no alignment or aliasing UB. */
		while (n - i >= 16) {
			memcpy(&a, p + i, 8);
			memcpy(&b, p + i + 8, 8);
			if ((a | b) & HIGH_BITS)
				break;
			i += 16;
		}
		if (n - i >= 8) {
			memcpy(&a, p + i, 8);
			if (!(a & HIGH_BITS))
				i += 8;
		}
		/* At most 15 ASCII bytes before a non-ASCII one or the end. */
		while (i < n && p[i] < 0x80)
			i++;
		if (i == n)
			return n;
		if ((k = cim_utf8_seqlen(p + i, n - i)) == 0)
			return i;
		i += k;
	}
}

/* Appends code point cp (caller guarantees a scalar value) as UTF-8. */
static void
put_cp(struct cim_buf *out, uint32_t cp)
{
	char b[4];

	if (cp < 0x80) {
		cim_buf_addc(out, (char)cp);
		return;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		cim_buf_add(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		cim_buf_add(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		cim_buf_add(out, b, 4);
	}
}

static const char REPLACEMENT[] = "\xEF\xBF\xBD";	/* U+FFFD */

size_t
cim_utf8_repair(const char *s, size_t n, struct cim_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, v, k, need, count = 0;

	for (;;) {
		v = cim_utf8_valid(s + i, n - i);
		cim_buf_add(out, s + i, v);
		if ((i += v) == n)
			return count;
		/*
		 * The maximal subpart is the longest prefix of a well-formed
		 * sequence, or one byte when p[i] cannot start one.
		 */
		k = prefix_len(p + i, n - i, &need);
		cim_buf_add(out, REPLACEMENT, 3);
		count++;
		i += k ? k : 1;
	}
}

/* ASCII case-insensitive equality, independent of the locale. */
static int
eq_ci(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned x = (unsigned char)*a, y = (unsigned char)*b;

		if (x - 'A' < 26)
			x += 'a' - 'A';
		if (y - 'A' < 26)
			y += 'a' - 'A';
		if (x != y)
			return 0;
		if (x == 0)
			return 1;
	}
}

int
cim_encoding_parse(const char *name, enum cim_encoding *e)
{
	static const struct {
		const char		*name;
		enum cim_encoding	 enc;
	} names[] = {
		{ "utf-8", CIM_ENC_UTF8 }, { "utf8", CIM_ENC_UTF8 },
		{ "latin1", CIM_ENC_LATIN1 }, { "latin-1", CIM_ENC_LATIN1 },
		{ "iso-8859-1", CIM_ENC_LATIN1 },
		{ "cp1252", CIM_ENC_CP1252 }, { "windows-1252", CIM_ENC_CP1252 },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (eq_ci(name, names[i].name)) {
			*e = names[i].enc;
			return 0;
		}
	return -1;
}

/*
 * CP1252 0x80-0x9F (unicode.org MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT);
 * 0 marks the five bytes that code page leaves undefined.
 */
static const uint16_t CP1252_C1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

size_t
cim_transcode(enum cim_encoding e, const char *s, size_t n,
    struct cim_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run, count = 0;

	if (e == CIM_ENC_UTF8)
		return cim_utf8_repair(s, n, out);
	/* Worst case 3 bytes out per byte in: grow once, not per byte. */
	if (n <= ((size_t)-1 - out->len) / 3)
		cim_buf_grow(out, 3 * n);
	while (i < n) {
		for (run = i; run < n && p[run] < 0x80; run++)
			;
		cim_buf_add(out, s + i, run - i);
		if ((i = run) == n)
			break;
		if (e == CIM_ENC_CP1252 && p[i] < 0xA0) {
			if (CP1252_C1[p[i] - 0x80] != 0) {
				put_cp(out, CP1252_C1[p[i] - 0x80]);
			} else {
				cim_buf_add(out, REPLACEMENT, 3);
				count++;
			}
		} else {
			put_cp(out, p[i]);
		}
		i++;
	}
	return count;
}

/*
 * The marks are all three bytes E2 80 xx, E2 81 xx or EF BB BF, plus the
 * two-byte NBSP C2 A0, so a run of bytes other than C2, E2 and EF is
 * copied untouched.  What each mark becomes: 0 drop, else that byte.
 */
static int
mark_of(const unsigned char *p, size_t n, size_t *len)
{
	if (p[0] == 0xC2) {
		*len = 2;
		return n >= 2 && p[1] == 0xA0 ? ' ' : -1;
	}
	*len = 3;
	if (n < 3)
		return -1;
	if (p[0] == 0xEF)
		return p[1] == 0xBB && p[2] == 0xBF ? 0 : -1;
	if (p[1] == 0x80) {
		if (p[2] >= 0x8B && p[2] <= 0x8F)	/* ZWSP ZWNJ ZWJ LRM RLM */
			return 0;
		if (p[2] >= 0xAA && p[2] <= 0xAE)	/* LRE RLE PDF LRO RLO */
			return 0;
		if (p[2] == 0x91)	/* non-breaking hyphen */
			return '-';
		if (p[2] == 0xAF)	/* narrow no-break space */
			return ' ';
	} else if (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9) {
		return 0;		/* LRI RLI FSI PDI */
	}
	return -1;
}

void
cim_text_strip_marks(const char *s, size_t n, struct cim_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0, len;
	int m;

	while (i < n) {
		if (p[i] != 0xC2 && p[i] != 0xE2 && p[i] != 0xEF) {
			i++;
			continue;
		}
		if ((m = mark_of(p + i, n - i, &len)) < 0) {
			i++;
			continue;
		}
		cim_buf_add(out, s + start, i - start);
		if (m)
			cim_buf_addc(out, (char)m);
		start = i += len;
	}
	cim_buf_add(out, s + start, n - start);
}

/* HTML 4 Latin-1 entity names, in code point order from U+00A0. */
static const char *const LATIN1_NAMES[96] = {
	"nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
	"uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
	"deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
	"cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34",
	"iquest",
	"Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
	"Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
	"Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc",
	"Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
	"Uuml", "Yacute", "THORN", "szlig",
	"agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
	"ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute",
	"icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc",
	"otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
	"uuml", "yacute", "thorn", "yuml",
};

/* The others that rich-text editors emit. */
static const struct {
	const char	*name;
	uint32_t	 cp;
} OTHER_NAMES[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "euro", 0x20AC }, { "hellip", 0x2026 },
	{ "ndash", 0x2013 }, { "mdash", 0x2014 }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "ldquo", 0x201C },
	{ "rdquo", 0x201D }, { "bdquo", 0x201E }, { "bull", 0x2022 },
	{ "trade", 0x2122 }, { "OElig", 0x0152 }, { "oelig", 0x0153 },
	{ "Scaron", 0x0160 }, { "scaron", 0x0161 }, { "Yuml", 0x0178 },
	{ "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
	{ "zwnj", 0x200C }, { "zwj", 0x200D }, { "lrm", 0x200E },
	{ "rlm", 0x200F },
};

/* Code point of the named reference p[0..len), 0 when unknown. */
static uint32_t
entity_cp(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < 96; i++)
		if (strlen(LATIN1_NAMES[i]) == len &&
		    memcmp(LATIN1_NAMES[i], p, len) == 0)
			return 0xA0 + (uint32_t)i;
	for (i = 0; i < sizeof OTHER_NAMES / sizeof OTHER_NAMES[0]; i++)
		if (strlen(OTHER_NAMES[i].name) == len &&
		    memcmp(OTHER_NAMES[i].name, p, len) == 0)
			return OTHER_NAMES[i].cp;
	return 0;
}

static int
is_space(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
is_alpha(unsigned c)
{
	return (c | 0x20) - 'a' < 26u;
}

static int
is_digit(unsigned c)
{
	return c - '0' < 10u;
}

static int
hexval(unsigned c)
{
	if (c - '0' < 10)
		return (int)(c - '0');
	c |= 0x20;
	if (c - 'a' < 6)
		return (int)(c - 'a' + 10);
	return -1;
}

/*
 * Decodes the reference at p[0] == '&' and appends it; returns the bytes
 * it took, or 0 (nothing appended) when p does not start a reference.
 */
static size_t
unescape_one(const unsigned char *p, size_t n, struct cim_buf *out)
{
	size_t i = 1, start;
	uint32_t cp = 0;
	int d, base = 10;

	if (i < n && p[i] == '#') {
		i++;
		if (i < n && (p[i] | 0x20) == 'x') {
			base = 16;
			i++;
		}
		for (start = i; i < n; i++) {
			if (base == 16)
				d = hexval(p[i]);
			else
				d = is_digit(p[i]) ? p[i] - '0' : -1;
			if (d < 0)
				break;
			/* Saturate above U+10FFFF: &#99999999999; cannot wrap. */
			cp = cp > 0x10FFFF ? cp : cp * (uint32_t)base + (uint32_t)d;
		}
		if (i == start || i == n || p[i] != ';')
			return 0;
		/* The HTML5 numeric reference fix-ups. */
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		else if (cp >= 0x80 && cp <= 0x9F && CP1252_C1[cp - 0x80])
			cp = CP1252_C1[cp - 0x80];
		put_cp(out, cp);
		return i + 1;
	}
	for (start = i; i < n && i - start < 32; i++)
		if (!is_alpha(p[i]) && !is_digit(p[i]))
			break;
	if (i == start || i == n || p[i] != ';')
		return 0;
	if ((cp = entity_cp((const char *)p + start, i - start)) == 0)
		return 0;
	put_cp(out, cp);
	return i + 1;
}

void
cim_html_unescape(const char *s, size_t n, struct cim_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *amp;
	size_t i = 0, k;

	while (i < n) {
		if ((amp = memchr(s + i, '&', n - i)) == NULL)
			break;
		cim_buf_add(out, s + i, (size_t)(amp - (s + i)));
		i = (size_t)(amp - s);
		if ((k = unescape_one(p + i, n - i, out)) == 0) {
			cim_buf_addc(out, '&');
			k = 1;
		}
		i += k;
	}
	cim_buf_add(out, s + i, n - i);
}

/*
 * html_to_text output state.  Whitespace and line breaks are held back
 * until the next visible text, which is how leading and trailing
 * whitespace get trimmed and blank-line runs capped.
 */
struct text_out {
	struct cim_buf	*out;
	int		 started;	/* visible text appended already */
	int		 newlines;	/* pending line breaks, 0..2 */
	int		 space;		/* pending space */
};

static void
text_visible(struct text_out *t)
{
	if (t->started) {
		if (t->newlines)
			cim_buf_add(t->out, "\n\n", (size_t)t->newlines);
		else if (t->space)
			cim_buf_addc(t->out, ' ');
	}
	t->started = 1;
	t->newlines = t->space = 0;
}

/* A block element boundary: be at the start of a line. */
static void
text_block(struct text_out *t)
{
	if (t->newlines == 0)
		t->newlines = 1;
	t->space = 0;
}

/* <br>: one more line break; two in a row is one blank line, the cap. */
static void
text_break(struct text_out *t)
{
	if (t->newlines < 2)
		t->newlines++;
	t->space = 0;
}

/*
 * First i >= from (from <= n) where p[i..] starts with the lower-case
 * needle, ASCII case-insensitive; n when there is none.
 */
static size_t
find_ci(const unsigned char *p, size_t n, size_t from, const char *needle)
{
	size_t len = strlen(needle), i, k;

	for (i = from; n - i >= len; i++) {
		for (k = 0; k < len; k++)
			if ((p[i + k] | (is_alpha(p[i + k]) ? 0x20 : 0)) !=
			    (unsigned char)needle[k])
				break;
		if (k == len)
			return i;
	}
	return n;
}

/* Elements that sit on lines of their own. */
static const char *const BLOCKS[] = {
	"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
	"blockquote", "ul", "ol", "table", "pre", "hr",
};

/*
 * Skips the tag at p[0] == '<' and acts on it; returns the bytes taken,
 * or 0 when p is a literal '<'.  A tag cut off by the end of the input
 * takes the rest of it, as in a browser.
 */
static size_t
html_tag(const unsigned char *p, size_t n, struct text_out *t, int *pre)
{
	char name[16];
	size_t i = 1, len = 0, b, end;
	int closing = 0, eq;
	unsigned q;

	if (n - i >= 3 && memcmp(p + i, "!--", 3) == 0) {
		end = find_ci(p, n, 4, "-->");
		return end == n ? n : end + 3;
	}
	if (i < n && p[i] == '/') {
		closing = 1;
		i++;
	}
	if (i == n || !(is_alpha(p[i]) || (!closing && (p[i] == '!' ||
	    p[i] == '?')))) {
		if (!closing || i == n)
			return 0;		/* "a < b", "</" */
		end = find_ci(p, n, i, ">");	/* "</ x>": a bogus comment */
		return end == n ? n : end + 1;
	}
	for (; i < n && (is_alpha(p[i]) || is_digit(p[i])); i++)
		if (len < sizeof name - 1)
			name[len++] = (char)(p[i] | (is_alpha(p[i]) ? 0x20 : 0));
	name[len] = '\0';
	/* Attributes: a '>' inside a quoted value does not end the tag. */
	for (eq = 0; i < n && p[i] != '>'; i++) {
		if (eq && (p[i] == '"' || p[i] == '\'')) {
			q = p[i];
			while (++i < n && p[i] != q)
				;
			if (i == n)
				return n;
		}
		if (!is_space(p[i]))
			eq = p[i] == '=';
	}
	if (i == n)
		return n;
	end = i + 1;

	if (strcmp(name, "br") == 0) {
		text_break(t);
	} else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0) {
		if (closing && t->newlines == 0)
			t->space = 1;
	} else if (!closing && (strcmp(name, "script") == 0 ||
	    strcmp(name, "style") == 0)) {
		/* Raw text: nothing inside is markup or text to keep. */
		end = find_ci(p, n, end, strcmp(name, "script") == 0 ?
		    "</script" : "</style");
	} else {
		for (b = 0; b < sizeof BLOCKS / sizeof BLOCKS[0]; b++)
			if (strcmp(name, BLOCKS[b]) == 0)
				break;
		if (b < sizeof BLOCKS / sizeof BLOCKS[0])
			text_block(t);
		if (strcmp(name, "pre") == 0)
			*pre += closing ? (*pre > 0 ? -1 : 0) : 1;
	}
	return end;
}

void
cim_html_to_text(const char *s, size_t n, struct cim_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	struct text_out t = { out, 0, 0, 0 };
	size_t i = 0, run, k;
	int pre = 0;

	while (i < n) {
		if (p[i] == '<' && (k = html_tag(p + i, n - i, &t, &pre))) {
			i += k;
		} else if (p[i] == '&') {
			text_visible(&t);
			if ((k = unescape_one(p + i, n - i, out)) == 0) {
				cim_buf_addc(out, '&');
				k = 1;
			}
			i += k;
		} else if (is_space(p[i]) && pre && p[i] != '\r') {
			if (p[i] == '\n') {
				text_break(&t);
			} else {
				text_visible(&t);
				cim_buf_addc(out, (char)p[i]);
			}
			i++;
		} else if (is_space(p[i])) {
			if (t.newlines == 0)
				t.space = 1;
			i++;
		} else {
			for (run = i + 1; run < n && p[run] != '<' &&
			    p[run] != '&' && !is_space(p[run]); run++)
				;
			text_visible(&t);
			cim_buf_add(out, s + i, run - i);
			i = run;
		}
	}
}
