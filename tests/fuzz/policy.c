/*
 * Fuzz target: the routing policy reader (policy.h), both forms (key
 * value lines, NDJSON).  A policy that parses has as many rules as the
 * file has "rule" keys (line form), each with a name, a line and a
 * condition, no two with one name, a defaults block without one; the
 * built-in defaults fill what it leaves unset and its one jq program is
 * built.  A refusal says "file:line: reason".  The program is not
 * compiled: jq 1.6 spends ~15 ms a compile, which would hold the fuzzer
 * under 100 runs a second, and cim_policy_compile exits on a bad
 * expression by design (cim-route's golden cases cover that).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "kvfile.h"
#include "policy.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cim_policy builtin;
	static int have_builtin;
	const char *text = (const char *)data;
	struct cim_policy p = { 0 };
	struct cim_buf why = { 0 }, prog = { 0 };
	size_t i, j;
	int ndjson;

	if (!have_builtin) {
		if (cim_policy_parse(&builtin, "builtin", cim_policy_builtin,
		    strlen(cim_policy_builtin), &why) != 0)
			abort();
		have_builtin = 1;
	}
	for (i = 0; i < size && strchr(" \t\r\n", text[i]) != NULL && text[i] != '\0'; i++)
		;
	ndjson = i < size && text[i] == '{';
	if (cim_policy_parse(&p, "fuzz", text, size, &why) != 0) {
		if (strncmp(cim_buf_str(&why), "fuzz:", 5) != 0)
			abort();
		cim_policy_free(&p);
		cim_buf_free(&why);
		return 0;
	}
	if (!ndjson) {
		struct cim_kvfile f = { 0 };
		struct cim_buf w2 = { 0 };
		size_t nrule = 0;

		if (cim_kvfile_parse(text, size, &f, &w2) != 0)
			abort();	/* the policy parsed, so the file splits */
		for (i = 0; i < f.n; i++)
			nrule += strcmp(f.kv[i].key, "rule") == 0;
		if (nrule != p.n)
			abort();
		cim_kvfile_free(&f);
		cim_buf_free(&w2);
	}
	for (i = 0; i < p.n; i++) {
		const struct cim_prule *r = &p.r[i];

		if (r->name == NULL || *r->name == '\0' || r->line < 1 ||
		    r->when == NULL || *r->when == '\0' || r->when_line < r->line)
			abort();
		for (j = 0; j < i; j++)
			if (strcmp(p.r[j].name, r->name) == 0)
				abort();
	}
	if (p.def.when != NULL)
		abort();
	cim_policy_inherit(&p, &builtin);
	for (i = 0; i < CIM_PK_N; i++)
		if (p.def.val[i] == NULL && builtin.def.val[i] != NULL)
			abort();
	cim_policy_program(&p, (size & 1) ? ".attrs.vip == true" : NULL, &prog);
	if (prog.len == 0)
		abort();
	cim_policy_free(&p);
	cim_buf_free(&why);
	cim_buf_free(&prog);
	return 0;
}
