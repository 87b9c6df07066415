/*
 * Unit tests for buf.c: decimal integers (what "%lld" prints) and JSON
 * string literals.
 */
#include <limits.h>
#include <stdio.h>

#include "buf.h"
#include "unit.h"

int
main(void)
{
	static const long long nums[] = { 0, 1, -1, 9, 10, -10, 1234567890123LL,
		-98765, LLONG_MAX, LLONG_MIN, 1767225600000LL };
	static const struct { const char *in, *want; } strs[] = {
		{ "", "\"\"" },
		{ "plain", "\"plain\"" },
		{ "a\"b\\c", "\"a\\\"b\\\\c\"" },
		{ "tab\there\nnew", "\"tab\\there\\nnew\"" },
		{ "\x01", "\"\\u0001\"" },
		{ "longer than eight bytes, then a quote\"", "\"longer than eight bytes, then a quote\\\"\"" },
		{ "não é ótimo", "\"não é ótimo\"" },
	};
	struct cim_buf b = { 0 };
	char want[32];
	size_t i;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		b.len = 0;
		cim_buf_adds(&b, "x=");
		cim_buf_addi64(&b, nums[i]);
		snprintf(want, sizeof(want), "x=%lld", nums[i]);
		CHECK_STR(cim_buf_str(&b), want, "addi64");
	}
	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		b.len = 0;
		cim_buf_json_str(&b, strs[i].in, strlen(strs[i].in));
		CHECK_STR(cim_buf_str(&b), strs[i].want, strs[i].in);
	}
	cim_buf_free(&b);
	return unit_done();
}
