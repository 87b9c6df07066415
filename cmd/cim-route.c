/*
 * cim-route: decide where each conversation goes (queue, bot or human,
 * priority, skills, tone, SLA) by an ordered policy of jq rules and a
 * region profile, and optionally simulate whether a roster of agents can
 * take the load (lib/sim.h).
 *
 * The policy is ONE jq program (lib/policy.h).  Its input is built from
 * the members the policy names, never from the whole line: the messages
 * are most of a record's bytes and routing rarely reads them.  Records
 * whose named members and local-time facts are the same get the same
 * route, so decisions are remembered in a small table keyed by those
 * bytes; jq runs once per distinct case, not once per record.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "err.h"
#include "jqprog.h"
#include "json.h"
#include "kvfile.h"
#include "lines.h"
#include "policy.h"
#include "rec.h"
#include "region.h"
#include "run.h"
#include "schema.h"
#include "sim.h"
#include "smap.h"
#include "tmpdir.h"
#include "tstamp.h"

static const char usage[] =
"usage: cim-route [--policy file] [--region cc] [--region-profile file]\n"
"                 [--vip expr] [--overflow queue] [--explain]\n"
"                 [--simulate --agents file [--strategy name] [--service expr]\n"
"                 [--patience duration] [--sl-target duration] [--scale x]\n"
"                 [--seed n] [--summary file] [--staffing file]]\n"
"                 [--print-policy] [--print-regions] [--rejects file]\n"
"                 [--strict] [--stats] [file ...]\n";

static const char help[] =
"Add route {queue, handler, priority, skills, tone, sla_s, reason} to each\n"
"conversation record.\n"
"\n"
"      --policy FILE          routing rules (default: the built-in policy)\n"
"      --region CC            region of records that have none (default BR)\n"
"      --region-profile FILE  more region profiles (tone, hours, holidays...)\n"
"      --vip EXPR             jq condition for a valuable customer\n"
"                             (default: attrs.tier vip, gold, platinum, premium)\n"
"      --overflow QUEUE       queue of records no rule can place (default overflow)\n"
"      --explain              print each record's rule trace to stderr\n"
"      --simulate             replay the conversations against --agents\n"
"      --agents FILE          the roster, NDJSON: name, skills, languages,\n"
"                             concurrency, shifts\n"
"      --strategy NAME        skills (default), round-robin, least-busy\n"
"      --service EXPR         service time in seconds, a jq expression\n"
"                             (default: the conversation's handling time)\n"
"      --patience DURATION    abandon when not answered in time (default: never)\n"
"      --sl-target DURATION   service-level target (default 20s phone, 60s other)\n"
"      --scale X              multiply arrivals by X >= 1 (resampled history)\n"
"      --seed N               seed of --scale resampling (default 1)\n"
"      --summary FILE         per-queue and overall simulation figures, NDJSON\n"
"      --staffing FILE        agents needed per queue and hour by Erlang C\n"
"      --print-policy         print the built-in policy and exit\n"
"      --print-regions        print the built-in region profiles and exit\n"
"      --rejects FILE         write rejected input, with reasons, as NDJSON\n"
"      --strict               exit 1 if any input was rejected\n"
"      --stats                print read/written/rejected counts to stderr\n"
"  -h, --help                 show this help\n"
"      --version              show the version\n"
"\n"
"With no file, or when file is -, read standard input.  See cim-route(1).\n";

enum { O_POLICY = CIM_OPT_TOOL, O_REGION, O_PROFILE, O_VIP, O_OVERFLOW,
    O_EXPLAIN, O_SIMULATE, O_AGENTS, O_STRATEGY, O_SERVICE, O_PATIENCE,
    O_SLTARGET, O_SCALE, O_SEED, O_SUMMARY, O_STAFFING, O_PRINTPOL,
    O_PRINTREG };

static const struct option longopts[] = {
	{ "policy", required_argument, NULL, O_POLICY },
	{ "region", required_argument, NULL, O_REGION },
	{ "region-profile", required_argument, NULL, O_PROFILE },
	{ "vip", required_argument, NULL, O_VIP },
	{ "overflow", required_argument, NULL, O_OVERFLOW },
	{ "explain", no_argument, NULL, O_EXPLAIN },
	{ "simulate", no_argument, NULL, O_SIMULATE },
	{ "agents", required_argument, NULL, O_AGENTS },
	{ "strategy", required_argument, NULL, O_STRATEGY },
	{ "service", required_argument, NULL, O_SERVICE },
	{ "patience", required_argument, NULL, O_PATIENCE },
	{ "sl-target", required_argument, NULL, O_SLTARGET },
	{ "scale", required_argument, NULL, O_SCALE },
	{ "seed", required_argument, NULL, O_SEED },
	{ "summary", required_argument, NULL, O_SUMMARY },
	{ "staffing", required_argument, NULL, O_STAFFING },
	{ "print-policy", no_argument, NULL, O_PRINTPOL },
	{ "print-regions", no_argument, NULL, O_PRINTREG },
	CIM_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

struct names {
	struct cim_smap	 set;		/* identifiers and strings of a program */
	int		 messages;	/* "messages" is one of them */
};

static struct {
	struct cim_policy	 pol;
	struct cim_jq		*jq;
	struct cim_region	*rg;
	size_t			 nrg;
	struct cim_region	*rg_default;
	const char		*overflow;
	int			 explain;
	struct names		 names;		/* what the policy program names */
	struct names		 service_names;	/* what --service names */
	int			 want_local;	/* the program reads $ctx.local */
	/* simulation */
	int			 simulate;
	struct cim_jq		*service;
	const char		*agents_file;
	struct cim_sim		*sim;
	FILE			*spool;		/* routed lines waiting for sim results */
} opt;

/* ---- the decision cache ---- */

struct memo {
	char		*key;
	size_t		 klen;
	uint64_t	 hash;
	char		*route;		/* the route object, JSON */
	size_t		 rlen;
	long		 rule;		/* matched rule, -1 defaults, -2 policy error */
	int		 overflow;	/* the route is the overflow queue's */
	jv		 parsed;	/* route as jv, for --simulate (lazily) */
};

/* Bounded: when full it is emptied, so memory does not grow with input. */
#define MEMO_CAP	(1u << 15)
static struct memo memo[MEMO_CAP];
static size_t memo_n;

static struct memo *
memo_find(const char *k, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (MEMO_CAP - 1);

	while (memo[i].key != NULL) {
		if (memo[i].hash == h && memo[i].klen == n && memcmp(memo[i].key, k, n) == 0)
			return &memo[i];
		i = (i + 1) & (MEMO_CAP - 1);
	}
	return &memo[i];	/* the empty slot for it */
}

static void
memo_clear(void)
{
	for (size_t i = 0; i < MEMO_CAP; i++) {
		free(memo[i].key);
		free(memo[i].route);
		if (memo[i].key != NULL)
			jv_free(memo[i].parsed);
	}
	memset(memo, 0, sizeof(memo));
	memo_n = 0;
}

/* ---- names: which members the program can read ---- */


/*
 * Collects every identifier and string literal of the program text.  A
 * member (or a member of an object member) is given to the program only
 * when its name is among them: ".urgency.level", "has(\"tier\")" and
 * "getpath([\"attrs\",\"tier\"])" all name what they read.  Over-collecting
 * (jq keywords, builtins) costs nothing but a bigger input.
 */
static void
collect_names(struct names *nm, const char *s)
{
	int isnew;

	while (*s) {
		if (*s == '"') {
			const char *e = ++s;

			while (*e && *e != '"')
				e += *e == '\\' && e[1] ? 2 : 1;
			cim_smap_put(&nm->set, s, (size_t)(e - s), &isnew);
			s = *e ? e + 1 : e;
		} else if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_') {
			const char *e = s;

			while ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') ||
			    (*e >= '0' && *e <= '9') || *e == '_')
				e++;
			cim_smap_put(&nm->set, s, (size_t)(e - s), &isnew);
			s = e;
		} else if (*s == '#') {
			while (*s && *s != '\n')
				s++;
		} else {
			s++;
		}
	}
	nm->messages = cim_smap_get(&nm->set, "messages", 8) != NULL;
}

static int
named(const struct names *nm, const struct cim_jmember *m)
{
	/* An escaped key cannot be compared raw: give it, to be safe. */
	return m->kesc || cim_smap_get(&nm->set, m->key, m->klen) != NULL;
}

/*
 * Appends to key the bytes the decision depends on: the named members,
 * object members cut down to their named members.  When in is not NULL
 * also builds the program's view of the record from the same members
 * (only on a memo miss: most records need the key alone).
 */
static void
project(const struct names *nm, const struct cim_rec *r, struct cim_buf *key, jv *in)
{
	static struct cim_jscan sub;
	jv obj = in != NULL ? jv_object() : jv_invalid();

	for (size_t i = 0; i < r->sc.n; i++) {
		const struct cim_jmember *m = &r->sc.m[i];
		jv v = jv_invalid();

		if (!named(nm, m))
			continue;
		if (!nm->messages && cim_json_key_is(m->key, m->klen, m->kesc, "messages"))
			continue;
		cim_buf_add(key, m->key, m->klen);
		cim_buf_addc(key, '\0');
		if (m->val[0] == '{' && cim_json_members(m->val, m->vlen, &sub) == 0) {
			if (in != NULL)
				v = jv_object();
			for (size_t j = 0; j < sub.n; j++) {
				const struct cim_jmember *s = &sub.m[j];

				if (!named(nm, s))
					continue;
				cim_buf_add(key, s->key, s->klen);
				cim_buf_addc(key, '\0');
				cim_buf_add(key, s->val, s->vlen);
				cim_buf_addc(key, '\1');
				if (in != NULL)
					v = jv_object_set(v, s->kesc ?
					    jv_parse_sized(s->key - 1, (int)s->klen + 2) :
					    jv_string_sized(s->key, (int)s->klen),
					    cim_json_build(s->val, s->vlen));
			}
		} else {
			cim_buf_add(key, m->val, m->vlen);
			if (in != NULL)
				v = cim_json_build(m->val, m->vlen);
		}
		cim_buf_addc(key, '\2');
		if (in != NULL)
			obj = jv_object_set(obj, m->kesc ?
			    jv_parse_sized(m->key - 1, (int)m->klen + 2) :
			    jv_string_sized(m->key, (int)m->klen), v);
	}
	if (in != NULL)
		*in = obj;
}

/* ---- the decision ---- */

static const char *const wdayname[8] = { "", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

/* Checks the program's output and writes the route object; -1 with why. */
static int
route_json(jv o, const struct cim_region *g, struct cim_buf *out, struct cim_buf *why)
{
	jv q = jv_object_get(jv_copy(o), jv_string("queue"));
	jv h = jv_object_get(jv_copy(o), jv_string("handler"));
	jv p = jv_object_get(jv_copy(o), jv_string("priority"));
	jv sk = jv_object_get(jv_copy(o), jv_string("skills"));
	jv t = jv_object_get(jv_copy(o), jv_string("tone"));
	jv sla = jv_object_get(jv_copy(o), jv_string("sla_s"));
	jv rs = jv_object_get(jv_copy(o), jv_string("reason"));
	double pr = 0, sl = 0;
	int rc = -1;

	if (jv_get_kind(q) != JV_KIND_STRING || jv_string_length_bytes(jv_copy(q)) == 0) {
		cim_buf_adds(why, "no queue");
		goto out;
	}
	if (jv_get_kind(h) != JV_KIND_STRING || (strcmp(jv_string_value(h), "bot") != 0 &&
	    strcmp(jv_string_value(h), "human") != 0)) {
		cim_buf_adds(why, "handler is not bot or human");
		goto out;
	}
	if (jv_get_kind(p) != JV_KIND_NUMBER || (pr = jv_number_value(p)) < 1 || pr > 5 ||
	    pr != floor(pr)) {
		cim_buf_adds(why, "priority is not 1 to 5");
		goto out;
	}
	if (jv_get_kind(sla) == JV_KIND_STRING) {
		long d = cim_parse_duration(jv_string_value(sla));

		if (d < 0) {
			cim_buf_adds(why, "sla is not a duration");
			goto out;
		}
		sl = (double)d;
	} else if (jv_get_kind(sla) == JV_KIND_NUMBER && jv_number_value(sla) >= 0) {
		sl = jv_number_value(sla);
	} else {
		cim_buf_adds(why, "sla is not a duration");
		goto out;
	}
	if (jv_get_kind(sk) == JV_KIND_STRING) {
		sk = jv_array_append(jv_array(), sk);
	} else if (jv_get_kind(sk) == JV_KIND_NULL) {
		jv_free(sk);
		sk = jv_array();
	} else if (jv_get_kind(sk) != JV_KIND_ARRAY) {
		cim_buf_adds(why, "skills is not a list");
		goto out;
	}
	{
		/* Each skill once, first mention first: rules often add a skill
		 * that default_skills also gives. */
		jv u = jv_array();

		jv_array_foreach(sk, i, s) {
			int bad = jv_get_kind(s) != JV_KIND_STRING, dup = 0;

			if (bad) {
				jv_free(s);
				jv_free(u);
				cim_buf_adds(why, "a skill is not a string");
				goto out;
			}
			jv_array_foreach(u, k, x) {
				dup |= jv_equal(x, jv_copy(s));
			}
			u = dup ? (jv_free(s), u) : jv_array_append(u, s);
		}
		jv_free(sk);
		sk = u;
	}
	if (jv_get_kind(t) == JV_KIND_NULL) {
		jv_free(t);
		t = jv_object_get(jv_copy(g->profile), jv_string("tone"));
	}
	cim_buf_adds(out, "{\"queue\":");
	cim_jv_dump(out, jv_copy(q));
	cim_buf_printf(out, ",\"handler\":\"%s\",\"priority\":%d,\"skills\":",
	    jv_string_value(h), (int)pr);
	cim_jv_dump(out, jv_copy(sk));
	cim_buf_adds(out, ",\"tone\":");
	cim_jv_dump(out, jv_is_valid(t) && jv_get_kind(t) == JV_KIND_STRING ? jv_copy(t) : jv_null());
	cim_buf_adds(out, ",\"sla_s\":");
	cim_jv_dump(out, jv_number(sl));
	cim_buf_adds(out, ",\"reason\":");
	cim_jv_dump(out, jv_get_kind(rs) == JV_KIND_STRING ? jv_copy(rs) : jv_string("?"));
	cim_buf_addc(out, '}');
	rc = 0;
out:
	jv_free(o);
	jv_free(q);
	jv_free(h);
	jv_free(p);
	jv_free(sk);
	jv_free(t);
	jv_free(sla);
	jv_free(rs);
	return rc;
}

/* The route of a record no rule could place. */
static void
overflow_json(const struct cim_region *g, const char *why, struct cim_buf *out)
{
	jv t = jv_object_get(jv_copy(g->profile), jv_string("tone"));
	struct cim_buf r = { 0 };

	cim_buf_adds(out, "{\"queue\":");
	cim_buf_json_str(out, opt.overflow, strlen(opt.overflow));
	cim_buf_adds(out, ",\"handler\":\"human\",\"priority\":3,\"skills\":[],\"tone\":");
	cim_jv_dump(out, jv_get_kind(t) == JV_KIND_STRING ? t : (jv_free(t), jv_null()));
	cim_buf_adds(out, ",\"sla_s\":3600,\"reason\":");
	cim_buf_printf(&r, "overflow: %s", why);
	cim_buf_json_str(out, r.p, r.len);
	cim_buf_addc(out, '}');
	cim_buf_free(&r);
}

/* The local-time facts of the decision, first in its memo key. */
static void
ctx_key(struct cim_buf *key, const struct cim_region *g, int open, int holiday,
    int wday, int minute)
{
	char k[6] = { g->code[0], g->code[1], (char)('0' + open), (char)('0' + holiday),
	    (char)('0' + wday), (char)(minute / 60) };

	/* $ctx.local names the hour: then the hour matters too */
	cim_buf_add(key, k, opt.want_local ? 6 : 4);
}

/* The decision for r: the memo entry holding its route. */
static struct memo *
decide(const struct cim_rec *rec, struct cim_region *g, int64_t started_ms)
{
	static struct cim_buf key, why;
	int open, holiday, wday, minute;
	uint64_t h;
	struct memo *m;
	jv ctx, in, outv;
	char local[16];

	cim_region_at(g, started_ms, &open, &holiday, &wday, &minute);
	key.len = 0;
	ctx_key(&key, g, open, holiday, wday, minute);
	project(&opt.names, rec, &key, NULL);
	h = cim_hash(key.p, key.len);
	m = memo_find(key.p, key.len, h);
	if (m->key != NULL)
		return m;
	key.len = 0;	/* the same key again, with the input */
	ctx_key(&key, g, open, holiday, wday, minute);
	project(&opt.names, rec, &key, &in);
	if (memo_n >= MEMO_CAP / 2) {
		memo_clear();
		m = memo_find(key.p, key.len, h);
	}
	snprintf(local, sizeof(local), "%s %02dh", wdayname[wday], minute / 60);
	ctx = jv_object_set(jv_object(), jv_string("region"), jv_string(g->code));
	ctx = jv_object_set(ctx, jv_string("profile"), jv_copy(g->profile));
	ctx = jv_object_set(ctx, jv_string("in_hours"), jv_bool(open));
	ctx = jv_object_set(ctx, jv_string("holiday"), jv_bool(holiday));
	ctx = jv_object_set(ctx, jv_string("local"), jv_string(local));
	why.len = 0;
	outv = cim_jq_first(opt.jq, jv_array_append(jv_array_append(jv_array(), ctx), in), &why);
	{
		struct cim_buf route = { 0 };

		m->rule = -2;
		m->overflow = 0;
		if (!jv_is_valid(outv)) {
			struct cim_buf w = { 0 };

			/* jq 1.6's try also swallows errors raised after it on
			 * the same path (jq issue 1859): a failing value then
			 * shows as no output. */
			if (strcmp(cim_buf_str(&why), "no output") == 0)
				cim_buf_adds(&w, "policy error: an expression failed or gave no value");
			else
				cim_buf_printf(&w, "policy error: %s", cim_buf_str(&why));
			overflow_json(g, cim_buf_str(&w), &route);
			m->overflow = 1;
			cim_buf_free(&w);
		} else {
			jv ri = jv_object_get(jv_copy(outv), jv_string("r"));
			long rule = cim_jq_index(ri, opt.pol.n);	/* -1: the defaults */

			jv_free(ri);
			if (route_json(outv, g, &route, &why) < 0) {
				struct cim_buf w = { 0 };

				cim_buf_printf(&w, "%s %s: %s", rule >= 0 ? "rule" : "defaults",
				    rule >= 0 ? opt.pol.r[rule].name : "", cim_buf_str(&why));
				route.len = 0;
				overflow_json(g, cim_buf_str(&w), &route);
				cim_buf_free(&w);
				m->overflow = 1;
			}
			m->rule = rule;
		}
		m->key = cim_xmalloc(key.len ? key.len : 1);
		memcpy(m->key, key.p, key.len);
		m->klen = key.len;
		m->hash = h;
		m->route = route.p;
		m->rlen = route.len;
		m->parsed = jv_invalid();
		memo_n++;
	}
	return m;
}

static void
explain(const char *file, long line, struct cim_rec *r, const struct memo *m)
{
	struct cim_buf b = { 0 };
	const char *id;
	size_t idn;

	if (!cim_rec_str(r, "id", &id, &idn))
		id = "?", idn = 1;
	cim_buf_printf(&b, "%.*s:", (int)idn, id);
	/* After a policy error it is not known which rules were tried. */
	for (long i = 0; i < (long)opt.pol.n && m->rule != -2 && (m->rule < 0 || i < m->rule); i++)
		cim_buf_printf(&b, " -%s", opt.pol.r[i].name);
	if (m->rule >= 0)
		cim_buf_printf(&b, " +%s", opt.pol.r[m->rule].name);
	else if (m->rule == -1)
		cim_buf_adds(&b, " +defaults");
	if (m->overflow)
		cim_buf_adds(&b, " +overflow");
	cim_buf_adds(&b, " => ");
	cim_buf_add(&b, m->route, m->rlen);
	cim_warn_at(file, line, "%s", cim_buf_str(&b));
	cim_buf_free(&b);
}

/* ---- simulation jobs ---- */

/* The time of the first event of type t at or after from; -1 if none. */
static int64_t
event_at(jv ev, const char *type, int64_t from)
{
	int64_t found = -1;

	if (jv_get_kind(ev) != JV_KIND_ARRAY)
		return -1;
	jv_array_foreach(ev, i, e) {
		jv ty = jv_object_get(jv_copy(e), jv_string("type"));
		jv at = jv_object_get(jv_copy(e), jv_string("at"));
		int64_t ms;

		if (found < 0 && jv_get_kind(ty) == JV_KIND_STRING && jv_get_kind(at) == JV_KIND_STRING &&
		    strcmp(jv_string_value(ty), type) == 0 &&
		    cim_time_parse_canonical(jv_string_value(at),
		    (size_t)jv_string_length_bytes(jv_copy(at)), &ms) == 0 && ms >= from)
			found = ms;
		jv_free(ty);
		jv_free(at);
		jv_free(e);
	}
	return found;
}

/*
 * The service time of a record: --service, else the handling time (from
 * "answered" to "resolved", else started_at to ended_at), else 5 minutes.
 */
static int
service_of(struct cim_rec *rec, int64_t started, double *sv, struct cim_buf *why)
{
	const char *s;
	size_t n;
	int64_t a, b;

	if (opt.service != NULL) {
		static struct cim_buf key;
		jv in, v;

		key.len = 0;
		project(&opt.service_names, rec, &key, &in);
		v = cim_jq_first(opt.service, in, why);

		if (jv_get_kind(v) != JV_KIND_NUMBER || jv_number_value(v) < 0 ||
		    !isfinite(jv_number_value(v))) {
			if (jv_is_valid(v))
				cim_buf_adds(why, "not a number of seconds >= 0");
			jv_free(v);
			return -1;
		}
		*sv = jv_number_value(v);
		jv_free(v);
		return 0;
	}
	{
		jv ev = cim_rec_get(rec, "events");

		a = event_at(ev, "answered", started);
		b = a >= 0 ? event_at(ev, "resolved", a) : -1;
		jv_free(ev);
	}
	if (a >= 0 && b >= 0) {
		*sv = (double)(b - a) / 1000;
		return 0;
	}
	if (cim_rec_str(rec, "ended_at", &s, &n) &&
	    cim_time_parse_canonical(s, n, &b) == 0 && b >= started) {
		*sv = (double)(b - started) / 1000;
		return 0;
	}
	*sv = 300;
	return 0;
}

static int
add_job(struct cim_rec *rec, struct memo *m, int64_t started, struct cim_buf *why)
{
	jv r, q, h, p, sk;
	struct cim_sim_job j = { 0 };
	const char **names;
	const char *ch;
	size_t chn;
	int rc = -1;

	if (jv_get_kind(m->parsed) == JV_KIND_INVALID) {
		jv_free(m->parsed);
		m->parsed = jv_parse_sized(m->route, (int)m->rlen);
	}
	r = jv_copy(m->parsed);
	q = jv_object_get(jv_copy(r), jv_string("queue"));
	h = jv_object_get(jv_copy(r), jv_string("handler"));
	p = jv_object_get(jv_copy(r), jv_string("priority"));
	sk = jv_object_get(jv_copy(r), jv_string("skills"));
	j.arrive_ms = started;
	if (service_of(rec, started, &j.service_s, why) < 0) {
		struct cim_buf w = { 0 };

		cim_buf_printf(&w, "--service: %s", cim_buf_str(why));
		why->len = 0;
		cim_buf_add(why, w.p, w.len);
		cim_buf_free(&w);
		goto out;
	}
	j.priority = (int)jv_number_value(p);
	j.queue = jv_string_value(q);
	j.bot = strcmp(jv_string_value(h), "bot") == 0;
	j.voice = cim_rec_str(rec, "channel", &ch, &chn) && chn == 5 && memcmp(ch, "phone", 5) == 0;
	j.nskills = (size_t)jv_array_length(jv_copy(sk));
	names = cim_xmalloc((j.nskills + 1) * sizeof(*names));
	for (size_t i = 0; i < j.nskills; i++) {
		jv s = jv_array_get(jv_copy(sk), (int)i);

		names[i] = cim_xstrdup(jv_string_value(s));
		jv_free(s);
	}
	j.skills = names;
	cim_sim_add(opt.sim, &j);
	for (size_t i = 0; i < j.nskills; i++)
		free((char *)names[i]);
	free(names);
	rc = 0;
out:
	jv_free(r);
	jv_free(q);
	jv_free(h);
	jv_free(p);
	jv_free(sk);
	return rc;
}

/* ---- records ---- */

static void
route_file(const char *path)
{
	struct cim_lines *l;
	struct cim_rec rec = { 0 };
	struct cim_buf out = { 0 }, why = { 0 };
	const char *name, *w;
	char *line;
	size_t len, at;
	int rc;

	if ((l = cim_run_open(path)) == NULL)
		return;
	name = cim_lines_name(l);
	while ((rc = cim_lines_next(l, &line, &len)) == 1) {
		struct cim_region *g = opt.rg_default;
		struct memo *m;
		const char *s;
		size_t n;
		int64_t ms = 0;

		if (cim_ascii_blank(line, len))
			continue;
		cim_run_read(1);
		if (cim_rec_parse(&rec, line, len, &w, &at) < 0) {
			cim_reject_json(name, l->lineno, line, len, w, at);
			continue;
		}
		why.len = 0;
		if (cim_schema_check(&rec, &why, NULL) < 0) {
			cim_reject(name, l->lineno, line, len, "%s", cim_buf_str(&why));
			continue;
		}
		if (cim_rec_str(&rec, "region", &s, &n)) {
			struct cim_region *f = cim_region_find(opt.rg, opt.nrg, s, n);

			if (f != NULL)
				g = f;
		}
		if (cim_rec_str(&rec, "started_at", &s, &n))
			cim_time_parse_canonical(s, n, &ms);
		m = decide(&rec, g, ms);
		if (opt.explain)
			explain(name, l->lineno, &rec, m);
		if (opt.simulate) {
			why.len = 0;
			if (add_job(&rec, m, ms, &why) < 0) {
				cim_reject(name, l->lineno, line, len, "%s", cim_buf_str(&why));
				continue;
			}
		}
		cim_rec_set_raw(&rec, "route", m->route, m->rlen);
		out.len = 0;
		cim_rec_write_before(&rec, "attrs", &out);	/* cim.7: before attrs */
		if (opt.simulate) {
			if (fwrite(out.p, 1, out.len, opt.spool) != out.len)
				cim_die(1, "temporary file: write error: %s", strerror(errno));
		} else {
			cim_out_add(cim_run.out, out.p, out.len);
		}
		cim_run_wrote(1);
	}
	if (rc < 0)
		cim_run_fail();
	cim_lines_close(l);
	cim_rec_free(&rec);
	cim_buf_free(&out);
	cim_buf_free(&why);
}

/* Writes the spooled lines with route.sim spliced in, in input order. */
static void
write_simulated(void)
{
	struct cim_rec rec = { 0 };
	struct cim_buf out = { 0 }, route = { 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	size_t i = 0, at;
	const char *w;

	rewind(opt.spool);
	while ((len = getline(&line, &cap, opt.spool)) > 0) {
		const struct cim_jmember *m;

		if (line[len - 1] == '\n')
			len--;
		if (cim_rec_parse(&rec, line, (size_t)len, &w, &at) < 0 ||
		    (m = cim_rec_find(&rec, "route")) == NULL)
			cim_die(1, "temporary file: corrupt line");
		route.len = 0;
		cim_buf_add(&route, m->val, m->vlen - 1);	/* without '}' */
		cim_buf_adds(&route, ",\"sim\":");
		cim_sim_result_json(opt.sim, i++, &route);
		cim_buf_addc(&route, '}');
		cim_rec_set_raw(&rec, "route", route.p, route.len);
		out.len = 0;
		cim_rec_write_before(&rec, "attrs", &out);
		cim_out_add(cim_run.out, out.p, out.len);
	}
	if (ferror(opt.spool))
		cim_die(1, "temporary file: read error: %s", strerror(errno));
	free(line);
	cim_rec_free(&rec);
	cim_buf_free(&out);
	cim_buf_free(&route);
}

/*
 * Reports, before any input is read, the skills a policy rule sets
 * literally that no agent of the roster has.  Skills computed by an
 * expression are known only per record: cim_sim_run() reports those.
 */
static void
check_roster(void)
{
	for (size_t i = 0; i <= opt.pol.n; i++) {
		const struct cim_prule *r = i < opt.pol.n ? &opt.pol.r[i] : &opt.pol.def;
		const char *v = r->val[CIM_PK_SKILLS];
		jv a;

		if (v == NULL || v[0] != '[')
			continue;
		a = jv_parse(v);
		jv_array_foreach(a, k, s) {
			if (!cim_sim_has_skill(opt.sim, jv_string_value(s)))
				cim_warnx("%s: no agent has skill '%s' (set by %s %s)", opt.agents_file,
				    jv_string_value(s), i < opt.pol.n ? "rule" : "the",
				    i < opt.pol.n ? r->name : "defaults");
			jv_free(s);
		}
		jv_free(a);
	}
}

static void
load_text(const char *path, struct cim_buf *text)
{
	if (cim_kvfile_slurp(path, text) < 0)
		exit(CIM_EXIT_USAGE);
}

static void
write_report(const char *path, void (*fn)(struct cim_sim *, struct cim_buf *))
{
	struct cim_buf b = { 0 };
	struct cim_out *o;

	fn(opt.sim, &b);
	if (strcmp(path, "-") == 0) {
		o = cim_out_fd(2, "<stderr>");
	} else if ((o = cim_out_create(path, 0666)) == NULL) {
		cim_warnx("%s: %s", path, strerror(errno));
		cim_run_fail();
		cim_buf_free(&b);
		return;
	}
	cim_out_add(o, b.p, b.len);
	cim_out_close(o, 0);
	cim_buf_free(&b);
}

int
main(int argc, char **argv)
{
	struct cim_buf text = { 0 }, why = { 0 }, prog = { 0 };
	struct cim_policy builtin = { 0 };
	struct cim_sim_opts so = { 0 };
	const char *policy = NULL, *vip = NULL, *region = "BR", *agents = NULL;
	const char *service = NULL, *summary = NULL, *staffing = NULL;
	const char **profiles = NULL;
	size_t nprofiles = 0;
	int c, i, print_pol = 0, print_reg = 0;

	cim_run_start(argv, usage, help);
	opt.overflow = "overflow";
	so.strategy = CIM_SIM_SKILLS;
	so.patience_s = -1;
	so.sl_target_s = -1;
	so.scale = 1;
	so.seed = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case O_POLICY: policy = optarg; break;
		case O_REGION:
			if (strlen(optarg) != 2 || optarg[0] < 'A' || optarg[0] > 'Z' ||
			    optarg[1] < 'A' || optarg[1] > 'Z')
				cim_usage("--region: '%s' is not a two-letter country code (BR, US)", optarg);
			region = optarg;
			break;
		case O_PROFILE:
			profiles = cim_xrealloc(profiles, (nprofiles + 1) * sizeof(*profiles));
			profiles[nprofiles++] = optarg;
			break;
		case O_VIP: vip = optarg; break;
		case O_OVERFLOW:
			if (*optarg == '\0')
				cim_usage("--overflow: empty queue name");
			opt.overflow = optarg;
			break;
		case O_EXPLAIN: opt.explain = 1; break;
		case O_SIMULATE: opt.simulate = 1; break;
		case O_AGENTS: agents = optarg; break;
		case O_STRATEGY:
			if (strcmp(optarg, "skills") == 0) so.strategy = CIM_SIM_SKILLS;
			else if (strcmp(optarg, "round-robin") == 0) so.strategy = CIM_SIM_ROUND_ROBIN;
			else if (strcmp(optarg, "least-busy") == 0) so.strategy = CIM_SIM_LEAST_BUSY;
			else cim_usage("--strategy: '%s' is not skills, round-robin or least-busy", optarg);
			break;
		case O_SERVICE: service = optarg; break;
		case O_PATIENCE: so.patience_s = cim_opt_duration("--patience", optarg); break;
		case O_SLTARGET: so.sl_target_s = cim_opt_duration("--sl-target", optarg); break;
		case O_SCALE: so.scale = cim_opt_double("--scale", optarg, 1, 100); break;
		case O_SEED: so.seed = (uint64_t)cim_opt_long("--seed", optarg, 0, 2147483647L); break;
		case O_SUMMARY: summary = optarg; break;
		case O_STAFFING: staffing = optarg; break;
		case O_PRINTPOL: print_pol = 1; break;
		case O_PRINTREG: print_reg = 1; break;
		default:
			if (!cim_run_option(c, optarg))
				cim_usage(NULL);
		}
	}
	if (print_pol || print_reg) {
		if (print_pol)
			cim_out_add(cim_run.out, cim_policy_builtin, strlen(cim_policy_builtin));
		if (print_reg)
			cim_out_add(cim_run.out, cim_region_builtin, strlen(cim_region_builtin));
		return cim_run_end();
	}
	if (!opt.simulate && (agents || service || summary || staffing || so.patience_s >= 0 ||
	    so.sl_target_s >= 0 || so.scale != 1))
		cim_usage("--agents, --service, --patience, --sl-target, --scale, --summary and --staffing need --simulate");
	if (opt.simulate && agents == NULL)
		cim_usage("--simulate needs --agents FILE");

	/* Policy: the built-in one, or a file whose defaults fall back to it. */
	if (cim_policy_parse(&builtin, "<built-in policy>", cim_policy_builtin,
	    strlen(cim_policy_builtin), &why) < 0)
		cim_die(1, "%s", cim_buf_str(&why));
	if (policy != NULL) {
		load_text(policy, &text);
		if (cim_policy_parse(&opt.pol, policy, text.p ? text.p : "", text.len, &why) < 0)
			cim_die(CIM_EXIT_USAGE, "%s", cim_buf_str(&why));
		cim_policy_inherit(&opt.pol, &builtin);
		cim_policy_free(&builtin);
	} else {
		opt.pol = builtin;
	}
	opt.jq = cim_policy_compile(&opt.pol, vip);
	cim_policy_program(&opt.pol, vip, &prog);
	collect_names(&opt.names, cim_buf_str(&prog));
	opt.want_local = cim_smap_get(&opt.names.set, "local", 5) != NULL;

	/* Regions: built in, then files (a code given again replaces it). */
	why.len = 0;
	if (cim_region_parse("<built-in regions>", cim_region_builtin,
	    strlen(cim_region_builtin), &opt.rg, &opt.nrg, &why) < 0)
		cim_die(1, "%s", cim_buf_str(&why));
	for (size_t k = 0; k < nprofiles; k++) {
		text.len = 0;
		load_text(profiles[k], &text);
		if (cim_region_parse(profiles[k], text.p ? text.p : "", text.len, &opt.rg,
		    &opt.nrg, &why) < 0)
			cim_die(CIM_EXIT_USAGE, "%s", cim_buf_str(&why));
	}
	if ((opt.rg_default = cim_region_find(opt.rg, opt.nrg, region, 2)) == NULL)
		cim_usage("--region: no profile for %s (add one with --region-profile)", region);

	if (opt.simulate) {
		if (service != NULL) {
			opt.service = cim_jq_compile(service, "--service", jv_invalid());
			collect_names(&opt.service_names, service);
		}
		text.len = 0;
		load_text(agents, &text);
		so.agents_file = opt.agents_file = agents;
		so.default_tz = opt.rg_default;
		so.overflow = opt.overflow;
		why.len = 0;
		if ((opt.sim = cim_sim_new(&so, text.p ? text.p : "", text.len, &why)) == NULL)
			cim_die(CIM_EXIT_USAGE, "%s", cim_buf_str(&why));
		check_roster();
		{
			/* In $TMPDIR: tmpfile(3) in glibc ignores it. */
			const char *dir;
			int fd = cim_tmpdir_open("cim-route", &dir);

			if (fd < 0 || (opt.spool = fdopen(fd, "w+")) == NULL)
				cim_die(1, "%s: cannot create the spool file: %s", dir, strerror(errno));
		}
	}

	if (optind == argc)
		route_file("-");
	for (i = optind; i < argc; i++)
		route_file(argv[i]);

	if (opt.simulate) {
		cim_sim_run(opt.sim);
		write_simulated();
		if (summary != NULL)
			write_report(summary, cim_sim_summary);
		if (staffing != NULL)
			write_report(staffing, cim_sim_staffing);
		fclose(opt.spool);
		cim_sim_free(opt.sim);
		cim_jq_free(opt.service);
	}
	memo_clear();
	cim_jq_free(opt.jq);
	cim_policy_free(&opt.pol);
	cim_region_free(opt.rg, opt.nrg);
	cim_smap_free(&opt.names.set);
	cim_smap_free(&opt.service_names.set);
	cim_buf_free(&text);
	cim_buf_free(&why);
	cim_buf_free(&prog);
	free(profiles);
	return cim_run_end();
}
