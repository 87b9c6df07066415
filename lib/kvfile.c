/*
 * kvfile.c: splitting "key value" files into settings (see kvfile.h).
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "kvfile.h"
#include "lines.h"

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

static int
is_keychar(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
	    c == '-';
}

/* s[0..n) without blanks at either end, as a new string. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && is_blank(*s))
		s++, n--;
	while (n > 0 && (is_blank(s[n - 1]) || s[n - 1] == '\r'))
		n--;
	return cim_xstrndup(s, n);
}

int
cim_kvfile_parse(const char *text, size_t n, struct cim_kvfile *f,
    struct cim_buf *why)
{
	const char *p = text, *end = text + n;
	long line = 0;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *k = p, *v;
		size_t len;
		struct cim_kv *kv;

		if (eol == NULL)
			eol = end;
		len = (size_t)(eol - p);
		line++;
		p = eol < end ? eol + 1 : end;
		if (len > 0 && k[len - 1] == '\r')
			len--;
		if (len == 0 || *k == '#')
			continue;
		if (is_blank(*k)) {
			char *t = trimmed(k, len), *j;

			if (*t == '\0' || *t == '#') {
				/* blank or comment-only: no value to continue */
				free(t);
				continue;
			}
			if (f->n == 0) {
				free(t);
				cim_buf_printf(why, "%ld: continuation line without a key", line);
				return -1;
			}
			kv = &f->kv[f->n - 1];
			j = cim_xmalloc(strlen(kv->val) + strlen(t) + 2);
			strcpy(j, kv->val);
			if (*j)
				strcat(j, "\n");
			strcat(j, t);
			free(kv->val);
			kv->val = j;
			free(t);
			continue;
		}
		for (v = k; v < k + len && is_keychar(*v); v++)
			;
		if (v == k || (v < k + len && !is_blank(*v))) {
			cim_buf_printf(why, "%ld: expected a key (lower-case letters, digits, _ or -) at the start of the line", line);
			return -1;
		}
		f->kv = cim_xrealloc(f->kv, (f->n + 1) * sizeof(*f->kv));
		kv = &f->kv[f->n++];
		kv->key = cim_xstrndup(k, (size_t)(v - k));
		kv->line = line;
		while (v < k + len && is_blank(*v))
			v++;
		kv->expr = 0;
		if (v < k + len && *v == '=' && (v + 1 == k + len || is_blank(v[1]))) {
			kv->expr = 1;
			v++;
		}
		kv->val = trimmed(v, (size_t)(k + len - v));
	}
	return 0;
}

int
cim_kvfile_slurp(const char *path, struct cim_buf *text)
{
	struct cim_lines *l;
	char *line;
	size_t len;
	int rc;

	if ((l = cim_lines_open(path)) == NULL)
		return -1;
	while ((rc = cim_lines_next(l, &line, &len)) == 1) {
		cim_buf_add(text, line, len);
		cim_buf_addc(text, '\n');
	}
	cim_lines_close(l);
	return rc < 0 ? -1 : 0;
}

void
cim_kvfile_free(struct cim_kvfile *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->kv[i].key);
		free(f->kv[i].val);
	}
	free(f->kv);
	f->kv = NULL;
	f->n = 0;
}
