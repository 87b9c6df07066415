/*
 * msgtext.c: customer message texts from the scanned line (see msgtext.h).
 */
#include <string.h>

#include "msgtext.h"

static unsigned
hex4(const char *p)
{
	unsigned v = 0;
	int k;

	for (k = 0; k < 4; k++) {
		char c = p[k];

		v = v << 4 | (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
	}
	return v;
}

static void
put_utf8(struct cim_buf *b, unsigned u)
{
	char t[4];

	if (u < 0x80) { cim_buf_addc(b, (char)u); return; }
	if (u < 0x800) {
		t[0] = (char)(0xC0 | u >> 6); t[1] = (char)(0x80 | (u & 0x3F));
		cim_buf_add(b, t, 2);
	} else if (u < 0x10000) {
		t[0] = (char)(0xE0 | u >> 12); t[1] = (char)(0x80 | (u >> 6 & 0x3F));
		t[2] = (char)(0x80 | (u & 0x3F));
		cim_buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | u >> 18); t[1] = (char)(0x80 | (u >> 12 & 0x3F));
		t[2] = (char)(0x80 | (u >> 6 & 0x3F)); t[3] = (char)(0x80 | (u & 0x3F));
		cim_buf_add(b, t, 4);
	}
}

void
cim_json_unquote(const char *s, size_t n, struct cim_buf *out)
{
	const char *p = s + 1, *end = s + n - 1;

	while (p < end) {
		const char *q = memchr(p, '\\', (size_t)(end - p));

		if (q == NULL) {
			cim_buf_add(out, p, (size_t)(end - p));
			return;
		}
		cim_buf_add(out, p, (size_t)(q - p));
		switch (q[1]) {
		case 'b': cim_buf_addc(out, '\b'); break;
		case 'f': cim_buf_addc(out, '\f'); break;
		case 'n': cim_buf_addc(out, '\n'); break;
		case 'r': cim_buf_addc(out, '\r'); break;
		case 't': cim_buf_addc(out, '\t'); break;
		case 'u': {
			unsigned u = hex4(q + 2), lo;

			q += 4;
			if (u >= 0xD800 && u <= 0xDBFF && q + 8 <= end && q[2] == '\\' &&
			    q[3] == 'u' && (lo = hex4(q + 4)) >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				q += 6;
			} else if (u >= 0xD800 && u <= 0xDFFF) {
				u = 0xFFFD;	/* a lone surrogate */
			}
			put_utf8(out, u);
			break;
		}
		default: cim_buf_addc(out, q[1]); break;
		}
		p = q + 2;
	}
}

int
cim_msgtext_each(struct cim_msgtext *mt, const struct cim_rec *r,
    void (*fn)(const char *, size_t, void *), void *arg)
{
	const struct cim_jmember *m = cim_rec_find(r, "messages");
	const char *why;
	size_t at, i, k;
	int count = 0;

	if (m == NULL || m->val[0] != '[' ||
	    cim_json_scan_array(m->val, m->vlen, &mt->arr, &why, &at) < 0)
		return 0;
	for (i = 0; i < mt->arr.n; i++) {
		const struct cim_jmember *e = &mt->arr.m[i];
		const struct cim_jmember *from = NULL, *text = NULL;

		if (e->val[0] != '{' || cim_json_scan(e->val, e->vlen, &mt->msg, &why, &at) < 0)
			continue;
		for (k = 0; k < mt->msg.n; k++) {
			const struct cim_jmember *f = &mt->msg.m[k];

			if (cim_json_key_is(f->key, f->klen, f->kesc, "from"))
				from = f;
			else if (cim_json_key_is(f->key, f->klen, f->kesc, "text"))
				text = f;
		}
		if (from == NULL || from->vlen != 10 || memcmp(from->val, "\"customer\"", 10) != 0)
			continue;
		count++;
		if (text == NULL || text->val[0] != '"')
			continue;
		if (memchr(text->val, '\\', text->vlen) == NULL) {
			fn(text->val + 1, text->vlen - 2, arg);
		} else {
			mt->tmp.len = 0;
			cim_json_unquote(text->val, text->vlen, &mt->tmp);
			fn(mt->tmp.p ? mt->tmp.p : "", mt->tmp.len, arg);
		}
	}
	return count;
}

void
cim_msgtext_free(struct cim_msgtext *mt)
{
	cim_jscan_free(&mt->arr);
	cim_jscan_free(&mt->msg);
	cim_buf_free(&mt->tmp);
}
