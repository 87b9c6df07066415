/*
 * json.c: the validating scanner (see json.h).  One pass, no recursion
 * (the nesting stack is a bit array), no allocation but the member table.
 * Strings are the bulk of every record, so their loop is a table lookup
 * per byte with UTF-8 sequences checked by utf8.c only when a byte >= 0x80.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "json.h"
#include "utf8.h"

/* The byte order of a memcpy'd uint64_t: where the first byte lands. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LITTLE_ENDIAN_LOADS 1
#else
#define LITTLE_ENDIAN_LOADS 0
#endif

/* 1 for bytes that end the fast path inside a string: '"', '\\', controls, >= 0x80 */
static unsigned char strstop[256];

static void
init_tables(void)
{
	int c;

	for (c = 0; c < 256; c++)
		strstop[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
}

struct scanner {
	const unsigned char	*s, *p, *end;
	const char		*why;
};

#define FAIL(sc, msg) do { (sc)->why = (msg); return -1; } while (0)

static void
skip_ws(struct scanner *sc)
{
	while (sc->p < sc->end && (*sc->p == ' ' || *sc->p == '\t' ||
	    *sc->p == '\n' || *sc->p == '\r'))
		sc->p++;
}

static int
hex4(const unsigned char *p, const unsigned char *end, unsigned *v)
{
	int i;

	if (end - p < 4)
		return -1;
	*v = 0;
	for (i = 0; i < 4; i++) {
		unsigned c = p[i], d;

		if (c >= '0' && c <= '9') d = c - '0';
		else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
		else return -1;
		*v = *v << 4 | d;
	}
	return 0;
}

/* At the opening quote; leaves p after the closing quote.  *esc is set
 * when the string holds a backslash escape. */
static int
scan_string(struct scanner *sc, int *esc)
{
	const unsigned char *p = sc->p + 1, *end = sc->end;

	for (;;) {
		/* Eight bytes at a time while none is '"', '\\', a control
		 * character or non-ASCII (the SWAR tests of "Bit Twiddling
		 * Hacks"); then byte by byte to the one that stopped us. */
		while (end - p >= 8) {
			uint64_t x, q, b, t;

			memcpy(&x, p, 8);
			q = x ^ 0x2222222222222222ULL;
			b = x ^ 0x5c5c5c5c5c5c5c5cULL;
			t = ((((x - 0x2020202020202020ULL) | (q - 0x0101010101010101ULL) |
			    (b - 0x0101010101010101ULL)) & ~x) | x) & 0x8080808080808080ULL;
			if (t != 0) {
				/* Borrows only flag bytes above a true one, so the
				 * lowest flag is exact (on little-endian loads). */
				p += LITTLE_ENDIAN_LOADS ? (size_t)__builtin_ctzll(t) >> 3 : 0;
				break;
			}
			p += 8;
		}
		while (p < end && !strstop[*p])
			p++;
		if (p >= end) {
			sc->p = p;
			FAIL(sc, "unterminated string");
		}
		if (*p == '"') {
			sc->p = p + 1;
			return 0;
		}
		if (*p == '\\') {
			unsigned u, lo;

			*esc = 1;
			if (p + 1 >= end) {
				sc->p = p;
				FAIL(sc, "unterminated string");
			}
			switch (p[1]) {
			case '"': case '\\': case '/': case 'b': case 'f':
			case 'n': case 'r': case 't':
				p += 2;
				continue;
			case 'u':
				break;
			default:
				sc->p = p;
				FAIL(sc, "invalid escape in string");
			}
			if (hex4(p + 2, end, &u) < 0) {
				sc->p = p;
				FAIL(sc, "invalid \\u escape in string");
			}
			p += 6;
			if (u >= 0xDC00 && u <= 0xDFFF) {
				sc->p = p - 6;
				FAIL(sc, "lone low surrogate escape in string");
			}
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
				    hex4(p + 2, end, &lo) < 0 ||
				    lo < 0xDC00 || lo > 0xDFFF) {
					sc->p = p - 6;
					FAIL(sc, "lone high surrogate escape in string");
				}
				p += 6;
			}
			continue;
		}
		if (*p < 0x20) {
			sc->p = p;
			FAIL(sc, *p == 0 ? "NUL byte in string" :
			    "control character in string");
		}
		{
			size_t k = cim_utf8_seqlen(p, (size_t)(end - p));

			if (k == 0) {
				sc->p = p;
				FAIL(sc, "invalid UTF-8");
			}
			p += k;
		}
	}
}

static int
scan_number(struct scanner *sc)
{
	const unsigned char *p = sc->p, *end = sc->end;

	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0')
		p++;
	else if (p < end && *p >= '1' && *p <= '9')
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	else {
		sc->p = p;
		FAIL(sc, "invalid number");
	}
	if (p < end && *p == '.') {
		p++;
		if (p >= end || *p < '0' || *p > '9') {
			sc->p = p;
			FAIL(sc, "invalid number");
		}
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || *p < '0' || *p > '9') {
			sc->p = p;
			FAIL(sc, "invalid number");
		}
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	sc->p = p;
	return 0;
}

static int
scan_literal(struct scanner *sc)
{
	static const char *const lits[] = { "true", "false", "null" };
	size_t i;

	for (i = 0; i < 3; i++) {
		size_t k = strlen(lits[i]);

		if ((size_t)(sc->end - sc->p) >= k && memcmp(sc->p, lits[i], k) == 0) {
			sc->p += k;
			return 0;
		}
	}
	FAIL(sc, "invalid literal");
}

static void
add_member(struct cim_jscan *js, const unsigned char *start,
    const unsigned char *k, size_t kn, int kesc)
{
	struct cim_jmember *m;

	if (js->n == js->cap) {
		js->cap = js->cap ? js->cap * 2 : 32;
		js->m = cim_xrealloc(js->m, js->cap * sizeof(*js->m));
	}
	m = &js->m[js->n++];
	m->start = (const char *)start;
	m->key = (const char *)k;
	m->klen = kn;
	m->kesc = kesc;
	m->val = NULL;
	m->vlen = 0;
}

/*
 * The scan proper.  The nesting stack holds one bit per level (1 = object).
 * When js is not NULL the value must be an object and its members are
 * recorded at depth 1.
 */
static int
scan(struct scanner *sc, struct cim_jscan *js, int want, int prefix)
{
	uint64_t stack[(CIM_JSON_MAX_DEPTH + 63) / 64];
	int depth = 0, weight = 0, esc;
	const unsigned char *vstart = NULL;

	if (strstop['"'] == 0)
		init_tables();
	skip_ws(sc);
	if (js != NULL) {
		js->n = 0;
		if (sc->p >= sc->end || *sc->p != want)
			FAIL(sc, sc->p >= sc->end ? "empty line" : want == '{' ?
			    "not a JSON object" : "not a JSON array");
	}
	/* Expecting a value. */
value:
	skip_ws(sc);
	if (sc->p >= sc->end)
		FAIL(sc, "unexpected end of input");
	if (depth == 1 && js != NULL) {
		vstart = sc->p;
		if (want == '[')	/* array elements are members without keys */
			add_member(js, sc->p, sc->p, 0, 0);
	}
	switch (*sc->p) {
	case '{':
	case '[':
		/* jq 1.6 counts an object as two levels (the object and the
		 * key it is reading), an array as one. */
		weight += *sc->p == '{' ? 2 : 1;
		if (weight > CIM_JSON_MAX_DEPTH)
			FAIL(sc, "nested deeper than 256 levels (objects count twice, as in jq)");
		if (*sc->p == '{')
			stack[depth / 64] |= (uint64_t)1 << (depth % 64);
		else
			stack[depth / 64] &= ~((uint64_t)1 << (depth % 64));
		depth++;
		sc->p++;
		skip_ws(sc);
		if (sc->p < sc->end && *sc->p == (stack[(depth - 1) / 64] >>
		    ((depth - 1) % 64) & 1 ? '}' : ']')) {
			weight -= *sc->p == '}' ? 2 : 1;
			sc->p++;
			depth--;
			goto after;
		}
		if (stack[(depth - 1) / 64] >> ((depth - 1) % 64) & 1)
			goto key;
		goto value;
	case '"':
		esc = 0;
		if (scan_string(sc, &esc) < 0)
			return -1;
		break;
	case 't': case 'f': case 'n':
		if (scan_literal(sc) < 0)
			return -1;
		break;
	default:
		if (*sc->p == '-' || (*sc->p >= '0' && *sc->p <= '9')) {
			if (scan_number(sc) < 0)
				return -1;
			break;
		}
		FAIL(sc, "unexpected character");
	}
after:
	if (depth == 1 && js != NULL && vstart != NULL) {
		js->m[js->n - 1].val = (const char *)vstart;
		js->m[js->n - 1].vlen = (size_t)(sc->p - vstart);
		vstart = NULL;
	}
	if (depth == 0) {
		if (prefix)
			return 0;	/* one value read: the caller takes the rest */
		skip_ws(sc);
		if (sc->p != sc->end)
			FAIL(sc, "trailing characters after JSON value");
		return 0;
	}
	skip_ws(sc);
	if (sc->p >= sc->end)
		FAIL(sc, "unexpected end of input");
	{
		int obj = stack[(depth - 1) / 64] >> ((depth - 1) % 64) & 1;

		if (*sc->p == ',') {
			sc->p++;
			if (obj)
				goto key;
			goto value;
		}
		if (*sc->p == (obj ? '}' : ']')) {
			weight -= obj ? 2 : 1;
			sc->p++;
			depth--;
			goto after;
		}
		FAIL(sc, obj ? "expected ',' or '}'" : "expected ',' or ']'");
	}
key:
	skip_ws(sc);
	if (sc->p >= sc->end || *sc->p != '"')
		FAIL(sc, sc->p >= sc->end ? "unexpected end of input" :
		    "expected a string key");
	{
		const unsigned char *kstart = sc->p;

		esc = 0;
		if (scan_string(sc, &esc) < 0)
			return -1;
		if (depth == 1 && js != NULL)
			add_member(js, kstart, kstart + 1,
			    (size_t)(sc->p - kstart - 2), esc);
	}
	skip_ws(sc);
	if (sc->p >= sc->end || *sc->p != ':')
		FAIL(sc, "expected ':' after key");
	sc->p++;
	goto value;
}

/* Decodes a scanned key (escapes included) into out; returns its length
 * or (size_t)-1 when it does not fit. */
static size_t
decode_key(const char *k, size_t kn, char *out, size_t cap)
{
	size_t i, o = 0;

	for (i = 0; i < kn; i++) {
		unsigned u;

		if (o + 4 >= cap)
			return (size_t)-1;
		if (k[i] != '\\') {
			out[o++] = k[i];
			continue;
		}
		i++;
		switch (k[i]) {
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'u':
			hex4((const unsigned char *)k + i + 1,
			    (const unsigned char *)k + kn, &u);
			i += 4;
			if (u >= 0xD800 && u <= 0xDBFF) {
				unsigned lo;

				hex4((const unsigned char *)k + i + 3,
				    (const unsigned char *)k + kn, &lo);
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 6;
			}
			if (u < 0x80) out[o++] = (char)u;
			else if (u < 0x800) {
				out[o++] = (char)(0xC0 | u >> 6);
				out[o++] = (char)(0x80 | (u & 63));
			} else if (u < 0x10000) {
				out[o++] = (char)(0xE0 | u >> 12);
				out[o++] = (char)(0x80 | (u >> 6 & 63));
				out[o++] = (char)(0x80 | (u & 63));
			} else {
				out[o++] = (char)(0xF0 | u >> 18);
				out[o++] = (char)(0x80 | (u >> 12 & 63));
				out[o++] = (char)(0x80 | (u >> 6 & 63));
				out[o++] = (char)(0x80 | (u & 63));
			}
			break;
		default: out[o++] = k[i]; break;
		}
	}
	return o;
}

int
cim_json_key_is(const char *k, size_t kn, int kesc, const char *name)
{
	size_t nl = strlen(name);
	char tmp[256];
	size_t dn;

	if (!kesc)
		return kn == nl && memcmp(k, name, nl) == 0;
	dn = decode_key(k, kn, tmp, sizeof(tmp));
	return dn == nl && memcmp(tmp, name, nl) == 0;
}

static int
same_key(const struct cim_jmember *a, const struct cim_jmember *b)
{
	char sa[256], sb[256], *ta = sa, *tb = sb;
	size_t na, nb;
	int same;

	if (!a->kesc && !b->kesc)
		return a->klen == b->klen && memcmp(a->key, b->key, a->klen) == 0;
	/* A decoded key is never longer than its text (plus the 4 bytes
	 * decode_key keeps free); keys that do not fit the stack buffers go
	 * to the heap, or two long escaped duplicates went unnoticed. */
	if (a->klen + 5 > sizeof(sa))
		ta = cim_xmalloc(a->klen + 5);
	if (b->klen + 5 > sizeof(sb))
		tb = cim_xmalloc(b->klen + 5);
	na = decode_key(a->key, a->klen, ta, a->klen + 5 > sizeof(sa) ? a->klen + 5 : sizeof(sa));
	nb = decode_key(b->key, b->klen, tb, b->klen + 5 > sizeof(sb) ? b->klen + 5 : sizeof(sb));
	same = na != (size_t)-1 && na == nb && memcmp(ta, tb, na) == 0;
	if (ta != sa)
		free(ta);
	if (tb != sb)
		free(tb);
	return same;
}

/*
 * 1 when two top-level keys are equal (js->dup is then the later one).
 * Keys are hashed into a small open table so equal keys meet in O(n);
 * only equal hashes are compared.  Escaped keys or many keys take the
 * pairwise path, which decodes escapes.
 */
static int
has_duplicate(struct cim_jscan *js)
{
	uint64_t tab[64], h;
	size_t slot[64], i, j, k;

	if (js->n > 32)
		goto pairwise;
	memset(tab, 0, sizeof(tab));
	for (i = 0; i < js->n; i++) {
		const struct cim_jmember *m = &js->m[i];

		if (m->kesc)
			goto pairwise;
		h = 1469598103934665603ULL;
		for (k = 0; k < m->klen; k++)
			h = (h ^ (unsigned char)m->key[k]) * 1099511628211ULL;
		h |= 1;		/* 0 marks an empty slot */
		for (k = h >> 58; tab[k] != 0; k = (k + 1) & 63)
			if (tab[k] == h && same_key(&js->m[slot[k]], m)) {
				js->dup = i;
				return 1;
			}
		tab[k] = h;
		slot[k] = i;
	}
	return 0;
pairwise:
	for (i = 1; i < js->n; i++)
		for (j = 0; j < i; j++)
			if (same_key(&js->m[i], &js->m[j])) {
				js->dup = i;
				return 1;
			}
	return 0;
}

/*
 * The entry points below share this: scan s[0..n) for a value of kind
 * want ('{', '[' or 0 for any) and report a failure through why and at.
 * With prefix, one value is read and *len says where it ends.
 */
static int
run_scan(const char *s, size_t n, struct cim_jscan *js, int want, int prefix,
    size_t *len, const char **why, size_t *at)
{
	struct scanner sc = { (const unsigned char *)s,
	    (const unsigned char *)s, (const unsigned char *)s + n, NULL };

	if (scan(&sc, js, want, prefix) < 0) {
		*why = sc.why;
		*at = (size_t)(sc.p - sc.s);
		return -1;
	}
	if (len != NULL)
		*len = (size_t)(sc.p - sc.s);
	return 0;
}

int
cim_json_scan(const char *s, size_t n, struct cim_jscan *js,
    const char **why, size_t *at)
{
	if (run_scan(s, n, js, '{', 0, NULL, why, at) < 0)
		return -1;
	if (js->n > 1 && has_duplicate(js)) {
		/* has_duplicate left the second of the pair in js->dup */
		*why = "duplicate key";
		*at = (size_t)(js->m[js->dup].start - s);
		return -1;
	}
	return 0;
}

int
cim_json_valid(const char *s, size_t n, const char **why, size_t *at)
{
	return run_scan(s, n, NULL, 0, 0, NULL, why, at);
}

int
cim_json_scan_array(const char *s, size_t n, struct cim_jscan *js,
    const char **why, size_t *at)
{
	return run_scan(s, n, js, '[', 0, NULL, why, at);
}

int
cim_json_value_len(const char *s, size_t n, size_t *len, const char **why, size_t *at)
{
	return run_scan(s, n, NULL, 0, 1, len, why, at);
}

/* ---- text already validated ---- */

static int
trusted_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Past the string starting at the quote p. */
static const char *
trusted_string(const char *p, const char *end)
{
	for (p++;;) {
		const char *q = memchr(p, '"', (size_t)(end - p)), *b;

		if (q == NULL)
			return end;
		for (b = q; b > p && b[-1] == '\\'; b--)
			;
		if (((q - b) & 1) == 0)	/* an even run of backslashes */
			return q + 1;
		p = q + 1;
	}
}

/* Past the value starting at p. */
static const char *
trusted_value(const char *p, const char *end)
{
	int depth = 0;

	if (*p != '{' && *p != '[' && *p != '"') {
		while (p < end && *p != ',' && *p != '}' && *p != ']' && !trusted_ws(*p))
			p++;
		return p;
	}
	do {
		if (*p == '"') {
			p = trusted_string(p, end);
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if (*p == '}' || *p == ']')
			depth--;
		p++;
	} while (p < end && depth > 0);
	return p;
}

int
cim_json_members(const char *s, size_t n, struct cim_jscan *js)
{
	const char *p = s, *end = s + n;
	int obj;

	js->n = 0;
	while (p < end && trusted_ws(*p))
		p++;
	if (p >= end || (*p != '{' && *p != '['))
		return -1;
	obj = *p++ == '{';
	for (;;) {
		const char *start, *k;
		size_t kn = 0;

		while (p < end && trusted_ws(*p))
			p++;
		if (p >= end || *p == '}' || *p == ']')
			break;
		start = k = p;
		if (obj) {
			const char *q = trusted_string(p, end);

			k = p + 1;
			kn = (size_t)(q - 1 - k);
			p = q;
			while (p < end && (trusted_ws(*p) || *p == ':'))
				p++;
		}
		add_member(js, (const unsigned char *)start, (const unsigned char *)k, kn,
		    obj && memchr(k, '\\', kn) != NULL);
		js->m[js->n - 1].val = p;
		p = trusted_value(p, end);
		js->m[js->n - 1].vlen = (size_t)(p - js->m[js->n - 1].val);
		while (p < end && trusted_ws(*p))
			p++;
		if (p < end && *p == ',')
			p++;
	}
	return obj && js->n > 1 && has_duplicate(js) ? -1 : 0;
}

void
cim_jscan_free(struct cim_jscan *js)
{
	free(js->m);
	js->m = NULL;
	js->n = js->cap = 0;
}
