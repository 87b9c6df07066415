/*
 * unit.h: the table-driven unit test helpers shared by the unit tests in tests/unit.
 * Each CHECK prints a line only when it fails; unit_done() prints the
 * closing "N passed, N failed" line that tests/run adds up.
 */
#ifndef UNIT_H
#define UNIT_H
#include <stdio.h>
#include <string.h>

static int unit_pass, unit_fail;

#define CHECK(cond, ...) do { \
	if (cond) unit_pass++; \
	else { unit_fail++; fprintf(stderr, "%s:%d: FAIL: ", __FILE__, __LINE__); \
	       fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } \
} while (0)

#define CHECK_STR(got, want, ctx) do { \
	const char *g_ = (got), *w_ = (want); \
	CHECK((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0), \
	      "%s: got \"%s\", want \"%s\"", (ctx), g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

#define CHECK_INT(got, want, ctx) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	CHECK(g_ == w_, "%s: got %lld, want %lld", (ctx), g_, w_); \
} while (0)

static int unit_done(void)
{
	printf("%d passed, %d failed\n", unit_pass, unit_fail);
	return unit_fail != 0;
}
#endif
