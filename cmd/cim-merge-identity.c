/*
 * cim-merge-identity: link the conversations that belong to one customer
 * across channels and write every record back, in input order, with
 * "customer_id" and "identity" added (man cim-merge-identity.1).
 *
 * Two passes.  The first validates each record, takes its identifiers
 * (lib/idkey.h) and adds it to the identity graph (lib/idgraph.h); input
 * that cannot be read twice (a pipe, standard input) is spilled to an
 * unlinked temporary file on the way.  The graph is solved, customer ids
 * are given (from --state, lib/idstate.h, or new ones), and the second
 * pass writes the records, splicing in the two members.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ascii.h"
#include "err.h"
#include "idgraph.h"
#include "idkey.h"
#include "idstate.h"
#include "jqprog.h"
#include "lines.h"
#include "rec.h"
#include "run.h"
#include "schema.h"
#include "tmpdir.h"
#include "tstamp.h"

static const char usage[] =
"usage: cim-merge-identity [--state file] [--log file] [--max-share n]\n"
"                          [--unique ns,...] [--key name=expr] [--region cc]\n"
"                          [--any-name] [--profiles file] [--timeline file]\n"
"                          [--lock-wait duration]\n"
"                          [--edges | --from-edges | --apply file]\n"
"                          [--rejects file] [--strict] [--stats] [file ...]\n";

static const char help[] =
"Link the conversations of one customer across channels; add customer_id\n"
"and identity to every record.\n"
"\n"
"      --state FILE       keep customer ids stable across runs in FILE\n"
"      --log FILE         append merges of existing customers and generic\n"
"                         identifiers to FILE (NDJSON)\n"
"      --max-share N      an identifier shared by more than N otherwise\n"
"                         unrelated customers does not link (default 10)\n"
"      --unique NS,...    namespaces with one value per customer\n"
"                         (default cpf,crm; \"\" for none)\n"
"      --key NAME=EXPR    extra identifiers: the jq EXPR's strings, in\n"
"                         namespace NAME (repeatable)\n"
"      --region CC        region of phone numbers without country code\n"
"                         (default BR)\n"
"      --any-name         let identifiers link customers of different names\n"
"      --profiles FILE    write one profile per customer to FILE\n"
"      --timeline FILE    write each customer's conversations in time order\n"
"      --lock-wait DUR    wait this long for another run's state lock\n"
"                         (default 60s)\n"
"      --edges            write each record's identifiers (scale-out)\n"
"      --from-edges       link edge lines from --edges runs\n"
"      --apply FILE       add the ids a --from-edges run wrote to FILE\n"
"      --rejects FILE     write rejected input, with reasons, as NDJSON\n"
"      --strict           exit 1 if any input was rejected\n"
"      --stats            print read/written/rejected counts to stderr\n"
"  -h, --help             show this help\n"
"      --version          show the version\n"
"\n"
"With no file, or when file is -, read standard input.  See\n"
"cim-merge-identity(1) and cim(7).\n";

enum { O_STATE = CIM_OPT_TOOL, O_LOG, O_MAXSHARE, O_UNIQUE, O_KEY, O_REGION,
    O_PROFILES, O_TIMELINE, O_LOCKWAIT, O_ANYNAME, O_EDGES, O_FROMEDGES, O_APPLY };

static const struct option longopts[] = {
	{ "state", required_argument, NULL, O_STATE },
	{ "log", required_argument, NULL, O_LOG },
	{ "max-share", required_argument, NULL, O_MAXSHARE },
	{ "unique", required_argument, NULL, O_UNIQUE },
	{ "key", required_argument, NULL, O_KEY },
	{ "region", required_argument, NULL, O_REGION },
	{ "profiles", required_argument, NULL, O_PROFILES },
	{ "timeline", required_argument, NULL, O_TIMELINE },
	{ "lock-wait", required_argument, NULL, O_LOCKWAIT },
	{ "any-name", no_argument, NULL, O_ANYNAME },
	{ "edges", no_argument, NULL, O_EDGES },
	{ "from-edges", no_argument, NULL, O_FROMEDGES },
	{ "apply", required_argument, NULL, O_APPLY },
	CIM_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static struct {
	const char	*state, *log, *profiles, *timeline;
	long		 max_share, lock_wait;
	int		 any_name;	/* --any-name: names do not keep customers apart */
	enum { M_LINK, M_EDGES, M_FROM_EDGES, M_APPLY } mode;
	const char	*apply;		/* --apply FILE */
	char		*unique[CIM_IDGRAPH_MAXUNIQUE];
	int		 nunique;
	char		**keyname;
	size_t		 nkey;
	struct cim_jq	*jq;		/* every --key in one program */
	char		 region[3];
} opt;

/* An input operand and how its second pass reads it. */
struct operand {
	const char	*path;
	const char	*name;		/* in messages */
	int		 spilled;	/* its records are in the spill file */
	long		*rejected;	/* line numbers rejected in the first pass */
	size_t		 nrej, rejcap;
	long		 nrec;		/* records kept */
	size_t		 bytes;		/* their length, to see a change */
	off_t		 stdin_off;	/* "-" from a file: where it started */
	int		 err;		/* a read error: its records are partial */
	size_t		 fidx;		/* its counters in cim_run.files */
};

static struct operand *ops;
static size_t nops;

static struct cim_idgraph g;
static uint32_t nvirtual;		/* state customers: nodes 0..nvirtual-1 */
static struct cim_out *spill;
static int spill_fd = -1;
static struct cim_buf why, scratch;
static struct cim_smap custnode;	/* state customer number -> node */
static struct cim_smap spell;		/* "ident\x1fraw" for --profiles */
static long nrecords;
static unsigned char *plain;		/* bit per record: see is_plain() */
static size_t plaincap;
static uint32_t *attrs_at;		/* per plain record: where attrs starts */

static void json_str_member(struct cim_buf *, struct cim_rec *, const char *);

/* ---- identifiers of a record ---- */

/* Adds key (and, for --profiles, how it was written) to the current node. */
static void
add_key(const char *key, int klen, const char *raw, size_t rn)
{
	uint32_t i = cim_idgraph_ident(&g, key, (size_t)klen);

	cim_idgraph_link(&g, i);
	if (opt.profiles != NULL) {
		struct cim_smap_ent *e;
		int isnew;

		scratch.len = 0;
		cim_buf_printf(&scratch, "%" PRIu32 "\x1f", i);
		cim_buf_add(&scratch, raw, rn);
		e = cim_smap_put(&spell, scratch.p, scratch.len, &isnew);
		if (isnew)
			e->val = (long)spell.n;	/* order of first appearance */
	}
}

static void
add_str(const char *ns, size_t nslen, const char *s, size_t n)
{
	char key[CIM_IDKEY_MAX];
	int k;

	if ((k = cim_idkey_ns(ns, nslen, s, n, opt.region, key, sizeof(key))) > 0)
		add_key(key, k, s, n);
}

/* Adds the identifier v (consumed): a string, or a whole number read as
 * one; anything else is not an identifier. */
static void
add_value(const char *ns, size_t nslen, jv v)
{
	char num[32];

	if (jv_get_kind(v) == JV_KIND_STRING) {
		add_str(ns, nslen, jv_string_value(v),
		    (size_t)jv_string_length_bytes(jv_copy(v)));
	} else if (jv_get_kind(v) == JV_KIND_NUMBER) {
		double d = jv_number_value(v);

		if (d == (double)(long long)d)
			add_str(ns, nslen, num, (size_t)snprintf(num, sizeof(num),
			    "%lld", (long long)d));
	}
	jv_free(v);
}

/* Adds the identifier whose JSON text is m's value: strings without
 * escapes straight from the line, the rest through jv. */
static void
add_member(const char *ns, size_t nslen, const struct cim_jmember *m)
{
	if (m->val[0] == '"' && memchr(m->val, '\\', m->vlen) == NULL)
		add_str(ns, nslen, m->val + 1, m->vlen - 2);
	else if (m->val[0] == '"' || m->val[0] == '-' || (m->val[0] >= '0' && m->val[0] <= '9'))
		add_value(ns, nslen, cim_json_build(m->val, m->vlen));
}

static int
key_is(const struct cim_jmember *m, const char *name)
{
	return cim_json_key_is(m->key, m->klen, m->kesc, name);
}

/* The identifiers of r into the current node, in the order written:
 * customer.email, customer.phone, customer.ids, then --key; -1 with why
 * set when a --key expression fails on it.  customer is scanned rather
 * than built as jv: most records are read only for these few strings. */
static int
extract(struct cim_rec *r)
{
	static struct cim_jscan cs, is;
	const struct cim_jmember *cu = cim_rec_find(r, "customer");
	const char *w;
	size_t i, j, at;

	if (cu != NULL && cu->val[0] == '{' &&
	    cim_json_scan(cu->val, cu->vlen, &cs, &w, &at) == 0) {
		for (i = 0; i < cs.n; i++) {
			const struct cim_jmember *m = &cs.m[i];

			if (key_is(m, "email") || key_is(m, "phone")) {
				add_member(key_is(m, "email") ? "email" : "phone", 5, m);
			} else if (key_is(m, "name") && m->val[0] == '"') {
				jv name = cim_json_build(m->val, m->vlen);

				g.hint[g.nnodes - 1] = cim_idkey_name_hint(jv_string_value(name),
				    (size_t)jv_string_length_bytes(jv_copy(name)));
				jv_free(name);
			} else if (key_is(m, "ids") && m->val[0] == '{' &&
			    cim_json_scan(m->val, m->vlen, &is, &w, &at) == 0) {
				for (j = 0; j < is.n; j++) {
					const struct cim_jmember *id = &is.m[j];

					if (id->kesc) {
						jv k = cim_json_build(id->key - 1, id->klen + 2);

						add_member(jv_string_value(k),
						    (size_t)jv_string_length_bytes(jv_copy(k)), id);
						jv_free(k);
					} else {
						add_member(id->key, id->klen, id);
					}
				}
			}
		}
	}
	if (opt.jq != NULL) {
		jv out = cim_jq_first(opt.jq, cim_rec_jv(r), &why);

		if (!jv_is_valid(out))
			return -1;
		for (i = 0; i < opt.nkey; i++) {
			jv vals = jv_array_get(jv_copy(out), (int)i);

			jv_array_foreach(vals, k, v) {
				(void)k;
				add_value(opt.keyname[i], strlen(opt.keyname[i]), v);
			}
			jv_free(vals);
		}
		jv_free(out);
	}
	return 0;
}

/*
 * With a state every record is also known by its conversation id, last:
 * reading a conversation again (a re-run, an updated export) gives it the
 * customer it had, whatever the rules decided about its other
 * identifiers then (a generic phone, a link dropped for a conflict), so
 * ids do not change from run to run.  Without a state only records that
 * have no other identifier need it.  --edges cannot know whether the
 * run that links them keeps a state, and always writes it.
 */
static void
add_conversation_key(struct cim_rec *r)
{
	const char *s;
	size_t n;

	if (opt.state == NULL && opt.mode != M_EDGES && g.nstart[g.nnodes - 1] != g.ninc)
		return;
	if (!cim_rec_str(r, "id", &s, &n))
		return;
	scratch.len = 0;
	cim_buf_adds(&scratch, "conversation:");
	cim_buf_add(&scratch, s, n);
	cim_idgraph_link(&g, cim_idgraph_ident(&g, scratch.p, scratch.len));
}

/* ---- first pass ---- */

/*
 * 1 when r is written compactly at the top level and has neither
 * customer_id nor identity: then cim_rec_write_before() with those two
 * members set before attrs is the line with them inserted where attrs
 * starts (*at, from the first non-blank byte; 0 without attrs: before the
 * closing brace), and the second pass needs no scan to write it.
 */
static int
is_plain(const struct cim_rec *r, uint32_t *at)
{
	const char *s = r->line, *e = r->line + r->len;
	size_t i;

	*at = 0;
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (r->sc.n == 0 || r->sc.m[0].start != s + 1)
		return 0;
	for (i = 0; i < r->sc.n; i++) {
		const struct cim_jmember *m = &r->sc.m[i];
		const char *end = m->val + m->vlen;

		if (m->kesc || (m->klen == 11 && memcmp(m->key, "customer_id", 11) == 0) ||
		    (m->klen == 8 && memcmp(m->key, "identity", 8) == 0))
			return 0;
		if (i + 1 < r->sc.n ? r->sc.m[i + 1].start != end + 1 : end + 1 != e)
			return 0;
		if (*at == 0 && m->klen == 5 && memcmp(m->key, "attrs", 5) == 0) {
			if ((size_t)(m->start - s) > UINT32_MAX)
				return 0;
			*at = (uint32_t)(m->start - s);
		}
	}
	return 1;
}

static void
set_plain(long rec, struct cim_rec *r)
{
	uint32_t at;

	if ((size_t)rec / 8 >= plaincap) {
		size_t old = plaincap;

		plaincap = plaincap ? plaincap * 2 : 4096;
		plain = cim_xrealloc(plain, plaincap);
		memset(plain + old, 0, plaincap - old);
		attrs_at = cim_xrealloc(attrs_at, plaincap * 8 * sizeof(*attrs_at));
	}
	if (is_plain(r, &at))
		plain[rec / 8] |= (unsigned char)(1u << (rec % 8));
	attrs_at[rec] = at;
}

/* An unlinked temporary file in $TMPDIR for what (in messages); its
 * output in *o, its descriptor returned.  Exits on failure. */
static int
open_tmp(const char *what, struct cim_out **o)
{
	const char *dir;
	int fd;

	if ((fd = cim_tmpdir_open("cim-merge-identity", &dir)) < 0)
		cim_die(1, "%s: cannot create the %s: %s", dir, what, strerror(errno));
	*o = cim_out_fd(fd, what);
	return fd;
}

static void
open_spill(void)
{
	spill_fd = open_tmp("spill file", &spill);
}

/*
 * --edges: the record's identifiers as one line {"id","keys","hint"},
 * then the node is forgotten (only the identifier table grows).
 */
static void
write_edge(struct cim_rec *r)
{
	uint32_t node = g.nnodes - 1;
	size_t k;

	scratch.len = 0;
	cim_buf_adds(&scratch, "{\"id\":");
	json_str_member(&scratch, r, "id");
	cim_buf_adds(&scratch, ",\"keys\":[");
	for (k = g.nstart[node]; k < g.ninc; k++) {
		const char *key = g.id[g.inc[k]].key;

		if (k > g.nstart[node])
			cim_buf_addc(&scratch, ',');
		cim_buf_json_str(&scratch, key, strlen(key));
		g.id[g.inc[k]].count--;
	}
	cim_buf_addc(&scratch, ']');
	if (g.hint[node])
		cim_buf_printf(&scratch, ",\"hint\":%" PRIu32, g.hint[node]);
	cim_buf_adds(&scratch, "}\n");
	cim_out_add(cim_run.out, scratch.p, scratch.len);
	cim_run_wrote(1);
	g.ninc = g.nstart[node];
	g.nnodes--;
}

/* --from-edges: a node from a line written by --edges; -1 with why set. */
static int
read_edge(struct cim_rec *r)
{
	jv id = cim_rec_get(r, "id"), keys = cim_rec_get(r, "keys");
	jv hint = cim_rec_get(r, "hint");
	int rc = -1;

	if (jv_get_kind(id) != JV_KIND_STRING || jv_get_kind(keys) != JV_KIND_ARRAY ||
	    (jv_is_valid(hint) && (jv_get_kind(hint) != JV_KIND_NUMBER ||
	    jv_number_value(hint) < 0 || jv_number_value(hint) > UINT32_MAX))) {
		cim_buf_adds(&why, "not an edge line (id, keys, hint) from --edges");
		goto out;
	}
	jv_array_foreach(keys, i, k) {
		(void)i;
		if (jv_get_kind(k) != JV_KIND_STRING ||
		    strchr(jv_string_value(k), ':') == NULL) {
			cim_buf_adds(&why, "keys must be strings like \"email:ana@example.com\"");
			jv_free(k);
			goto out;
		}
		jv_free(k);
	}
	cim_idgraph_node(&g, 0, jv_is_valid(hint) ? (uint32_t)jv_number_value(hint) : 0);
	jv_array_foreach(keys, i, k) {
		/* The conversation id, as add_conversation_key() would. */
		if (opt.state != NULL || i == 0 ||
		    strncmp(jv_string_value(k), "conversation:", 13) != 0)
			cim_idgraph_link(&g, cim_idgraph_ident(&g, jv_string_value(k),
			    (size_t)jv_string_length_bytes(jv_copy(k))));
		jv_free(k);
	}
	rc = 0;
out:
	jv_free(id);
	jv_free(keys);
	jv_free(hint);
	return rc;
}

static void
note_reject(struct operand *o, long line)
{
	if (o->spilled)
		return;
	if (o->nrej == o->rejcap) {
		o->rejcap = o->rejcap ? o->rejcap * 2 : 16;
		o->rejected = cim_xrealloc(o->rejected, o->rejcap * sizeof(long));
	}
	o->rejected[o->nrej++] = line;
}

static void
first_pass(struct operand *o)
{
	struct cim_lines *l;
	struct cim_rec r = { 0 };
	struct stat st;
	char *line;
	size_t len, at;
	const char *w;
	int rc;

	/* Standard input from a regular file is read again from where it
	 * started; from a pipe or terminal it is spilled. */
	if (strcmp(o->path, "-") == 0)
		o->spilled = fstat(0, &st) < 0 || !S_ISREG(st.st_mode) ||
		    (o->stdin_off = lseek(0, 0, SEEK_CUR)) < 0;
	else
		o->spilled = stat(o->path, &st) < 0 || !S_ISREG(st.st_mode);
	if ((l = cim_lines_open(o->path)) == NULL) {
		cim_run_fail();
		o->err = 1;
		return;
	}
	o->name = cim_xstrdup(cim_lines_name(l));
	cim_run_file(o->name);
	o->fidx = cim_run.nfiles - 1;
	if (opt.mode == M_EDGES)
		o->spilled = 0;		/* one pass */
	else if (o->spilled && spill == NULL)
		open_spill();
	while ((rc = cim_lines_next(l, &line, &len)) == 1) {
		if (cim_ascii_blank(line, len))
			continue;
		cim_run_read(1);
		why.len = 0;
		if (cim_rec_parse(&r, line, len, &w, &at) < 0) {
			cim_reject_json(o->name, l->lineno, line, len, w, at);
			note_reject(o, l->lineno);
			continue;
		}
		if (opt.mode == M_FROM_EDGES) {
			if (read_edge(&r) < 0) {
				cim_reject(o->name, l->lineno, line, len, "%s", cim_buf_str(&why));
				note_reject(o, l->lineno);
				continue;
			}
			goto keep;
		}
		if (cim_schema_check(&r, &why, NULL) < 0) {
			cim_reject(o->name, l->lineno, line, len, "%s", cim_buf_str(&why));
			note_reject(o, l->lineno);
			continue;
		}
		cim_idgraph_node(&g, 0, 0);
		if (extract(&r) < 0) {
			/* Undo the node: its identifiers stay, unused. */
			size_t k;

			for (k = g.nstart[g.nnodes - 1]; k < g.ninc; k++)
				g.id[g.inc[k]].count--;
			g.ninc = g.nstart[g.nnodes - 1];
			g.nnodes--;
			cim_reject(o->name, l->lineno, line, len, "--key: %s", cim_buf_str(&why));
			note_reject(o, l->lineno);
			continue;
		}
		add_conversation_key(&r);
		if (opt.mode == M_EDGES) {
			write_edge(&r);
			continue;
		}
keep:
		set_plain(nrecords, &r);
		o->nrec++;
		o->bytes += len;
		nrecords++;
		if (o->spilled) {
			/* The line number first, for messages in the second pass. */
			char num[24];

			cim_out_add(spill, num, (size_t)snprintf(num, sizeof(num), "%ld\t", l->lineno));
			cim_out_add(spill, line, len);
			cim_out_add(spill, "\n", 1);
		}
	}
	if (rc < 0) {
		cim_run_fail();
		o->err = 1;
	}
	cim_lines_close(l);
	cim_rec_free(&r);
}

/* ---- state ---- */

static void
state_entry(const char *key, size_t n, int64_t customer, void *arg)
{
	uint32_t i = cim_idgraph_ident(&g, key, n);
	struct cim_smap_ent *e;
	char num[24];
	int isnew;

	(void)arg;
	if (customer == 0) {
		cim_idgraph_remember(&g, i, -1);
		return;
	}
	snprintf(num, sizeof(num), "%" PRId64, customer);
	e = cim_smap_put(&custnode, num, strlen(num), &isnew);
	if (isnew)
		e->val = (long)cim_idgraph_node(&g, customer, 0);
	cim_idgraph_remember(&g, i, (int32_t)e->val);
}

static void
customer_id(struct cim_buf *b, int64_t n)
{
	cim_buf_printf(b, "C%07" PRId64, n);
}

static void
save_state(int64_t next)
{
	struct cim_idstate_w *w;
	uint32_t i;

	if ((w = cim_idstate_create(opt.state, next)) == NULL) {
		cim_run_fail();
		return;
	}
	for (i = 0; i < g.nid; i++) {
		const struct cim_ident *d = &g.id[i];

		/* An identifier that had a link dropped belongs to more than
		 * one customer: remembering one of them would make the next
		 * run link the others to it.  Its records keep their ids
		 * through their conversation ids. */
		if (d->generic)
			cim_idstate_add(w, d->key, strlen(d->key), 0);
		else if (d->base >= 0 && !d->split)
			cim_idstate_add(w, d->key, strlen(d->key),
			    g.label[cim_idgraph_find(&g, (uint32_t)d->base)]);
	}
	if (cim_idstate_commit(w) < 0)
		cim_run_fail();
}

/* ---- the log ---- */

static struct cim_out *logout;
static char now[CIM_TIME_BUFLEN];

static void
log_start(struct cim_buf *b, const char *event)
{
	b->len = 0;
	cim_buf_printf(b, "{\"time\":\"%s\",\"event\":\"%s\"", now, event);
}

static void
log_end(struct cim_buf *b)
{
	cim_buf_adds(b, "}\n");
	if (logout != NULL)
		cim_out_add(logout, b->p, b->len);
}

/* Records (conversation ids) of each merge, gathered in the second pass. */
static struct cim_buf *merge_recs;

static void
report_generic(void)
{
	struct cim_buf b = { 0 };
	uint32_t i;

	for (i = 0; i < g.nid; i++) {
		const struct cim_ident *d = &g.id[i];

		if (!d->generic || d->forced)
			continue;
		cim_warnx("generic identifier %s (%" PRIu32 " customers) not used to link",
		    d->key, d->customers);
		log_start(&b, "generic");
		cim_buf_adds(&b, ",\"identifier\":");
		cim_buf_json_str(&b, d->key, strlen(d->key));
		cim_buf_printf(&b, ",\"customers\":%" PRIu32 ",\"records\":%" PRIu32,
		    d->customers, d->count);
		log_end(&b);
	}
	cim_buf_free(&b);
}

static void
report_merges(void)
{
	struct cim_buf b = { 0 };
	size_t k;

	for (k = 0; k < g.nmerge; k++) {
		const struct cim_idmerge *m = &g.merge[k];
		const char *key = g.id[m->ident].key;

		log_start(&b, "merge");
		cim_buf_adds(&b, ",\"survivor\":\"");
		customer_id(&b, m->keep);
		cim_buf_adds(&b, "\",\"merged\":\"");
		customer_id(&b, m->gone);
		cim_buf_adds(&b, "\",\"identifier\":");
		cim_buf_json_str(&b, key, strlen(key));
		cim_buf_adds(&b, ",\"records\":[");
		cim_buf_add(&b, merge_recs[k].p, merge_recs[k].len);
		cim_buf_adds(&b, "]");
		log_end(&b);
	}
	cim_buf_free(&b);
}

/* ---- second pass ---- */

static uint32_t *csize;		/* records per customer, at its root */

/* Profiles and timelines, per customer in order of first appearance. */
struct profile {
	int64_t		 id;
	int64_t		 first, last;	/* ms */
	uint32_t	 convs;
	uint32_t	 channels;	/* bit per channel name, see chan_names */
	uint32_t	 root;
};
static struct profile *prof;
static uint32_t nprof;
static uint32_t *prof_of;	/* root node -> profile index + 1 */

static const char *const chan_names[] = {
	"whatsapp", "chat", "email", "phone", "sms", "twitter", "instagram",
	"facebook", "telegram", "store", "other",
};

struct tl_entry {
	uint32_t	 prof;
	int64_t		 at;
	uint32_t	 rec;
	uint64_t	 off;
	uint32_t	 len;
};
static struct tl_entry *tl;
static struct cim_out *tl_tmp;
static int tl_fd = -1;
static uint64_t tl_off;

static void
json_str_member(struct cim_buf *b, struct cim_rec *r, const char *key)
{
	const struct cim_jmember *m = cim_rec_find(r, key);

	if (m != NULL && m->val[0] == '"')
		cim_buf_add(b, m->val, m->vlen);
	else
		cim_buf_adds(b, "null");
}

/* The timeline entry of r: id, channel, started_at, first customer text. */
static void
timeline_entry(struct cim_rec *r, uint32_t rec, uint32_t pi, int64_t at)
{
	struct cim_buf *b = &scratch;
	jv msgs;
	int done = 0;

	b->len = 0;
	cim_buf_adds(b, "{\"id\":");
	json_str_member(b, r, "id");
	cim_buf_adds(b, ",\"channel\":");
	json_str_member(b, r, "channel");
	cim_buf_adds(b, ",\"started_at\":");
	json_str_member(b, r, "started_at");
	msgs = cim_rec_get(r, "messages");
	jv_array_foreach(msgs, i, m) {
		(void)i;
		if (!done) {
			jv from = jv_object_get(jv_copy(m), jv_string("from"));
			jv text = jv_object_get(jv_copy(m), jv_string("text"));

			if (jv_get_kind(from) == JV_KIND_STRING &&
			    strcmp(jv_string_value(from), "customer") == 0 &&
			    jv_get_kind(text) == JV_KIND_STRING) {
				cim_buf_adds(b, ",\"text\":");
				cim_buf_json_str(b, jv_string_value(text),
				    (size_t)jv_string_length_bytes(jv_copy(text)));
				done = 1;
			}
			jv_free(from);
			jv_free(text);
		}
		jv_free(m);
	}
	jv_free(msgs);
	cim_buf_addc(b, '}');
	tl[rec] = (struct tl_entry){ pi, at, rec, tl_off, (uint32_t)b->len };
	cim_out_add(tl_tmp, b->p, b->len);
	tl_off += b->len;
}

static void
profile_add(struct cim_rec *r, uint32_t root, uint32_t rec)
{
	const struct cim_jmember *m;
	struct profile *p;
	int64_t at = 0;
	size_t k;

	if (prof_of[root] == 0) {
		prof = cim_xrealloc(prof, (nprof + 1) * sizeof(*prof));
		prof[nprof] = (struct profile){ g.label[root], INT64_MAX, INT64_MIN, 0, 0, root };
		prof_of[root] = ++nprof;
	}
	p = &prof[prof_of[root] - 1];
	if ((m = cim_rec_find(r, "started_at")) != NULL && m->vlen > 2)
		(void)cim_time_parse_canonical(m->val + 1, m->vlen - 2, &at);
	if (at < p->first)
		p->first = at;
	if (at > p->last)
		p->last = at;
	p->convs++;
	if ((m = cim_rec_find(r, "channel")) != NULL)
		for (k = 0; k < sizeof(chan_names) / sizeof(*chan_names); k++)
			if (strlen(chan_names[k]) == m->vlen - 2 &&
			    memcmp(chan_names[k], m->val + 1, m->vlen - 2) == 0)
				p->channels |= 1u << k;
	if (tl != NULL)
		timeline_entry(r, rec, prof_of[root] - 1, at);
}

static void
key_list(struct cim_buf *b, const char *name, const uint32_t *ids, size_t n)
{
	size_t k;

	cim_buf_printf(b, "\"%s\":[", name);
	for (k = 0; k < n; k++) {
		if (k)
			cim_buf_addc(b, ',');
		cim_buf_json_str(b, g.id[ids[k]].key, strlen(g.id[ids[k]].key));
	}
	cim_buf_addc(b, ']');
}

/* The customer_id (cid) and identity (b) of node, as JSON; warns about
 * links dropped for a conflict. */
static void
annotate(uint32_t node, const char *file, long line, struct cim_buf *cid,
    struct cim_buf *b)
{
	uint32_t root = cim_idgraph_find(&g, node), matched[64], generic[64], conflict[64];
	size_t k, nm = 0, ng = 0, nc = 0;

	for (k = g.nstart[node]; k < g.nstart[node + 1]; k++) {
		uint32_t i = g.inc[k];
		const struct cim_ident *d = &g.id[i];
		const struct cim_iddrop *dr;

		if (d->generic) {
			if (ng < 64)
				generic[ng++] = i;
		} else if ((dr = cim_idgraph_dropped(&g, node, i)) != NULL) {
			if (nc < 64)
				conflict[nc++] = i;
			if (dr->a == CIM_IDGRAPH_NONAME)
				cim_warn_at(file, line, "%s would join customers of different "
				    "names; link dropped", d->key);
			else
				cim_warn_at(file, line, "%s would put %s and %s in one customer; "
				    "link dropped", d->key, g.id[dr->a].key, g.id[dr->b].key);
		} else if (d->live >= 2 && nm < 64) {
			matched[nm++] = i;
		}
	}
	/* The conversation id, last, explains a match only when nothing
	 * else does. */
	if (nm > 1 && strncmp(g.id[matched[nm - 1]].key, "conversation:", 13) == 0)
		nm--;
	cid->len = 0;
	cim_buf_addc(cid, '"');
	customer_id(cid, g.label[root]);
	cim_buf_addc(cid, '"');
	b->len = 0;
	cim_buf_addc(b, '{');
	key_list(b, "matched_on", matched, nm);
	cim_buf_printf(b, ",\"cluster_size\":%" PRIu32 ",", csize[root]);
	key_list(b, "generic_skipped", generic, ng);
	if (nc) {
		cim_buf_addc(b, ',');
		key_list(b, "conflict_skipped", conflict, nc);
	}
	cim_buf_addc(b, '}');
}

/* The merges each identifier made: first index per identifier, then a
 * chain through the merges (-1 ends). */
static int32_t *merge_first, *merge_next;

static void
index_merges(void)
{
	size_t k;

	merge_first = cim_xmalloc(((size_t)g.nid + 1) * sizeof(*merge_first));
	merge_next = cim_xmalloc((g.nmerge + 1) * sizeof(*merge_next));
	memset(merge_first, 0xff, ((size_t)g.nid + 1) * sizeof(*merge_first));
	for (k = g.nmerge; k-- > 0;) {
		merge_next[k] = merge_first[g.merge[k].ident];
		merge_first[g.merge[k].ident] = (int32_t)k;
	}
}

/* Conversation ids of the records behind each merge, for the log. */
static void
note_merges(struct cim_rec *r, uint32_t node)
{
	size_t j;
	int32_t k;

	for (j = g.nstart[node]; j < g.nstart[node + 1]; j++) {
		uint32_t i = g.inc[j];

		if (merge_first[i] < 0 || cim_idgraph_dropped(&g, node, i) != NULL)
			continue;
		for (k = merge_first[i]; k >= 0; k = merge_next[k]) {
			if (merge_recs[k].len)
				cim_buf_addc(&merge_recs[k], ',');
			json_str_member(&merge_recs[k], r, "id");
		}
	}
}

static int
is_rejected(const struct operand *o, size_t *ri, long line)
{
	while (*ri < o->nrej && o->rejected[*ri] < line)
		(*ri)++;
	return *ri < o->nrej && o->rejected[*ri] == line;
}

static void
second_pass(struct operand *o, struct cim_lines *sp, uint32_t *rec)
{
	struct cim_lines *l = sp;
	struct cim_rec r = { 0 };
	struct cim_buf out = { 0 }, cid = { 0 }, ident = { 0 };
	char *line;
	size_t len, at, ri = 0, bytes = 0;
	const char *w;
	long done = 0;
	/* Without the extras every plain record is written without a scan. */
	int extras = prof_of != NULL || g.nmerge > 0;

	if (o->nrec == 0)
		return;
	if (!o->spilled && strcmp(o->path, "-") == 0 && lseek(0, o->stdin_off, SEEK_SET) < 0)
		cim_die(1, "<stdin>: cannot read it again: %s", strerror(errno));
	if (!o->spilled && (l = cim_lines_open(o->path)) == NULL)
		cim_die(1, "%s: cannot read it again for the second pass", o->name);
	while (done < o->nrec && cim_lines_next(l, &line, &len) == 1) {
		uint32_t node = nvirtual + *rec;
		long lineno = l->lineno;

		if (o->spilled) {
			char *tab = memchr(line, '\t', len);

			lineno = strtol(line, NULL, 10);
			len -= (size_t)(tab + 1 - line);
			line = tab + 1;
		} else if (cim_ascii_blank(line, len) || is_rejected(o, &ri, lineno)) {
			continue;
		}
		bytes += len;
		annotate(node, o->name, lineno, &cid, &ident);
		out.len = 0;
		if (!extras && plain[*rec / 8] >> (*rec % 8) & 1) {
			while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
			    line[len - 1] == '\r'))
				len--;
			while (len > 0 && (*line == ' ' || *line == '\t')) {
				line++;
				len--;
			}
			at = attrs_at[*rec];
			if (len < 2 || *line != '{' || line[len - 1] != '}' || at >= len)
				cim_die(1, "%s:%ld: changed since the first pass", o->name, lineno);
			/* Reserved members go before attrs (cim(7)). */
			if (at == 0) {
				cim_buf_add(&out, line, len - 1);
				cim_buf_addc(&out, ',');
			} else {
				cim_buf_add(&out, line, at);
			}
			cim_buf_adds(&out, "\"customer_id\":");
			cim_buf_add(&out, cid.p, cid.len);
			cim_buf_adds(&out, ",\"identity\":");
			cim_buf_add(&out, ident.p, ident.len);
			if (at == 0) {
				cim_buf_adds(&out, "}\n");
			} else {
				cim_buf_addc(&out, ',');
				cim_buf_add(&out, line + at, len - at);
				cim_buf_addc(&out, '\n');
			}
		} else {
			if (cim_rec_parse(&r, line, len, &w, &at) < 0)
				cim_die(1, "%s:%ld: changed since the first pass", o->name, lineno);
			cim_rec_set_raw(&r, "customer_id", cid.p, cid.len);
			cim_rec_set_raw(&r, "identity", ident.p, ident.len);
			if (g.nmerge)
				note_merges(&r, node);
			if (prof_of != NULL)
				profile_add(&r, cim_idgraph_find(&g, node), *rec);
			cim_rec_write_before(&r, "attrs", &out);
		}
		cim_out_add(cim_run.out, out.p, out.len);
		cim_run.written++;
		cim_run.files[o->fidx].written++;
		(*rec)++;
		done++;
	}
	if (done < o->nrec || bytes != o->bytes)
		cim_die(1, "%s: changed since the first pass", o->name);
	if (!o->spilled)
		cim_lines_close(l);
	cim_rec_free(&r);
	cim_buf_free(&out);
	cim_buf_free(&cid);
	cim_buf_free(&ident);
}

/* ---- profiles and timeline ---- */

static void
time_str(struct cim_buf *b, int64_t ms)
{
	char t[CIM_TIME_BUFLEN];
	size_t n = cim_time_format(ms, t);

	cim_buf_addc(b, '"');
	cim_buf_add(b, t, n);
	cim_buf_addc(b, '"');
}

struct spelling {
	uint32_t	 ident;
	long		 seq;
	const char	*raw;
};

static int
spell_cmp(const void *a, const void *b)
{
	const struct spelling *x = a, *y = b;

	if (x->ident != y->ident)
		return x->ident < y->ident ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
prof_ident_cmp(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;	/* (profile, ident) pairs */

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

static void
write_profiles(void)
{
	/* Customer identifiers: readable by the owner only, as rejects are;
	 * so are the timeline and the log. */
	struct cim_out *o = cim_out_create(opt.profiles, 0600);
	struct spelling *sp;
	size_t nsp = 0, k, s, pi_pos = 0, npairs = 0;
	uint32_t i, pi, *pairs;
	struct cim_buf b = { 0 };

	if (o == NULL) {
		cim_warnx("%s: %s", opt.profiles, strerror(errno));
		cim_run_fail();
		return;
	}
	sp = cim_xmalloc((spell.n + 1) * sizeof(*sp));
	for (k = 0; k < spell.cap; k++) {
		struct cim_smap_ent *e = &spell.t[k];

		if (e->key != NULL) {
			sp[nsp].ident = (uint32_t)strtoul(e->key, NULL, 10);
			sp[nsp].seq = e->val;
			sp[nsp++].raw = strchr(e->key, '\x1f') + 1;
		}
	}
	qsort(sp, nsp, sizeof(*sp), spell_cmp);
	/* Identifiers per customer: those attached to it. */
	pairs = cim_xmalloc(((size_t)g.nid + 1) * 2 * sizeof(*pairs));
	for (i = 0; i < g.nid; i++) {
		const struct cim_ident *d = &g.id[i];
		uint32_t root;

		if (d->generic || d->base < 0)
			continue;
		root = cim_idgraph_find(&g, (uint32_t)d->base);
		if (prof_of[root] == 0 || strncmp(d->key, "conversation:", 13) == 0)
			continue;
		pairs[2 * npairs] = prof_of[root] - 1;
		pairs[2 * npairs++ + 1] = i;
	}
	qsort(pairs, npairs, 2 * sizeof(*pairs), prof_ident_cmp);
	for (pi = 0; pi < nprof; pi++) {
		const struct profile *p = &prof[pi];
		int first = 1;

		b.len = 0;
		cim_buf_adds(&b, "{\"customer_id\":\"");
		customer_id(&b, p->id);
		cim_buf_adds(&b, "\",\"identifiers\":[");
		for (; pi_pos < npairs && pairs[2 * pi_pos] == pi; pi_pos++) {
			struct spelling key = { pairs[2 * pi_pos + 1], -1, NULL };
			const char *kk = g.id[key.ident].key;

			if (pi_pos && pairs[2 * (pi_pos - 1)] == pi)
				cim_buf_addc(&b, ',');
			cim_buf_adds(&b, "{\"key\":");
			cim_buf_json_str(&b, kk, strlen(kk));
			cim_buf_adds(&b, ",\"seen\":[");
			/* first spelling of this identifier, by binary search */
			{
				size_t lo = 0, hi = nsp;

				while (lo < hi) {
					size_t mid = (lo + hi) / 2;

					if (spell_cmp(&sp[mid], &key) < 0)
						lo = mid + 1;
					else
						hi = mid;
				}
				for (s = lo; s < nsp && sp[s].ident == key.ident; s++) {
					if (s > lo)
						cim_buf_addc(&b, ',');
					cim_buf_json_str(&b, sp[s].raw, strlen(sp[s].raw));
				}
			}
			cim_buf_adds(&b, "]}");
		}
		cim_buf_adds(&b, "],\"channels\":[");
		for (k = 0; k < sizeof(chan_names) / sizeof(*chan_names); k++)
			if (p->channels & (1u << k)) {
				cim_buf_printf(&b, "%s\"%s\"", first ? "" : ",", chan_names[k]);
				first = 0;
			}
		cim_buf_adds(&b, "],\"first_contact\":");
		time_str(&b, p->first);
		cim_buf_adds(&b, ",\"last_contact\":");
		time_str(&b, p->last);
		cim_buf_printf(&b, ",\"conversations\":%" PRIu32 "}\n", p->convs);
		cim_out_add(o, b.p, b.len);
	}
	cim_out_close(o, 0);
	cim_buf_free(&b);
	free(sp);
	free(pairs);
}

static int
tl_cmp(const void *a, const void *b)
{
	const struct tl_entry *x = a, *y = b;

	if (x->prof != y->prof)
		return x->prof < y->prof ? -1 : 1;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->rec < y->rec ? -1 : x->rec > y->rec;
}

static void
write_timeline(void)
{
	struct cim_out *o = cim_out_create(opt.timeline, 0600);
	struct cim_buf b = { 0 }, e = { 0 };
	size_t k;

	if (o == NULL) {
		cim_warnx("%s: %s", opt.timeline, strerror(errno));
		cim_run_fail();
		return;
	}
	cim_out_flush(tl_tmp);
	qsort(tl, (size_t)nrecords, sizeof(*tl), tl_cmp);
	for (k = 0; k < (size_t)nrecords; k++) {
		const struct tl_entry *t = &tl[k];

		if (k == 0 || tl[k - 1].prof != t->prof) {
			b.len = 0;
			cim_buf_adds(&b, "{\"customer_id\":\"");
			customer_id(&b, prof[t->prof].id);
			cim_buf_adds(&b, "\",\"conversations\":[");
		} else {
			cim_buf_addc(&b, ',');
		}
		e.len = 0;
		cim_buf_grow(&e, t->len);
		if (pread(tl_fd, e.p, t->len, (off_t)t->off) != (ssize_t)t->len)
			cim_die(1, "timeline: cannot read back the temporary file: %s",
			    strerror(errno));
		cim_buf_add(&b, e.p, t->len);
		if (k + 1 == (size_t)nrecords || tl[k + 1].prof != t->prof) {
			cim_buf_adds(&b, "]}\n");
			cim_out_add(o, b.p, b.len);
		}
	}
	cim_out_close(o, 0);
	cim_buf_free(&b);
	cim_buf_free(&e);
}

/* ---- options ---- */

static void
set_unique(const char *arg)
{
	char *dup = cim_xstrdup(arg), *p, *save = NULL;
	int i;

	for (i = 0; i < opt.nunique; i++)
		free(opt.unique[i]);
	opt.nunique = 0;
	for (p = strtok_r(dup, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
		char key[CIM_IDKEY_MAX];

		if (cim_idkey_ns(p, strlen(p), "x", 1, NULL, key, sizeof(key)) < 0 &&
		    strcmp(p, "cpf") != 0 && strcmp(p, "email") != 0 &&
		    strcmp(p, "phone") != 0)
			cim_usage("--unique: '%s' is not a namespace", p);
		if (opt.nunique == CIM_IDGRAPH_MAXUNIQUE)
			cim_usage("--unique: at most %d namespaces", CIM_IDGRAPH_MAXUNIQUE);
		opt.unique[opt.nunique++] = cim_xstrdup(p);
	}
	free(dup);
}

static void
add_key_opt(const char *arg, struct cim_buf *prog)
{
	const char *eq = strchr(arg, '=');
	char key[CIM_IDKEY_MAX], *name;

	if (eq == NULL || eq == arg)
		cim_usage("--key: '%s' is not NAME=EXPR", arg);
	name = cim_xstrndup(arg, (size_t)(eq - arg));
	if (cim_idkey_ns(name, strlen(name), "x", 1, NULL, key, sizeof(key)) < 0 &&
	    strcmp(name, "cpf") != 0 && strcmp(name, "phone") != 0 &&
	    strcmp(name, "whatsapp") != 0 && strcmp(name, "email") != 0)
		cim_usage("--key: '%s' is not a namespace (letters, digits, _ and -)", name);
	opt.keyname = cim_xrealloc(opt.keyname, (opt.nkey + 1) * sizeof(char *));
	opt.keyname[opt.nkey++] = name;
	/* One program for all: [[EXPR1], [EXPR2], ...]. */
	cim_buf_adds(prog, prog->len ? ", [" : "[[");
	cim_buf_adds(prog, eq + 1);
	cim_buf_adds(prog, "\n]");
}

/*
 * --apply FILE: the customer_id and identity of each conversation id, as
 * written by a --from-edges run, spliced into the records read; one pass.
 */
static void
apply_assignments(char **operands, int n)
{
	struct cim_smap ids = { 0 };
	struct cim_buf vals = { 0 }, out = { 0 };
	size_t *off = NULL, noff = 0, at;
	struct cim_lines *l;
	struct cim_rec r = { 0 };
	char *line;
	size_t len;
	const char *w, *s;
	int i, isnew;

	if ((l = cim_lines_open(opt.apply)) == NULL)
		exit(1);
	while (cim_lines_next(l, &line, &len) == 1) {
		const struct cim_jmember *c, *d;
		struct cim_smap_ent *e;

		if (cim_ascii_blank(line, len))
			continue;
		if (cim_rec_parse(&r, line, len, &w, &at) < 0 || !cim_rec_str(&r, "id", &s, &at) ||
		    (c = cim_rec_find(&r, "customer_id")) == NULL || c->val[0] != '"' ||
		    (d = cim_rec_find(&r, "identity")) == NULL || d->val[0] != '{')
			cim_die(1, "%s:%ld: not a line written by --from-edges", opt.apply, l->lineno);
		e = cim_smap_put(&ids, s, at, &isnew);
		if (!isnew)
			cim_die(1, "%s:%ld: conversation id given twice", opt.apply, l->lineno);
		e->val = (long)noff;
		off = cim_xrealloc(off, (noff + 1) * 3 * sizeof(*off));
		off[3 * noff] = vals.len;
		cim_buf_add(&vals, c->val, c->vlen);
		off[3 * noff + 1] = vals.len;
		cim_buf_add(&vals, d->val, d->vlen);
		off[3 * noff + 2] = vals.len;
		noff++;
	}
	if (l->err)
		exit(1);
	cim_lines_close(l);
	for (i = 0; i < (n ? n : 1); i++) {
		const char *path = n ? operands[i] : "-";
		struct cim_smap_ent *e;

		if ((l = cim_run_open(path)) == NULL)
			continue;
		while (cim_lines_next(l, &line, &len) == 1) {
			if (cim_ascii_blank(line, len))
				continue;
			cim_run_read(1);
			why.len = 0;
			if (cim_rec_parse(&r, line, len, &w, &at) < 0) {
				cim_reject_json(cim_lines_name(l), l->lineno, line, len, w, at);
				continue;
			}
			if (cim_schema_check(&r, &why, NULL) < 0) {
				cim_reject(cim_lines_name(l), l->lineno, line, len, "%s", cim_buf_str(&why));
				continue;
			}
			if (!cim_rec_str(&r, "id", &s, &at) || (e = cim_smap_get(&ids, s, at)) == NULL) {
				cim_reject(cim_lines_name(l), l->lineno, line, len,
				    "conversation not in %s", opt.apply);
				continue;
			}
			at = 3 * (size_t)e->val;
			cim_rec_set_raw(&r, "customer_id", vals.p + off[at], off[at + 1] - off[at]);
			cim_rec_set_raw(&r, "identity", vals.p + off[at + 1], off[at + 2] - off[at + 1]);
			out.len = 0;
			cim_rec_write_before(&r, "attrs", &out);
			cim_out_add(cim_run.out, out.p, out.len);
			cim_run_wrote(1);
		}
		if (l->err)
			cim_run_fail();
		cim_lines_close(l);
	}
	cim_rec_free(&r);
	cim_smap_free(&ids);
	cim_buf_free(&vals);
	cim_buf_free(&out);
	free(off);
}

static void
set_mode(int m)
{
	if (opt.mode != M_LINK && opt.mode != (unsigned)m)
		cim_usage("give one of --edges, --from-edges and --apply");
	opt.mode = m;
}

int
main(int argc, char **argv)
{
	struct cim_buf prog = { 0 };
	struct cim_lines *sp = NULL;
	int c, lockfd = -1, st;
	int64_t next = 1;
	uint32_t rec = 0, n;
	size_t k;
	struct timespec ts;

	cim_run_start(argv, usage, help);
	opt.max_share = 10;
	opt.lock_wait = 60;
	strcpy(opt.region, "BR");
	set_unique("cpf,crm");
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case O_STATE: opt.state = optarg; break;
		case O_LOG: opt.log = optarg; break;
		case O_MAXSHARE:
			opt.max_share = cim_opt_long("--max-share", optarg, 1, 1000000000);
			break;
		case O_UNIQUE: set_unique(optarg); break;
		case O_KEY: add_key_opt(optarg, &prog); break;
		case O_REGION:
			if (strlen(optarg) != 2)
				cim_usage("--region: '%s' is not a two-letter country code", optarg);
			opt.region[0] = (char)(optarg[0] & ~0x20);
			opt.region[1] = (char)(optarg[1] & ~0x20);
			break;
		case O_PROFILES: opt.profiles = optarg; break;
		case O_TIMELINE: opt.timeline = optarg; break;
		case O_ANYNAME: opt.any_name = 1; break;
		case O_EDGES: set_mode(M_EDGES); break;
		case O_FROMEDGES: set_mode(M_FROM_EDGES); break;
		case O_APPLY: set_mode(M_APPLY); opt.apply = optarg; break;
		case O_LOCKWAIT: opt.lock_wait = cim_opt_duration("--lock-wait", optarg); break;
		default:
			if (!cim_run_option(c, optarg))
				cim_usage(NULL);
		}
	}
	if (prog.len) {
		cim_buf_adds(&prog, "]");
		opt.jq = cim_jq_compile(cim_buf_str(&prog), "--key", jv_invalid());
	}
	if (opt.log != NULL) {
		int fd = open(opt.log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

		if (fd < 0)
			cim_die(2, "%s: %s", opt.log, strerror(errno));
		logout = cim_out_fd(fd, opt.log);
	}
	if (opt.mode == M_APPLY) {
		if (opt.state || opt.profiles || opt.timeline || opt.jq)
			cim_usage("--apply takes no --state, --profiles, --timeline or --key");
		apply_assignments(argv + optind, argc - optind);
		cim_buf_free(&why);
		return cim_run_end();
	}
	if (opt.mode == M_EDGES && (opt.state || opt.profiles || opt.timeline || opt.log))
		cim_usage("--edges takes no --state, --log, --profiles or --timeline");
	if (opt.mode == M_FROM_EDGES && (opt.jq || opt.profiles || opt.timeline))
		cim_usage("--from-edges takes no --key, --profiles or --timeline");
	clock_gettime(CLOCK_REALTIME, &ts);
	cim_time_format((int64_t)ts.tv_sec * 1000, now);

	cim_idgraph_init(&g, opt.unique, opt.nunique);
	g.names = !opt.any_name;
	if (opt.state != NULL) {
		if ((lockfd = cim_idstate_lock(opt.state, opt.lock_wait)) < 0)
			return 1;
		if (cim_idstate_load(opt.state, &next, state_entry, NULL) < 0)
			return 1;
	}
	nvirtual = g.nnodes;

	nops = optind < argc ? (size_t)(argc - optind) : 1;
	ops = cim_xcalloc(nops, sizeof(*ops));
	for (k = 0; k < nops; k++) {
		ops[k].path = optind < argc ? argv[optind + (int)k] : "-";
		first_pass(&ops[k]);
	}

	if (opt.mode == M_EDGES)
		goto done;
	cim_idgraph_solve(&g, (uint32_t)opt.max_share);
	report_generic();
	/* Customer numbers: remembered, or new in order of first appearance. */
	csize = cim_xcalloc((size_t)g.nnodes + 1, sizeof(*csize));
	for (n = nvirtual; n < g.nnodes; n++) {
		uint32_t root = cim_idgraph_find(&g, n);

		if (g.label[root] == 0)
			g.label[root] = next++;
		csize[root]++;
	}
	merge_recs = cim_xcalloc(g.nmerge + 1, sizeof(*merge_recs));
	if (g.nmerge)
		index_merges();
	if (opt.profiles != NULL || opt.timeline != NULL)
		prof_of = cim_xcalloc((size_t)g.nnodes + 1, sizeof(*prof_of));
	if (opt.timeline != NULL) {
		tl_fd = open_tmp("timeline file", &tl_tmp);
		tl = cim_xcalloc((size_t)nrecords + 1, sizeof(*tl));
	}

	if (spill != NULL) {
		char path[32];

		cim_out_flush(spill);
		if (lseek(spill_fd, 0, SEEK_SET) < 0)
			cim_die(1, "spill file: %s", strerror(errno));
		snprintf(path, sizeof(path), "/dev/fd/%d", spill_fd);
		if ((sp = cim_lines_open(path)) == NULL)
			return 1;
	}
	for (k = 0; k < nops; k++)
		second_pass(&ops[k], sp, &rec);
	cim_out_flush(cim_run.out);

	report_merges();
	if (opt.profiles != NULL)
		write_profiles();
	if (opt.timeline != NULL)
		write_timeline();
	if (logout != NULL)
		cim_out_close(logout, 0);
	if (opt.state != NULL) {
		int readerr = 0;

		for (k = 0; k < nops; k++)
			readerr |= ops[k].err;
		if (readerr)
			cim_warnx("%s: not updated: input was not read completely", opt.state);
		else
			save_state(next);
		close(lockfd);
	}

done:
	if (sp != NULL)
		cim_lines_close(sp);
	if (spill != NULL)
		cim_out_close(spill, 0);
	if (tl_tmp != NULL)
		cim_out_close(tl_tmp, 0);
	for (k = 0; k < g.nmerge; k++)
		cim_buf_free(&merge_recs[k]);
	free(merge_recs);
	free(merge_first);
	free(merge_next);
	for (k = 0; k < nops; k++) {
		free((char *)ops[k].name);
		free(ops[k].rejected);
	}
	free(ops);
	free(csize);
	free(prof);
	free(prof_of);
	free(tl);
	free(plain);
	free(attrs_at);
	for (k = 0; k < opt.nkey; k++)
		free(opt.keyname[k]);
	free(opt.keyname);
	for (c = 0; c < opt.nunique; c++)
		free(opt.unique[c]);
	cim_jq_free(opt.jq);
	cim_idgraph_free(&g);
	cim_smap_free(&custnode);
	cim_smap_free(&spell);
	cim_buf_free(&why);
	cim_buf_free(&scratch);
	cim_buf_free(&prog);
	st = cim_run_end();
	return st;
}
