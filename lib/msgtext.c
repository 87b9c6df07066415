/*
 * msgtext.c: customer message texts from the scanned line (see msgtext.h).
 */
#include <string.h>

#include "msgtext.h"

/*
 * The line was validated by the record scan, so the messages are walked
 * without checking again: skip() steps over one value, strings by their
 * closing quote, arrays and objects by depth.
 */
static const char *
skip_str(const char *p)
{
	for (p++;;) {
		p += strcspn(p, "\"\\");
		if (*p == '"')
			return p + 1;
		p += 2;		/* an escape */
	}
}

static const char *
skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static const char *
skip(const char *p)
{
	int depth = 0;

	p = skip_ws(p);
	if (*p == '"')
		return skip_str(p);
	if (*p != '{' && *p != '[') {
		while (*p && !strchr(",}] \t\r\n", *p))
			p++;
		return p;
	}
	do {
		if (*p == '"') {
			p = skip_str(p);
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if (*p == '}' || *p == ']')
			depth--;
		p++;
	} while (depth > 0);
	return p;
}

int
cim_msgtext_each(struct cim_msgtext *mt, const struct cim_rec *r,
    void (*fn)(const char *, size_t, void *), void *arg)
{
	const struct cim_jmember *m = cim_rec_find(r, "messages");
	const char *p, *end;
	int count = 0;

	if (m == NULL || m->val[0] != '[')
		return 0;
	end = m->val + m->vlen;
	for (p = skip_ws(m->val + 1); p < end && *p != ']'; p = skip_ws(p)) {
		const char *from = NULL, *text = NULL, *tend = NULL, *q;
		size_t flen = 0;

		if (*p == ',') {
			p = skip_ws(p + 1);
			continue;
		}
		if (*p != '{') {
			p = skip(p);
			continue;
		}
		/* Members of one message. */
		for (q = skip_ws(p + 1); *q != '}'; q = skip_ws(q)) {
			const char *k, *v, *ve;
			size_t kl;

			if (*q == ',') {
				q = skip_ws(q + 1);
				continue;
			}
			k = q + 1;
			q = skip_str(q);
			kl = (size_t)(q - 1 - k);
			v = skip_ws(skip_ws(q) + 1);	/* after the colon */
			ve = skip(v);
			if (kl == 4 && memcmp(k, "from", 4) == 0) {
				from = v;
				flen = (size_t)(ve - v);
			} else if (kl == 4 && memcmp(k, "text", 4) == 0) {
				text = v;
				tend = ve;
			}
			q = ve;
		}
		p = q + 1;
		/* A key written with escapes ("\u0066rom") is not recognized;
		 * exporters do not write them. */
		if (from == NULL || flen != 10 || memcmp(from, "\"customer\"", 10) != 0)
			continue;
		count++;
		if (text == NULL || *text != '"')
			continue;
		if (memchr(text, '\\', (size_t)(tend - text)) == NULL) {
			fn(text + 1, (size_t)(tend - text) - 2, arg);
		} else {
			/* Escapes (a "\n" in a message is common): libjq's string,
			 * built from the validated text (rec.h). */
			jv v = cim_json_build(text, (size_t)(tend - text));

			mt->tmp.len = 0;
			cim_buf_add(&mt->tmp, jv_string_value(v),
			    (size_t)jv_string_length_bytes(jv_copy(v)));
			jv_free(v);
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
