/*
 * Fuzz target: the rules file of cim-classify --rules (clsrules.h).  Rules
 * that read have a name without "=", a label, a condition; lines
 * increase; the one program is built; cim_jq_index (which checks the
 * program's output) takes each rule's index and refuses every other
 * number.  A refusal says "LINE: reason".
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clsrules.h"
#include "jqprog.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const double probe[] = { -1, -0.5, 0.5, 1e300, -1e300, 2147483648.0 };
	struct cim_clsrules rs = { 0 };
	struct cim_buf why = { 0 }, prog = { 0 };
	long last = 0;
	size_t i;

	if (cim_clsrules_parse((const char *)data, size, &rs, &why) != 0) {
		if (why.len == 0 || why.p[0] < '1' || why.p[0] > '9')
			abort();
	} else {
		for (i = 0; i < rs.n; i++) {
			const struct cim_clsrule *r = &rs.r[i];

			if (*r->name == '\0' || strchr(r->name, '=') || *r->cond == '\0' ||
			    (r->intent == NULL && r->urgency == NULL) || r->line <= last)
				abort();
			last = r->line;
			if (cim_jq_index(jv_number((double)i), rs.n) != (long)i)
				abort();
		}
		cim_clsrules_program(&rs, &prog);
		if (prog.len == 0)
			abort();
	}
	if (cim_jq_index(jv_number((double)rs.n), rs.n) != -1 ||
	    cim_jq_index(jv_number(NAN), rs.n) != -1 ||
	    cim_jq_index(jv_number(INFINITY), rs.n) != -1 ||
	    cim_jq_index(jv_null(), rs.n) != -1)
		abort();
	for (i = 0; i < sizeof(probe) / sizeof(probe[0]); i++)
		if (cim_jq_index(jv_number(probe[i]), rs.n) != -1)
			abort();
	cim_clsrules_free(&rs);
	cim_buf_free(&why);
	cim_buf_free(&prog);
	return 0;
}
