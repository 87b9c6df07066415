/*
 * qsketch.c: exact-then-bucketed quantiles (see qsketch.h).
 *
 * Bucket i holds values x (seconds) with gamma^(i-1) < x <= gamma^i,
 * gamma = (1 + alpha) / (1 - alpha); its centre 2 gamma^i / (gamma + 1)
 * is within alpha of every value in it.  The index range is fixed (no
 * collapsing), so merging is adding counts and needs no agreement
 * between parts beyond these constants.
 */
#include <math.h>
#include <stdlib.h>

#include "err.h"
#include "qsketch.h"

#define OFFSET	350	/* bucket of 1 ms is -345 */

static double
gamma_(void)
{
	return (1 + CIM_QS_ALPHA) / (1 - CIM_QS_ALPHA);
}

static void
bucket_add(struct cim_qs *q, int64_t ms, uint64_t c)
{
	long i;

	if (ms <= 0) {
		q->zero += c;
		return;
	}
	i = (long)ceil(log((double)ms / 1000.0) / log(gamma_())) + OFFSET;
	if (i < 0)
		i = 0;
	if (i >= CIM_QS_NBUCKET)
		i = CIM_QS_NBUCKET - 1;
	q->bk[i] += c;
}

/* Leaves exact mode: every kept value goes to its bucket. */
static void
to_buckets(struct cim_qs *q)
{
	size_t i;

	q->bk = cim_xcalloc(CIM_QS_NBUCKET, sizeof(*q->bk));
	for (i = 0; i < q->n; i++)
		bucket_add(q, q->v[i], 1);
	free(q->v);
	q->v = NULL;
	q->n = q->cap = 0;
}

void
cim_qs_add(struct cim_qs *q, int64_t ms)
{
	if (ms < 0)
		ms = 0;
	q->count++;
	if (q->bk) {
		bucket_add(q, ms, 1);
		return;
	}
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->v = cim_xrealloc(q->v, q->cap * sizeof(*q->v));
	}
	q->v[q->n++] = ms;
	q->sorted = 0;
	if (q->n > CIM_QS_EXACT)
		to_buckets(q);
}

void
cim_qs_merge(struct cim_qs *dst, const struct cim_qs *src)
{
	size_t i;

	if (src->bk) {
		if (!dst->bk)
			to_buckets(dst);
		for (i = 0; i < CIM_QS_NBUCKET; i++)
			dst->bk[i] += src->bk[i];
		dst->zero += src->zero;
		dst->count += src->count;
		return;
	}
	for (i = 0; i < src->n; i++)
		cim_qs_add(dst, src->v[i]);
}

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Sorts the exact values unless nothing was added since the last sort:
 * a group's p50, p90 and p95 then cost one sort, not three. */
static void
sort_values(struct cim_qs *q)
{
	if (!q->sorted && q->n > 1)
		qsort(q->v, q->n, sizeof(*q->v), cmp64);
	q->sorted = 1;
}

double
cim_qs_quantile(struct cim_qs *q, double p)
{
	double h, lo;
	uint64_t rank, seen;
	size_t i;

	if (q->count == 0)
		return NAN;
	if (!q->bk) {
		sort_values(q);
		h = (double)(q->n - 1) * p;
		i = (size_t)floor(h);
		lo = (double)q->v[i];
		if (i + 1 < q->n)
			lo += (h - (double)i) * (double)(q->v[i + 1] - q->v[i]);
		return lo / 1000.0;
	}
	rank = (uint64_t)floor(p * (double)(q->count - 1));
	if (rank < q->zero)
		return 0;
	seen = q->zero;
	for (i = 0; i < CIM_QS_NBUCKET; i++) {
		seen += q->bk[i];
		if (seen > rank)
			break;
	}
	if (i == CIM_QS_NBUCKET)
		i--;
	return 2 * pow(gamma_(), (double)((long)i - OFFSET)) / (gamma_() + 1);
}

void
cim_qs_dump(struct cim_qs *q, struct cim_buf *out)
{
	size_t i;
	int first = 1;

	if (!q->bk) {
		sort_values(q);
		cim_buf_adds(out, "{\"v\":[");
		for (i = 0; i < q->n; i++)
			cim_buf_printf(out, "%s%lld", i ? "," : "", (long long)q->v[i]);
		cim_buf_adds(out, "]}");
		return;
	}
	cim_buf_printf(out, "{\"z\":%llu,\"b\":[", (unsigned long long)q->zero);
	for (i = 0; i < CIM_QS_NBUCKET; i++) {
		if (q->bk[i] == 0)
			continue;
		cim_buf_printf(out, "%s[%zu,%llu]", first ? "" : ",", i,
		    (unsigned long long)q->bk[i]);
		first = 0;
	}
	cim_buf_adds(out, "]}");
}

/* A non-negative integer number, or -1. */
static double
count_of(jv v)
{
	double d;

	if (jv_get_kind(v) != JV_KIND_NUMBER)
		return -1;
	d = jv_number_value(v);
	return d >= 0 && d == floor(d) && d < 9e15 ? d : -1;
}

int
cim_qs_load(struct cim_qs *q, jv state)
{
	struct cim_qs part = { 0 };
	jv v, b, z;
	int i, n, rc = 0;

	if (jv_get_kind(state) != JV_KIND_OBJECT) {
		jv_free(state);
		return -1;
	}
	v = jv_object_get(jv_copy(state), jv_string("v"));
	b = jv_object_get(jv_copy(state), jv_string("b"));
	z = jv_object_get(jv_copy(state), jv_string("z"));
	if (jv_get_kind(v) == JV_KIND_ARRAY) {
		n = jv_array_length(jv_copy(v));
		for (i = 0; i < n && rc == 0; i++) {
			double d = count_of(jv_array_get(jv_copy(v), i));

			if (d < 0)
				rc = -1;
			else
				cim_qs_add(&part, (int64_t)d);
		}
	} else if (jv_get_kind(b) == JV_KIND_ARRAY && count_of(jv_copy(z)) >= 0) {
		part.bk = cim_xcalloc(CIM_QS_NBUCKET, sizeof(*part.bk));
		part.zero = (uint64_t)count_of(jv_copy(z));
		part.count = part.zero;
		n = jv_array_length(jv_copy(b));
		for (i = 0; i < n && rc == 0; i++) {
			jv e = jv_array_get(jv_copy(b), i);
			double bi = -1, c = -1;

			if (jv_get_kind(e) == JV_KIND_ARRAY && jv_array_length(jv_copy(e)) == 2) {
				bi = count_of(jv_array_get(jv_copy(e), 0));
				c = count_of(jv_array_get(jv_copy(e), 1));
			}
			jv_free(e);
			if (bi < 0 || bi >= CIM_QS_NBUCKET || c < 0) {
				rc = -1;
			} else {
				part.bk[(size_t)bi] += (uint64_t)c;
				part.count += (uint64_t)c;
			}
		}
	} else {
		rc = -1;
	}
	if (rc == 0)
		cim_qs_merge(q, &part);
	cim_qs_free(&part);
	jv_free(v);
	jv_free(b);
	jv_free(z);
	jv_free(state);
	return rc;
}

void
cim_qs_free(struct cim_qs *q)
{
	free(q->v);
	free(q->bk);
	q->v = NULL;
	q->bk = NULL;
	q->n = q->cap = 0;
	q->sorted = 0;
	q->zero = q->count = 0;
}
