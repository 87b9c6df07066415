/*
 * Unit tests of cim_json_members (lib/json.h): the walk over text that
 * was already validated gives the same members as the validating scan.
 */
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "unit.h"

int
main(void)
{
	static const char *const same[] = {
		"{}",
		"[]",
		" { \"a\" : 1 , \"b\":[1,{\"c\":\"}\"}],\"d\":\"x\\\"y\" } ",
		"{\"k\\\\\":\"\\\\\",\"e\":{\"f\":[[],{}]},\"g\":null,\"h\":-1.5e3,\"i\":true}",
		"[1, \"two\", {\"three\": [3]}, [\"]\"], false]",
		"{\"at\":\"2026-01-05T13:04:11Z\",\"from\":\"customer\",\"text\":\"ol\\u00e1 \\\\\"}",
	};
	struct cim_jscan a = { 0 }, b = { 0 };
	const char *why;
	size_t at;

	for (size_t i = 0; i < sizeof(same) / sizeof(*same); i++) {
		const char *s = same[i];
		size_t n = strlen(s);
		int rc = s[strspn(s, " ")] == '{' ? cim_json_scan(s, n, &a, &why, &at)
		    : cim_json_scan_array(s, n, &a, &why, &at);

		CHECK_INT(rc, 0, s);
		CHECK_INT(cim_json_members(s, n, &b), 0, s);
		CHECK_INT(b.n, a.n, s);
		for (size_t j = 0; j < a.n && j < b.n; j++) {
			CHECK(a.m[j].klen == b.m[j].klen &&
			    memcmp(a.m[j].key, b.m[j].key, a.m[j].klen) == 0 &&
			    a.m[j].kesc == b.m[j].kesc, "%s: key %zu", s, j);
			CHECK(a.m[j].vlen == b.m[j].vlen && a.m[j].val == b.m[j].val &&
			    a.m[j].start == b.m[j].start, "%s: value %zu: %.*s vs %.*s", s, j,
			    (int)a.m[j].vlen, a.m[j].val, (int)b.m[j].vlen, b.m[j].val);
		}
	}
	/* The skips, on strings with escapes and longer than sixteen bytes. */
	{
		static const char *const strs[] = { "\"\"", "\"a\"", "\"a\\\"b\"",
			"\"\\\\\"", "\"0123456789abcdef\\\"0123456789abcdef\"",
			"\"0123456789abcdefghij\"", "\"ends in a backslash pair \\\\\"" };

		for (size_t j = 0; j < sizeof(strs) / sizeof(strs[0]); j++) {
			size_t n = strlen(strs[j]);
			char t[96];

			snprintf(t, sizeof(t), "%s,1", strs[j]);
			CHECK(cim_json_skip_string(t, t + n + 2) == t + n, "skip_string %s", strs[j]);
			CHECK(cim_json_skip_value(t, t + n + 2) == t + n, "skip_value %s", strs[j]);
		}
	}
	/* Random strings of plain bytes, escapes and UTF-8, so that quotes
	 * and backslashes fall at every place of a sixteen-byte block, with
	 * more text after them: the skip ends right after the closing quote. */
	{
		static const char *const piece[] = { "a", "\\\\", "\\\"", "\\u00e9",
			"\xc3\xa9", "0123456789abcdef" };
		static const char after[] = ",\"after\":\"0123456789abcdef\"}";
		unsigned seed = 7;
		char t[512];

		for (int r = 0; r < 20000; r++) {
			size_t n = 1, k, pieces;

			t[0] = '"';
			seed = seed * 1103515245u + 12345u;
			pieces = (seed >> 16) % 24;
			for (k = 0; k < pieces; k++) {
				const char *pc;

				seed = seed * 1103515245u + 12345u;
				pc = piece[(seed >> 16) % 6];
				memcpy(t + n, pc, strlen(pc));
				n += strlen(pc);
			}
			t[n++] = '"';
			memcpy(t + n, after, strlen(after));
			if (cim_json_skip_string(t, t + n + strlen(after)) != t + n ||
			    cim_json_skip_value(t, t + n + strlen(after)) != t + n) {
				CHECK(0, "skip of random string %d: %.*s", r, (int)n, t);
				break;
			}
		}
		CHECK(1, "random strings skipped");
	}
	CHECK_INT(cim_json_members("\"x\"", 3, &b), -1, "not a container");
	cim_jscan_free(&a);
	cim_jscan_free(&b);
	return unit_done();
}
