/*
 * smap.c: string map with linear probing (see smap.h).  Load stays under
 * one half, so probes are short; the hash is FNV-1a, enough for ids.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "smap.h"

uint64_t
cim_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h ^ (h >> 29);
}

uint64_t
cim_hash_fast(const char *s, size_t n)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t h = (uint64_t)n * k, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
	}
	if (n > 0) {
		size_t i;

		/* The tail assembled bytewise: no variable-length copy, and
		 * the same value on either byte order. */
		for (w = 0, i = n; i > 0; i--)
			w = w << 8 | (unsigned char)s[i - 1];
		h = (h ^ w ^ (uint64_t)n << 56) * k;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	return h ^ (h >> 32);
}

static struct cim_smap_ent *
slot(const struct cim_smap *m, const char *key, size_t n, uint64_t h)
{
	size_t i = h & (m->cap - 1);

	for (;; i = (i + 1) & (m->cap - 1)) {
		struct cim_smap_ent *e = &m->t[i];

		if (e->key == NULL || (e->hash == h && e->klen == n &&
		    memcmp(e->key, key, n) == 0))
			return e;
	}
}

struct cim_smap_ent *
cim_smap_get(const struct cim_smap *m, const char *key, size_t n)
{
	struct cim_smap_ent *e;

	if (m->cap == 0)
		return NULL;
	e = slot(m, key, n, cim_hash(key, n));
	return e->key ? e : NULL;
}

static void
grow(struct cim_smap *m)
{
	struct cim_smap old = *m;
	size_t i;

	m->cap = m->cap ? m->cap * 2 : 64;
	m->t = cim_xcalloc(m->cap, sizeof(*m->t));
	for (i = 0; i < old.cap; i++)
		if (old.t[i].key != NULL)
			*slot(m, old.t[i].key, old.t[i].klen, old.t[i].hash) = old.t[i];
	free(old.t);
}

struct cim_smap_ent *
cim_smap_put(struct cim_smap *m, const char *key, size_t n, int *isnew)
{
	uint64_t h = cim_hash(key, n);
	struct cim_smap_ent *e;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	e = slot(m, key, n, h);
	if (isnew)
		*isnew = e->key == NULL;
	if (e->key == NULL) {
		e->key = cim_xmalloc(n + 1);
		memcpy(e->key, key, n);
		e->key[n] = '\0';
		e->klen = n;
		e->hash = h;
		e->val = 0;
		m->n++;
	}
	return e;
}

void
cim_smap_free(struct cim_smap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->t[i].key);
	free(m->t);
	m->t = NULL;
	m->cap = m->n = 0;
}
