/*
 * Unit tests for lib/clsrules (the cim-classify --rules file) and
 * cim_jq_index (the rule index a combined program outputs).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "clsrules.h"
#include "jqprog.h"
#include "unit.h"

static const struct {
	const char *text;
	int rc;
	const char *why;	/* on error */
	size_t n;		/* rules read */
	const char *name, *intent, *urgency, *cond;	/* of the last */
	long line;
} cases[] = {
	{ "", 0, NULL, 0, NULL, NULL, NULL, NULL, 0 },
	{ "# only a comment\n\n  \t\n", 0, NULL, 0, NULL, NULL, NULL, NULL, 0 },
	{ "nf intent=billing urgency=high :: .channel == \"email\"\n", 0, NULL, 1,
	  "nf", "billing", "high", ".channel == \"email\"", 1 },
	{ "a intent=x :: true\r\n\n b\turgency=low ::false  ", 0, NULL, 2,
	  "b", NULL, "low", "false", 3 },
	{ "a intent=x intent=y :: true", 0, NULL, 1, "a", "y", NULL, "true", 1 },
	{ "a intent=x .c", -1, "1: a rule is 'name field=value ... :: condition'", 0,
	  NULL, NULL, NULL, NULL, 0 },
	{ "ok intent=x :: t\nb intent=x ::  \n", -1, "2: the rule has no condition", 1,
	  "ok", "x", NULL, "t", 1 },
	{ "x=1 intent=a :: true", -1, "1: the rule has no name", 0, NULL, NULL, NULL, NULL, 0 },
	{ ":: true", -1, "1: the rule has no name", 0, NULL, NULL, NULL, NULL, 0 },
	{ "x urgency=soon :: true", -1,
	  "1: 'urgency=soon' is not intent=LABEL or urgency=low|normal|high|critical", 1,
	  "x", NULL, NULL, "true", 1 },
	{ "x intent= :: true", -1,
	  "1: 'intent=' is not intent=LABEL or urgency=low|normal|high|critical", 1,
	  "x", NULL, NULL, "true", 1 },
	{ "x :: true", -1, "1: the rule sets no label", 1, "x", NULL, NULL, "true", 1 },
};

int
main(void)
{
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cim_clsrules rs = { 0 };
		struct cim_buf why = { 0 };
		char ctx[64];
		int rc = cim_clsrules_parse(cases[i].text, strlen(cases[i].text), &rs, &why);

		snprintf(ctx, sizeof(ctx), "case %zu", i);
		CHECK_INT(rc, cases[i].rc, ctx);
		CHECK_STR(rc < 0 ? cim_buf_str(&why) : NULL, cases[i].why, ctx);
		CHECK_INT(rs.n, cases[i].n, ctx);
		if (rs.n > 0 && rs.n == cases[i].n) {
			const struct cim_clsrule *r = &rs.r[rs.n - 1];

			CHECK_STR(r->name, cases[i].name, ctx);
			CHECK_STR(r->intent, cases[i].intent, ctx);
			CHECK_STR(r->urgency, cases[i].urgency, ctx);
			CHECK_STR(r->cond, cases[i].cond, ctx);
			CHECK_INT(r->line, cases[i].line, ctx);
		}
		cim_clsrules_free(&rs);
		cim_buf_free(&why);
	}

	/* The program: one if/elif chain, conditions in try, -1 else. */
	{
		struct cim_clsrules rs = { 0 };
		struct cim_buf why = { 0 }, prog = { 0 };

		cim_clsrules_parse("a intent=x :: .a\nb urgency=low :: .b # c\n", 40, &rs, &why);
		cim_clsrules_program(&rs, &prog);
		CHECK_STR(cim_buf_str(&prog),
		    "if (try (.a\n) catch false) then 0\n"
		    "elif (try (.b # c\n) catch false) then 1\n"
		    "else -1 end", "program");
		cim_clsrules_free(&rs);
		cim_buf_free(&why);
		cim_buf_free(&prog);
	}

	/* cim_jq_index: only an integer in [0, n). */
	{
		static const struct { double v; size_t n; long want; } ix[] = {
			{ 0, 3, 0 }, { 2, 3, 2 }, { 3, 3, -1 }, { -1, 3, -1 },
			{ 1.5, 3, -1 }, { 99, 3, -1 }, { 1e300, 3, -1 }, { -1e300, 3, -1 },
			{ 0, 0, -1 }, { -0.0, 1, 0 },
		};

		for (i = 0; i < sizeof(ix) / sizeof(ix[0]); i++) {
			char ctx[64];

			snprintf(ctx, sizeof(ctx), "index %g of %zu", ix[i].v, ix[i].n);
			CHECK_INT(cim_jq_index(jv_number(ix[i].v), ix[i].n), ix[i].want, ctx);
		}
		CHECK_INT(cim_jq_index(jv_number(NAN), 3), -1, "NaN");
		CHECK_INT(cim_jq_index(jv_number(INFINITY), 3), -1, "inf");
		{
			jv one = jv_string("1");	/* borrowed by cim_jq_index */

			CHECK_INT(cim_jq_index(one, 3), -1, "string");
			jv_free(one);
		}
		CHECK_INT(cim_jq_index(jv_null(), 3), -1, "null");
	}
	return unit_done();
}
