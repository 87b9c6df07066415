/*
 * rec.c: member access and splicing over a scanned line (see rec.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "rec.h"

int
cim_rec_parse(struct cim_rec *r, const char *line, size_t len,
    const char **why, size_t *at)
{
	/* The edits' memory is kept for the next record's (edit_for): tools
	 * set the same fields on every record, and with lib/recread the
	 * record is parsed on another thread than the one that edited it,
	 * where freeing cost more than the rest of the parse. */
	r->ned = 0;
	r->line = line;
	r->len = len;
	return cim_json_scan(line, len, &r->sc, why, at);
}

const struct cim_jmember *
cim_rec_find(const struct cim_rec *r, const char *key)
{
	size_t i, kl = strlen(key);

	for (i = 0; i < r->sc.n; i++) {
		const struct cim_jmember *m = &r->sc.m[i];

		if (m->kesc ? cim_json_key_is(m->key, m->klen, 1, key) :
		    m->klen == kl && memcmp(m->key, key, kl) == 0)
			return m;
	}
	return NULL;
}

/*
 * Builds a jv from JSON text the scanner has already validated, so it
 * checks nothing: libjq's jv_parse_sized() sets up a whole parser per
 * call, which costs more than the small members tools read.  Depth is
 * bounded by the scan (CIM_JSON_MAX_DEPTH), so recursion is safe.
 */
static jv build_value(const char **pp, struct cim_buf *tmp);

static void
skip_blank(const char **pp)
{
	while (**pp == ' ' || **pp == '\t' || **pp == '\n' || **pp == '\r')
		(*pp)++;
}

static unsigned
hexval(const char *p)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = p[i];

		v = v << 4 | (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
	}
	return v;
}

static void
put_utf8(struct cim_buf *b, unsigned u)
{
	if (u < 0x80) {
		cim_buf_addc(b, (char)u);
	} else if (u < 0x800) {
		cim_buf_addc(b, (char)(0xC0 | u >> 6));
		cim_buf_addc(b, (char)(0x80 | (u & 63)));
	} else if (u < 0x10000) {
		cim_buf_addc(b, (char)(0xE0 | u >> 12));
		cim_buf_addc(b, (char)(0x80 | (u >> 6 & 63)));
		cim_buf_addc(b, (char)(0x80 | (u & 63)));
	} else {
		cim_buf_addc(b, (char)(0xF0 | u >> 18));
		cim_buf_addc(b, (char)(0x80 | (u >> 12 & 63)));
		cim_buf_addc(b, (char)(0x80 | (u >> 6 & 63)));
		cim_buf_addc(b, (char)(0x80 | (u & 63)));
	}
}

/* At the opening quote; returns the string and leaves *pp after it. */
static jv
build_string(const char **pp, struct cim_buf *tmp)
{
	const char *p = *pp + 1, *run = p;

	for (;;) {
		while (*p != '"' && *p != '\\')
			p++;
		if (*p == '"' && run == *pp + 1) {
			*pp = p + 1;	/* no escapes: straight from the line */
			return jv_string_sized(run, (int)(p - run));
		}
		break;
	}
	tmp->len = 0;
	for (;;) {
		while (*p != '"' && *p != '\\')
			p++;
		cim_buf_add(tmp, run, (size_t)(p - run));
		if (*p == '"')
			break;
		switch (p[1]) {
		case 'b': cim_buf_addc(tmp, '\b'); p += 2; break;
		case 'f': cim_buf_addc(tmp, '\f'); p += 2; break;
		case 'n': cim_buf_addc(tmp, '\n'); p += 2; break;
		case 'r': cim_buf_addc(tmp, '\r'); p += 2; break;
		case 't': cim_buf_addc(tmp, '\t'); p += 2; break;
		case 'u': {
			unsigned u = hexval(p + 2);

			p += 6;
			if (u >= 0xD800 && u <= 0xDBFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (hexval(p + 2) - 0xDC00);
				p += 6;
			}
			put_utf8(tmp, u);
			break;
		}
		default: cim_buf_addc(tmp, p[1]); p += 2; break;
		}
		run = p;
	}
	*pp = p + 1;
	return jv_string_sized(tmp->p, (int)tmp->len);
}

static jv
build_value(const char **pp, struct cim_buf *tmp)
{
	const char *p;
	jv v;

	skip_blank(pp);
	p = *pp;
	switch (*p) {
	case '"':
		return build_string(pp, tmp);
	case '{':
		v = jv_object();
		*pp = p + 1;
		skip_blank(pp);
		if (**pp == '}') {
			(*pp)++;
			return v;
		}
		for (;;) {
			jv k, val;

			skip_blank(pp);
			k = build_string(pp, tmp);
			skip_blank(pp);
			(*pp)++;	/* ':' */
			val = build_value(pp, tmp);
			v = jv_object_set(v, k, val);
			skip_blank(pp);
			if (*(*pp)++ == '}')
				return v;
		}
	case '[':
		v = jv_array();
		*pp = p + 1;
		skip_blank(pp);
		if (**pp == ']') {
			(*pp)++;
			return v;
		}
		for (;;) {
			v = jv_array_append(v, build_value(pp, tmp));
			skip_blank(pp);
			if (*(*pp)++ == ']')
				return v;
		}
	case 't': *pp = p + 4; return jv_true();
	case 'f': *pp = p + 5; return jv_false();
	case 'n': *pp = p + 4; return jv_null();
	default: {
		char *end;
		double d = strtod(p, &end);

		*pp = end;
		return jv_number(d);
	}
	}
}

jv
cim_json_build(const char *s, size_t n)
{
	struct cim_buf tmp = { 0 };
	const char *p = s;
	jv v;

	(void)n;
	v = build_value(&p, &tmp);
	cim_buf_free(&tmp);
	return v;
}

jv
cim_rec_get(const struct cim_rec *r, const char *key)
{
	const struct cim_jmember *m = cim_rec_find(r, key);

	if (m == NULL)
		return jv_invalid();
	return cim_json_build(m->val, m->vlen);
}

jv
cim_rec_jv(const struct cim_rec *r)
{
	return cim_json_build(r->line, r->len);
}

int
cim_rec_str(struct cim_rec *r, const char *key, const char **s, size_t *n)
{
	const struct cim_jmember *m = cim_rec_find(r, key);
	jv v;

	if (m == NULL || m->val[0] != '"')
		return 0;
	if (memchr(m->val, '\\', m->vlen) == NULL) {
		*s = m->val + 1;
		*n = m->vlen - 2;
		return 1;
	}
	v = jv_parse_sized(m->val, (int)m->vlen);
	r->tmp.len = 0;
	cim_buf_add(&r->tmp, jv_string_value(v), (size_t)jv_string_length_bytes(jv_copy(v)));
	jv_free(v);
	*s = cim_buf_str(&r->tmp);
	*n = r->tmp.len;
	return 1;
}

static struct cim_edit *
edit_for(struct cim_rec *r, const char *key)
{
	size_t i;
	struct cim_edit *e;

	for (i = 0; i < r->ned; i++)
		if (strcmp(r->ed[i].key, key) == 0) {
			r->ed[i].val.len = 0;
			return &r->ed[i];
		}
	if (r->ned < r->edkept) {
		/* A slot an earlier record used: its buffers are reused. */
		e = &r->ed[r->ned++];
		if (strcmp(e->key, key) != 0) {
			free(e->key);
			e->key = cim_xstrdup(key);
		}
		e->val.len = 0;
		e->del = 0;
		return e;
	}
	if (r->ned == r->edcap) {
		r->edcap = r->edcap ? r->edcap * 2 : 8;
		r->ed = cim_xrealloc(r->ed, r->edcap * sizeof(*r->ed));
	}
	e = &r->ed[r->ned++];
	r->edkept++;
	memset(e, 0, sizeof(*e));
	e->key = cim_xstrdup(key);
	return e;
}

void
cim_rec_set(struct cim_rec *r, const char *key, jv v)
{
	struct cim_edit *e = edit_for(r, key);

	e->del = 0;
	cim_jv_dump(&e->val, v);
}

void
cim_rec_set_raw(struct cim_rec *r, const char *key, const char *json, size_t n)
{
	struct cim_edit *e = edit_for(r, key);

	e->del = 0;
	cim_buf_add(&e->val, json, n);
}

void
cim_rec_del(struct cim_rec *r, const char *key)
{
	edit_for(r, key)->del = 1;
}

static const struct cim_edit *
edit_of(const struct cim_rec *r, const struct cim_jmember *m)
{
	size_t i;

	for (i = 0; i < r->ned; i++)
		if (cim_json_key_is(m->key, m->klen, m->kesc, r->ed[i].key))
			return &r->ed[i];
	return NULL;
}

/* Appends the new members (edits of keys the line does not have). */
static void
write_new(const struct cim_rec *r, const unsigned char *used, size_t *n,
    struct cim_buf *out)
{
	size_t j;

	for (j = 0; j < r->ned; j++) {
		const struct cim_edit *e = &r->ed[j];

		if (e->del)
			continue;
		if (j < 512 ? used[j / 8] >> (j % 8) & 1 : cim_rec_find(r, e->key) != NULL)
			continue;
		if ((*n)++)
			cim_buf_addc(out, ',');
		cim_buf_json_str(out, e->key, strlen(e->key));
		cim_buf_addc(out, ':');
		cim_buf_add(out, e->val.p, e->val.len);
	}
}

void
cim_rec_write(const struct cim_rec *r, struct cim_buf *out)
{
	cim_rec_write_before(r, NULL, out);
}

void
cim_rec_write_before(const struct cim_rec *r, const char *before, struct cim_buf *out)
{
	size_t i, n = 0, at = r->sc.n;
	unsigned char used[64] = { 0 };	/* edits applied in place (first 512) */

	if (r->ned == 0) {
		/* Nothing changed: the line as it came, blanks around it trimmed. */
		const char *s = r->line, *e = r->line + r->len;

		while (s < e && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
			e--;
		cim_buf_add(out, s, (size_t)(e - s));
		cim_buf_addc(out, '\n');
		return;
	}
	/* New members go before another: which edits replace members in
	 * place must be known before the line is written. */
	for (i = 0; before != NULL && i < r->sc.n; i++) {
		const struct cim_edit *e = edit_of(r, &r->sc.m[i]);
		size_t k = e != NULL ? (size_t)(e - r->ed) : 512;

		if (k < 512)
			used[k / 8] |= (unsigned char)(1u << (k % 8));
		if (at == r->sc.n &&
		    cim_json_key_is(r->sc.m[i].key, r->sc.m[i].klen, r->sc.m[i].kesc, before))
			at = i;
	}
	cim_buf_addc(out, '{');
	for (i = 0; i < r->sc.n; i++) {
		const struct cim_jmember *m = &r->sc.m[i];
		const struct cim_edit *e = edit_of(r, m);

		if (i == at)
			write_new(r, used, &n, out);
		if (e != NULL) {
			size_t k = (size_t)(e - r->ed);

			if (k < 512)
				used[k / 8] |= (unsigned char)(1u << (k % 8));
			if (e->del)
				continue;
			if (n++)
				cim_buf_addc(out, ',');
			cim_buf_add(out, m->start, (size_t)(m->key + m->klen + 1 - m->start));
			cim_buf_addc(out, ':');
			cim_buf_add(out, e->val.p, e->val.len);
			continue;
		}
		if (n++)
			cim_buf_addc(out, ',');
		cim_buf_add(out, m->start, (size_t)(m->val + m->vlen - m->start));
	}
	if (at == r->sc.n)
		write_new(r, used, &n, out);
	cim_buf_adds(out, "}\n");
}

void
cim_rec_free(struct cim_rec *r)
{
	size_t i;

	for (i = 0; i < r->edkept; i++) {
		free(r->ed[i].key);
		cim_buf_free(&r->ed[i].val);
	}
	free(r->ed);
	cim_jscan_free(&r->sc);
	cim_buf_free(&r->tmp);
	memset(r, 0, sizeof(*r));
}

int
cim_jv_too_deep(jv v, int max)
{
	int i, n, deep = 0;

	switch (jv_get_kind(v)) {
	case JV_KIND_ARRAY:
		if (max < 1)
			return 1;
		n = jv_array_length(jv_copy(v));
		for (i = 0; i < n && !deep; i++) {
			jv e = jv_array_get(jv_copy(v), i);

			deep = cim_jv_too_deep(e, max - 1);
			jv_free(e);
		}
		return deep;
	case JV_KIND_OBJECT:
		if (max < 2)
			return 1;
		jv_object_foreach(v, k, e) {
			if (!deep)
				deep = cim_jv_too_deep(e, max - 2);
			jv_free(k);
			jv_free(e);
		}
		return deep;
	default:
		return 0;
	}
}

static void
dump_number(struct cim_buf *out, double d)
{
	char tmp[40];

	if (isnan(d)) {
		cim_buf_adds(out, "null");	/* as jq prints NaN */
		return;
	}
	if (isinf(d))
		d = d > 0 ? 1.7976931348623157e308 : -1.7976931348623157e308;
	if (d == floor(d) && fabs(d) < 1e17) {
		snprintf(tmp, sizeof(tmp), "%.0f", d);
	} else {
		/* Shortest of %.15g..%.17g that reads back the same double. */
		int p;

		for (p = 15; p <= 17; p++) {
			snprintf(tmp, sizeof(tmp), "%.*g", p, d);
			if (strtod(tmp, NULL) == d)
				break;
		}
	}
	cim_buf_adds(out, tmp);
}

void
cim_jv_dump(struct cim_buf *out, jv v)
{
	int i, n;

	switch (jv_get_kind(v)) {
	case JV_KIND_NULL: cim_buf_adds(out, "null"); break;
	case JV_KIND_TRUE: cim_buf_adds(out, "true"); break;
	case JV_KIND_FALSE: cim_buf_adds(out, "false"); break;
	case JV_KIND_NUMBER: dump_number(out, jv_number_value(v)); break;
	case JV_KIND_STRING:
		cim_buf_json_str(out, jv_string_value(v),
		    (size_t)jv_string_length_bytes(jv_copy(v)));
		break;
	case JV_KIND_ARRAY:
		cim_buf_addc(out, '[');
		n = jv_array_length(jv_copy(v));
		for (i = 0; i < n; i++) {
			if (i)
				cim_buf_addc(out, ',');
			cim_jv_dump(out, jv_array_get(jv_copy(v), i));
		}
		cim_buf_addc(out, ']');
		break;
	case JV_KIND_OBJECT:
		cim_buf_addc(out, '{');
		n = 0;
		jv_object_foreach(v, k, val) {
			if (n++)
				cim_buf_addc(out, ',');
			cim_buf_json_str(out, jv_string_value(k),
			    (size_t)jv_string_length_bytes(jv_copy(k)));
			cim_buf_addc(out, ':');
			cim_jv_dump(out, val);
			jv_free(k);
		}
		cim_buf_addc(out, '}');
		break;
	default:
		cim_buf_adds(out, "null");
		break;
	}
	jv_free(v);
}
