/*
 * Unit tests for conv.c: destination paths and the normalization each
 * destination applies to a string value (cim_row_set).
 */
#include <stdlib.h>

#include "conv.h"
#include "unit.h"

/* Destination, input, then the fragment stored (or NULL when the row is
 * rejected, with the start of the reason). */
static const struct {
	const char *dest, *in, *want, *why;
} sets[] = {
	{ "channel", "WhatsApp", "\"whatsapp\"", NULL },
	{ "channel", " E-mail ", "\"email\"", NULL },
	{ "channel", "Telefone", "\"phone\"", NULL },
	{ "channel", "pombo-correio", "\"other\"", NULL },
	{ "status", "Resolvido", "\"resolved\"", NULL },
	{ "started_at", "05/01/2026 09:02:10", "\"2026-01-05T12:02:10Z\"", NULL },
	{ "started_at", "2026-01-05T13:04:11+01:00", "\"2026-01-05T12:04:11Z\"", NULL },
	{ "started_at", "1767625200", "\"2026-01-05T15:00:00Z\"", NULL },
	{ "started_at", "ontem", NULL, "bad timestamp 'ontem' in started_at" },
	{ "csat", "4", "4", NULL },
	{ "csat", "4,5", "4.5", NULL },
	{ "csat", "7", NULL, "csat '7' is not a number from 1 to 5" },
	{ "nps", "0", "0", NULL },
	{ "nps", "11", NULL, "nps '11' is not a number from 0 to 10" },
	{ "region", "br", "\"BR\"", NULL },
	{ "region", "Brasil", NULL, "region 'Brasil' is not an ISO" },
	{ "customer.phone", "(11) 98765-4321", "\"+5511987654321\"", NULL },
	{ "customer.phone", "+55 11 8765-4321", "\"+5511987654321\"", NULL },
	{ "customer.email", "Maria.Souza@Gmail.COM", "\"Maria.Souza@gmail.com\"", NULL },
	{ "customer.name", "  Maria  ", "\"Maria\"", NULL },
	{ "id", "T\"1", "\"T\\\"1\"", NULL },
	{ "from", "cliente", NULL, NULL },
	{ "from", "papagaio", NULL, "unknown sender 'papagaio'" },
	{ "csat", "", NULL, NULL },	/* empty is absent, not an error */
};

static void
test_sets(void)
{
	struct cim_norm nm = { 0 };
	struct cim_tz *tz;
	char err[128];
	size_t i;

	tz = cim_tz_load("America/Sao_Paulo", err, sizeof(err));
	CHECK(tz != NULL, "load zone: %s", err);
	nm.tz = tz;
	nm.region = "BR";
	nm.source = "t";
	for (i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
		struct cim_row r = { 0 };
		struct cim_destspec d;
		struct cim_buf why = { 0 };
		int rc;

		CHECK(cim_dest_parse(sets[i].dest, &d) == 0, "dest %s", sets[i].dest);
		rc = cim_row_set(&r, &nm, &d, sets[i].in, strlen(sets[i].in), &why);
		cim_row_finish(&r, &nm);
		if (sets[i].why != NULL) {
			CHECK(rc < 0 && strncmp(cim_buf_str(&why), sets[i].why,
			    strlen(sets[i].why)) == 0, "%s=%s: got rc %d why '%s'",
			    sets[i].dest, sets[i].in, rc, cim_buf_str(&why));
		} else {
			CHECK(rc == 0, "%s=%s rejected: %s", sets[i].dest, sets[i].in, cim_buf_str(&why));
			if (sets[i].want != NULL && d.d < CIM_D_NSCALAR)
				CHECK_STR(cim_buf_str(&r.f[d.d]), sets[i].want, sets[i].in);
		}
		cim_destspec_free(&d);
		cim_buf_free(&why);
		cim_row_free(&r);
	}
	cim_tz_free(tz);
}

static void
test_raw(void)
{
	struct cim_norm nm = { .region = "BR", .source = "t" };
	struct cim_row r = { 0 };
	struct cim_destspec d;
	struct cim_buf why = { 0 };

	/* A phone that cannot be normalized is kept as seen and flagged. */
	cim_dest_parse("customer.phone", &d);
	CHECK(cim_row_set(&r, &nm, &d, "ramal 22", 8, &why) == 0, "bad phone kept");
	cim_row_finish(&r, &nm);
	CHECK(r.f[CIM_D_CUST_PHONE].len == 0, "no phone set");
	CHECK(r.raw.n == 1 && strcmp(r.raw.v[0].key, "phone") == 0, "raw phone");
	CHECK_STR(cim_buf_str(&r.invalid), "\"phone\"", "invalid list");
	cim_destspec_free(&d);
	/* Unmapped names land under attrs; dotted paths are understood. */
	CHECK(cim_dest_parse("customer.ids.cpf", &d) == 0 && d.d == CIM_D_CUST_ID &&
	    strcmp(d.name, "cpf") == 0, "ids path");
	cim_destspec_free(&d);
	CHECK(cim_dest_parse("attrs.plano", &d) == 0 && d.d == CIM_D_ATTR, "attrs path");
	cim_destspec_free(&d);
	CHECK(cim_dest_parse("route", &d) == 0 && d.d == CIM_D_RESERVED, "reserved");
	cim_destspec_free(&d);
	CHECK(cim_dest_parse("customer.shoe_size", &d) < 0, "unknown dest");
	cim_buf_free(&why);
	cim_row_free(&r);
}

int
main(void)
{
	test_sets();
	test_raw();
	return unit_done();
}
