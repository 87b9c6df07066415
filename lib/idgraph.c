/*
 * idgraph.c: linking records through shared identifiers (see idgraph.h).
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "idgraph.h"

void
cim_idgraph_init(struct cim_idgraph *g, char *const *unique, int nunique)
{
	int i;

	memset(g, 0, sizeof(*g));
	if (nunique > CIM_IDGRAPH_MAXUNIQUE)
		nunique = CIM_IDGRAPH_MAXUNIQUE;
	for (i = 0; i < nunique; i++)
		g->uniq_ns[i] = cim_xstrdup(unique[i]);
	g->nuniq = nunique;
	g->nstart = cim_xmalloc(sizeof(*g->nstart));
	g->nstart[0] = 0;
}

void
cim_idgraph_free(struct cim_idgraph *g)
{
	int i;

	for (i = 0; i < g->nuniq; i++)
		free(g->uniq_ns[i]);
	cim_smap_free(&g->map);
	free(g->id);
	free(g->nstart);
	free(g->inc);
	free(g->parent);
	free(g->uval);
	free(g->label);
	free(g->hint);
	free(g->nameset);
	free(g->istart);
	free(g->inodes);
	free(g->drop);
	free(g->merge);
	memset(g, 0, sizeof(*g));
}

/* The unique namespace of key ("cpf:..." -> index of "cpf"), or -1. */
static int
uniq_of(const struct cim_idgraph *g, const char *key, size_t n)
{
	const char *colon = memchr(key, ':', n);
	int i;

	if (colon == NULL)
		return -1;
	for (i = 0; i < g->nuniq; i++)
		if (strlen(g->uniq_ns[i]) == (size_t)(colon - key) &&
		    memcmp(g->uniq_ns[i], key, (size_t)(colon - key)) == 0)
			return i;
	return -1;
}

uint32_t
cim_idgraph_ident(struct cim_idgraph *g, const char *key, size_t n)
{
	int isnew;
	struct cim_smap_ent *e = cim_smap_put(&g->map, key, n, &isnew);
	struct cim_ident *d;

	if (!isnew)
		return (uint32_t)e->val;
	if (g->nid == g->idcap) {
		g->idcap = g->idcap ? g->idcap * 2 : 1024;
		g->id = cim_xrealloc(g->id, g->idcap * sizeof(*g->id));
	}
	e->val = g->nid;
	d = &g->id[g->nid];
	memset(d, 0, sizeof(*d));
	d->key = e->key;	/* smap keys stay put when the table grows */
	d->state_node = -1;
	d->base = -1;
	d->uniq = (int8_t)uniq_of(g, key, n);
	return g->nid++;
}

uint32_t
cim_idgraph_node(struct cim_idgraph *g, int64_t label, uint32_t hint)
{
	if (g->nnodes + 1 >= g->ncap) {
		g->ncap = g->ncap ? g->ncap * 2 : 1024;
		g->nstart = cim_xrealloc(g->nstart, (g->ncap + 1) * sizeof(*g->nstart));
		g->label = cim_xrealloc(g->label, g->ncap * sizeof(*g->label));
		g->hint = cim_xrealloc(g->hint, g->ncap * sizeof(*g->hint));
	}
	g->label[g->nnodes] = label;
	g->hint[g->nnodes] = hint;
	g->nstart[g->nnodes + 1] = (uint32_t)g->ninc;
	return g->nnodes++;
}

void
cim_idgraph_link(struct cim_idgraph *g, uint32_t ident)
{
	size_t i;

	for (i = g->nstart[g->nnodes - 1]; i < g->ninc; i++)
		if (g->inc[i] == ident)
			return;
	if (g->ninc == g->inccap) {
		g->inccap = g->inccap ? g->inccap * 2 : 4096;
		g->inc = cim_xrealloc(g->inc, g->inccap * sizeof(*g->inc));
	}
	g->inc[g->ninc++] = ident;
	g->nstart[g->nnodes] = (uint32_t)g->ninc;
	g->id[ident].count++;
}

void
cim_idgraph_remember(struct cim_idgraph *g, uint32_t ident, int32_t node)
{
	struct cim_ident *d = &g->id[ident];

	if (node < 0) {
		d->generic = d->forced = 1;
	} else if (d->state_node < 0) {
		d->state_node = node;
		d->count++;
	}
}

uint32_t
cim_idgraph_find(struct cim_idgraph *g, uint32_t node)
{
	uint32_t r = node, next;

	while ((uint32_t)g->parent[r] != r)
		r = (uint32_t)g->parent[r];
	while ((uint32_t)g->parent[node] != r) {	/* path compression */
		next = (uint32_t)g->parent[node];
		g->parent[node] = (int32_t)r;
		node = next;
	}
	return r;
}

/* Joins two roots; the one with the smaller index stays root, so the
 * result does not depend on the order of joins. */
static uint32_t
join(struct cim_idgraph *g, uint32_t a, uint32_t b)
{
	uint32_t t;
	int k;

	if (b < a) {
		t = a;
		a = b;
		b = t;
	}
	g->parent[b] = (int32_t)a;
	if (g->nameset != NULL) {
		uint32_t *na = &g->nameset[(size_t)a * CIM_IDGRAPH_NAMES];
		uint32_t *nb = &g->nameset[(size_t)b * CIM_IDGRAPH_NAMES];
		int i, j;

		for (j = 0; j < CIM_IDGRAPH_NAMES && nb[j]; j++) {
			for (i = 0; i < CIM_IDGRAPH_NAMES && na[i] && na[i] != nb[j]; i++)
				;
			if (i < CIM_IDGRAPH_NAMES && na[i] == 0)
				na[i] = nb[j];
		}
	}
	for (k = 0; k < g->nuniq; k++)
		if (g->uval[(size_t)a * g->nuniq + k] < 0)
			g->uval[(size_t)a * g->nuniq + k] = g->uval[(size_t)b * g->nuniq + k];
	return a;
}

/* Builds the nodes of each identifier: the remembered customer first,
 * then the records in order. */
static void
invert(struct cim_idgraph *g)
{
	uint32_t i, n, *fill;
	size_t k;

	g->istart = cim_xcalloc((size_t)g->nid + 1, sizeof(*g->istart));
	for (i = 0; i < g->nid; i++)
		g->istart[i + 1] = g->istart[i] + g->id[i].count;
	g->inodes = cim_xmalloc(((size_t)g->istart[g->nid] + 1) * sizeof(*g->inodes));
	fill = cim_xmalloc(((size_t)g->nid + 1) * sizeof(*fill));
	for (i = 0; i < g->nid; i++) {
		fill[i] = g->istart[i];
		if (g->id[i].state_node >= 0)
			g->inodes[fill[i]++] = (uint32_t)g->id[i].state_node;
	}
	for (n = 0; n < g->nnodes; n++)
		for (k = g->nstart[n]; k < g->nstart[n + 1]; k++)
			g->inodes[fill[g->inc[k]]++] = n;
	free(fill);
}

static void
reset(struct cim_idgraph *g)
{
	uint32_t n;

	for (n = 0; n < g->nnodes; n++)
		g->parent[n] = (int32_t)n;
}

/* Joins every node of identifier i, ignoring conflicts (for counting);
 * size holds the nodes per root. */
static void
join_all(struct cim_idgraph *g, uint32_t i, uint32_t *size)
{
	uint32_t k, a, b, n;

	if (g->istart[i + 1] - g->istart[i] < 2)
		return;
	a = cim_idgraph_find(g, g->inodes[g->istart[i]]);
	for (k = g->istart[i] + 1; k < g->istart[i + 1]; k++) {
		b = cim_idgraph_find(g, g->inodes[k]);
		if (a != b) {
			n = size[a] + size[b];
			a = join(g, a, b);
			size[a] = n;
		}
	}
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Distinct customers among the nodes of identifier i: the customers that
 * other identifiers already linked its nodes into, plus the distinct name
 * hints of the nodes nothing else linked (see idgraph.h).  *mark is a
 * fresh stamp value per call; names is scratch room for the node count
 * of i; size holds the nodes per root.
 */
static uint32_t
distinct(struct cim_idgraph *g, uint32_t i, uint32_t *stamp, uint32_t *mark,
    uint32_t *names, const uint32_t *size)
{
	uint32_t k, r, n = 0, nn = 0, node;

	++*mark;
	for (k = g->istart[i]; k < g->istart[i + 1]; k++) {
		node = g->inodes[k];
		r = cim_idgraph_find(g, node);
		if (size[r] == 1 && g->label[node] == 0) {
			names[nn++] = g->hint[node];
			continue;
		}
		if (stamp[r] != *mark) {
			stamp[r] = *mark;
			n++;
		}
	}
	qsort(names, nn, sizeof(*names), u32_cmp);
	for (k = 0; k < nn; k++)
		if (k == 0 || names[k] != names[k - 1])
			n++;
	return n;
}

/*
 * Generic identifiers.  Only those on more than max_share nodes can be;
 * the others link first.  A candidate whose nodes then fall in at most
 * max_share customers is not generic and links too, which can bring
 * other candidates under the limit: repeat until nothing changes.
 * Linking only merges customers, so the result is the same in any order.
 */
static void
find_generic(struct cim_idgraph *g, uint32_t max_share)
{
	uint32_t i, *cand, ncand = 0, *stamp, k, changed, mark = 0, *names, most = 0;
	uint32_t *size;

	cand = cim_xmalloc(((size_t)g->nid + 1) * sizeof(*cand));
	for (i = 0; i < g->nid; i++)
		if (g->id[i].count > most)
			most = g->id[i].count;
	names = cim_xmalloc(((size_t)most + 1) * sizeof(*names));
	size = cim_xmalloc(((size_t)g->nnodes + 1) * sizeof(*size));
	for (i = 0; i < g->nnodes; i++)
		size[i] = 1;
	stamp = cim_xcalloc((size_t)g->nnodes + 1, sizeof(*stamp));
	reset(g);
	for (i = 0; i < g->nid; i++) {
		if (g->id[i].forced)
			continue;
		if (g->id[i].count > max_share)
			cand[ncand++] = i;
		else
			join_all(g, i, size);
	}
	do {
		changed = 0;
		for (k = 0; k < ncand; k++) {
			i = cand[k];
			g->id[i].customers = distinct(g, i, stamp, &mark, names, size);
			if (g->id[i].customers <= max_share) {
				join_all(g, i, size);
				cand[k--] = cand[--ncand];
				changed = 1;
			}
		}
	} while (changed);
	for (k = 0; k < ncand; k++)
		g->id[cand[k]].generic = 1;
	free(cand);
	free(stamp);
	free(names);
	free(size);
}

/* qsort has no context argument in C11; the table is passed here. */
static const struct cim_ident *sort_ids;

/* Strongest identifiers first: most nodes, then first seen. */
static int
by_strength(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	if (sort_ids[x].count != sort_ids[y].count)
		return sort_ids[x].count > sort_ids[y].count ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void
add_drop(struct cim_idgraph *g, uint32_t node, uint32_t ident, uint32_t a, uint32_t b)
{
	if (g->ndrop == g->dropcap) {
		g->dropcap = g->dropcap ? g->dropcap * 2 : 16;
		g->drop = cim_xrealloc(g->drop, g->dropcap * sizeof(*g->drop));
	}
	g->drop[g->ndrop++] = (struct cim_iddrop){ node, ident, a, b };
	g->id[ident].split = 1;
}

/* The first unique namespace where roots a and b hold different values:
 * 1 with the two values; or, when names is set, 1 when both have names
 * and none in common; else 0. */
static int
conflict(const struct cim_idgraph *g, uint32_t a, uint32_t b, int names,
    uint32_t *va, uint32_t *vb)
{
	int k;

	for (k = 0; k < g->nuniq; k++) {
		int32_t x = g->uval[(size_t)a * g->nuniq + k];
		int32_t y = g->uval[(size_t)b * g->nuniq + k];

		if (x >= 0 && y >= 0 && x != y) {
			*va = (uint32_t)x;
			*vb = (uint32_t)y;
			return 1;
		}
	}
	if (names && g->nameset != NULL) {
		const uint32_t *na = &g->nameset[(size_t)a * CIM_IDGRAPH_NAMES];
		const uint32_t *nb = &g->nameset[(size_t)b * CIM_IDGRAPH_NAMES];
		int i, j;

		if (na[0] == 0 || nb[0] == 0)
			return 0;
		for (i = 0; i < CIM_IDGRAPH_NAMES && na[i]; i++)
			for (j = 0; j < CIM_IDGRAPH_NAMES && nb[j]; j++)
				if (na[i] == nb[j])
					return 0;
		*va = *vb = CIM_IDGRAPH_NONAME;
		return 1;
	}
	return 0;
}

static void
add_merge(struct cim_idgraph *g, int64_t keep, int64_t gone, uint32_t ident, uint32_t node)
{
	if (g->nmerge == g->mergecap) {
		g->mergecap = g->mergecap ? g->mergecap * 2 : 16;
		g->merge = cim_xrealloc(g->merge, g->mergecap * sizeof(*g->merge));
	}
	g->merge[g->nmerge++] = (struct cim_idmerge){ keep, gone, ident, node };
}

/* Joins roots a and b for identifier i through node; the new root. */
static uint32_t
link(struct cim_idgraph *g, uint32_t a, uint32_t b, uint32_t i, uint32_t node)
{
	if (g->label[a] && g->label[b] && g->label[a] != g->label[b]) {
		int64_t keep = g->label[a] < g->label[b] ? g->label[a] : g->label[b];
		int64_t gone = g->label[a] < g->label[b] ? g->label[b] : g->label[a];

		add_merge(g, keep, gone, i, node);
		g->label[a] = g->label[b] = keep;
	} else if (g->label[b]) {
		g->label[a] = g->label[b];
	} else {
		g->label[b] = g->label[a];
	}
	return join(g, a, b);
}

/* Groups an identifier may split into when its nodes conflict. */
#define GROUPS 8

/*
 * Applies identifier i: joins its nodes into the customer of the first
 * (its base).  A node that would bring a conflict joins instead the first
 * other group of i's nodes it can (the family landline: Betty's records
 * in one customer, Richard's in another), and its link to the base
 * customer is listed as dropped.
 */
static void
apply(struct cim_idgraph *g, uint32_t i)
{
	struct cim_ident *d = &g->id[i];
	uint32_t k, node, b, va = 0, vb = 0, grp[GROUPS], ngrp = 0, j, x, y;
	int u = d->uniq, names = d->state_node < 0;

	for (k = g->istart[i]; k < g->istart[i + 1]; k++) {
		node = g->inodes[k];
		b = cim_idgraph_find(g, node);
		/* A unique value not attached here lost to the node's own. */
		if (u >= 0 && g->uval[(size_t)b * g->nuniq + u] != (int32_t)i)
			continue;
		for (j = 0; j < ngrp; j++) {
			uint32_t a = cim_idgraph_find(g, grp[j]);

			if (a == b)
				break;
			/* Remembered identifiers were linked in an earlier run,
			 * where the names were seen: names do not undo them. */
			if (j > 0 ? !conflict(g, a, b, names, &x, &y) :
			    !conflict(g, a, b, names, &va, &vb)) {
				link(g, a, b, i, node);
				break;
			}
		}
		if (j == ngrp && ngrp < GROUPS)
			grp[ngrp++] = node;
		if (j == 0) {
			if (d->base < 0)
				d->base = (int32_t)node;
			d->live++;
		} else {
			add_drop(g, node, i, va, vb);
		}
	}
}

/* Every node holds its own unique values before anything links: a
 * record's own crm is stronger evidence than any link that would bring
 * it another.  A second value of one namespace on one node is dropped. */
static void
attach_unique(struct cim_idgraph *g)
{
	uint32_t n, i;
	size_t k;

	for (i = 0; i < g->nid; i++)
		if (g->id[i].uniq >= 0 && !g->id[i].generic && g->id[i].state_node >= 0)
			g->uval[(size_t)g->id[i].state_node * g->nuniq + g->id[i].uniq] = (int32_t)i;
	for (n = 0; n < g->nnodes; n++)
		for (k = g->nstart[n]; k < g->nstart[n + 1]; k++) {
			const struct cim_ident *d = &g->id[g->inc[k]];
			int32_t *slot;

			if (d->uniq < 0 || d->generic)
				continue;
			slot = &g->uval[(size_t)n * g->nuniq + d->uniq];
			if (*slot < 0)
				*slot = (int32_t)g->inc[k];
			else if (*slot != (int32_t)g->inc[k])
				add_drop(g, n, g->inc[k], (uint32_t)*slot, g->inc[k]);
		}
}

static int
drop_cmp(const void *a, const void *b)
{
	const struct cim_iddrop *x = a, *y = b;

	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;
	return x->ident < y->ident ? -1 : x->ident > y->ident;
}

void
cim_idgraph_solve(struct cim_idgraph *g, uint32_t max_share)
{
	uint32_t i, *order, n = 0;
	size_t k;

	g->parent = cim_xmalloc(((size_t)g->nnodes + 1) * sizeof(*g->parent));
	g->uval = cim_xmalloc(((size_t)g->nnodes * g->nuniq + 1) * sizeof(*g->uval));
	invert(g);
	for (k = 0; k < (size_t)g->nnodes * g->nuniq; k++)
		g->uval[k] = -1;
	find_generic(g, max_share);
	for (k = 0; k < (size_t)g->nnodes * g->nuniq; k++)
		g->uval[k] = -1;	/* the counting pass joined without checks */
	reset(g);
	if (g->names) {
		g->nameset = cim_xcalloc((size_t)g->nnodes * CIM_IDGRAPH_NAMES + 1,
		    sizeof(*g->nameset));
		for (k = 0; k < g->nnodes; k++)
			g->nameset[k * CIM_IDGRAPH_NAMES] = g->hint[k];
	}

	order = cim_xmalloc(((size_t)g->nid + 1) * sizeof(*order));
	for (i = 0; i < g->nid; i++)
		if (!g->id[i].generic)
			order[n++] = i;
	sort_ids = g->id;
	qsort(order, n, sizeof(*order), by_strength);
	attach_unique(g);
	for (i = 0; i < n; i++)
		apply(g, order[i]);
	free(order);
	if (g->ndrop > 0)
		qsort(g->drop, g->ndrop, sizeof(*g->drop), drop_cmp);
}

const struct cim_iddrop *
cim_idgraph_dropped(const struct cim_idgraph *g, uint32_t node, uint32_t ident)
{
	struct cim_iddrop key = { node, ident, 0, 0 };

	if (g->ndrop == 0)
		return NULL;
	return bsearch(&key, g->drop, g->ndrop, sizeof(*g->drop), drop_cmp);
}
