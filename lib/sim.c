/*
 * sim.c: contact-centre simulation with a binary heap of events, and
 * Erlang C (see sim.h).
 */
#include <jv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "err.h"
#include "json.h"
#include "sim.h"
#include "smap.h"

#define MAX_SKILLS	64

struct agent {
	char		*name;
	uint64_t	 mask;		/* skills and languages */
	int		 cap;		/* chats at once */
	int		 used;
	int64_t		 idle_since;	/* ms, for "longest idle first" */
	struct cim_hours *shifts;
	size_t		 nshifts;
	struct cim_tz	*tz;
	long		 off_s;		/* when tz is NULL */
	double		 busy_s;	/* capacity-seconds used */
	int64_t		 shift_minute;	/* on_shift()'s memory */
	int		 shift_on;
};

struct job {
	int64_t		 arrive;	/* ms */
	int64_t		 service;	/* ms */
	uint64_t	 need;
	int		 queue;		/* index in qname */
	int		 prio;
	int		 units_voice;	/* 1: whole agent */
	int		 bot, overflow;
	int		 real;		/* from a record (not a --scale copy) */
	/* results */
	int64_t		 wait;		/* ms */
	int		 agent;
	int		 abandoned, answered;
};

struct group {			/* waiting jobs needing the same skills */
	uint64_t	 need;
	size_t		*h;		/* heap of job indices */
	size_t		 n, cap;
};

struct event {
	int64_t		 t;
	int		 kind;		/* 0 completion, 1 shift start */
	int		 agent;
	size_t		 job;
};

struct cim_sim {
	struct cim_sim_opts	 o;
	struct agent		*ag;
	size_t			 nag;
	struct cim_smap		 skill;		/* name -> bit */
	int			 nskill;
	struct cim_smap		 qmap;		/* queue -> index */
	char			**qname;
	size_t			 nq;
	struct job		*jobs;
	size_t			 njobs, cap, nreal;
	char			**missing;	/* skills no agent has */
	size_t			 nmissing;
	long			*missing_n;
	struct group		*g;
	size_t			 ng;
	struct event		*ev;
	size_t			 nev, evcap;
	size_t			 rr;
	int64_t			 t0, t1;
};

/* ---- Erlang C ---- */

double
cim_erlang_c(int n, double a)
{
	double b = 1;

	if (a >= n)
		return 1;
	/* Erlang B by its recurrence (stable for any n), then C from B. */
	for (int k = 1; k <= n; k++)
		b = a * b / (k + a * b);
	return n * b / (n - a * (1 - b));
}

double
cim_erlang_wait(int n, double a, double aht_s)
{
	if (a >= n)
		return INFINITY;
	return cim_erlang_c(n, a) * aht_s / (n - a);
}

double
cim_erlang_sl(int n, double a, double aht_s, double t)
{
	if (a >= n)
		return 0;
	return 1 - cim_erlang_c(n, a) * exp(-(n - a) * t / aht_s);
}

int
cim_erlang_agents(double a, double aht_s, double t, double sl)
{
	int n = (int)floor(a) + 1;

	if (a <= 0)
		return 0;
	while (cim_erlang_sl(n, a, aht_s, t) < sl && n < 1000000)
		n++;
	return n;
}

/* ---- roster ---- */

static int
skill_bit(struct cim_sim *s, const char *name, size_t n, int create)
{
	struct cim_smap_ent *e = cim_smap_get(&s->skill, name, n);
	int isnew;

	if (e != NULL)
		return (int)e->val;
	if (!create || s->nskill >= MAX_SKILLS)
		return -1;
	e = cim_smap_put(&s->skill, name, n, &isnew);
	e->val = s->nskill++;
	return (int)e->val;
}

/* Adds the strings of array a (consumed) to the agent's mask. */
static int
add_skills(struct cim_sim *s, struct agent *g, jv a, struct cim_buf *why)
{
	int rc = 0;

	if (jv_get_kind(a) == JV_KIND_NULL || !jv_is_valid(a)) {
		jv_free(a);
		return 0;
	}
	if (jv_get_kind(a) != JV_KIND_ARRAY) {
		jv_free(a);
		cim_buf_adds(why, "skills and languages must be lists of strings");
		return -1;
	}
	jv_array_foreach(a, i, v) {
		int b;

		if (rc == 0 && jv_get_kind(v) != JV_KIND_STRING) {
			cim_buf_adds(why, "skills and languages must be lists of strings");
			rc = -1;
		} else if (rc == 0) {
			if ((b = skill_bit(s, jv_string_value(v), (size_t)jv_string_length_bytes(jv_copy(v)), 1)) < 0) {
				cim_buf_printf(why, "more than %d distinct skills", MAX_SKILLS);
				rc = -1;
			} else {
				g->mask |= 1ull << b;
			}
		}
		jv_free(v);
	}
	jv_free(a);
	return rc;
}

/* A concurrency as an int: 101 (refused by the caller's 1..100 check)
 * when it is beyond, huge or NaN, which a cast would leave undefined. */
static int
cap_of(double c)
{
	return c >= 0 && c <= 100 ? (int)c : 101;
}

static int
parse_agent(struct cim_sim *s, jv o, struct agent *g, struct cim_buf *why)
{
	jv v;
	int rc = -1;

	memset(g, 0, sizeof(*g));
	g->cap = 1;
	g->shift_minute = INT64_MIN;
	if (jv_get_kind(o) != JV_KIND_OBJECT) {
		cim_buf_adds(why, "an agent is a JSON object");
		goto out;
	}
	v = jv_object_get(jv_copy(o), jv_string("name"));
	if (jv_get_kind(v) != JV_KIND_STRING) {
		jv_free(v);
		cim_buf_adds(why, "agent without a name");
		goto out;
	}
	g->name = cim_xstrdup(jv_string_value(v));
	jv_free(v);
	if (add_skills(s, g, jv_object_get(jv_copy(o), jv_string("skills")), why) < 0 ||
	    add_skills(s, g, jv_object_get(jv_copy(o), jv_string("languages")), why) < 0)
		goto out;
	v = jv_object_get(jv_copy(o), jv_string("concurrency"));
	if (jv_get_kind(v) == JV_KIND_NUMBER) {
		g->cap = cap_of(jv_number_value(v));
	} else if (jv_get_kind(v) == JV_KIND_OBJECT) {
		/* {"phone": 1, "chat": 3}: calls take the whole agent, so
		 * what counts is how many chats. */
		g->cap = 1;
		jv_object_foreach(v, k, c) {
			if (strcmp(jv_string_value(k), "phone") != 0 &&
			    jv_get_kind(c) == JV_KIND_NUMBER && jv_number_value(c) > g->cap)
				g->cap = cap_of(jv_number_value(c));
			jv_free(k);
			jv_free(c);
		}
	} else if (jv_is_valid(v) && jv_get_kind(v) != JV_KIND_NULL) {
		jv_free(v);
		cim_buf_adds(why, "concurrency must be a number or an object");
		goto out;
	}
	jv_free(v);
	if (g->cap < 1 || g->cap > 100) {
		cim_buf_adds(why, "concurrency must be 1 to 100");
		goto out;
	}
	v = jv_object_get(jv_copy(o), jv_string("zone"));
	if (jv_get_kind(v) == JV_KIND_STRING) {
		char err[200];

		if ((g->tz = cim_tz_load(jv_string_value(v), err, sizeof(err))) == NULL) {
			cim_buf_printf(why, "zone: %s", err);
			jv_free(v);
			goto out;
		}
	} else if (s->o.default_tz != NULL) {
		g->off_s = s->o.default_tz->off_s;
		if (s->o.default_tz->tz != NULL) {
			char err[200];

			g->tz = cim_tz_load(cim_tz_name(s->o.default_tz->tz), err, sizeof(err));
		}
	}
	jv_free(v);
	v = jv_object_get(jv_copy(o), jv_string("shifts"));
	if (jv_get_kind(v) == JV_KIND_STRING)
		v = jv_array_append(jv_array(), v);
	if (jv_get_kind(v) == JV_KIND_ARRAY) {
		int bad = 0;

		jv_array_foreach(v, i, sh) {
			if (!bad && (jv_get_kind(sh) != JV_KIND_STRING ||
			    cim_hours_parse(jv_string_value(sh), &g->shifts, &g->nshifts, why) < 0)) {
				if (jv_get_kind(sh) != JV_KIND_STRING)
					cim_buf_adds(why, "shifts must be strings like \"mon-fri 08:00-17:00\"");
				bad = 1;
			}
			jv_free(sh);
		}
		jv_free(v);
		if (bad)
			goto out;
	} else {
		jv_free(v);
	}
	rc = 0;
out:
	jv_free(o);
	return rc;
}

struct cim_sim *
cim_sim_new(const struct cim_sim_opts *o, const char *roster, size_t n,
    struct cim_buf *why)
{
	struct cim_sim *s = cim_xcalloc(1, sizeof(*s));
	const char *p = roster, *end = roster + n;
	long line = 0;

	s->o = *o;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t len;
		jv v;
		struct cim_buf sub = { 0 };

		if (eol == NULL)
			eol = end;
		len = (size_t)(eol - p);
		line++;
		if (!cim_ascii_blank(p, len)) {
			const char *w;
			size_t at;

			/* Our scanner first: libjq 1.6 leaks on some malformed
			 * text, and this wording is every tool's. */
			if (cim_json_valid(p, len, &w, &at) < 0) {
				cim_buf_printf(why, "%s:%ld: invalid JSON at byte %zu: %s",
				    o->agents_file, line, at + 1, w);
				cim_sim_free(s);
				return NULL;
			}
			v = jv_parse_sized(p, (int)len);
			if (!jv_is_valid(v)) {
				jv msg = jv_invalid_get_msg(v);

				cim_buf_printf(why, "%s:%ld: invalid JSON: %s", o->agents_file, line,
				    jv_get_kind(msg) == JV_KIND_STRING ? jv_string_value(msg) : "?");
				jv_free(msg);
				cim_sim_free(s);
				return NULL;
			}
			s->ag = cim_xrealloc(s->ag, (s->nag + 1) * sizeof(*s->ag));
			if (parse_agent(s, v, &s->ag[s->nag], &sub) < 0) {
				cim_buf_printf(why, "%s:%ld: %s", o->agents_file, line, cim_buf_str(&sub));
				cim_buf_free(&sub);
				free(s->ag[s->nag].name);
				free(s->ag[s->nag].shifts);
				cim_tz_free(s->ag[s->nag].tz);
				cim_sim_free(s);
				return NULL;
			}
			s->nag++;
		}
		cim_buf_free(&sub);
		p = eol < end ? eol + 1 : end;
	}
	if (s->nag == 0) {
		cim_buf_printf(why, "%s: no agents", o->agents_file);
		cim_sim_free(s);
		return NULL;
	}
	return s;
}

int
cim_sim_has_skill(const struct cim_sim *s, const char *name)
{
	return cim_smap_get(&s->skill, name, strlen(name)) != NULL;
}

static int
queue_index(struct cim_sim *s, const char *q)
{
	int isnew;
	struct cim_smap_ent *e = cim_smap_put(&s->qmap, q, strlen(q), &isnew);

	if (isnew) {
		s->qname = cim_xrealloc(s->qname, (s->nq + 1) * sizeof(*s->qname));
		s->qname[s->nq] = cim_xstrdup(q);
		e->val = (long)s->nq++;
	}
	return (int)e->val;
}

static struct job *
new_job(struct cim_sim *s)
{
	if (s->njobs == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 1024;
		s->jobs = cim_xrealloc(s->jobs, s->cap * sizeof(*s->jobs));
	}
	memset(&s->jobs[s->njobs], 0, sizeof(*s->jobs));
	return &s->jobs[s->njobs++];
}

void
cim_sim_add(struct cim_sim *s, const struct cim_sim_job *in)
{
	struct job *j = new_job(s);

	j->arrive = in->arrive_ms;
	j->service = (int64_t)llround(in->service_s * 1000);
	if (j->service < 0)
		j->service = 0;
	j->prio = in->priority;
	j->units_voice = in->voice;
	j->bot = in->bot;
	j->real = 1;
	j->agent = -1;
	for (size_t i = 0; i < in->nskills; i++) {
		int b = skill_bit(s, in->skills[i], strlen(in->skills[i]), 0);

		if (b >= 0) {
			j->need |= 1ull << b;
			continue;
		}
		if (!in->bot) {
			size_t k;

			for (k = 0; k < s->nmissing; k++)
				if (strcmp(s->missing[k], in->skills[i]) == 0)
					break;
			if (k == s->nmissing) {
				s->missing = cim_xrealloc(s->missing, (k + 1) * sizeof(char *));
				s->missing_n = cim_xrealloc(s->missing_n, (k + 1) * sizeof(long));
				s->missing[k] = cim_xstrdup(in->skills[i]);
				s->missing_n[k] = 0;
				s->nmissing++;
			}
			s->missing_n[k]++;
			j->overflow = 1;
		}
	}
	if (!j->overflow && !j->bot) {
		/* Every skill exists, but does one agent have them all? */
		size_t a;

		for (a = 0; a < s->nag; a++)
			if ((s->ag[a].mask & j->need) == j->need)
				break;
		if (a == s->nag)
			j->overflow = 1;
	}
	if (j->overflow) {
		j->need = 0;
		j->queue = queue_index(s, s->o.overflow);
	} else {
		j->queue = queue_index(s, in->queue);
	}
	s->nreal = s->njobs;
}

/* ---- time ---- */

static long
agent_off(const struct agent *g, int64_t t_s)
{
	return g->tz != NULL ? cim_tz_offset_at(g->tz, t_s) : g->off_s;
}

static int
on_shift(struct agent *g, int64_t ms)
{
	int64_t s = ms / 1000, local, day, minute = ms / 60000;

	if (g->nshifts == 0)
		return 1;
	/* Shifts change on minute boundaries: remember the last minute. */
	if (minute == g->shift_minute)
		return g->shift_on;
	local = s + agent_off(g, s);
	day = local / 86400 - (local % 86400 < 0);
	g->shift_minute = minute;
	g->shift_on = cim_hours_in(g->shifts, g->nshifts, cim_time_weekday(day),
	    (int)((local - day * 86400) / 60));
	return g->shift_on;
}

/* The next instant after ms at which a shift of g starts; -1 when none. */
static int64_t
next_shift_start(const struct agent *g, int64_t ms)
{
	int64_t s = ms / 1000, local = s + agent_off(g, s);
	int64_t day = local / 86400 - (local % 86400 < 0), best = -1;

	for (int64_t d = day; d <= day + 8 && best < 0; d++) {
		int wd = cim_time_weekday(d);

		for (size_t i = 0; i < g->nshifts; i++) {
			int64_t st;

			if (!(g->shifts[i].days & (1u << (wd - 1))))
				continue;
			st = (d * 86400 + g->shifts[i].from * 60);
			st -= agent_off(g, st);
			st *= 1000;
			if (st > ms && (best < 0 || st < best))
				best = st;
		}
	}
	return best;
}

/* Seconds of [a, b) ms that g is on shift (each local day at the
 * offset of its midnight: a DST change moves that day's shifts). */
static double
shift_seconds(const struct agent *g, int64_t a, int64_t b)
{
	double sum = 0;
	int64_t s = a / 1000, day;

	if (g->nshifts == 0)
		return (double)(b - a) / 1000;
	day = (s + agent_off(g, s)) / 86400 - 1;
	for (;; day++) {
		int64_t mid = day * 86400, off = agent_off(g, mid), wd = cim_time_weekday(day);

		if ((mid - off) * 1000 >= b)
			break;
		for (size_t i = 0; i < g->nshifts; i++) {
			int64_t lo, hi;

			if (!(g->shifts[i].days & (1u << (wd - 1))))
				continue;
			lo = (mid + g->shifts[i].from * 60 - off) * 1000;
			hi = (mid + g->shifts[i].to * 60 - off) * 1000;
			if (lo < a)
				lo = a;
			if (hi > b)
				hi = b;
			if (hi > lo)
				sum += (double)(hi - lo) / 1000;
		}
	}
	return sum;
}

/* ---- heaps ---- */

static int
ev_less(const struct event *x, const struct event *y)
{
	if (x->t != y->t)
		return x->t < y->t;
	if (x->kind != y->kind)
		return x->kind < y->kind;
	if (x->agent != y->agent)
		return x->agent < y->agent;
	return x->job < y->job;
}

static void
ev_push(struct cim_sim *s, struct event e)
{
	size_t i;

	if (s->nev == s->evcap) {
		s->evcap = s->evcap ? 2 * s->evcap : 256;
		s->ev = cim_xrealloc(s->ev, s->evcap * sizeof(*s->ev));
	}
	i = s->nev++;
	while (i > 0 && ev_less(&e, &s->ev[(i - 1) / 2])) {
		s->ev[i] = s->ev[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	s->ev[i] = e;
}

static struct event
ev_pop(struct cim_sim *s)
{
	struct event top = s->ev[0], last = s->ev[--s->nev];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= s->nev)
			break;
		if (c + 1 < s->nev && ev_less(&s->ev[c + 1], &s->ev[c]))
			c++;
		if (!ev_less(&s->ev[c], &last))
			break;
		s->ev[i] = s->ev[c];
		i = c;
	}
	if (s->nev)
		s->ev[i] = last;
	return top;
}

/* Waiting order: priority 1 first, then longest waiting, then input order. */
static int
job_before(const struct cim_sim *s, size_t a, size_t b)
{
	const struct job *x = &s->jobs[a], *y = &s->jobs[b];

	if (x->prio != y->prio)
		return x->prio < y->prio;
	if (x->arrive != y->arrive)
		return x->arrive < y->arrive;
	return a < b;
}

static void
group_push(struct cim_sim *s, struct group *g, size_t j)
{
	size_t i;

	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 64;
		g->h = cim_xrealloc(g->h, g->cap * sizeof(*g->h));
	}
	i = g->n++;
	while (i > 0 && job_before(s, j, g->h[(i - 1) / 2])) {
		g->h[i] = g->h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	g->h[i] = j;
}

static void
group_pop(struct cim_sim *s, struct group *g)
{
	size_t last = g->h[--g->n], i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= g->n)
			break;
		if (c + 1 < g->n && job_before(s, g->h[c + 1], g->h[c]))
			c++;
		if (!job_before(s, g->h[c], last))
			break;
		g->h[i] = g->h[c];
		i = c;
	}
	if (g->n)
		g->h[i] = last;
}

static struct group *
group_of(struct cim_sim *s, uint64_t need)
{
	for (size_t i = 0; i < s->ng; i++)
		if (s->g[i].need == need)
			return &s->g[i];
	s->g = cim_xrealloc(s->g, (s->ng + 1) * sizeof(*s->g));
	memset(&s->g[s->ng], 0, sizeof(*s->g));
	s->g[s->ng].need = need;
	return &s->g[s->ng++];
}

/* ---- the run ---- */

static int
units(const struct agent *g, const struct job *j)
{
	return j->units_voice ? g->cap : 1;
}

static void
start(struct cim_sim *s, size_t ai, size_t ji, int64_t t)
{
	struct agent *g = &s->ag[ai];
	struct job *j = &s->jobs[ji];
	struct event e = { t + j->service, 0, (int)ai, ji };

	g->used += units(g, j);
	g->busy_s += (double)units(g, j) * (double)j->service / 1000;
	j->wait = t - j->arrive;
	j->agent = (int)ai;
	j->answered = 1;
	ev_push(s, e);
	if (e.t > s->t1)
		s->t1 = e.t;
}

static int
can_take(struct agent *g, const struct job *j, int64_t t)
{
	return (g->mask & j->need) == j->need && g->cap - g->used >= units(g, j) &&
	    on_shift(g, t);
}

/* The agent the strategy gives an arriving job, or -1. */
static long
pick_agent(struct cim_sim *s, const struct job *j, int64_t t)
{
	long best = -1;

	if (s->o.strategy == CIM_SIM_ROUND_ROBIN) {
		for (size_t k = 0; k < s->nag; k++) {
			size_t a = (s->rr + k) % s->nag;

			if (can_take(&s->ag[a], j, t)) {
				s->rr = a + 1;
				return (long)a;
			}
		}
		return -1;
	}
	for (size_t a = 0; a < s->nag; a++) {
		struct agent *g = &s->ag[a];
		const struct agent *b;

		if (!can_take(g, j, t))
			continue;
		if (best < 0) {
			best = (long)a;
			continue;
		}
		b = &s->ag[best];
		if (s->o.strategy == CIM_SIM_SKILLS) {
			/* The most specialised agent keeps generalists free. */
			int pg = __builtin_popcountll(g->mask), pb = __builtin_popcountll(b->mask);

			if (pg != pb) {
				if (pg < pb)
					best = (long)a;
				continue;
			}
		} else {
			/* least busy: the lowest share of capacity in use */
			long lg = (long)g->used * b->cap, lb = (long)b->used * g->cap;

			if (lg != lb) {
				if (lg < lb)
					best = (long)a;
				continue;
			}
		}
		if (g->idle_since < b->idle_since)
			best = (long)a;
	}
	return best;
}

/* Gives agent ai waiting jobs while it has room. */
static void
fill(struct cim_sim *s, size_t ai, int64_t t)
{
	struct agent *g = &s->ag[ai];

	if (!on_shift(g, t))
		return;
	for (;;) {
		long bg = -1;

		for (size_t k = 0; k < s->ng; k++) {
			struct group *gr = &s->g[k];

			if ((g->mask & gr->need) != gr->need)
				continue;
			/* Whoever has run out of patience has left. */
			while (gr->n > 0 && s->o.patience_s >= 0 &&
			    t - s->jobs[gr->h[0]].arrive > s->o.patience_s * 1000) {
				struct job *j = &s->jobs[gr->h[0]];

				j->abandoned = 1;
				j->wait = s->o.patience_s * 1000;
				group_pop(s, gr);
			}
			if (gr->n == 0 || units(g, &s->jobs[gr->h[0]]) > g->cap - g->used)
				continue;
			if (bg < 0 || job_before(s, gr->h[0], s->g[bg].h[0]))
				bg = (long)k;
		}
		if (bg < 0)
			return;
		{
			size_t j = s->g[bg].h[0];

			group_pop(s, &s->g[bg]);
			start(s, ai, j, t);
		}
	}
}

static uint64_t
splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static size_t *order_jobs;
static const struct cim_sim *order_sim;

static int
cmp_arrival(const void *a, const void *b)
{
	const struct job *x = &order_sim->jobs[*(const size_t *)a];
	const struct job *y = &order_sim->jobs[*(const size_t *)b];

	if (x->arrive != y->arrive)
		return x->arrive < y->arrive ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

void
cim_sim_run(struct cim_sim *s)
{
	size_t nreal = s->nreal, next = 0, n;
	uint64_t rng = s->o.seed;

	for (size_t k = 0; k < s->nmissing; k++)
		cim_warnx("%s: no agent has skill '%s', needed by %ld "
		    "conversation(s): they go to queue %s", s->o.agents_file,
		    s->missing[k], s->missing_n[k], s->o.overflow);
	/* --scale: copies of conversations drawn at random, each arriving
	 * when another drawn conversation did, so the day's shape stays. */
	if (s->o.scale > 1 && nreal > 0) {
		double extra = (s->o.scale - 1) * (double)nreal;
		size_t copies = (size_t)extra;

		if ((double)(splitmix(&rng) >> 11) / 9007199254740992.0 < extra - (double)copies)
			copies++;
		for (size_t c = 0; c < copies; c++) {
			size_t src = splitmix(&rng) % nreal, when = splitmix(&rng) % nreal;
			struct job *j = new_job(s);

			*j = s->jobs[src];
			j->arrive = s->jobs[when].arrive;
			j->real = 0;
		}
	}
	n = s->njobs;
	order_jobs = cim_xmalloc((n ? n : 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		order_jobs[i] = i;
	order_sim = s;
	qsort(order_jobs, n, sizeof(size_t), cmp_arrival);
	s->t0 = n ? s->jobs[order_jobs[0]].arrive : 0;
	s->t1 = s->t0;
	for (size_t a = 0; a < s->nag; a++) {
		s->ag[a].idle_since = s->t0;
		if (s->ag[a].nshifts) {
			int64_t st = next_shift_start(&s->ag[a], s->t0 - 1);

			if (st >= 0) {
				struct event e = { st, 1, (int)a, 0 };

				ev_push(s, e);
			}
		}
	}
	for (;;) {
		int arrival;
		int64_t t;

		/* skip bots: they are not offered to agents */
		while (next < n && s->jobs[order_jobs[next]].bot)
			next++;
		if (next >= n && s->nev == 0)
			break;
		/* Completions and shift starts before arrivals at the same
		 * instant: an agent freed at t can take what arrives at t. */
		arrival = next < n && (s->nev == 0 || s->jobs[order_jobs[next]].arrive < s->ev[0].t);
		if (!arrival) {
			struct event e = ev_pop(s);

			t = e.t;
			if (e.kind == 1) {
				int64_t st;
				int waiting = 0;

				fill(s, (size_t)e.agent, t);
				for (size_t k = 0; k < s->ng && !waiting; k++)
					waiting = s->g[k].n > 0;
				/* Shifts go on while there is work to come. */
				if ((next < n || waiting) &&
				    (st = next_shift_start(&s->ag[e.agent], t)) >= 0) {
					struct event f = { st, 1, e.agent, 0 };

					ev_push(s, f);
				}
			} else {
				struct agent *g = &s->ag[e.agent];

				g->used -= units(g, &s->jobs[e.job]);
				if (g->used == 0)
					g->idle_since = t;
				fill(s, (size_t)e.agent, t);
			}
			continue;
		}
		{
			size_t ji = order_jobs[next++];
			struct job *j = &s->jobs[ji];
			long a = pick_agent(s, j, j->arrive);

			t = j->arrive;
			if (a >= 0)
				start(s, (size_t)a, ji, t);
			else
				group_push(s, group_of(s, j->need), ji);
		}
	}
	/* Never answered: with patience they left, without they waited to
	 * the end of the simulation. */
	for (size_t k = 0; k < s->ng; k++)
		while (s->g[k].n > 0) {
			struct job *j = &s->jobs[s->g[k].h[0]];

			j->abandoned = 1;
			j->wait = s->o.patience_s >= 0 ? s->o.patience_s * 1000 : s->t1 - j->arrive;
			if (j->wait < 0)
				j->wait = 0;
			group_pop(s, &s->g[k]);
		}
	free(order_jobs);
	order_jobs = NULL;
}

void
cim_sim_result(const struct cim_sim *s, size_t i, double *wait_s, int *agent,
    int *abandoned)
{
	*wait_s = (double)s->jobs[i].wait / 1000;
	*agent = s->jobs[i].agent;
	*abandoned = s->jobs[i].abandoned;
}

void
cim_sim_result_json(const struct cim_sim *s, size_t i, struct cim_buf *out)
{
	const struct job *j = &s->jobs[i];

	if (j->bot) {
		cim_buf_adds(out, "{\"wait_s\":0,\"agent\":null,\"abandoned\":false,\"bot\":true}");
		return;
	}
	cim_buf_printf(out, "{\"wait_s\":%lld", (long long)(j->wait / 1000));
	if (j->wait % 1000 != 0) {
		cim_buf_printf(out, ".%03lld", (long long)(j->wait % 1000));
		while (out->p[out->len - 1] == '0')
			out->len--;
	}
	cim_buf_adds(out, ",\"agent\":");
	if (j->answered)
		cim_buf_json_str(out, s->ag[j->agent].name, strlen(s->ag[j->agent].name));
	else
		cim_buf_adds(out, "null");
	cim_buf_adds(out, j->abandoned ? ",\"abandoned\":true" : ",\"abandoned\":false");
	if (j->overflow)
		cim_buf_adds(out, ",\"overflow\":true");
	cim_buf_addc(out, '}');
}

/* ---- reports ---- */

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* A number as JSON: integers plain, others to 4 significant digits
 * without exponent (waits of days stay readable). */
static void
num(struct cim_buf *b, double v)
{
	int dec;

	if (!isfinite(v)) {
		cim_buf_adds(b, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		cim_buf_printf(b, "%.0f", v);
		return;
	}
	dec = fabs(v) >= 1000 ? 1 : fabs(v) >= 1 ? 3 : 4;
	cim_buf_printf(b, "%.*f", dec, v);
	while (b->p[b->len - 1] == '0')
		b->len--;
	if (b->p[b->len - 1] == '.')
		b->len--;
}

static int64_t
target_ms(const struct cim_sim *s, const struct job *j)
{
	if (s->o.sl_target_s >= 0)
		return s->o.sl_target_s * 1000;
	return j->units_voice ? 20000 : 60000;
}

/* One summary line for jobs of queue q (-1: all). */
static void
summary_line(struct cim_sim *s, int q, double avail, struct cim_buf *out)
{
	size_t offered = 0, answered = 0, abandoned = 0, within = 0, nw = 0;
	int64_t *w = cim_xmalloc((s->njobs ? s->njobs : 1) * sizeof(int64_t));
	double sum = 0, busy = 0;

	for (size_t i = 0; i < s->njobs; i++) {
		const struct job *j = &s->jobs[i];

		if (j->bot || (q >= 0 && j->queue != q))
			continue;
		offered++;
		if (j->answered) {
			answered++;
			w[nw++] = j->wait;
			sum += (double)j->wait / 1000;
			within += j->wait <= target_ms(s, j);
			busy += (double)units(&s->ag[j->agent], j) * (double)j->service / 1000;
		} else {
			abandoned++;
		}
	}
	if (offered == 0 && q >= 0) {	/* a bot's queue */
		free(w);
		return;
	}
	qsort(w, nw, sizeof(int64_t), cmp_i64);
	cim_buf_adds(out, "{\"queue\":");
	if (q >= 0)
		cim_buf_json_str(out, s->qname[q], strlen(s->qname[q]));
	else
		cim_buf_adds(out, "\"all\"");
	cim_buf_printf(out, ",\"offered\":%zu,\"answered\":%zu,\"abandoned\":%zu,\"wait_mean_s\":",
	    offered, answered, abandoned);
	num(out, nw ? sum / (double)nw : 0);
	cim_buf_adds(out, ",\"wait_p50_s\":");
	num(out, nw ? (double)w[(nw - 1) / 2] / 1000 : 0);
	cim_buf_adds(out, ",\"wait_p90_s\":");
	num(out, nw ? (double)w[(size_t)ceil(0.9 * (double)nw) - 1] / 1000 : 0);
	cim_buf_adds(out, ",\"service_level\":");
	num(out, offered ? (double)within / (double)offered : 0);
	cim_buf_adds(out, ",\"occupancy\":");
	num(out, avail > 0 ? busy / avail : 0);
	cim_buf_adds(out, "}\n");
	free(w);
}

/* Queue indices in name order (caller frees): reports do not depend on
 * the order queues first appeared in. */
static int *
queue_order(const struct cim_sim *s)
{
	int *ord = cim_xmalloc((s->nq ? s->nq : 1) * sizeof(int));

	for (size_t q = 0; q < s->nq; q++)
		ord[q] = (int)q;
	for (size_t a = 1; a < s->nq; a++)
		for (size_t b = a; b > 0 && strcmp(s->qname[ord[b - 1]], s->qname[ord[b]]) > 0; b--) {
			int t = ord[b];

			ord[b] = ord[b - 1];
			ord[b - 1] = t;
		}
	return ord;
}

static double
available(const struct cim_sim *s)
{
	double avail = 0;

	for (size_t a = 0; a < s->nag; a++)
		avail += s->ag[a].cap * shift_seconds(&s->ag[a], s->t0, s->t1);
	return avail;
}

void
cim_sim_summary(struct cim_sim *s, struct cim_buf *out)
{
	double avail = available(s);
	int *ord = queue_order(s);

	for (size_t q = 0; q < s->nq; q++)
		summary_line(s, ord[q], avail, out);
	summary_line(s, -1, avail, out);
	free(ord);
}

struct cell {			/* one queue and local hour */
	double	n, svc, wsum, within, tsum;
};

void
cim_sim_staffing(struct cim_sim *s, struct cim_buf *out)
{
	double days = s->t1 > s->t0 ? (double)(s->t1 - s->t0) / 86400000.0 : 1;
	long off = s->o.default_tz != NULL ? s->o.default_tz->off_s : 0;
	struct cell *c = cim_xcalloc(s->nq * 24 + 1, sizeof(*c));
	int *ord = queue_order(s);

	if (days < 1)
		days = 1;
	for (size_t i = 0; i < s->njobs; i++) {
		const struct job *j = &s->jobs[i];
		int64_t ls = j->arrive / 1000;
		struct cell *x;

		if (j->bot)
			continue;
		if (s->o.default_tz != NULL && s->o.default_tz->tz != NULL)
			off = cim_tz_offset_at(s->o.default_tz->tz, ls);
		ls += off;
		x = &c[j->queue * 24 + (int)(((ls % 86400) + 86400) % 86400 / 3600)];
		x->n++;
		x->svc += (double)j->service / 1000;
		x->tsum += (double)target_ms(s, j) / 1000;
		x->wsum += (double)j->wait / 1000;
		x->within += j->answered && j->wait <= target_ms(s, j);
	}
	for (size_t qi = 0; qi < s->nq; qi++)
		for (int h = 0, q = ord[qi]; h < 24; h++) {
			const struct cell *x = &c[q * 24 + h];
			double rate = x->n / days, aht, a;

			if (x->n == 0)
				continue;
			aht = x->svc / x->n;
			a = rate * aht / 3600;
			cim_buf_adds(out, "{\"queue\":");
			cim_buf_json_str(out, s->qname[q], strlen(s->qname[q]));
			cim_buf_printf(out, ",\"hour\":%d,\"offered_per_hour\":", h);
			num(out, rate);
			cim_buf_adds(out, ",\"aht_s\":");
			num(out, aht);
			cim_buf_adds(out, ",\"erlangs\":");
			num(out, a);
			cim_buf_printf(out, ",\"agents_needed\":%d,\"sim_service_level\":",
			    aht > 0 ? cim_erlang_agents(a, aht, x->tsum / x->n, 0.8) : 0);
			num(out, x->within / x->n);
			cim_buf_adds(out, ",\"sim_wait_mean_s\":");
			num(out, x->wsum / x->n);
			cim_buf_adds(out, "}\n");
		}
	free(ord);
	free(c);
}

void
cim_sim_free(struct cim_sim *s)
{
	if (s == NULL)
		return;
	for (size_t a = 0; a < s->nag; a++) {
		free(s->ag[a].name);
		free(s->ag[a].shifts);
		cim_tz_free(s->ag[a].tz);
	}
	free(s->ag);
	for (size_t q = 0; q < s->nq; q++)
		free(s->qname[q]);
	free(s->qname);
	for (size_t k = 0; k < s->nmissing; k++)
		free(s->missing[k]);
	free(s->missing);
	free(s->missing_n);
	for (size_t k = 0; k < s->ng; k++)
		free(s->g[k].h);
	free(s->g);
	free(s->ev);
	free(s->jobs);
	cim_smap_free(&s->skill);
	cim_smap_free(&s->qmap);
	free(s);
}
