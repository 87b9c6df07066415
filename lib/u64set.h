/*
 * u64set.h: a set of 64-bit hashes (open addressing), for exact distinct
 * counts that merge by union: cim-metrics counts distinct customers per
 * group with it.  Two different keys share a hash with probability about
 * n^2 / 2^65, which is nothing at the sizes cim handles.
 * Not for: keeping the keys themselves.
 */
#ifndef CIM_U64SET_H
#define CIM_U64SET_H
#include <stddef.h>
#include <stdint.h>

struct cim_u64set {
	uint64_t	*t;	/* 0 marks an empty slot; the value 0 is kept apart */
	size_t		 cap, n;
	int		 has0;
};

/* Adds h; 1 when it was new, else 0.  Cannot fail. */
int cim_u64set_add(struct cim_u64set *s, uint64_t h);
/* Members in ascending order in a new array (caller frees); count in *n. */
uint64_t *cim_u64set_sorted(const struct cim_u64set *s, size_t *n);
static inline size_t cim_u64set_count(const struct cim_u64set *s) { return s->n + (size_t)s->has0; }
void cim_u64set_free(struct cim_u64set *s);
#endif
