/*
 * Fuzz target: the twcs tweet CSV (twcs.h).  cim_twcs_id on the input
 * and on each comma-separated piece of it: an id is digits only, within
 * the buffer, and its own canonical form.  Then the whole input is read
 * by cim_twcs_read as cim-ingest does (with a twcs header put in front
 * when it has none, so the rows are reached), its threads assembled into
 * records that must pass the schema check, every row written or rejected.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzsink.h"
#include "twcs.h"

static const char header[] = "tweet_id,author_id,inbound,created_at,text,"
    "response_tweet_id,in_response_to_tweet_id\n";

static void
one_id(const char *s, size_t n, size_t outlen)
{
	char *out = malloc(outlen ? outlen : 1), again[32];
	size_t k = cim_twcs_id(s, n, out, outlen);

	if (k > 0) {
		if (k >= outlen || strlen(out) != k ||
		    strspn(out, "0123456789") != k ||
		    cim_twcs_id(out, k, again, sizeof(again)) != k ||
		    strcmp(out, again) != 0)
			abort();
	}
	free(out);
}

static void
read_all(const uint8_t *data, size_t size)
{
	struct cim_norm nm = { .region = "BR", .source = "twcs" };
	struct cim_twcs_opts o = { &nm, CIM_ENC_UTF8 };
	struct fuzz_count c;
	struct cim_sink sink;
	struct cim_lines *l;
	char *line;
	size_t len;

	if ((l = fuzz_lines(data, size, &line, &len)) == NULL)
		return;
	sink = fuzz_sink(&c, &nm);
	if (cim_twcs_read(l, line, len, &o, &sink) < 0)
		abort();
	fuzz_sink_end(&c);
	cim_lines_close(l);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t a, b;

	one_id(s, size, 32);
	one_id(s, size, size ? data[0] % 24 : 0);
	for (a = 0; a <= size; a = b + 1) {
		for (b = a; b < size && s[b] != ',' && s[b] != '\n'; b++)
			;
		one_id(s + a, b - a, 32);
	}
	read_all(data, size);
	if (size < sizeof(header) - 1 || memcmp(data, "tweet_id,", 9) != 0) {
		uint8_t *d = malloc(sizeof(header) - 1 + size);

		memcpy(d, header, sizeof(header) - 1);
		if (size)
			memcpy(d + sizeof(header) - 1, data, size);
		read_all(d, sizeof(header) - 1 + size);
		free(d);
	}
	return 0;
}
