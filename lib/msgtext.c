/*
 * msgtext.c: customer message texts from the scanned line (see msgtext.h).
 */
#include <string.h>

#include "msgtext.h"

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
			/* Escapes (a "\n" in a message is common): libjq's string,
			 * built from the validated text (rec.h). */
			jv v = cim_json_build(text->val, text->vlen);

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
