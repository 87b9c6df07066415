/*
 * buf.c: growable byte buffer (see buf.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "err.h"

void
cim_buf_grow(struct cim_buf *b, size_t extra)
{
	size_t cap = b->cap ? b->cap : 256;

	if (b->len + extra < b->len)
		cim_die(1, "out of memory");
	while (cap - b->len < extra + 1)	/* +1 keeps room for a NUL */
		cap *= 2;
	if (cap != b->cap) {
		b->p = cim_xrealloc(b->p, cap);
		b->cap = cap;
	}
}

void
cim_buf_free(struct cim_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

char *
cim_buf_str(struct cim_buf *b)
{
	cim_buf_grow(b, 1);
	b->p[b->len] = '\0';
	return b->p;
}

void
cim_buf_printf(struct cim_buf *b, const char *fmt, ...)
{
	va_list ap;
	size_t room;
	int n;

	cim_buf_grow(b, 64);
	room = b->cap - b->len;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= room) {
		cim_buf_grow(b, (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void
cim_buf_addi64(struct cim_buf *b, long long v)
{
	char t[24], *e = t + sizeof(t), *p = e;
	/* In unsigned arithmetic, so LLONG_MIN negates without overflow. */
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	cim_buf_add(b, p, (size_t)(e - p));
}

void
cim_buf_json_str(struct cim_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	cim_buf_grow(b, n + 2);
	cim_buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c;
		const char *esc = NULL;

		/* Eight bytes at a time while none needs escaping: no control
		 * character, '"' or '\\' (bytes >= 0x80 are copied as they are). */
		while (n - i >= 8) {
			uint64_t x, q, bs, t;

			memcpy(&x, s + i, 8);
			q = x ^ 0x2222222222222222ULL;
			bs = x ^ 0x5c5c5c5c5c5c5c5cULL;
			t = ((x - 0x2020202020202020ULL) & ~x) |
			    ((q - 0x0101010101010101ULL) & ~q) |
			    ((bs - 0x0101010101010101ULL) & ~bs);
			if (t & 0x8080808080808080ULL)
				break;	/* maybe one here: the byte loop decides */
			i += 8;
		}
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		cim_buf_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		}
		if (esc) {
			cim_buf_adds(b, esc);
		} else {
			char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			cim_buf_add(b, u, 6);
		}
	}
	cim_buf_add(b, s + run, n - run);
	cim_buf_addc(b, '"');
}
