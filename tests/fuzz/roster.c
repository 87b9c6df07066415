/*
 * Fuzz target: the roster reader of cim-route --simulate (sim.h
 * cim_sim_new).  A roster that reads is used: a few jobs of every kind
 * are simulated and their results and summaries written; a waiting time
 * is never negative, an agent index is -1 or in range of the agents
 * that exist.  A refusal says "file:line: reason".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "region.h"
#include "sim.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const sk[] = { "billing", "pt", "en", "vip" };
	static struct cim_region *rg;
	static size_t nrg;
	struct cim_sim_opts o = { CIM_SIM_SKILLS, 600, -1, 1, 1, "agents", NULL, "overflow" };
	struct cim_buf why = { 0 }, out = { 0 };
	struct cim_sim *s;
	size_t i;

	if (rg == NULL && cim_region_parse("builtin", cim_region_builtin,
	    strlen(cim_region_builtin), &rg, &nrg, &why) != 0)
		abort();
	o.default_tz = cim_region_find(rg, nrg, "BR", 2);
	o.strategy = size ? (enum cim_sim_strategy)(data[0] % 3) : CIM_SIM_SKILLS;
	if ((s = cim_sim_new(&o, (const char *)data, size, &why)) == NULL) {
		if (strncmp(cim_buf_str(&why), "agents:", 7) != 0)
			abort();
		cim_buf_free(&why);
		return 0;
	}
	for (i = 0; i < 12; i++) {
		struct cim_sim_job j = { 0 };

		j.arrive_ms = 1767258000000LL + (int64_t)i * 97 * 1000;	/* a Thursday */
		j.service_s = 30.0 * (double)(i % 5 + 1);
		j.priority = (int)(i % 5) + 1;
		j.queue = i & 1 ? "support" : "sales";
		j.skills = sk + i % 4;
		j.nskills = i % 3;
		if (j.nskills > 4 - i % 4)
			j.nskills = 4 - i % 4;
		j.voice = i % 4 == 0;
		j.bot = i % 7 == 6;
		(void)cim_sim_has_skill(s, sk[i % 4]);
		cim_sim_add(s, &j);
	}
	cim_sim_run(s);
	for (i = 0; i < 12; i++) {
		double wait;
		int agent, ab;

		cim_sim_result(s, i, &wait, &agent, &ab);
		if (!(wait >= 0) || agent < -1)
			abort();
		out.len = 0;
		cim_sim_result_json(s, i, &out);
	}
	cim_sim_summary(s, &out);
	cim_sim_staffing(s, &out);
	cim_sim_free(s);
	cim_buf_free(&out);
	cim_buf_free(&why);
	return 0;
}
