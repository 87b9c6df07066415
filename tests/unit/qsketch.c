/*
 * Unit tests for qsketch.c (exact and bucketed quantiles, merging, the
 * state format) and u64set.c (distinct counts that merge by union).
 */
#include <math.h>
#include <stdlib.h>

#include "qsketch.h"
#include "u64set.h"
#include "unit.h"

static int
near(double got, double want, double rel)
{
	return fabs(got - want) <= rel * fabs(want) + 1e-9;
}

int
main(void)
{
	struct cim_qs q = { 0 }, a = { 0 }, b = { 0 }, c = { 0 };
	struct cim_buf s1 = { 0 }, s2 = { 0 };
	struct cim_u64set u = { 0 };
	uint64_t *v;
	size_t n, i;

	/* Exact: linear interpolation between ranks (R type 7). */
	{
		static const struct { double p, want; } t[] = {
			{ 0, 10 }, { 0.5, 25 }, { 0.9, 37 }, { 1, 40 }, { 0.25, 17.5 },
		};
		cim_qs_add(&q, 40000);
		cim_qs_add(&q, 10000);
		cim_qs_add(&q, 30000);
		cim_qs_add(&q, 20000);
		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
			CHECK(near(cim_qs_quantile(&q, t[i].p), t[i].want, 0),
			    "exact p%g: got %g want %g", t[i].p, cim_qs_quantile(&q, t[i].p), t[i].want);
		CHECK(!cim_qs_approx(&q), "4 values stay exact");
		cim_qs_free(&q);
		CHECK(isnan(cim_qs_quantile(&q, 0.5)), "empty is NAN");
		cim_qs_add(&q, -5);
		CHECK(cim_qs_quantile(&q, 0.5) == 0, "negative counts as 0");
		cim_qs_free(&q);
	}

	/* Past the bound: within 1% of the exact answer. */
	for (i = 1; i <= 100000; i++)
		cim_qs_add(&q, (int64_t)i * 37 % 100000 * 10 + 1000);
	CHECK(cim_qs_approx(&q), "100000 values are bucketed");
	CHECK(q.count == 100000, "count %llu", (unsigned long long)q.count);
	{
		static const double ps[] = { 0.01, 0.5, 0.9, 0.95, 0.99 };

		for (i = 0; i < 5; i++) {
			double want = (1000 + ps[i] * 99999 * 10) / 1000.0;

			CHECK(near(cim_qs_quantile(&q, ps[i]), want, 0.0101),
			    "sketch p%g: got %g want %g", ps[i], cim_qs_quantile(&q, ps[i]), want);
		}
	}

	/* Any split merges to the same state, in any order. */
	for (i = 1; i <= 40000; i++) {
		int64_t x = (int64_t)(i * 7919 % 40000) * 3;

		cim_qs_add(&c, x);
		cim_qs_add(i % 3 ? &a : &b, x);
	}
	CHECK(cim_qs_approx(&a) && !cim_qs_approx(&b), "a bucketed, b exact: a mixed merge");
	cim_qs_merge(&a, &b);
	cim_qs_dump(&a, &s1);
	cim_qs_dump(&c, &s2);
	CHECK(s1.len == s2.len && memcmp(s1.p, s2.p, s1.len) == 0, "merged state differs");
	cim_qs_free(&a);
	cim_qs_free(&b);

	/* The dumped state loads back to the same state. */
	cim_buf_str(&s2);
	CHECK(cim_qs_load(&a, jv_parse(s2.p)) == 0, "load bucketed");
	s1.len = 0;
	cim_qs_dump(&a, &s1);
	CHECK(s1.len == s2.len && memcmp(s1.p, s2.p, s1.len) == 0, "reloaded state differs");
	CHECK(cim_qs_load(&b, jv_parse("{\"v\":[3,1,2]}")) == 0, "load exact");
	CHECK(near(cim_qs_quantile(&b, 0.5), 0.002, 0), "exact reload p50");
	CHECK(cim_qs_load(&b, jv_parse("{\"v\":[-1]}")) == -1, "negative value refused");
	CHECK(cim_qs_load(&b, jv_parse("{\"z\":0,\"b\":[[99999,1]]}")) == -1, "bucket out of range refused");
	CHECK(cim_qs_load(&b, jv_parse("[]")) == -1, "not an object refused");
	CHECK(b.count == 3, "failed loads add nothing (count %llu)", (unsigned long long)b.count);

	/* u64set: exact distinct counts, union by adding. */
	for (i = 0; i < 1000; i++)
		cim_u64set_add(&u, (uint64_t)(i % 250) * 0x9e3779b97f4a7c15ULL);
	CHECK_INT(cim_u64set_count(&u), 250, "distinct, with 0 among them");
	CHECK_INT(cim_u64set_add(&u, 0), 0, "0 already there");
	CHECK_INT(cim_u64set_add(&u, 12345), 1, "new value");
	v = cim_u64set_sorted(&u, &n);
	CHECK_INT(n, 251, "sorted count");
	for (i = 1; i < n; i++)
		CHECK(v[i - 1] < v[i], "sorted at %zu", i);
	free(v);

	cim_u64set_free(&u);
	cim_qs_free(&q);
	cim_qs_free(&a);
	cim_qs_free(&b);
	cim_qs_free(&c);
	cim_buf_free(&s1);
	cim_buf_free(&s2);
	return unit_done();
}
