/* Unit tests for lib/idset: membership is exact across growth, keys of any
 * bytes (NUL, empty, long) and keys that differ only past their hash. */
#include <stdio.h>
#include <stdlib.h>

#include "idset.h"
#include "unit.h"

int
main(void)
{
	static const struct { const char *s; size_t n; int want; } t[] = {
		{ "whatsapp:Ana:20260101T094000Z", 30, 1 },
		{ "whatsapp:Ana:20260101T094000Z", 30, 0 },	/* again */
		{ "whatsapp:Ana:20260101T094000", 29, 1 },	/* a prefix */
		{ "", 0, 1 },
		{ "", 0, 0 },
		{ "a\0b", 3, 1 },
		{ "a\0c", 3, 1 },
		{ "a\0b", 3, 0 },
		{ "a", 1, 1 },
	};
	struct cim_idset set = { 0 };
	char key[64];
	size_t i;
	int k, fresh = 0, again = 0;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		snprintf(key, sizeof(key), "case %zu", i);
		CHECK_INT(cim_idset_add(&set, t[i].s, t[i].n), t[i].want, key);
	}
	/* Enough keys to grow the table many times: all new once, then all known. */
	for (k = 0; k < 200000; k++) {
		int n = snprintf(key, sizeof(key), "twcs:%d", k * 7919);

		fresh += cim_idset_add(&set, key, (size_t)n);
	}
	for (k = 0; k < 200000; k++) {
		int n = snprintf(key, sizeof(key), "twcs:%d", k * 7919);

		again += cim_idset_add(&set, key, (size_t)n);
	}
	CHECK_INT(fresh, 200000, "new keys");
	CHECK_INT(again, 0, "known keys");
	CHECK_INT(cim_idset_add(&set, "twcs:7919", 9), 0, "known after growth");
	CHECK_INT(cim_idset_add(&set, "twcs:7918", 9), 1, "new after growth");
	CHECK_INT(set.n, 200000 + 7, "count");
	cim_idset_free(&set);
	CHECK_INT(cim_idset_add(&set, "a", 1), 1, "reuse after free");
	cim_idset_free(&set);
	return unit_done();
}
