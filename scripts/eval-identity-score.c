/*
 * eval-identity-score: scores cim-merge-identity output against the truth
 * of scripts/gencorpus, for scripts/eval-identity only.
 *
 *	eval-identity-score people.ndjson merged.ndjson
 *
 * merged.ndjson is cim-merge-identity's output over a gencorpus -f ndjson
 * corpus (each record has attrs.person); people.ndjson is gencorpus -f
 * people for the same seed and size.  Pairwise scores:
 *
 *   precision  of the pairs of records given one customer_id, the share
 *              that belong to one person;
 *   recall     of the pairs of records of one person that share a true
 *              identifier (transitively, through the person's own e-mails,
 *              phones and ids; not the shared or mistyped ones), the share
 *              given one customer_id.
 *
 * Then the worst false merges: the customers with the most pairs of
 * different people, and the identifiers that joined those people.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "idkey.h"
#include "lines.h"
#include "rec.h"
#include "smap.h"

struct rec {
	uint32_t	 cust, person, comp;
};

static struct rec *recs;
static size_t nrec;
static struct cim_smap persons, custs, own, firstrec;
static uint32_t *parent;

static uint32_t
find(uint32_t x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

static uint32_t
intern(struct cim_smap *m, const char *s, size_t n)
{
	int isnew;
	struct cim_smap_ent *e = cim_smap_put(m, s, n, &isnew);

	if (isnew)
		e->val = (long)m->n - 1;
	return (uint32_t)e->val;
}

static void
own_key(const char *key, int n, uint32_t person)
{
	int isnew;

	if (n > 0)
		cim_smap_put(&own, key, (size_t)n, &isnew)->val = (long)person + 1;
}

static const char *
str(jv v)
{
	return jv_get_kind(v) == JV_KIND_STRING ? jv_string_value(v) : NULL;
}

static void
read_people(const char *path)
{
	struct cim_lines *l = cim_lines_open(path);
	struct cim_rec r = { 0 };
	char *line, key[CIM_IDKEY_MAX];
	size_t len, at;
	const char *why;

	if (l == NULL)
		exit(1);
	while (cim_lines_next(l, &line, &len) == 1) {
		jv p, e, ph, ids;
		uint32_t pi;

		if (cim_rec_parse(&r, line, len, &why, &at) < 0)
			cim_die(1, "%s:%ld: %s", path, l->lineno, why);
		p = cim_rec_get(&r, "person");
		pi = intern(&persons, str(p), strlen(str(p)));
		jv_free(p);
		e = cim_rec_get(&r, "emails");
		jv_array_foreach(e, i, v) {
			(void)i;
			own_key(key, cim_idkey_email(str(v), strlen(str(v)), key, sizeof(key)), pi);
			jv_free(v);
		}
		jv_free(e);
		ph = cim_rec_get(&r, "phones");
		jv_array_foreach(ph, i, v) {
			(void)i;
			own_key(key, cim_idkey_phone(str(v), strlen(str(v)), "BR", key, sizeof(key)), pi);
			jv_free(v);
		}
		jv_free(ph);
		ids = cim_rec_get(&r, "ids");
		if (jv_get_kind(ids) == JV_KIND_OBJECT) {
			jv_object_foreach(ids, k, v) {
				own_key(key, cim_idkey_ns(str(k), strlen(str(k)), str(v),
				    strlen(str(v)), "BR", key, sizeof(key)), pi);
				jv_free(k);
				jv_free(v);
			}
		}
		jv_free(ids);
	}
	cim_lines_close(l);
	cim_rec_free(&r);
}

/* Joins record ri with the first record carrying key when key is the
 * person's own. */
static void
true_link(size_t ri, const char *key, int n, uint32_t person)
{
	struct cim_smap_ent *e;
	int isnew;

	if (n <= 0 || (e = cim_smap_get(&own, key, (size_t)n)) == NULL ||
	    (uint32_t)e->val != person + 1)
		return;
	e = cim_smap_put(&firstrec, key, (size_t)n, &isnew);
	if (isnew)
		e->val = (long)ri;
	else
		parent[find((uint32_t)ri)] = find((uint32_t)e->val);
}

static void
read_merged(const char *path)
{
	struct cim_lines *l = cim_lines_open(path);
	struct cim_rec r = { 0 };
	char *line, key[CIM_IDKEY_MAX];
	size_t len, at, cap = 0;
	const char *why;

	if (l == NULL)
		exit(1);
	while (cim_lines_next(l, &line, &len) == 1) {
		jv attrs, p, c, cu, ids, em, ph;
		uint32_t pi;
		const char *s;

		if (cim_rec_parse(&r, line, len, &why, &at) < 0)
			cim_die(1, "%s:%ld: %s", path, l->lineno, why);
		if (nrec == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			recs = cim_xrealloc(recs, cap * sizeof(*recs));
			parent = cim_xrealloc(parent, cap * sizeof(*parent));
		}
		attrs = cim_rec_get(&r, "attrs");
		p = jv_object_get(attrs, jv_string("person"));
		c = cim_rec_get(&r, "customer_id");
		if (str(p) == NULL || str(c) == NULL)
			cim_die(1, "%s:%ld: no attrs.person or customer_id", path, l->lineno);
		pi = intern(&persons, str(p), strlen(str(p)));
		recs[nrec].person = pi;
		recs[nrec].cust = intern(&custs, str(c), strlen(str(c)));
		parent[nrec] = (uint32_t)nrec;
		jv_free(p);
		jv_free(c);
		cu = cim_rec_get(&r, "customer");
		em = jv_object_get(jv_copy(cu), jv_string("email"));
		ph = jv_object_get(jv_copy(cu), jv_string("phone"));
		if ((s = str(em)) != NULL)
			true_link(nrec, key, cim_idkey_email(s, strlen(s), key, sizeof(key)), pi);
		if ((s = str(ph)) != NULL)
			true_link(nrec, key, cim_idkey_phone(s, strlen(s), "BR", key, sizeof(key)), pi);
		jv_free(em);
		jv_free(ph);
		ids = jv_object_get(cu, jv_string("ids"));
		if (jv_get_kind(ids) == JV_KIND_OBJECT) {
			jv_object_foreach(ids, k, v) {
				if (str(v) != NULL)
					true_link(nrec, key, cim_idkey_ns(str(k), strlen(str(k)),
					    str(v), strlen(str(v)), "BR", key, sizeof(key)), pi);
				jv_free(k);
				jv_free(v);
			}
		}
		jv_free(ids);
		nrec++;
	}
	cim_lines_close(l);
	cim_rec_free(&r);
}

static int
by_cust_person(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	if (x->cust != y->cust)
		return x->cust < y->cust ? -1 : 1;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->comp < y->comp ? -1 : x->comp > y->comp;
}

static int
by_person_comp(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->comp < y->comp ? -1 : x->comp > y->comp;
}

static double
pairs(double n)
{
	return n * (n - 1) / 2;
}

struct bad {
	uint32_t	 cust, size, people;
	double		 wrong;
};

static int
by_wrong(const void *a, const void *b)
{
	const struct bad *x = a, *y = b;

	if (x->wrong != y->wrong)
		return x->wrong > y->wrong ? -1 : 1;
	return x->cust < y->cust ? -1 : x->cust > y->cust;
}

static const char *
cust_name(uint32_t c)
{
	size_t k;

	for (k = 0; k < custs.cap; k++)
		if (custs.t[k].key && (uint32_t)custs.t[k].val == c)
			return custs.t[k].key;
	return "?";
}

int
main(int argc, char **argv)
{
	double P = 0, TPp = 0, T = 0, R = 0;
	size_t i, j, k, nbad = 0;
	struct bad *bad;

	cim_setprog(argv[0]);
	if (argc != 3)
		cim_die(2, "usage: eval-identity-score people.ndjson merged.ndjson");
	read_people(argv[1]);
	read_merged(argv[2]);
	for (i = 0; i < nrec; i++)
		recs[i].comp = find((uint32_t)i);

	/* Predicted pairs, and those of one person; one person and one true
	 * component within a customer. */
	bad = cim_xcalloc(nrec + 1, sizeof(*bad));
	qsort(recs, nrec, sizeof(*recs), by_cust_person);
	for (i = 0; i < nrec; i = j) {
		double same = 0;
		uint32_t people = 0;

		for (j = i; j < nrec && recs[j].cust == recs[i].cust; j++)
			;
		P += pairs((double)(j - i));
		for (k = i; k < j;) {
			size_t m = k, q;

			while (m < j && recs[m].person == recs[k].person)
				m++;
			same += pairs((double)(m - k));
			people++;
			for (q = k; q < m;) {
				size_t z = q;

				while (z < m && recs[z].comp == recs[q].comp)
					z++;
				R += pairs((double)(z - q));
				q = z;
			}
			k = m;
		}
		TPp += same;
		if (people > 1)
			bad[nbad++] = (struct bad){ recs[i].cust, (uint32_t)(j - i), people,
			    pairs((double)(j - i)) - same };
	}
	qsort(recs, nrec, sizeof(*recs), by_person_comp);
	for (i = 0; i < nrec; i = j) {
		for (j = i; j < nrec && recs[j].person == recs[i].person &&
		    recs[j].comp == recs[i].comp; j++)
			;
		T += pairs((double)(j - i));
	}
	printf("records %zu, people %zu, customers %zu\n", nrec, persons.n, custs.n);
	printf("predicted pairs %.0f, of one person %.0f\n", P, TPp);
	printf("true pairs (sharing a true identifier) %.0f, found %.0f\n", T, R);
	printf("precision %.4f%%\n", P > 0 ? 100 * TPp / P : 100.0);
	printf("recall %.4f%%\n", T > 0 ? 100 * R / T : 100.0);
	qsort(bad, nbad, sizeof(*bad), by_wrong);
	printf("worst false merges (customer, records, people, wrong pairs):\n");
	for (i = 0; i < nbad && i < 10; i++)
		printf("  %s %u %u %.0f\n", cust_name(bad[i].cust), bad[i].size,
		    bad[i].people, bad[i].wrong);
	free(bad);
	free(recs);
	free(parent);
	cim_smap_free(&persons);
	cim_smap_free(&custs);
	cim_smap_free(&own);
	cim_smap_free(&firstrec);
	return 0;
}
