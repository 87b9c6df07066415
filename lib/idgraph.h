/*
 * idgraph.h: the identity graph of cim-merge-identity.  Nodes are records
 * (and customers remembered from earlier runs); identifiers (match keys,
 * idkey.h) link the nodes that carry them.  Solving it is union-find over
 * identifiers with two exceptions: generic identifiers, shared by more
 * than max_share otherwise unrelated customers, do not link; and no
 * customer may hold two values of a unique namespace (cpf, crm), so a
 * link that would do it is dropped, the weaker one first.
 *
 * Memory is a few integers per node and per (node, identifier) pair, and
 * one hash entry per identifier.  Not for: reading records, match keys
 * (idkey.h), the state file (idstate.h).
 */
#ifndef CIM_IDGRAPH_H
#define CIM_IDGRAPH_H
#include <stddef.h>
#include <stdint.h>

#include "smap.h"

#define CIM_IDGRAPH_MAXUNIQUE 8

struct cim_ident {
	const char	*key;		/* borrowed from the map */
	uint32_t	 count;		/* nodes carrying it */
	uint32_t	 live;		/* of them, linked (not dropped) */
	uint32_t	 customers;	/* distinct customers, when generic */
	int32_t		 state_node;	/* remembered customer, or -1 */
	int32_t		 base;		/* first node it was attached to, or -1 */
	int8_t		 uniq;		/* unique namespace index, or -1 */
	uint8_t		 generic;	/* 1: not used to link */
	uint8_t		 forced;	/* generic because the state says so */
	uint8_t		 split;		/* some of its links were dropped */
};

/* A link dropped because it would join two values of a unique namespace
 * (a, b: the two identifiers), or two different names (a, b: NONAME). */
struct cim_iddrop {
	uint32_t	 node, ident;
	uint32_t	 a, b;
};
#define CIM_IDGRAPH_NONAME UINT32_MAX
#define CIM_IDGRAPH_NAMES 4	/* name hints kept per customer */

/* Two remembered customers joined: keep survives, gone is retired. */
struct cim_idmerge {
	int64_t		 keep, gone;
	uint32_t	 ident;		/* the identifier that joined them */
	uint32_t	 node;		/* through this node */
};

struct cim_idgraph {
	struct cim_smap		 map;		/* key -> identifier index */
	struct cim_ident	*id;
	uint32_t		 nid, idcap;
	char			*uniq_ns[CIM_IDGRAPH_MAXUNIQUE];
	int			 nuniq;
	int			 names;		/* different names do not link */

	/* nodes and their identifiers, in order (CSR) */
	uint32_t		*nstart;	/* nnodes + 1 */
	uint32_t		*inc;		/* identifier per (node, identifier) */
	uint32_t		 nnodes, ncap;
	size_t			 ninc, inccap;

	/* after cim_idgraph_solve() */
	int32_t			*parent;
	int32_t			*uval;		/* nuniq per node: identifier or -1 */
	int64_t			*label;		/* per node: customer number or 0 */
	uint32_t		*hint;		/* per node: who wrote it, or 0 */
	uint32_t		*nameset;	/* CIM_IDGRAPH_NAMES per node */
	uint32_t		*istart, *inodes; /* nodes per identifier (CSR) */
	struct cim_iddrop	*drop;
	size_t			 ndrop, dropcap;
	struct cim_idmerge	*merge;
	size_t			 nmerge, mergecap;
};

/* unique: namespaces ("cpf", "crm") whose values are unique per customer. */
void cim_idgraph_init(struct cim_idgraph *g, char *const *unique, int nunique);
void cim_idgraph_free(struct cim_idgraph *g);
/* The index of identifier key[0..n), created when new. */
uint32_t cim_idgraph_ident(struct cim_idgraph *g, const char *key, size_t n);
/* Adds a node (labelled with a remembered customer number, or 0; hint:
 * cim_idkey_name_hint() of its name, or 0) and returns its index;
 * cim_idgraph_link() then adds its identifiers. */
uint32_t cim_idgraph_node(struct cim_idgraph *g, int64_t label, uint32_t hint);
/* Gives identifier ident to the last node added (once; repeats ignored). */
void cim_idgraph_link(struct cim_idgraph *g, uint32_t ident);
/* The state: ident belongs to the customer of node (an identifier has
 * at most one), or is generic (node < 0). */
void cim_idgraph_remember(struct cim_idgraph *g, uint32_t ident, int32_t node);
/*
 * Links the nodes.  An identifier on more than max_share nodes is generic
 * when the nodes carrying it fall in more than max_share customers once
 * linked by every non-generic identifier but it (found by iterating to a
 * fixed point).  A node that nothing else links counts as its name hint:
 * twenty calls from one phone by "Ana" are one customer, a store phone
 * typed in for twenty different names is twenty.  Then non-generic identifiers are applied strongest
 * first (most nodes, then first seen); a link that would give a customer
 * two values of one unique namespace is dropped and listed in drop.  So
 * is, when g->names is set, a link between two customers that both have
 * names (hints) and no name in common: the family landline that Betty
 * and Richard both give does not make them one customer.  Identifiers
 * remembered from the state are exempt: that link was made when the
 * names could be seen.
 * When two nodes labelled with different customer numbers join, the
 * smaller (older) survives and the join is listed in merge.
 */
void cim_idgraph_solve(struct cim_idgraph *g, uint32_t max_share);
/* The representative node of node's customer. */
uint32_t cim_idgraph_find(struct cim_idgraph *g, uint32_t node);
/* The dropped link of (node, ident), or NULL. */
const struct cim_iddrop *cim_idgraph_dropped(const struct cim_idgraph *g,
    uint32_t node, uint32_t ident);
#endif
