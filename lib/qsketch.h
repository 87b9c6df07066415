/*
 * qsketch.h: quantiles of non-negative durations that are exact while few
 * and approximate, with a stated error, when many.  A sketch keeps every
 * value (integer milliseconds) up to CIM_QS_EXACT of them; past that it
 * turns into a fixed log-bucket histogram in the manner of DDSketch
 * (Masson, Rim, Lee, VLDB 2019) with relative error CIM_QS_ALPHA: any
 * quantile it returns is within 1% of a value of the data at that rank.
 * Two sketches merge into what one sketch over both inputs would hold,
 * bucket for bucket, in any order: that is what makes aggregation in
 * parts (cim-metrics --partial/--merge) give the same answers as one run.
 * Not for: negative values, means and sums (keep those as integers).
 */
#ifndef CIM_QSKETCH_H
#define CIM_QSKETCH_H
#include <stddef.h>
#include <stdint.h>

#include <jv.h>

#include "buf.h"

#define CIM_QS_EXACT	16384	/* values kept exactly: 128 KiB per sketch */
#define CIM_QS_ALPHA	0.01	/* relative error of the bucket sketch */
#define CIM_QS_NBUCKET	1400	/* 1 ms to ~30 years at 1% */

struct cim_qs {
	int64_t		*v;	/* exact values (ms) while bk == NULL */
	size_t		 n, cap;
	int		 sorted;	/* v is in order (each quantile asked sorts once) */
	uint64_t	*bk;	/* bucket counts once past CIM_QS_EXACT */
	uint64_t	 zero;	/* values below 1 ms, in bucket mode */
	uint64_t	 count;	/* all values added */
};

/* Adds ms (negative is taken as 0).  Cannot fail. */
void cim_qs_add(struct cim_qs *q, int64_t ms);
/* Adds everything in src to dst; src is unchanged. */
void cim_qs_merge(struct cim_qs *dst, const struct cim_qs *src);
/*
 * The p-quantile (0 <= p <= 1) in seconds; NAN when empty.  Exact mode
 * interpolates linearly between the two nearest ranks (R type 7, numpy's
 * default, DuckDB's quantile_cont); bucket mode returns the bucket's
 * centre for rank p*(count-1), within CIM_QS_ALPHA of the true value.
 * Sorts the exact values in place (not const).
 */
double cim_qs_quantile(struct cim_qs *q, double p);
/* 1 when the sketch has left exact mode. */
static inline int cim_qs_approx(const struct cim_qs *q) { return q->bk != NULL; }
/*
 * Appends the state as JSON: {"v":[ms,...]} or {"z":zero,"b":[[i,c],...]}
 * (buckets with a count only), sorted, so equal states dump equal.
 * cim_qs_load adds such a state (consumed) to q; -1 when it is malformed.
 */
void cim_qs_dump(struct cim_qs *q, struct cim_buf *out);
int cim_qs_load(struct cim_qs *q, jv state);
void cim_qs_free(struct cim_qs *q);
#endif
