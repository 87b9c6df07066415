/*
 * u64set.c: hash set of 64-bit values (see u64set.h).  The values are
 * hashes already, so the slot is the value's low bits after a mix.
 */
#include <stdlib.h>

#include "err.h"
#include "u64set.h"

static size_t
slot_of(uint64_t h, size_t cap)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)h & (cap - 1);
}

static void
insert(uint64_t *t, size_t cap, uint64_t h)
{
	size_t i = slot_of(h, cap);

	while (t[i] != 0 && t[i] != h)
		i = (i + 1) & (cap - 1);
	t[i] = h;
}

int
cim_u64set_add(struct cim_u64set *s, uint64_t h)
{
	size_t i;

	if (h == 0) {
		if (s->has0)
			return 0;
		return s->has0 = 1;
	}
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16, k;
		uint64_t *t = cim_xcalloc(cap, sizeof(*t));

		for (k = 0; k < s->cap; k++)
			if (s->t[k])
				insert(t, cap, s->t[k]);
		free(s->t);
		s->t = t;
		s->cap = cap;
	}
	i = slot_of(h, s->cap);
	while (s->t[i] != 0) {
		if (s->t[i] == h)
			return 0;
		i = (i + 1) & (s->cap - 1);
	}
	s->t[i] = h;
	s->n++;
	return 1;
}

static int
cmpu(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

uint64_t *
cim_u64set_sorted(const struct cim_u64set *s, size_t *n)
{
	uint64_t *v = cim_xmalloc((cim_u64set_count(s) + 1) * sizeof(*v));
	size_t k, m = 0;

	if (s->has0)
		v[m++] = 0;
	for (k = 0; k < s->cap; k++)
		if (s->t[k])
			v[m++] = s->t[k];
	qsort(v, m, sizeof(*v), cmpu);
	*n = m;
	return v;
}

void
cim_u64set_free(struct cim_u64set *s)
{
	free(s->t);
	s->t = NULL;
	s->cap = s->n = 0;
	s->has0 = 0;
}
