/*
 * csvrows.c: CSV rows over libcsv (see csvrows.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvrows.h"
#include "err.h"

#define FLAGS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

static void
start(struct cim_csvrows *c)
{
	if (csv_init(&c->p, FLAGS) != 0)
		cim_die(1, "cannot initialise libcsv");
	csv_set_delim(&c->p, (unsigned char)c->delim);
}

void
cim_csvrows_init(struct cim_csvrows *c, int delim, cim_csvrows_fn *row,
    void *arg)
{
	memset(c, 0, sizeof(*c));
	c->delim = delim;
	c->row = row;
	c->arg = arg;
	start(c);
}

static void
on_field(void *s, size_t n, void *data)
{
	struct cim_csvrows *c = data;

	if (c->nf == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->off = cim_xrealloc(c->off, c->cap * sizeof(*c->off));
	}
	c->off[c->nf++] = c->fields.len;
	cim_buf_add(&c->fields, s ? s : "", s ? n : 0);
	cim_buf_addc(&c->fields, '\0');
}

static void
on_row(int ch, void *data)
{
	struct cim_csvrows *c = data;

	(void)ch;
	c->row(c, c->arg);
	c->nf = 0;
	c->fields.len = 0;
}

int
cim_csvrows_line(struct cim_csvrows *c, const char *s, size_t n,
    const char **err)
{
	if (csv_parse(&c->p, s, n, on_field, on_row, c) == n &&
	    csv_parse(&c->p, "\n", 1, on_field, on_row, c) == 1)
		return 0;
	*err = csv_error(&c->p) == CSV_EPARSE ? "bad CSV quoting" :
	    csv_strerror(csv_error(&c->p));
	csv_free(&c->p);
	start(c);
	c->nf = 0;
	c->fields.len = 0;
	return -1;
}

int
cim_csvrows_pending(const struct cim_csvrows *c)
{
	return c->p.pstate != 0;
}

int
cim_csvrows_finish(struct cim_csvrows *c)
{
	int rc = csv_fini(&c->p, on_field, on_row, c) == 0 ? 0 : -1;

	c->nf = 0;
	c->fields.len = 0;
	return rc;
}

const char *
cim_csvrows_field(const struct cim_csvrows *c, size_t i, size_t *n)
{
	*n = (i + 1 < c->nf ? c->off[i + 1] : c->fields.len) - c->off[i] - 1;
	return c->fields.p + c->off[i];
}

void
cim_csvrows_free(struct cim_csvrows *c)
{
	csv_free(&c->p);
	free(c->off);
	cim_buf_free(&c->fields);
}

int
cim_csv_sniff(const char *s, size_t n)
{
	static const char cands[] = ",;\t|";
	size_t count[4] = { 0 }, i, best = 0;
	int q = 0;

	for (i = 0; i < n; i++) {
		const char *p;

		if (s[i] == '"')
			q = !q;
		else if (!q && (p = strchr(cands, s[i])) != NULL && *p)
			count[p - cands]++;
	}
	for (i = 1; i < 4; i++)
		if (count[i] > count[best])
			best = i;
	return cands[best];
}

char **
cim_csv_names(const struct cim_csvrows *c)
{
	char **h = cim_xcalloc(c->nf ? c->nf : 1, sizeof(*h));
	size_t i, j;

	for (i = 0; i < c->nf; i++) {
		size_t n;
		const char *s = cim_csvrows_field(c, i, &n);

		if (n == 0) {
			char tmp[32];

			snprintf(tmp, sizeof(tmp), "column_%zu", i + 1);
			h[i] = cim_xstrdup(tmp);
		} else {
			h[i] = cim_xstrndup(s, n);
		}
		for (j = 0; j < i; j++)
			if (strcmp(h[i], h[j]) == 0) {
				/* A repeated name: keep both, the second numbered. */
				struct cim_buf b = { 0 };

				cim_buf_printf(&b, "%s_%zu", h[i], i + 1);
				free(h[i]);
				h[i] = cim_xstrdup(cim_buf_str(&b));
				cim_buf_free(&b);
			}
	}
	return h;
}
