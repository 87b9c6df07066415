/*
 * idset.h: a set of strings (record ids), exact, for a whole run: the keys
 * live in one growing arena and the table holds 8 bytes a slot, so a
 * million ids cost about 24 MB and no allocation each.  cim-ingest checks
 * that no two records it writes share an id with it.
 * Not for: values kept with the keys, or removing keys (smap.h).
 */
#ifndef CIM_IDSET_H
#define CIM_IDSET_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct cim_idset {
	uint64_t	*t;	/* 0 empty, else the key's offset + 1 << 24 | hash bits */
	size_t		 cap, n;
	struct cim_buf	 keys;	/* each key: its length (4 bytes), its bytes */
};

/* Adds key s[0..n): 1 when it was new, 0 when it was there.  Cannot fail
 * (allocation failure exits); keys over 4 GB are not supported. */
int cim_idset_add(struct cim_idset *set, const char *s, size_t n);
void cim_idset_free(struct cim_idset *set);
#endif
