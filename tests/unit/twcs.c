/* Unit tests for lib/twcs.c: tweet ids and booleans as re-exports write them. */
#include <string.h>

#include "twcs.h"
#include "unit.h"

int
main(void)
{
	static const struct { const char *in, *want; } ids[] = {
		{ "3", "3" }, { "3.0", "3" }, { "3.00", "3" }, { " 706 ", "706" },
		{ "922337203685477580", "922337203685477580" },
		{ "3.5", "" }, { "3e5", "" }, { "", "" }, { "abc", "" }, { "-3", "" },
		{ "12345678901234567890", "" },	/* 20 digits: not a tweet id */
	};
	static const struct { const char *in; int want; } bools[] = {
		{ "True", 1 }, { "TRUE", 1 }, { "true", 1 }, { "1", 1 },
		{ "False", 0 }, { "FALSE", 0 }, { "0", 0 }, { " False ", 0 },
		{ "", -1 }, { "maybe", -1 }, { "Truee", -1 },
	};
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		char out[24] = "";
		size_t n = cim_twcs_id(ids[i].in, strlen(ids[i].in), out, sizeof(out));

		CHECK_STR(n ? out : "", ids[i].want, ids[i].in);
		CHECK_INT(n, strlen(ids[i].want), ids[i].in);
	}
	for (i = 0; i < sizeof(bools) / sizeof(bools[0]); i++)
		CHECK_INT(cim_preset_flag(bools[i].in, strlen(bools[i].in)), bools[i].want, bools[i].in);
	return unit_done();
}
