/*
 * smap.h: a map from strings to integers, open addressing, growing as it
 * fills.  Keys are copied.  Not for: ordered iteration (entries come in
 * table order; sort them when output order matters).
 */
#ifndef CIM_SMAP_H
#define CIM_SMAP_H
#include <stddef.h>
#include <stdint.h>

struct cim_smap_ent {
	char		*key;	/* NULL: empty slot */
	size_t		 klen;
	uint64_t	 hash;
	long		 val;
};

struct cim_smap {
	struct cim_smap_ent	*t;
	size_t			 cap, n;
};

uint64_t cim_hash(const char *s, size_t n);
/* Another hash of s[0..n), eight bytes a step: for tables whose order
 * nothing depends on (cim_hash's values order an smap's entries). */
uint64_t cim_hash_fast(const char *s, size_t n);
/* The entry of key, or NULL. */
struct cim_smap_ent *cim_smap_get(const struct cim_smap *m, const char *key, size_t n);
/* The entry of key, created with val 0 when new (*isnew set then). */
struct cim_smap_ent *cim_smap_put(struct cim_smap *m, const char *key, size_t n, int *isnew);
void cim_smap_free(struct cim_smap *m);
#endif
