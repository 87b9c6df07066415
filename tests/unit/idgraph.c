/*
 * Unit tests for lib/idgraph: small graphs, each node written as
 * "name|key key ...", and the customers they fall in, as one letter per
 * node in order of first appearance ("AAB": the first two are one).
 */
#include <stdio.h>
#include <string.h>

#include "idgraph.h"
#include "idkey.h"
#include "unit.h"

static const struct {
	const char	*what;
	unsigned	 max_share;
	int		 names;
	const char	*nodes[16];
	const char	*want;
} cases[] = {
	{ "transitive", 10, 1, { "|e:a", "|e:a p:1", "|p:1", "|p:2" }, "AAAB" },
	{ "no identifiers", 10, 1, { "|", "|", "|e:a" }, "ABC" },
	{ "store phone, twelve names: generic", 10, 1,
	  { "Ana|p:s", "Bia|p:s", "Caio|p:s", "Davi|p:s", "Eva|p:s", "Fabio|p:s",
	    "Gil|p:s", "Hugo|p:s", "Ivo|p:s", "Jair|p:s", "Kika|p:s", "Lia|p:s" },
	  "ABCDEFGHIJKL" },
	{ "the same with a higher limit, names still apart", 12, 1,
	  { "Ana|p:s", "Bia|p:s", "Caio|p:s", "Davi|p:s", "Eva|p:s", "Fabio|p:s",
	    "Gil|p:s", "Hugo|p:s", "Ivo|p:s", "Jair|p:s", "Kika|p:s", "Lia|p:s" },
	  "ABCDEFGHIJKL" },
	{ "the same, any name", 12, 0,
	  { "Ana|p:s", "Bia|p:s", "Caio|p:s", "Davi|p:s", "Eva|p:s", "Fabio|p:s",
	    "Gil|p:s", "Hugo|p:s", "Ivo|p:s", "Jair|p:s", "Kika|p:s", "Lia|p:s" },
	  "AAAAAAAAAAAA" },
	{ "one person, twelve calls: not generic", 10, 1,
	  { "Ana|p:1", "Ana|p:1", "ANA|p:1", "Silva, Ana|p:1", "Ana|p:1", "Ana|p:1",
	    "Ana|p:1", "Ana|p:1", "Ana|p:1", "Ana|p:1", "Ana|p:1", "|p:1" },
	  "AAAAAAAAAAAA" },
	{ "company address on eight people with own phones, limit 5", 5, 1,
	  { "|e:c p:1", "|p:1", "|e:c p:2", "|p:2", "|e:c p:3", "|p:3",
	    "|e:c p:4", "|p:4", "|e:c p:5", "|p:5", "|e:c p:6", "|p:6",
	    "|e:c p:7", "|p:7", "|e:c p:8", "|p:8" },
	  "AABBCCDDEEFFGGHH" },
	{ "a shared address on four people links them", 10, 1,
	  { "|e:c p:1", "|p:1", "|e:c p:2", "|p:2", "|e:c p:3", "|p:3",
	    "|e:c p:4", "|p:4" },
	  "AAAAAAAA" },
	{ "unique: the weaker link loses", 10, 1,
	  { "|crm:1 e:x", "|crm:1 p:1", "|p:1", "|crm:2 e:x" }, "AAAB" },
	{ "unique: a record's own value holds", 10, 1,
	  { "|crm:1 e:x", "|crm:2 e:x", "|e:x" }, "ABA" },
	{ "unique: the same value links", 10, 1,
	  { "|crm:1", "|crm:1 e:y", "|e:y" }, "AAA" },
	{ "family landline", 10, 1,
	  { "Betty|e:b p:h", "Betty|e:b", "Richard|p:h", "Richard|p:h", "|p:h" },
	  "AABBA" },
	{ "family landline, any name", 10, 0,
	  { "Betty|e:b p:h", "Betty|e:b", "Richard|p:h", "Richard|p:h", "|p:h" },
	  "AAAAA" },
	{ "accents and case", 10, 1,
	  { "José|e:j", "JOSE Ramos|e:j", "josé|e:j" }, "AAA" },
};

static void
build(struct cim_idgraph *g, const char *spec)
{
	const char *bar = strchr(spec, '|'), *p = bar + 1, *sp;

	cim_idgraph_node(g, 0, cim_idkey_name_hint(spec, (size_t)(bar - spec)));
	while (*p) {
		if ((sp = strchr(p, ' ')) == NULL)
			sp = p + strlen(p);
		cim_idgraph_link(g, cim_idgraph_ident(g, p, (size_t)(sp - p)));
		p = *sp ? sp + 1 : sp;
	}
}

static void
letters(struct cim_idgraph *g, uint32_t from, char *out)
{
	uint32_t n, roots[32], nr = 0, k;

	for (n = from; n < g->nnodes; n++) {
		uint32_t r = cim_idgraph_find(g, n);

		for (k = 0; k < nr && roots[k] != r; k++)
			;
		if (k == nr)
			roots[nr++] = r;
		*out++ = (char)('A' + k);
	}
	*out = '\0';
}

int
main(void)
{
	char *uniq[] = { "crm" }, got[40];
	struct cim_idgraph g;
	size_t i, k;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		cim_idgraph_init(&g, uniq, 1);
		g.names = cases[i].names;
		for (k = 0; k < 16 && cases[i].nodes[k]; k++)
			build(&g, cases[i].nodes[k]);
		cim_idgraph_solve(&g, cases[i].max_share);
		letters(&g, 0, got);
		CHECK_STR(got, cases[i].want, cases[i].what);
		cim_idgraph_free(&g);
	}

	/* Generic: flagged, counted, not linking. */
	cim_idgraph_init(&g, uniq, 1);
	g.names = 1;
	for (k = 0; k < 12; k++) {
		char spec[32];

		snprintf(spec, sizeof(spec), "N%c|p:s", (char)('a' + k));
		build(&g, spec);
	}
	cim_idgraph_solve(&g, 10);
	CHECK_INT(g.id[0].generic, 1, "generic flag");
	CHECK_INT(g.id[0].customers, 12, "generic customers");
	cim_idgraph_free(&g);

	/* Remembered customers 5 and 3 joined by a record: 3 survives. */
	cim_idgraph_init(&g, uniq, 1);
	g.names = 1;
	{
		uint32_t v5 = cim_idgraph_node(&g, 5, 0), v3 = cim_idgraph_node(&g, 3, 0);
		uint32_t ea = cim_idgraph_ident(&g, "e:a", 3), p1 = cim_idgraph_ident(&g, "p:1", 3);
		uint32_t gen = cim_idgraph_ident(&g, "p:store", 7);

		cim_idgraph_remember(&g, ea, (int32_t)v5);
		cim_idgraph_remember(&g, p1, (int32_t)v3);
		cim_idgraph_remember(&g, gen, -1);
		build(&g, "Ana|e:a p:1 p:store");
		build(&g, "Bia|p:store");
		cim_idgraph_solve(&g, 10);
		CHECK_INT(g.nmerge, 1, "one merge");
		CHECK_INT(g.merge[0].keep, 3, "older id survives");
		CHECK_INT(g.merge[0].gone, 5, "newer id retired");
		CHECK_INT(g.label[cim_idgraph_find(&g, 2)], 3, "record gets the survivor");
		CHECK_INT(g.id[gen].generic, 1, "generic from the state");
		CHECK(cim_idgraph_find(&g, 3) != cim_idgraph_find(&g, 2), "generic from the state does not link");
		letters(&g, 0, got);
		CHECK_STR(got, "AAAB", "state nodes and records");
	}
	cim_idgraph_free(&g);

	/* A dropped link is listed with the two values in conflict. */
	cim_idgraph_init(&g, uniq, 1);
	build(&g, "|crm:1 e:x");
	build(&g, "|crm:2 e:x");
	cim_idgraph_solve(&g, 10);
	{
		const struct cim_iddrop *d = cim_idgraph_dropped(&g, 1, cim_idgraph_ident(&g, "e:x", 3));

		CHECK(d != NULL, "drop listed");
		if (d != NULL) {
			CHECK_STR(g.id[d->a].key, "crm:1", "drop: value held");
			CHECK_STR(g.id[d->b].key, "crm:2", "drop: value refused");
		}
		CHECK(cim_idgraph_dropped(&g, 0, cim_idgraph_ident(&g, "e:x", 3)) == NULL, "base not dropped");
	}
	cim_idgraph_free(&g);
	return unit_done();
}
