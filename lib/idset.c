/*
 * idset.c: exact string set over an arena (see idset.h).  Linear probing
 * at a load under one half; a slot keeps 24 bits of the hash, so a probe
 * reads a key only when those match (one time in 16 million otherwise).
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "idset.h"
#include "smap.h"

#define TAG_BITS	24
#define TAG_MASK	((UINT64_C(1) << TAG_BITS) - 1)

static int
same(const struct cim_idset *set, uint64_t slot, const char *s, size_t n)
{
	const char *k = set->keys.p + (slot >> TAG_BITS) - 1;
	uint32_t len;

	memcpy(&len, k, sizeof(len));
	return len == n && memcmp(k + sizeof(len), s, n) == 0;
}

/* The slot of s (with hash h): where it is, or the empty one it goes to. */
static size_t
find(const struct cim_idset *set, const char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)(h >> TAG_BITS) & (set->cap - 1);

	for (;; i = (i + 1) & (set->cap - 1)) {
		uint64_t x = set->t[i];

		if (x == 0 || ((x & TAG_MASK) == (h & TAG_MASK) && same(set, x, s, n)))
			return i;
	}
}

static void
grow(struct cim_idset *set)
{
	uint64_t *old = set->t;
	size_t ocap = set->cap, i;

	set->cap = ocap ? ocap * 2 : 1024;
	set->t = cim_xcalloc(set->cap, sizeof(*set->t));
	for (i = 0; i < ocap; i++)
		if (old[i] != 0) {
			const char *k = set->keys.p + (old[i] >> TAG_BITS) - 1;
			uint32_t len;
			size_t j;

			memcpy(&len, k, sizeof(len));
			/* the hash again: the slot keeps only part of it */
			j = (size_t)(cim_hash_fast(k + sizeof(len), len) >> TAG_BITS) & (set->cap - 1);
			while (set->t[j] != 0)
				j = (j + 1) & (set->cap - 1);
			set->t[j] = old[i];
		}
	free(old);
}

int
cim_idset_add(struct cim_idset *set, const char *s, size_t n)
{
	uint64_t h = cim_hash_fast(s, n), off;
	uint32_t len = (uint32_t)n;
	size_t i;

	if ((uint64_t)n > UINT32_MAX || set->keys.len >= (UINT64_C(1) << (64 - TAG_BITS)) - 1)
		cim_die(1, "out of memory: %zu ids", set->n);
	if ((set->n + 1) * 2 > set->cap)
		grow(set);
	i = find(set, s, n, h);
	if (set->t[i] != 0)
		return 0;
	off = set->keys.len + 1;
	cim_buf_add(&set->keys, &len, sizeof(len));
	cim_buf_add(&set->keys, s, n);
	set->t[i] = off << TAG_BITS | (h & TAG_MASK);
	set->n++;
	return 1;
}

void
cim_idset_free(struct cim_idset *set)
{
	free(set->t);
	cim_buf_free(&set->keys);
	memset(set, 0, sizeof(*set));
}
