/*
 * Unit tests of lib/kvfile and lib/policy: splitting, parsing, errors
 * with file:line, and the jq program a policy becomes.
 */
#include <string.h>

#include "kvfile.h"
#include "policy.h"
#include "unit.h"

int
main(void)
{
	static const struct {
		const char *text;
		const char *err;	/* NULL: parses */
	} cases[] = {
		{ "rule a\nwhen true\nqueue q\n", NULL },
		{ "# only a comment\n\n", NULL },
		{ "defaults\nqueue = .queue // \"x\"\n", NULL },
		{ "rule a\nwhen .x\n  and .y\npriority 5\nsla 15m\nskills a, b c\n", NULL },
		{ "{\"rule\": \"a\", \"when\": \"true\", \"priority\": 2}\n", NULL },
		{ "{\"defaults\": true, \"queue\": {\"jq\": \".queue\"}}\n", NULL },
		{ "queue q\n", "p:1: 'queue' outside a rule (start one with: rule NAME)" },
		{ "rule a\nqueue q\n", "p:1: rule 'a' has no condition (when EXPR)" },
		{ "rule a\nwhen true\nrule b\nwhen false\nrule a\nwhen true\n", "p:5: rule 'a' already defined at line 1" },
		{ "rule a\nwhen true\nhandler robot\n", "p:3: handler must be bot or human, not 'robot'" },
		{ "rule a\nwhen true\npriority 0\n", "p:3: priority must be 1 (highest) to 5, not '0'" },
		{ "rule a\nwhen true\nsla soon\n", "p:3: sla 'soon' is not a duration (like 90s, 15m, 24h)" },
		{ "rule a\nwhen true\nqueue q\nqueue r\n", "p:4: queue set twice" },
		{ "rule a\nwhen true\nwhen false\n", "p:3: second condition in rule 'a'" },
		{ "defaults\nwhen true\n", "p:2: defaults have no condition" },
		{ "  continued\n", "p:1: continuation line without a key" },
		{ "Rule a\n", "p:1: expected a key (lower-case letters, digits, _ or -) at the start of the line" },
		{ "rule a b\nwhen true\n", "p:1: rule wants one name (rule NAME)" },
		{ "{\"when\": \"true\"}\n", "p:1: a line needs \"rule\": NAME or \"defaults\": true" },
		{ "{\"rule\": \"a\", \"when\": \"x\", \"queue\": [1]}\n", "p:1: queue: a string, number, list of strings or {\"jq\": EXPR}" },
		{ "{\"rule\": \"a\"}\nnot json\n", "p:2: invalid JSON at byte 1: invalid literal" },
	};
	struct cim_buf why = { 0 }, prog = { 0 };
	struct cim_policy p = { 0 };
	struct cim_kvfile f = { 0 };

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		int rc;

		why.len = 0;
		memset(&p, 0, sizeof(p));
		rc = cim_policy_parse(&p, "p", cases[i].text, strlen(cases[i].text), &why);
		if (cases[i].err == NULL)
			CHECK(rc == 0, "%s: %s", cases[i].text, cim_buf_str(&why));
		else
			CHECK_STR(rc < 0 ? cim_buf_str(&why) : "(parsed)", cases[i].err, cases[i].text);
		cim_policy_free(&p);
	}

	/* Values: literals become JSON, expressions stay jq, lines joined. */
	why.len = 0;
	memset(&p, 0, sizeof(p));
	CHECK_INT(cim_policy_parse(&p, "p", cases[3].text, strlen(cases[3].text), &why), 0, "parse");
	CHECK_STR(p.r[0].when, ".x\nand .y", "continuation");
	CHECK_STR(p.r[0].val[CIM_PK_SKILLS], "[\"a\",\"b\",\"c\"]", "skills list");
	CHECK_STR(p.r[0].val[CIM_PK_SLA], "900", "sla seconds");
	CHECK_INT(p.r[0].when_line, 2, "when line");
	cim_policy_free(&p);

	/* The built-in policy parses, and becomes one program with its rules
	 * in order and the defaults last. */
	memset(&p, 0, sizeof(p));
	CHECK_INT(cim_policy_parse(&p, "b", cim_policy_builtin, strlen(cim_policy_builtin), &why),
	    0, "built-in policy");
	CHECK_INT(p.n, 9, "built-in rules");
	CHECK_STR(p.r[0].name, "legal-threat", "first rule");
	cim_policy_program(&p, NULL, &prog);
	CHECK(strstr(cim_buf_str(&prog), "{r: 0,") < strstr(prog.p, "{r: 8,") &&
	    strstr(prog.p, "{r: 8,") < strstr(prog.p, "{r: -1,"), "rule order in the program");
	cim_policy_free(&p);

	/* kvfile: "=" marks an expression only when followed by a blank. */
	why.len = 0;
	CHECK_INT(cim_kvfile_parse("a = b\nc =d\ne\n", 13, &f, &why), 0, "kvfile");
	CHECK(f.n == 3 && f.kv[0].expr && !f.kv[1].expr && strcmp(f.kv[1].val, "=d") == 0 &&
	    strcmp(f.kv[2].val, "") == 0, "kvfile values");
	cim_kvfile_free(&f);
	cim_buf_free(&why);
	cim_buf_free(&prog);
	return unit_done();
}
