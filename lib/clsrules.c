/*
 * clsrules.c: the rules file of cim-classify --rules (see clsrules.h).
 */
#include <stdlib.h>
#include <string.h>

#include "clsrules.h"
#include "err.h"

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	for (e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t' ||
	    e[-1] == '\r' || e[-1] == '\n'); )
		*--e = '\0';
	return s;
}

static int
is_urgency(const char *s)
{
	return !strcmp(s, "low") || !strcmp(s, "normal") || !strcmp(s, "high") ||
	    !strcmp(s, "critical");
}

/* One line, NUL-terminated (a NUL inside ends it, as it did when the file
 * was read with getline and trimmed as a C string): 0 or -1. */
static int
parse_line(char *s, long lineno, struct cim_clsrules *rs, struct cim_buf *why)
{
	struct cim_clsrule *r;
	char *sep, *head, *w, *save = NULL;

	s = trim(s);
	if (*s == '\0' || *s == '#')
		return 0;
	if ((sep = strstr(s, "::")) == NULL) {
		cim_buf_printf(why, "%ld: a rule is 'name field=value ... :: condition'", lineno);
		return -1;
	}
	*sep = '\0';
	head = trim(s);
	sep = trim(sep + 2);
	if (*sep == '\0') {
		cim_buf_printf(why, "%ld: the rule has no condition", lineno);
		return -1;
	}
	if ((w = strtok_r(head, " \t", &save)) == NULL || strchr(w, '=')) {
		cim_buf_printf(why, "%ld: the rule has no name", lineno);
		return -1;
	}
	rs->r = cim_xrealloc(rs->r, (rs->n + 1) * sizeof(*rs->r));
	r = &rs->r[rs->n++];
	memset(r, 0, sizeof(*r));
	r->name = cim_xstrdup(w);
	r->cond = cim_xstrdup(sep);
	r->line = lineno;
	while ((w = strtok_r(NULL, " \t", &save)) != NULL) {
		if (strncmp(w, "intent=", 7) == 0 && w[7]) {
			free(r->intent);
			r->intent = cim_xstrdup(w + 7);
		} else if (strncmp(w, "urgency=", 8) == 0 && is_urgency(w + 8)) {
			free(r->urgency);
			r->urgency = cim_xstrdup(w + 8);
		} else {
			cim_buf_printf(why, "%ld: '%s' is not intent=LABEL or "
			    "urgency=low|normal|high|critical", lineno, w);
			return -1;
		}
	}
	if (r->intent == NULL && r->urgency == NULL) {
		cim_buf_printf(why, "%ld: the rule sets no label", lineno);
		return -1;
	}
	return 0;
}

int
cim_clsrules_parse(const char *text, size_t n, struct cim_clsrules *rs,
    struct cim_buf *why)
{
	const char *p = text, *end = text + n;
	struct cim_buf line = { 0 };
	long lineno = 0;
	int rc = 0;

	while (p < end && rc == 0) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		lineno++;
		line.len = 0;
		cim_buf_add(&line, p, len);
		rc = parse_line(cim_buf_str(&line), lineno, rs, why);
		p += len + 1;
	}
	cim_buf_free(&line);
	return rc;
}

void
cim_clsrules_program(const struct cim_clsrules *rs, struct cim_buf *prog)
{
	size_t k;

	/* The newline ends a "#" comment in a condition before the ")". */
	for (k = 0; k < rs->n; k++)
		cim_buf_printf(prog, "%s (try (%s\n) catch false) then %zu\n",
		    k ? "elif" : "if", rs->r[k].cond, k);
	cim_buf_adds(prog, "else -1 end");
}

void
cim_clsrules_free(struct cim_clsrules *rs)
{
	size_t k;

	for (k = 0; k < rs->n; k++) {
		free(rs->r[k].name);
		free(rs->r[k].intent);
		free(rs->r[k].urgency);
		free(rs->r[k].cond);
	}
	free(rs->r);
	rs->r = NULL;
	rs->n = 0;
}
