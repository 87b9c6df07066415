/*
 * Unit tests for cim_rec_write_before() (lib/rec): the line, members set
 * or removed, and where the new members land.  The rest of lib/rec is
 * tested with the scanner in json.c.
 */
#include <stdio.h>
#include <string.h>

#include "rec.h"
#include "unit.h"

static const struct {
	const char	*line;
	const char	*set1, *val1;	/* set (NULL: none) */
	const char	*set2, *val2;
	const char	*del;		/* removed (NULL: none) */
	const char	*before;
	const char	*want;
} cases[] = {
	{ "{\"id\":\"a\",\"attrs\":{\"x\":1}}", "cid", "\"C1\"", "ident", "{}", NULL, "attrs",
	  "{\"id\":\"a\",\"cid\":\"C1\",\"ident\":{},\"attrs\":{\"x\":1}}" },
	{ "{\"id\":\"a\"}", "cid", "\"C1\"", "ident", "{}", NULL, "attrs",
	  "{\"id\":\"a\",\"cid\":\"C1\",\"ident\":{}}" },
	{ "{\"attrs\":{},\"id\":\"a\"}", "cid", "\"C1\"", NULL, NULL, NULL, "attrs",
	  "{\"cid\":\"C1\",\"attrs\":{},\"id\":\"a\"}" },
	/* an existing member is replaced where it is */
	{ "{\"id\":\"a\",\"cid\":\"C0\",\"attrs\":{}}", "cid", "\"C1\"", "ident", "{}", NULL, "attrs",
	  "{\"id\":\"a\",\"cid\":\"C1\",\"ident\":{},\"attrs\":{}}" },
	{ "{\"id\":\"a\",\"attrs\":{},\"cid\":\"C0\"}", "cid", "\"C1\"", NULL, NULL, NULL, "attrs",
	  "{\"id\":\"a\",\"attrs\":{},\"cid\":\"C1\"}" },
	/* blanks between members go, those inside members stay */
	{ " { \"id\" : \"a\" , \"attrs\" : { \"x\" : 1 } } ", "cid", "\"C1\"", NULL, NULL, NULL, "attrs",
	  "{\"id\" : \"a\",\"cid\":\"C1\",\"attrs\" : { \"x\" : 1 }}" },
	/* removing the member named: the new ones go last */
	{ "{\"id\":\"a\",\"attrs\":{}}", "cid", "\"C1\"", NULL, NULL, "attrs", "attrs",
	  "{\"id\":\"a\",\"cid\":\"C1\"}" },
	/* NULL: as cim_rec_write */
	{ "{\"id\":\"a\",\"attrs\":{}}", "cid", "\"C1\"", NULL, NULL, NULL, NULL,
	  "{\"id\":\"a\",\"attrs\":{},\"cid\":\"C1\"}" },
	/* nothing changed: the line as it came */
	{ " {\"id\": \"a\"} ", NULL, NULL, NULL, NULL, NULL, "attrs", "{\"id\": \"a\"}" },
	/* a key written with an escape is still found */
	{ "{\"id\":\"a\",\"\\u0061ttrs\":{}}", "cid", "\"C1\"", NULL, NULL, NULL, "attrs",
	  "{\"id\":\"a\",\"cid\":\"C1\",\"\\u0061ttrs\":{}}" },
};

int
main(void)
{
	struct cim_rec r = { 0 };
	struct cim_buf out = { 0 };
	const char *why;
	size_t i, at;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char ctx[32];

		snprintf(ctx, sizeof(ctx), "case %zu", i);
		CHECK_INT(cim_rec_parse(&r, cases[i].line, strlen(cases[i].line), &why, &at), 0, ctx);
		if (cases[i].set1)
			cim_rec_set_raw(&r, cases[i].set1, cases[i].val1, strlen(cases[i].val1));
		if (cases[i].set2)
			cim_rec_set_raw(&r, cases[i].set2, cases[i].val2, strlen(cases[i].val2));
		if (cases[i].del)
			cim_rec_del(&r, cases[i].del);
		out.len = 0;
		cim_rec_write_before(&r, cases[i].before, &out);
		CHECK(out.len > 0 && out.p[out.len - 1] == '\n', "%s: newline", ctx);
		if (out.len > 0)
			out.len--;
		CHECK_STR(cim_buf_str(&out), cases[i].want, ctx);
	}
	cim_rec_free(&r);
	cim_buf_free(&out);
	return unit_done();
}
