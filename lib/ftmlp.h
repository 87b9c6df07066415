/*
 * ftmlp.h: the hidden-layer half of the trained classifier (ftmodel.h).
 * A text's sparse TF-IDF vector x (the rows ftmodel.c gives it) goes
 * through one dense hidden layer, h = relu(W1' x + b1), and a softmax,
 * z = W2 h + b2: the rows of W1 are an embedding of each feature, and
 * the sum of the rows a text has, weighted by x, is passed through a
 * non-linearity the linear model lacks.  Several such networks, from
 * different seeds, are averaged (the mean of their log-probabilities):
 * one alone is weaker than the linear model (0.87 against 0.90 on
 * Banking77) and noisy; their mean, added with a small weight to the
 * linear scores, corrects some of the linear model's errors (ftmodel.c).
 * Training: softmax cross-entropy, dropout of half the hidden units,
 * AdaGrad (Duchi et al. 2011) with one accumulator per row of W1 (as
 * for large embedding tables), deterministic for a seed.
 * Not for: features, the file format (ftmodel.c).
 */
#ifndef CIM_FTMLP_H
#define CIM_FTMLP_H
#include <stddef.h>
#include <stdint.h>

/* A sparse input: rows r[0..n) (each < nrows) with values x. */
struct cim_ftmlp_in {
	const int32_t	*r;
	const float	*x;
	size_t		 n;
};

/* nets networks of hidden units each; a row of W1 holds the row of
 * every network, one after the other (nets x hidden floats), so that a
 * text's rows are read once for all of them. */
struct cim_ftmlp {
	uint32_t	 nrows, nets, hidden;
	int		 nlabels;
	float		*w1;	/* nrows x nets x hidden */
	float		*b1;	/* nets x hidden */
	float		*w2;	/* nets x nlabels x hidden */
	float		*b2;	/* nets x nlabels */
};

/* xorshift64*: small, fast and the same everywhere; *s is the state
 * (not 0).  Shared with ftmodel.c. */
uint64_t cim_ftmlp_rnd(uint64_t *s);
/* y[0..n) += a * w[0..n), vectorized; y and w do not overlap.  Shared
 * with ftmodel.c's linear scores. */
void cim_ftmlp_axpy(float *restrict y, const float *restrict w, float a, size_t n);
/* Allocates p's weights, all zero.  Cannot fail. */
void cim_ftmlp_alloc(struct cim_ftmlp *p, uint32_t nrows, int nlabels,
    uint32_t nets, uint32_t hidden);
/* Allocates and trains p: each network from its own seed (seed, seed +
 * 1000, ...), epochs passes over the examples ex[use[i]] with labels
 * y[use[i]], step lr.  Rows of W1 no example in use[] has are zero (a
 * feature training never saw says nothing).  Cannot fail. */
void cim_ftmlp_train(struct cim_ftmlp *p, uint32_t nrows, int nlabels,
    uint32_t nets, uint32_t hidden, const struct cim_ftmlp_in *ex, const int *y,
    const size_t *use, size_t nuse, int epochs, double lr, uint64_t seed);
/* lp[j] = the mean over the networks of the log-probability of label j
 * for in (no dropout); h is nets x hidden floats and z nlabels doubles
 * of scratch.  Cannot fail. */
void cim_ftmlp_logprob(const struct cim_ftmlp *p, const struct cim_ftmlp_in *in,
    float *h, double *z, double *lp);
void cim_ftmlp_free(struct cim_ftmlp *p);
#endif
