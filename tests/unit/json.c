/*
 * Unit tests for json.c (the validating scanner) and rec.c (member access
 * and splicing).
 */
#include <stdlib.h>

#include "json.h"
#include "rec.h"
#include "unit.h"

static const struct { const char *in; const char *why; } scans[] = {
	{ "{}", NULL },
	{ "  {\"a\":1}  ", NULL },
	{ "{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}", NULL },
	{ "{\"a\":-0.5e+10,\"b\":true,\"c\":false}", NULL },
	{ "{\"s\":\"\\u00e9\\ud83d\\ude00\\n\"}", NULL },
	{ "{\"s\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\"}", NULL },
	{ "", "empty line" },
	{ "[1,2]", "not a JSON object" },
	{ "{\"a\":1", "unexpected end of input" },
	{ "{\"a\":1,}", "expected a string key" },
	{ "{\"a\" 1}", "expected ':' after key" },
	{ "{\"a\":01}", "expected ',' or '}'" },
	{ "{\"a\":1.}", "invalid number" },
	{ "{\"a\":-}", "invalid number" },
	{ "{\"a\":1e}", "invalid number" },
	{ "{\"a\":tru}", "invalid literal" },
	{ "{\"a\":\"x\\q\"}", "invalid escape in string" },
	{ "{\"a\":\"\\ud800\"}", "lone high surrogate escape in string" },
	{ "{\"a\":\"\\udc00\"}", "lone low surrogate escape in string" },
	{ "{\"a\":\"\\u12g4\"}", "invalid \\u escape in string" },
	{ "{\"a\":\"x\ty\"}", "control character in string" },
	{ "{\"a\":\"\xc3\x28\"}", "invalid UTF-8" },
	{ "{\"a\":\"\xed\xa0\x80\"}", "invalid UTF-8" },
	{ "{\"a\":\"unterminated}", "unterminated string" },
	{ "{\"a\":1} x", "trailing characters after JSON value" },
	{ "{\"a\":1}{\"b\":2}", "trailing characters after JSON value" },
	{ "{\"a\":1,\"a\":2}", "duplicate key" },
	{ "{\"a\":1,\"\\u0061\":2}", "duplicate key" },
	/* Nested objects too: in an object member, an array element, deep. */
	{ "{\"c\":{\"name\":\"a\",\"name\":\"b\"}}", "duplicate key" },
	{ "{\"m\":[{\"from\":\"bot\",\"at\":1,\"from\":\"agent\"}]}", "duplicate key" },
	{ "{\"a\":{\"b\":{\"c\":[[{\"x\":1,\"\\u0078\":2}]]}}}", "duplicate key" },
	/* The same key in sibling or nested objects is no duplicate. */
	{ "{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}],\"c\":{\"a\":3}}", NULL },
	{ "{\"abcdefghijklmnopq\":1,\"abcdefghijklmnopr\":2,\"bbcdefghijklmnopq\":3}", NULL },
	/* Keys of one length, first and last byte share the object's set
	 * bit: they are told apart (or found equal) by their text. */
	{ "{\"axb\":1,\"ayb\":2,\"azb\":3}", NULL },
	{ "{\"axb\":1,\"ayb\":2,\"a\\u0078b\":3}", "duplicate key" },
	{ "{\"\":1,\"x\":2,\"\":3}", "duplicate key" },
	{ "{\"a\":[1,2}", "expected ',' or ']'" },
	{ "{\"a\":@}", "unexpected character" },
};

static void
test_scan(void)
{
	struct cim_jscan sc = { 0 };
	size_t i, at;

	for (i = 0; i < sizeof(scans) / sizeof(scans[0]); i++) {
		const char *why = NULL;
		int rc = cim_json_scan(scans[i].in, strlen(scans[i].in), &sc, &why, &at);

		if (scans[i].why == NULL)
			CHECK(rc == 0, "scan %zu '%s': %s", i, scans[i].in, why ? why : "");
		else
			CHECK_STR(rc < 0 ? why : "(accepted)", scans[i].why, scans[i].in);
	}
	cim_jscan_free(&sc);
}

static void
test_depth(void)
{
	struct cim_jscan sc = { 0 };
	struct cim_buf b = { 0 };
	const char *why = NULL;
	size_t at;
	int i;

	/* 254 arrays inside the object (2 levels): 256, the most jq reads. */
	cim_buf_adds(&b, "{\"a\":");
	for (i = 0; i < 254; i++) cim_buf_addc(&b, '[');
	for (i = 0; i < 254; i++) cim_buf_addc(&b, ']');
	cim_buf_addc(&b, '}');
	CHECK(cim_json_scan(b.p, b.len, &sc, &why, &at) == 0, "256 levels: %s", why);
	/* 128 objects are 256 levels for jq; 129 are too many. */
	b.len = 0;
	for (i = 0; i < 128; i++) cim_buf_adds(&b, "{\"a\":");
	cim_buf_addc(&b, '1');
	for (i = 0; i < 128; i++) cim_buf_addc(&b, '}');
	CHECK(cim_json_scan(b.p, b.len, &sc, &why, &at) == 0, "128 objects: %s", why);
	b.len = 0;
	for (i = 0; i < 129; i++) cim_buf_adds(&b, "{\"a\":");
	cim_buf_addc(&b, '1');
	for (i = 0; i < 129; i++) cim_buf_addc(&b, '}');
	CHECK(cim_json_scan(b.p, b.len, &sc, &why, &at) < 0, "129 objects accepted");
	b.len = 0;
	cim_buf_adds(&b, "{\"a\":");
	for (i = 0; i < 100000; i++) cim_buf_addc(&b, '[');
	cim_buf_addc(&b, '}');
	CHECK(cim_json_scan(b.p, b.len, &sc, &why, &at) < 0, "100000 levels accepted");
	CHECK_STR(why, "nested deeper than 256 levels (objects count twice, as in jq)", "deep");
	cim_buf_free(&b);
	cim_jscan_free(&sc);
}

/* Objects past the linear check's 32 keys are checked when they close:
 * the error still points at the second occurrence of the earliest
 * repeated key. */
static void
test_many_keys(void)
{
	struct cim_jscan sc = { 0 };
	struct cim_buf b = { 0 };
	const char *why = NULL;
	size_t at = 0, want = 0;
	int i, nk;

	for (nk = 30; nk <= 2000; nk = nk < 40 ? nk + 1 : nk * 3) {
		b.len = 0;
		cim_buf_adds(&b, "{\"o\":{");
		for (i = 0; i < nk; i++)
			cim_buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", i, i);
		cim_buf_adds(&b, "}}");
		CHECK(cim_json_scan(b.p, b.len, &sc, &why, &at) == 0, "%d keys: %s", nk, why);
		/* Repeat the last key (past the first 32 from 33 keys on),
		 * then k3 twice: the error is at the last key's repeat. */
		b.len -= 2;
		cim_buf_printf(&b, ",\"k%d\":0,", nk + 1);
		want = b.len;
		cim_buf_printf(&b, "\"k%d\":1,\"k3\":2,\"k3\":3}}", nk - 1);
		why = NULL;
		CHECK(cim_json_scan(b.p, b.len, &sc, &why, &at) < 0, "%d keys: dup accepted", nk);
		CHECK_STR(why, "duplicate key", "many keys");
		CHECK_INT(at, want, "many keys: position");
	}
	cim_buf_free(&b);
	cim_jscan_free(&sc);
}

/* Random objects of short keys over a two-letter alphabet, some letters
 * escaped: the scan finds a duplicate exactly when two keys decode to the
 * same text (checked pairwise here), below and past the 32-key mark. */
static void
test_dup_random(void)
{
	struct cim_jscan sc = { 0 };
	struct cim_buf b = { 0 };
	char keys[80][4];
	unsigned long x = 12345;
	int round, i, j, nk, dup;

	for (round = 0; round < 3000; round++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		nk = 1 + (int)((x >> 33) % (round % 2 ? 8 : 70));
		b.len = 0;
		cim_buf_adds(&b, "{");
		dup = 0;
		for (i = 0; i < nk; i++) {
			size_t kl, c;

			x = x * 6364136223846793005UL + 1442695040888963407UL;
			kl = (size_t)((x >> 40) % 4);
			cim_buf_adds(&b, i ? ",\"" : "\"");
			for (c = 0; c < kl; c++) {
				keys[i][c] = (x >> (20 + c)) & 1 ? 'a' : 'b';
				cim_buf_adds(&b, (x >> (50 + c)) & 1 ?
				    (keys[i][c] == 'a' ? "\\u0061" : "\\u0062") :
				    (keys[i][c] == 'a' ? "a" : "b"));
			}
			keys[i][kl] = '\0';
			cim_buf_printf(&b, "\":%d", i);
			for (j = 0; j < i; j++)
				dup |= strcmp(keys[i], keys[j]) == 0;
		}
		cim_buf_adds(&b, "}");
		{
			const char *why = NULL;
			size_t at;
			int rc = cim_json_scan(b.p, b.len, &sc, &why, &at);

			CHECK(rc == (dup ? -1 : 0), "random keys %s: %s", b.p, why ? why : "ok");
		}
	}
	cim_buf_free(&b);
	cim_jscan_free(&sc);
}

static void
test_members(void)
{
	struct cim_jscan sc = { 0 };
	const char *s = " { \"id\" : \"x:1\", \"n\":[1, {\"k\":2}] ,\"o\":{} } ";
	const char *why;
	size_t at;

	CHECK(cim_json_scan(s, strlen(s), &sc, &why, &at) == 0, "members scan");
	CHECK_INT(sc.n, 3, "member count");
	CHECK(sc.m[0].klen == 2 && memcmp(sc.m[0].key, "id", 2) == 0, "key 0");
	CHECK(sc.m[0].vlen == 5 && memcmp(sc.m[0].val, "\"x:1\"", 5) == 0, "val 0");
	CHECK(sc.m[1].vlen == 12 && memcmp(sc.m[1].val, "[1, {\"k\":2}]", 12) == 0, "val 1");
	CHECK(sc.m[2].vlen == 2 && memcmp(sc.m[2].val, "{}", 2) == 0, "val 2");
	cim_jscan_free(&sc);
}

static void
test_rec(void)
{
	struct cim_rec r = { 0 };
	struct cim_buf out = { 0 };
	const char *line = "{\"id\":\"a:1\",\"channel\":\"chat\", \"n\": 3,\"s\":\"x\\\"y\"}";
	const char *why, *s;
	size_t at, n;
	jv v;

	CHECK(cim_rec_parse(&r, line, strlen(line), &why, &at) == 0, "rec parse");
	cim_rec_write(&r, &out);
	CHECK_STR(cim_buf_str(&out), "{\"id\":\"a:1\",\"channel\":\"chat\", \"n\": 3,\"s\":\"x\\\"y\"}\n", "unchanged copy");
	CHECK(cim_rec_str(&r, "channel", &s, &n) == 1 && n == 4 && memcmp(s, "chat", 4) == 0, "str borrow");
	CHECK(cim_rec_str(&r, "s", &s, &n) == 1 && n == 3 && memcmp(s, "x\"y", 3) == 0, "str escaped");
	CHECK(cim_rec_str(&r, "n", &s, &n) == 0, "str of number");
	v = cim_rec_get(&r, "n");
	CHECK(jv_get_kind(v) == JV_KIND_NUMBER && jv_number_value(v) == 3, "get number");
	jv_free(v);
	CHECK(!jv_is_valid(cim_rec_get(&r, "missing")), "get missing");

	cim_rec_set(&r, "channel", jv_string("email"));
	cim_rec_del(&r, "n");
	cim_rec_set(&r, "route", JV_OBJECT(jv_string("queue"), jv_string("vendas"),
	    jv_string("priority"), jv_number(2)));
	out.len = 0;
	cim_rec_write(&r, &out);
	CHECK_STR(cim_buf_str(&out), "{\"id\":\"a:1\",\"channel\":\"email\",\"s\":\"x\\\"y\",\"route\":{\"queue\":\"vendas\",\"priority\":2}}\n", "spliced");

	/* A new parse forgets the old edits. */
	line = "{\"a\":1}";
	CHECK(cim_rec_parse(&r, line, strlen(line), &why, &at) == 0, "reparse");
	cim_rec_set_raw(&r, "x", "1", 1);
	out.len = 0;
	cim_rec_write(&r, &out);
	CHECK_STR(cim_buf_str(&out), "{\"a\":1,\"x\":1}\n", "add to fresh");
	cim_rec_free(&r);
	cim_buf_free(&out);
}

static void
test_dump(void)
{
	static const struct { double d; const char *want; } nums[] = {
		{ 0, "0" }, { -3, "-3" }, { 0.1, "0.1" }, { 1.5, "1.5" },
		{ 1e20, "1e+20" }, { 123456789012, "123456789012" }, { 1.0/3, "0.3333333333333333" },
	};
	struct cim_buf b = { 0 };
	size_t i;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		b.len = 0;
		cim_jv_dump(&b, jv_number(nums[i].d));
		CHECK_STR(cim_buf_str(&b), nums[i].want, "dump number");
	}
	b.len = 0;
	cim_jv_dump(&b, jv_parse("{\"b\":[true,null,\"\\u0001\"],\"a\":{}}"));
	CHECK_STR(cim_buf_str(&b), "{\"b\":[true,null,\"\\u0001\"],\"a\":{}}", "dump object keeps order");
	cim_buf_free(&b);
}

/*
 * The string fast path reads eight bytes at a time: a special byte at
 * any position of a long string must still be seen.
 */
static void
test_positions(void)
{
	static const struct { const char *bad; const char *why; } cases[] = {
		{ "\x01", "control character in string" },
		{ "\xc3\x28", "invalid UTF-8" },
		{ "\xff", "invalid UTF-8" },
		{ "\\q", "invalid escape in string" },
	};
	struct cim_jscan sc = { 0 };
	struct cim_buf b = { 0 };
	size_t i, k, at;
	const char *why;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		for (i = 0; i <= 40; i++) {
			b.len = 0;
			cim_buf_adds(&b, "{\"k\":\"");
			for (size_t j = 0; j < i; j++)
				cim_buf_addc(&b, 'a');
			cim_buf_adds(&b, cases[k].bad);
			cim_buf_adds(&b, "bcdefghijklmnopqrstuvwxyz\"}");
			why = NULL;
			CHECK(cim_json_scan(b.p, b.len, &sc, &why, &at) < 0 &&
			    strcmp(why, cases[k].why) == 0 && at == 6 + i,
			    "bad byte %zu at %zu: %s at %zu", k, i, why ? why : "accepted", at);
		}
	/* A quote ends the string wherever it is; accents are fine. */
	for (i = 0; i <= 40; i++) {
		b.len = 0;
		cim_buf_adds(&b, "{\"k\":\"");
		for (size_t j = 0; j < i; j++)
			cim_buf_adds(&b, j % 5 ? "a" : "\xc3\xa3");
		cim_buf_adds(&b, "\",\"z\":1}");
		CHECK(cim_json_scan(b.p, b.len, &sc, &why, &at) == 0 && sc.n == 2,
		    "quote at %zu: %s", i, why);
	}
	cim_jscan_free(&sc);
	cim_buf_free(&b);
}

int
main(void)
{
	test_positions();
	test_scan();
	test_depth();
	test_many_keys();
	test_dup_random();
	test_members();
	test_rec();
	test_dump();
	return unit_done();
}
