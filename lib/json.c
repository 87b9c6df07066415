/*
 * json.c: the validating scanner (see json.h).  One pass, no recursion
 * (the nesting stack is a bit array); it allocates only the member table
 * and a per-thread stack of the keys of open objects (duplicate keys).
 * Strings are the bulk of every record, so their runs of plain bytes are
 * skipped sixteen at a time, with UTF-8 sequences checked by utf8.c only
 * when a byte >= 0x80.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "err.h"
#include "json.h"
#include "smap.h"
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

/*
 * Past the run of ordinary string bytes at p: stops at '"', '\\', a
 * control character, a byte >= 0x80, or end.  Sixteen bytes at a time
 * with SSE2 (every x86-64 has it), else eight with the SWAR tests of
 * "Bit Twiddling Hacks"; then byte by byte to the one that stopped us.
 */
static inline const unsigned char *
plain_run(const unsigned char *p, const unsigned char *end)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
	    space = _mm_set1_epi8(0x20);

	while (end - p >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		/* A signed compare: below 0x20, and also every byte >= 0x80. */
		int mask = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
		    _mm_cmplt_epi8(x, space)));

		if (mask != 0)
			return p + __builtin_ctz((unsigned)mask);
		p += 16;
	}
#endif
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
	return p;
}

/*
 * At a byte of a string that plain_run() stopped on, other than the
 * closing quote: checks the escape, UTF-8 sequence or control character
 * there and returns the byte after it; NULL (with sc->p and sc->why set)
 * when it is an error.  *esc is set on a backslash escape.
 */
static const unsigned char *
string_special(struct scanner *sc, const unsigned char *p, int *esc)
{
	const unsigned char *end = sc->end;

	if (p >= end) {
		sc->p = p;
		sc->why = "unterminated string";
		return NULL;
	}
	if (*p == '\\') {
		unsigned u, lo;

		*esc = 1;
		if (p + 1 >= end) {
			sc->p = p;
			sc->why = "unterminated string";
			return NULL;
		}
		switch (p[1]) {
		case '"': case '\\': case '/': case 'b': case 'f':
		case 'n': case 'r': case 't':
			return p + 2;
		case 'u':
			break;
		default:
			sc->p = p;
			sc->why = "invalid escape in string";
			return NULL;
		}
		if (hex4(p + 2, end, &u) < 0) {
			sc->p = p;
			sc->why = "invalid \\u escape in string";
			return NULL;
		}
		if (u >= 0xDC00 && u <= 0xDFFF) {
			sc->p = p;
			sc->why = "lone low surrogate escape in string";
			return NULL;
		}
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
			    hex4(p + 8, end, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF) {
				sc->p = p;
				sc->why = "lone high surrogate escape in string";
				return NULL;
			}
			return p + 12;
		}
		return p + 6;
	}
	if (*p < 0x20) {
		sc->p = p;
		sc->why = *p == 0 ? "NUL byte in string" : "control character in string";
		return NULL;
	}
	{
		size_t k = cim_utf8_seqlen(p, (size_t)(end - p));

		if (k == 0) {
			sc->p = p;
			sc->why = "invalid UTF-8";
			return NULL;
		}
		return p + k;
	}
}

/* At the opening quote p: returns the closing quote, or NULL on an error
 * (reported through sc).  The common case, a run of plain bytes up to the
 * quote, stays inline. */
static inline const unsigned char *
string_end(struct scanner *sc, const unsigned char *p, int *esc)
{
	for (p++;;) {
		p = plain_run(p, sc->end);
		if (p < sc->end && *p == '"')
			return p;
		if ((p = string_special(sc, p, esc)) == NULL)
			return NULL;
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

static inline void
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
 * Duplicate keys, at every depth.  Each key read is pushed on one stack;
 * an object's keys are the top of the stack from where it opened,
 * popped when it closes.  While an object has at most DUP_LINEAR keys, a
 * new key is compared with the others whose bit (key_bit) it shares,
 * which in a record of a dozen members is seldom any; an object with
 * more is hashed and sorted once when it closes, so a line of a million
 * keys costs n log n, not n squared.  Hashing every key as it came cost
 * a sixth of the scan.
 */
#define DUP_LINEAR 32

struct keyent {
	uint64_t		 h;	/* set by keys_pop() only */
	const unsigned char	*q;	/* the key's opening quote */
	size_t			 n;	/* its raw length, escapes undecoded */
	int			 esc;
};

struct keystack {
	struct keyent	*v;
	size_t		 n, cap;
};

/* An open object: where its keys start on the stack, and the 64-bit set
 * of their key_bit()s, so a new key is compared with the others only
 * when its bit is taken (rarely, in a dozen keys). */
struct openobj {
	size_t		base;
	uint64_t	bits;
};

static _Thread_local struct keystack ks;

static size_t decode_key(const char *k, size_t kn, char *out, size_t cap);

/* The decoded text of key e, in tmp (kept big enough) unless it has no
 * escapes; *n is its length. */
static const unsigned char *
key_text(const struct keyent *e, struct cim_buf *tmp, size_t *n)
{
	if (!e->esc) {
		*n = e->n;
		return e->q + 1;
	}
	tmp->len = 0;
	cim_buf_grow(tmp, e->n + 5);
	*n = decode_key((const char *)e->q + 1, e->n, tmp->p, e->n + 5);
	return (const unsigned char *)tmp->p;
}

/* Orders keys by their decoded text (escapes undone). */
static int
text_cmp(const struct keyent *a, const struct keyent *b)
{
	struct cim_buf ta = { 0 }, tb = { 0 };
	const unsigned char *sa, *sb;
	size_t na, nb;
	int c;

	sa = key_text(a, &ta, &na);
	sb = key_text(b, &tb, &nb);
	c = memcmp(sa, sb, na < nb ? na : nb);
	if (c == 0)
		c = (na > nb) - (na < nb);
	cim_buf_free(&ta);
	cim_buf_free(&tb);
	return c;
}

/* Orders keys by hash, then text, then position: equal keys end up
 * together, first occurrence first. */
static int
key_cmp(const void *va, const void *vb)
{
	const struct keyent *a = va, *b = vb;
	int c;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	if ((c = text_cmp(a, b)) == 0)
		c = (a->q > b->q) - (a->q < b->q);
	return c;
}

/* 1 when a and b are the same key (decoded). */
static int
key_eq(const struct keyent *a, const struct keyent *b)
{
	if (!a->esc && !b->esc)
		return a->n == b->n && memcmp(a->q, b->q, a->n + 1) == 0;
	return text_cmp(a, b) == 0;
}

/* key_eq once both are hashed (in keys_pop). */
static int
key_same(const struct keyent *a, const struct keyent *b)
{
	return a->h == b->h && key_eq(a, b);
}

/* A bit of the decoded key d[0..n) for an open object's set: from its
 * length and its first and last bytes, which tell apart the keys of one
 * object nearly always, at a fraction of a hash's cost. */
static uint64_t
key_bit(const unsigned char *d, size_t n)
{
	uint32_t x = n ? (uint32_t)d[0] | (uint32_t)d[n - 1] << 8 | (uint32_t)n << 16 : 0;

	return (uint64_t)1 << ((x * 0x9E3779B1u) >> 26);
}

/* Pushes the key at quote q (n raw bytes) of open object o; the position
 * of the key when it repeats one of o's, else NULL. */
static inline const unsigned char *
key_push(struct openobj *o, const unsigned char *q, size_t n, int esc)
{
	struct keyent *e;
	uint64_t bit;
	size_t i;

	/* Filled in place: a copy from a local, field by field then read
	 * back whole, stalled the store buffer (a tenth of the scan). */
	if (ks.n == ks.cap) {
		ks.cap = ks.cap ? ks.cap * 2 : 256;
		ks.v = cim_xrealloc(ks.v, ks.cap * sizeof(*ks.v));
	}
	e = &ks.v[ks.n];
	e->q = q;
	e->n = n;
	e->esc = esc;
	/* Past DUP_LINEAR keys, keys_pop() checks them all at the close:
	 * what is reported is then still the earliest repeat. */
	if (ks.n - o->base < DUP_LINEAR) {
		if (!esc) {
			bit = key_bit(q + 1, n);
		} else {
			struct cim_buf t = { 0 };
			const unsigned char *d = key_text(e, &t, &n);

			bit = key_bit(d, n);
			cim_buf_free(&t);
		}
		if (o->bits & bit)
			for (i = o->base; i < ks.n; i++)
				if (key_eq(&ks.v[i], e))
					return q;
		o->bits |= bit;
	}
	ks.n++;
	return NULL;
}

/* At the close of an object whose keys are ks.v[base..]: the earliest
 * key that repeats another, or NULL; pops them either way.  Only objects
 * past DUP_LINEAR keys need this (key_push saw the rest). */
static const unsigned char *
keys_pop(size_t base)
{
	const unsigned char *dup = NULL;
	size_t i, n = ks.n - base;

	if (n > DUP_LINEAR) {
		/* Hashed only here: objects this big are rare. */
		for (i = base; i < ks.n; i++) {
			struct cim_buf t = { 0 };
			size_t tn;
			const unsigned char *d = key_text(&ks.v[i], &t, &tn);

			ks.v[i].h = cim_hash_fast((const char *)d, tn);
			cim_buf_free(&t);
		}
		qsort(ks.v + base, n, sizeof(*ks.v), key_cmp);
		for (i = base + 1; i < ks.n; i++)
			if (key_same(&ks.v[i - 1], &ks.v[i]) &&
			    (i < base + 2 || !key_same(&ks.v[i - 2], &ks.v[i - 1])) &&
			    (dup == NULL || ks.v[i].q < dup))
				dup = ks.v[i].q;	/* the second of its run */
	}
	ks.n = base;
	return dup;
}

/*
 * The scan proper: a state machine over a local cursor.  The nesting
 * stack holds one bit per level (1 = object) and, for objects, their
 * openobj (indexed by weight / 2, which differs for every open object).  When js is not NULL the value must
 * be of kind want and its members are recorded at depth 1.
 */
static int
scan(struct scanner *sc, struct cim_jscan *js, int want, int prefix)
{
	uint64_t stack[(CIM_JSON_MAX_DEPTH + 63) / 64];
	struct openobj oo[CIM_JSON_MAX_DEPTH / 2 + 1];
	const unsigned char *p = sc->p, *end = sc->end, *vstart = NULL, *dup;
	size_t base0 = ks.n;
	unsigned depth = 0, weight = 0;
	int esc, obj = 0;	/* obj: the innermost open container is an object */

#define WS() (p = (const unsigned char *)cim_json_skip_ws((const char *)p, (const char *)end))
#define BAD(msg) do { sc->p = p; sc->why = (msg); ks.n = base0; return -1; } while (0)
#define IS_OBJ(d) ((stack[(d) / 64] >> ((d) % 64)) & 1)

	if (strstop['"'] == 0)
		init_tables();
	WS();
	if (js != NULL) {
		js->n = 0;
		if (p >= end || *p != want)
			BAD(p >= end ? "empty line" : want == '{' ?
			    "not a JSON object" : "not a JSON array");
	}
value:
	WS();
	if (p >= end)
		BAD("unexpected end of input");
	if (depth == 1 && js != NULL) {
		vstart = p;
		if (want == '[')	/* array elements are members without keys */
			add_member(js, p, p, 0, 0);
	}
	switch (*p) {
	case '{':
	case '[':
		/* jq 1.6 counts an object as two levels (the object and the
		 * key it is reading), an array as one. */
		obj = *p == '{';
		weight += obj ? 2 : 1;
		if (weight > CIM_JSON_MAX_DEPTH)
			BAD("nested deeper than 256 levels (objects count twice, as in jq)");
		if (obj) {
			stack[depth / 64] |= (uint64_t)1 << (depth % 64);
			oo[weight / 2].base = ks.n;
			oo[weight / 2].bits = 0;
		} else {
			stack[depth / 64] &= ~((uint64_t)1 << (depth % 64));
		}
		depth++;
		p++;
		WS();
		if (p < end && *p == (obj ? '}' : ']')) {
			weight -= obj ? 2 : 1;
			p++;
			depth--;
			obj = depth > 0 && IS_OBJ(depth - 1);
			goto after;
		}
		if (obj)
			goto key;
		goto value;
	case '"':
		esc = 0;
		if ((p = string_end(sc, p, &esc)) == NULL) {
			ks.n = base0;
			return -1;
		}
		p++;
		break;
	case 't': case 'f': case 'n':
		sc->p = p;
		if (scan_literal(sc) < 0) {
			ks.n = base0;
			return -1;
		}
		p = sc->p;
		break;
	default:
		if (*p == '-' || (*p >= '0' && *p <= '9')) {
			sc->p = p;
			if (scan_number(sc) < 0) {
				ks.n = base0;
				return -1;
			}
			p = sc->p;
			break;
		}
		BAD("unexpected character");
	}
after:
	if (depth == 1 && js != NULL && vstart != NULL) {
		js->m[js->n - 1].val = (const char *)vstart;
		js->m[js->n - 1].vlen = (size_t)(p - vstart);
		vstart = NULL;
	}
	if (depth == 0) {
		sc->p = p;
		ks.n = base0;
		if (prefix)
			return 0;	/* one value read: the caller takes the rest */
		WS();
		sc->p = p;
		if (p != end)
			BAD("trailing characters after JSON value");
		return 0;
	}
	WS();
	if (p >= end)
		BAD("unexpected end of input");
	if (*p == ',') {
		p++;
		if (obj)
			goto key;
		goto value;
	}
	if (*p == (obj ? '}' : ']')) {
		if (obj && (dup = keys_pop(oo[weight / 2].base)) != NULL) {
			p = dup;
			BAD("duplicate key");
		}
		weight -= obj ? 2 : 1;
		p++;
		depth--;
		obj = depth > 0 && IS_OBJ(depth - 1);
		goto after;
	}
	BAD(obj ? "expected ',' or '}'" : "expected ',' or ']'");
key:
	WS();
	if (p >= end || *p != '"')
		BAD(p >= end ? "unexpected end of input" : "expected a string key");
	{
		const unsigned char *kstart = p;

		esc = 0;
		if ((p = string_end(sc, p, &esc)) == NULL) {
			ks.n = base0;
			return -1;
		}
		if ((dup = key_push(&oo[weight / 2], kstart,
		    (size_t)(p - kstart - 1), esc)) != NULL) {
			p = dup;
			BAD("duplicate key");
		}
		p++;
		if (depth == 1 && js != NULL)
			add_member(js, kstart, kstart + 1,
			    (size_t)(p - kstart - 2), esc);
	}
	WS();
	if (p >= end || *p != ':')
		BAD("expected ':' after key");
	p++;
	goto value;
#undef WS
#undef BAD
#undef IS_OBJ
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
cim_json_key_is_escaped(const char *k, size_t kn, const char *name)
{
	size_t nl = strlen(name);
	char tmp[256];
	size_t dn;

	dn = decode_key(k, kn, tmp, sizeof(tmp));
	return dn == nl && memcmp(tmp, name, nl) == 0;
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
	return run_scan(s, n, js, '{', 0, NULL, why, at);
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

/*
 * Past the string starting at the quote p, in text a validating entry
 * point accepted: only '"' and '\\' matter there, found sixteen bytes at
 * a time with SSE2.  Tools walk messages with this many times a record.
 */
const char *
cim_json_skip_string(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p + 1, *e = (const unsigned char *)end;

	for (;;) {
#ifdef __SSE2__
		const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');

		while (e - u >= 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)u);
			int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, quote),
			    _mm_cmpeq_epi8(x, bslash)));

			if (mask == 0) {
				u += 16;
				continue;
			}
			/* At the quote or backslash found, rather than have
			 * the byte loop below look for it again. */
			u += __builtin_ctz((unsigned)mask);
			if (*u == '"')
				return (const char *)u + 1;
			u += 2;		/* an escape */
		}
#endif
		while (u < e && *u != '"' && *u != '\\')
			u++;
		if (u >= e)
			return end;
		if (*u == '"')
			return (const char *)u + 1;
		u += 2;		/* an escape: its second byte is never the end */
	}
}

const char *
cim_json_skip_value(const char *p, const char *end)
{
	int depth = 0;

	if (*p != '{' && *p != '[' && *p != '"') {
		while (p < end && *p != ',' && *p != '}' && *p != ']' && !trusted_ws(*p))
			p++;
		return p;
	}
	do {
		if (*p == '"') {
			p = cim_json_skip_string(p, end);
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
	p = cim_json_skip_ws(p, end);
	if (p >= end || (*p != '{' && *p != '['))
		return -1;
	obj = *p++ == '{';
	for (;;) {
		const char *start, *k;
		size_t kn = 0;

		p = cim_json_skip_ws(p, end);
		if (p >= end || *p == '}' || *p == ']')
			break;
		start = k = p;
		if (obj) {
			const char *q = cim_json_skip_string(p, end);

			k = p + 1;
			kn = (size_t)(q - 1 - k);
			p = q;
			while (p < end && (trusted_ws(*p) || *p == ':'))
				p++;
		}
		add_member(js, (const unsigned char *)start, (const unsigned char *)k, kn,
		    obj && memchr(k, '\\', kn) != NULL);
		js->m[js->n - 1].val = p;
		p = cim_json_skip_value(p, end);
		js->m[js->n - 1].vlen = (size_t)(p - js->m[js->n - 1].val);
		p = cim_json_skip_ws(p, end);
		if (p < end && *p == ',')
			p++;
	}
	return 0;
}

void
cim_json_release(void)
{
	free(ks.v);
	ks.v = NULL;
	ks.n = ks.cap = 0;
}

void
cim_jscan_free(struct cim_jscan *js)
{
	free(js->m);
	js->m = NULL;
	js->n = js->cap = 0;
}
