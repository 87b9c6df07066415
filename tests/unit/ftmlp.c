/* Unit tests for lib/ftmlp.c: the hidden layer learns exclusive-or,
 * which no linear model over the same inputs can; training is
 * deterministic for a seed; rows no example uses stay zero; the mean
 * log-probabilities are log-probabilities; axpy matches a plain loop. */
#include <math.h>
#include <stdlib.h>

#include "ftmlp.h"
#include "unit.h"

/*
 * Four rows: a text has row 0 or 1 (the first feature) and row 2 or 3
 * (the second); its label is 1 when exactly one of rows 1 and 3 is
 * present.  Row 4 is in no example.
 */
#define NEX 40

int
main(void)
{
	static int32_t r[NEX][2];
	static const float x[2] = { 0.70710678f, 0.70710678f };
	struct cim_ftmlp_in ex[NEX];
	struct cim_ftmlp a, b;
	int y[NEX], ok = 0, same = 1, zero = 1;
	size_t use[NEX], i, k;
	float h[3 * 16], w[11], acc1[11], acc2[11];
	double z[2], lp[2];

	for (i = 0; i < NEX; i++) {
		int p = (int)(i & 1), q = (int)((i >> 1) & 1);

		r[i][0] = p;
		r[i][1] = 2 + q;
		ex[i] = (struct cim_ftmlp_in){ r[i], x, 2 };
		y[i] = p ^ q;
		use[i] = i;
	}
	cim_ftmlp_train(&a, 5, 2, 3, 16, ex, y, use, NEX, 40, 0.1, 1);
	cim_ftmlp_train(&b, 5, 2, 3, 16, ex, y, use, NEX, 40, 0.1, 1);
	for (i = 0; i < 4; i++) {
		cim_ftmlp_logprob(&a, &ex[i], h, z, lp);
		ok += (lp[1] > lp[0]) == y[i];
		/* A mean of log-probabilities: at most 0, and the geometric
		 * mean of the networks' probabilities sums to at most 1. */
		CHECK(lp[0] <= 0 && lp[1] <= 0 && exp(lp[0]) + exp(lp[1]) <= 1 + 1e-9,
		    "example %zu: log-probabilities", i);
	}
	CHECK_INT(ok, 4, "exclusive-or learned");
	for (k = 0; k < 5 * 3 * 16; k++)
		same &= a.w1[k] == b.w1[k];
	for (k = 0; k < 3 * 2 * 16; k++)
		same &= a.w2[k] == b.w2[k];
	CHECK(same, "same seed, same weights");
	for (k = 4 * 3 * 16; k < 5 * 3 * 16; k++)
		zero &= a.w1[k] == 0;
	CHECK(zero, "a row no example has is zero");
	/* Networks differ by seed: their mean is not one of them. */
	CHECK(a.w1[0] != a.w1[16], "networks from different seeds");
	cim_ftmlp_free(&a);
	cim_ftmlp_free(&b);
	CHECK(a.w1 == NULL && a.nets == 0, "freed");

	for (k = 0; k < 11; k++) {
		w[k] = (float)k / 3;
		acc1[k] = acc2[k] = 1.5f - (float)k;
	}
	cim_ftmlp_axpy(acc1, w, 0.7f, 11);
	for (k = 0; k < 11; k++)
		acc2[k] += w[k] * 0.7f;
	CHECK(memcmp(acc1, acc2, sizeof(acc1)) == 0, "axpy: the same bits as a plain loop");
	return unit_done();
}
