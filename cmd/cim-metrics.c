/*
 * cim-metrics: aggregate canonical conversation records into the numbers
 * of a customer operation, one line per group and period: volume, first
 * response, service level, abandonment, bot containment, first-contact
 * resolution, handle time, satisfaction, cost and retention.
 *
 * Per record it reads only what the chosen metrics need: the group keys
 * (plain fields straight from the line, paths through one member, other
 * expressions through one jq program), started_at, and a raw scan of the
 * messages and events (lib/convtime.h) from which the service facts come.
 * State is counters (integers, so any split of the input sums to the same
 * totals), quantile sketches (lib/qsketch.h), per-group sets of customer
 * hashes and one entry per customer for repeat contact; --partial writes
 * that state and --merge adds states up.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "bhours.h"
#include "convtime.h"
#include "err.h"
#include "jqprog.h"
#include "json.h"
#include "lines.h"
#include "qsketch.h"
#include "rec.h"
#include "recread.h"
#include "run.h"
#include "schema.h"
#include "smap.h"
#include "tstamp.h"
#include "u64set.h"

static const char usage[] =
"usage: cim-metrics [-b keys] [-e hour|day|week|month] [--tz zone]\n"
"                   [-l layer] [-m metrics] [-f ndjson|csv|table]\n"
"                   [--sl-target spec] [--abandon-base inbound|all]\n"
"                   [--fcr-window duration] [--fcr-same-intent]\n"
"                   [--retention-window duration] [--costs file]\n"
"                   [--hours spec] [--holidays file] [--partial] [--merge]\n"
"                   [--threads n] [--rejects file] [--strict] [--stats]\n"
"                   [file ...]\n";

static const char help[] =
"Aggregate canonical conversation records into metrics per group and period.\n"
"\n"
"  -b, --by KEYS            group keys: field or name=jq-expression, comma-separated\n"
"  -e, --every PERIOD       hour, day, week (ISO, from Monday) or month\n"
"      --tz ZONE            zone of the periods and business hours (default UTC)\n"
"  -l, --layer LAYER        operational (default), tactical, strategic, all\n"
"  -m, --metrics LIST       metrics to output, comma-separated (see cim-metrics(1))\n"
"  -f, --format FMT         ndjson (default), csv, table\n"
"      --sl-target SPEC     service-level targets: 30s or chat=60s,email=4h,...\n"
"      --abandon-base BASE  abandonment denominator: inbound (default) or all\n"
"      --fcr-window DUR     a return within it is a repeat contact (default 7d)\n"
"      --fcr-same-intent    only a return with the same intent is a repeat\n"
"      --retention-window D adds the retention metrics (like 90d)\n"
"      --costs FILE         CSV channel,handler,per_conversation,per_minute\n"
"      --hours SPEC         business hours, 'mon-fri 09:00-18:00,sat 09:00-13:00'\n"
"      --holidays FILE      closed days, one YYYY-MM-DD per line\n"
"      --partial            write aggregation state instead of metrics\n"
"      --merge              read --partial outputs and combine them\n"
"      --threads N          1, or 2 (default): input read and checked on helper threads\n"
"      --rejects FILE       write rejected input, with reasons, as NDJSON\n"
"      --strict             exit 1 if any input was rejected\n"
"      --stats              print read/written/rejected counts to stderr\n"
"  -h, --help               show this help\n"
"      --version            show the version\n"
"\n"
"With no file, or when file is -, read standard input.  Gzip input is\n"
"detected and read.  See cim-metrics(1) and cim(7).\n";

enum { O_TZ = CIM_OPT_TOOL, O_SL, O_ABASE, O_FCRW, O_FCRI, O_RETW, O_COSTS,
    O_HOURS, O_HOLIDAYS, O_PARTIAL, O_MERGE, O_THREADS };

static const struct option longopts[] = {
	{ "by", required_argument, NULL, 'b' },
	{ "every", required_argument, NULL, 'e' },
	{ "tz", required_argument, NULL, O_TZ },
	{ "layer", required_argument, NULL, 'l' },
	{ "metrics", required_argument, NULL, 'm' },
	{ "format", required_argument, NULL, 'f' },
	{ "sl-target", required_argument, NULL, O_SL },
	{ "abandon-base", required_argument, NULL, O_ABASE },
	{ "fcr-window", required_argument, NULL, O_FCRW },
	{ "fcr-same-intent", no_argument, NULL, O_FCRI },
	{ "retention-window", required_argument, NULL, O_RETW },
	{ "costs", required_argument, NULL, O_COSTS },
	{ "hours", required_argument, NULL, O_HOURS },
	{ "holidays", required_argument, NULL, O_HOLIDAYS },
	{ "partial", no_argument, NULL, O_PARTIAL },
	{ "merge", no_argument, NULL, O_MERGE },
	{ "threads", required_argument, NULL, O_THREADS },
	CIM_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

/* ---- state: counters and sketches per group ---- */

/* Integer counters; sums of times in ms, of scores in millionths. */
enum {
	C_CONV, C_MSGS, C_INBOUND, C_ANSWERED, C_UNANSWERED, C_FRT_SUM, C_SL_OK,
	C_ABANDONED, C_BOTCONV, C_CONTAINED, C_ESCALATED, C_DEFLECTED,
	C_SENT_N, C_SENT_SUM, C_FRUST_N, C_FRUST_YES, C_URG_N, C_URG_YES,
	C_FCR_N, C_FCR_OK, C_REPEAT, C_REPLY_N, C_REPLY_SUM, C_RES_N, C_RES_SUM,
	C_REOPEN, C_HUM_N, C_HUM_SUM, C_BOT_N, C_BOT_SUM,
	C_CSAT_N, C_CSAT_POS, C_CSAT_SUM, C_NPS_N, C_NPS_PRO, C_NPS_DET,
	C_COST_SUM, C_SAVE_SUM,
	C_RET_N, C_RET_BACK, C_RETF_N, C_RETF_BACK, C_RETN_N, C_RETN_BACK,
	C_RETH_N, C_RETH_BACK, C_RETL_N, C_RETL_BACK,
	C_FRT_BH_SUM, C_SL_BH_OK, C_REPLY_BH_SUM, C_RES_BH_SUM, C_HUM_BH_SUM,
	C_BOT_BH_SUM,
	NC
};
enum { Q_FRT, Q_REPLY, Q_RES, Q_FRT_BH, Q_REPLY_BH, Q_RES_BH, NQ };

struct group {
	char		**keys;		/* JSON text of each key value */
	int64_t		  period;	/* bucket start, UTC ms */
	int64_t		  c[NC];
	struct cim_qs	  q[NQ];
	struct cim_u64set cust;
};

/* One customer's contacts for repeat contact: the first and the last
 * seen; every contact before the last is decided already. */
struct cust {
	int64_t		first_t, last_t;
	uint32_t	first_g, last_g;
	uint8_t		last_flags;	/* F_RESOLVED | csat bucket */
};
enum { F_RESOLVED = 1, F_CSAT_LOW = 2, F_CSAT_HIGH = 4 };

/* ---- metrics ---- */

enum { L_OP = 1, L_TAC = 2, L_STR = 4 };
enum { N_MSGS = 1, N_CUST = 2, N_REPEAT = 4, N_SENT = 8, N_SCORE = 16,
    N_COST = 32, N_RET = 64, N_BH = 128 };
enum kind { K_COUNT, K_RATE, K_PCT, K_MEAN_S, K_Q_S, K_NUM, K_MONEY };

struct metric {
	const char	*name;
	int		 layers, needs;
	enum kind	 kind;
	int		 num, den;	/* counters; den -1 for none */
	int		 q;		/* sketch for K_Q_S */
	double		 p;		/* its quantile */
	int		 bh;		/* offset of the _bh counter or sketch; 0 none */
};

#define TM N_MSGS
static const struct metric metrics[] = {
	{ "conversations", L_OP | L_TAC | L_STR, 0, K_COUNT, C_CONV, -1, 0, 0, 0 },
	{ "messages", L_OP, N_MSGS, K_COUNT, C_MSGS, -1, 0, 0, 0 },
	{ "customers", L_OP | L_STR, N_CUST, K_COUNT, -1, -1, 0, 0, 0 },
	{ "unanswered", L_OP, TM, K_COUNT, C_UNANSWERED, -1, 0, 0, 0 },
	{ "frt_mean_s", L_OP, TM, K_MEAN_S, C_FRT_SUM, C_ANSWERED, 0, 0, C_FRT_BH_SUM - C_FRT_SUM },
	{ "frt_p50_s", L_OP, TM, K_Q_S, 0, -1, Q_FRT, 0.5, Q_FRT_BH - Q_FRT },
	{ "frt_p90_s", L_OP, TM, K_Q_S, 0, -1, Q_FRT, 0.9, Q_FRT_BH - Q_FRT },
	{ "frt_p95_s", L_OP, TM, K_Q_S, 0, -1, Q_FRT, 0.95, Q_FRT_BH - Q_FRT },
	{ "service_level", L_OP, TM, K_RATE, C_SL_OK, C_ANSWERED, 0, 0, C_SL_BH_OK - C_SL_OK },
	{ "abandonment_rate", L_OP, TM, K_RATE, C_ABANDONED, C_INBOUND, 0, 0, 0 },
	{ "containment_rate", L_OP | L_TAC | L_STR, TM, K_RATE, C_CONTAINED, C_BOTCONV, 0, 0, 0 },
	{ "escalation_rate", L_OP | L_TAC, TM, K_RATE, C_ESCALATED, C_BOTCONV, 0, 0, 0 },
	{ "deflection_rate", L_TAC, TM, K_RATE, C_DEFLECTED, C_INBOUND, 0, 0, 0 },
	{ "sentiment_mean", L_OP, N_SENT, K_NUM, C_SENT_SUM, C_SENT_N, 0, 0, 0 },
	{ "frustrated_rate", L_OP, N_SENT, K_RATE, C_FRUST_YES, C_FRUST_N, 0, 0, 0 },
	{ "urgent_rate", L_OP, N_SENT, K_RATE, C_URG_YES, C_URG_N, 0, 0, 0 },
	{ "fcr_rate", L_TAC | L_STR, N_REPEAT | TM, K_RATE, C_FCR_OK, C_FCR_N, 0, 0, 0 },
	{ "repeat_contact_rate", L_TAC, N_REPEAT | TM, K_RATE, C_REPEAT, C_FCR_N, 0, 0, 0 },
	{ "reply_mean_s", L_TAC, TM, K_MEAN_S, C_REPLY_SUM, C_REPLY_N, 0, 0, C_REPLY_BH_SUM - C_REPLY_SUM },
	{ "reply_p90_s", L_TAC, TM, K_Q_S, 0, -1, Q_REPLY, 0.9, Q_REPLY_BH - Q_REPLY },
	{ "resolution_mean_s", L_TAC, TM, K_MEAN_S, C_RES_SUM, C_RES_N, 0, 0, C_RES_BH_SUM - C_RES_SUM },
	{ "resolution_p50_s", L_TAC, TM, K_Q_S, 0, -1, Q_RES, 0.5, Q_RES_BH - Q_RES },
	{ "resolution_p90_s", L_TAC, TM, K_Q_S, 0, -1, Q_RES, 0.9, Q_RES_BH - Q_RES },
	{ "reopen_rate", L_TAC, TM, K_RATE, C_REOPEN, C_CONV, 0, 0, 0 },
	{ "aht_human_mean_s", L_TAC, TM, K_MEAN_S, C_HUM_SUM, C_HUM_N, 0, 0, C_HUM_BH_SUM - C_HUM_SUM },
	{ "aht_bot_mean_s", L_TAC, TM, K_MEAN_S, C_BOT_SUM, C_BOT_N, 0, 0, C_BOT_BH_SUM - C_BOT_SUM },
	{ "csat", L_TAC | L_STR, N_SCORE, K_PCT, C_CSAT_POS, C_CSAT_N, 0, 0, 0 },
	{ "csat_mean", L_TAC, N_SCORE, K_NUM, C_CSAT_SUM, C_CSAT_N, 0, 0, 0 },
	{ "csat_responses", L_TAC, N_SCORE, K_COUNT, C_CSAT_N, -1, 0, 0, 0 },
	{ "nps", L_TAC | L_STR, N_SCORE, K_PCT, -1, C_NPS_N, 0, 0, 0 },
	{ "nps_responses", L_TAC, N_SCORE, K_COUNT, C_NPS_N, -1, 0, 0, 0 },
	{ "cost_total", L_TAC | L_STR, N_COST | TM, K_MONEY, C_COST_SUM, -1, 0, 0, 0 },
	{ "cost_per_conversation", L_TAC, N_COST | TM, K_MONEY, C_COST_SUM, C_CONV, 0, 0, 0 },
	{ "automation_savings", L_TAC | L_STR, N_COST | TM, K_MONEY, C_SAVE_SUM, -1, 0, 0, 0 },
	{ "retention_rate", L_STR, N_RET | N_REPEAT | TM, K_RATE, C_RET_BACK, C_RET_N, 0, 0, 0 },
	{ "retention_fcr_rate", L_STR, N_RET | N_REPEAT | TM, K_RATE, C_RETF_BACK, C_RETF_N, 0, 0, 0 },
	{ "retention_nofcr_rate", L_STR, N_RET | N_REPEAT | TM, K_RATE, C_RETN_BACK, C_RETN_N, 0, 0, 0 },
	{ "retention_csat_high_rate", L_STR, N_RET | N_REPEAT | TM, K_RATE, C_RETH_BACK, C_RETH_N, 0, 0, 0 },
	{ "retention_csat_low_rate", L_STR, N_RET | N_REPEAT | TM, K_RATE, C_RETL_BACK, C_RETL_N, 0, 0, 0 },
};
#define NMETRICS (sizeof(metrics) / sizeof(metrics[0]))

/* ---- options and run state ---- */

struct key {
	char		*name;
	char		*field;		/* plain top-level member, or NULL */
	char		**path;		/* .a.b.c through member path[0], or NULL */
	size_t		 npath;
	int		 jqi;		/* index in the jq program's output, or -1 */
};

struct cost {
	char	*channel;	/* "*" for any */
	int	 human;
	double	 per_conv, per_min;
};

static struct {
	struct key	*key;
	size_t		 nkey, njq;
	struct cim_jq	*jq;
	int		 every;		/* 0 none, 'h' 'd' 'w' 'm' */
	struct cim_tz	*tz;
	int		 sel[NMETRICS + 1];	/* selected metric indices, in order */
	size_t		 nsel;
	int		 needs;
	int		 format;	/* 'n' 'c' 't' */
	long		 sl_default[16];	/* per channel, seconds; see sl_for */
	char		*sl_spec;
	int		 abandon_all;
	int64_t		 fcr_ms, ret_ms;
	int		 fcr_intent;
	struct cost	*cost;
	size_t		 ncost;
	struct cim_bh	 bh;
	int		 have_bh;
	int		 partial, merge;
	int		 threads;	/* 1, or 2: reading and checking on helper threads */
	struct cim_buf	 config;	/* what a partial must agree on */
} opt;

static struct smap_groups {
	struct cim_smap	 map;		/* group key -> index */
	struct group	*g;
	size_t		 n, cap;
} G;

static struct cim_smap custmap;		/* customer key -> index in C */
static struct cust *C;
static size_t nC, capC;
static long disordered;		/* contacts that overlapped a customer's span */

static struct cim_buf why, kbuf, tmp;
static struct cim_jscan sub, ids;

/* ---- groups ---- */

static uint32_t
group_of(char **keys, int64_t period)
{
	struct cim_smap_ent *e;
	size_t i;
	int isnew;

	kbuf.len = 0;
	for (i = 0; i < opt.nkey; i++) {
		cim_buf_adds(&kbuf, keys[i]);
		cim_buf_addc(&kbuf, '\x1e');
	}
	/* The period's bytes, not its digits: the map's key is never shown. */
	cim_buf_add(&kbuf, (const char *)&period, sizeof(period));
	e = cim_smap_put(&G.map, kbuf.p, kbuf.len, &isnew);
	if (isnew) {
		struct group *g;

		if (G.n == G.cap) {
			G.cap = G.cap ? G.cap * 2 : 64;
			G.g = cim_xrealloc(G.g, G.cap * sizeof(*G.g));
		}
		g = &G.g[G.n];
		memset(g, 0, sizeof(*g));
		g->keys = cim_xcalloc(opt.nkey + 1, sizeof(*g->keys));
		for (i = 0; i < opt.nkey; i++)
			g->keys[i] = cim_xstrdup(keys[i]);
		g->period = period;
		e->val = (long)G.n++;
	}
	return (uint32_t)e->val;
}

static int64_t
floordiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The start (UTC ms) of the --every bucket holding ms, in --tz. */
static int64_t
period_of(int64_t ms)
{
	int64_t s = floordiv(ms, 1000), local, day;
	int y, m, d;

	if (!opt.every)
		return 0;
	local = s + cim_tz_offset_at(opt.tz, s);
	day = floordiv(local, 86400);
	switch (opt.every) {
	case 'h':
		return cim_tz_local_to_utc(opt.tz, floordiv(local, 3600) * 3600) * 1000;
	case 'w':
		day -= cim_time_weekday(day) - 1;
		break;
	case 'm':
		cim_time_civil_from_days(day, &y, &m, &d);
		day = cim_time_days_from_civil(y, m, 1);
		break;
	}
	return cim_tz_local_to_utc(opt.tz, day * 86400) * 1000;
}

/* ---- reading members ---- */

/* The top-level members cim-metrics reads, found in one pass over the
 * line's members rather than one lookup each. */
static struct {
	const struct cim_jmember *channel, *customer, *sentiment,
	    *urgency, *csat, *nps, *intent;
} mem;

static void
index_members(const struct cim_rec *r)
{
	size_t i;

	memset(&mem, 0, sizeof(mem));
	for (i = 0; i < r->sc.n; i++) {
		const struct cim_jmember *m = &r->sc.m[i];

#define IS(lit) (m->klen == sizeof(lit) - 1 && memcmp(m->key, lit, m->klen) == 0)
		if (m->kesc)
			continue;	/* canonical names need no escapes */
		switch (m->key[0]) {
		case 'c':
			if (IS("channel")) mem.channel = m;
			else if (IS("customer")) mem.customer = m;
			else if (IS("csat")) mem.csat = m;
			break;
		case 'i': if (IS("intent")) mem.intent = m; break;
		case 'n': if (IS("nps")) mem.nps = m; break;
		case 's': if (IS("sentiment")) mem.sentiment = m; break;
		case 'u': if (IS("urgency")) mem.urgency = m; break;
		}
#undef IS
	}
}

/* Key value: the JSON text of v (consumed), "null" when invalid. */
static char *
key_text(jv v, struct cim_buf *b)
{
	b->len = 0;
	if (!jv_is_valid(v)) {
		jv_free(v);
		cim_buf_adds(b, "null");
	} else {
		cim_jv_dump(b, v);
	}
	return cim_buf_str(b);
}

/* Finds member name in the object text of top-level member m, into sub. */
static const struct cim_jmember *
sub_member(const struct cim_jmember *m, const char *name)
{
	size_t i;

	/* The line was validated when it was scanned: a walk suffices. */
	if (m == NULL || m->val[0] != '{' || cim_json_members(m->val, m->vlen, &sub) < 0)
		return NULL;
	for (i = 0; i < sub.n; i++)
		if (cim_json_key_is(sub.m[i].key, sub.m[i].klen, sub.m[i].kesc, name))
			return &sub.m[i];
	return NULL;
}

static int
raw_number(const struct cim_jmember *m, double *v)
{
	char b[40];

	if (m == NULL || m->vlen == 0 || m->vlen >= sizeof(b) ||
	    !(m->val[0] == '-' || (m->val[0] >= '0' && m->val[0] <= '9')))
		return 0;
	memcpy(b, m->val, m->vlen);
	b[m->vlen] = '\0';
	*v = strtod(b, NULL);
	return 1;
}

static int
raw_is(const struct cim_jmember *m, const char *lit)
{
	size_t n = strlen(lit);

	return m && m->vlen == n && memcmp(m->val, lit, n) == 0;
}

/*
 * The customer's key in kbuf: customer_id, else the first of
 * customer.phone, customer.email, the first of customer.ids; 0 when the
 * record names nobody.
 */
static int
customer_key(struct cim_rec *r, struct cim_buf *out)
{
	static const char *const order[] = { "phone", "email", "ids" };
	const struct cim_jmember *cu, *m, *by[3] = { NULL, NULL, NULL };
	const char *s;
	size_t n, i, j;

	out->len = 0;
	if (cim_rec_str(r, "customer_id", &s, &n) && n > 0) {
		cim_buf_adds(out, "id:");
		cim_buf_add(out, s, n);
		return 1;
	}
	/* One scan of the customer object for all three. */
	cu = mem.customer;
	if (cu == NULL || cu->val[0] != '{' || cim_json_members(cu->val, cu->vlen, &sub) < 0)
		return 0;
	for (i = 0; i < sub.n; i++)
		for (j = 0; j < 3; j++)
			if (cim_json_key_is(sub.m[i].key, sub.m[i].klen, sub.m[i].kesc, order[j]))
				by[j] = &sub.m[i];
	for (j = 0; j < 2; j++)
		if ((m = by[j]) != NULL && m->val[0] == '"' && m->vlen > 2) {
			cim_buf_adds(out, order[j]);
			cim_buf_addc(out, ':');
			cim_buf_add(out, m->val, m->vlen);
			return 1;
		}
	if ((m = by[2]) != NULL && m->val[0] == '{' &&
	    cim_json_members(m->val, m->vlen, &ids) == 0 && ids.n > 0 &&
	    ids.m[0].val[0] == '"') {
		cim_buf_add(out, ids.m[0].key, ids.m[0].klen);
		cim_buf_addc(out, ':');
		cim_buf_add(out, ids.m[0].val, ids.m[0].vlen);
		return 1;
	}
	return 0;
}

/* ---- costs and targets ---- */

static const struct cost *
cost_for(const char *ch, size_t n, int human)
{
	const struct cost *any = NULL;
	size_t i;

	for (i = 0; i < opt.ncost; i++) {
		if (opt.cost[i].human != human)
			continue;
		if (strlen(opt.cost[i].channel) == n && memcmp(opt.cost[i].channel, ch, n) == 0)
			return &opt.cost[i];
		if (strcmp(opt.cost[i].channel, "*") == 0)
			any = &opt.cost[i];
	}
	return any;
}

static int64_t
price(const struct cost *c, int64_t ms)
{
	double micro;

	if (c == NULL)
		return 0;
	/* Sums are int64 micro-units: a price past 1e12 (a million per
	 * conversation, say a per-minute cost over a span of centuries) is
	 * clamped there, or llround overflowed into negative totals. */
	micro = (c->per_conv + c->per_min * (double)ms / 60000.0) * 1e6;
	return llround(micro > 1e12 ? 1e12 : micro < 0 ? 0 : micro);
}

static const char *const channels[] = { "whatsapp", "chat", "email", "phone",
	"sms", "twitter", "instagram", "facebook", "telegram", "store", "other" };
#define NCHAN (sizeof(channels) / sizeof(channels[0]))

static size_t
channel_index(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < NCHAN; i++)
		if (strlen(channels[i]) == n && memcmp(channels[i], s, n) == 0)
			return i;
	return NCHAN - 1;
}

/* Default targets: 20 s voice, 60 s live chat and messaging, 1 h for
 * e-mail and public social posts (COPC and helpdesk defaults). */
static void
sl_defaults(void)
{
	size_t i;

	for (i = 0; i < NCHAN; i++)
		opt.sl_default[i] = 60;
	opt.sl_default[channel_index("phone", 5)] = 20;
	opt.sl_default[channel_index("email", 5)] = 3600;
	opt.sl_default[channel_index("twitter", 7)] = 3600;
	opt.sl_default[channel_index("instagram", 9)] = 3600;
	opt.sl_default[channel_index("facebook", 8)] = 3600;
}

static void
sl_parse(const char *spec)
{
	char *dup = cim_xstrdup(spec), *p, *save = NULL;

	for (p = strtok_r(dup, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(p, '=');
		long v;
		size_t i;

		if (eq == NULL) {
			v = cim_opt_duration("--sl-target", p);
			for (i = 0; i < NCHAN; i++)
				opt.sl_default[i] = v;
			continue;
		}
		*eq = '\0';
		for (i = 0; i < NCHAN && strcmp(channels[i], p) != 0; i++)
			;
		if (i == NCHAN)
			cim_usage("--sl-target: unknown channel '%s'", p);
		opt.sl_default[i] = cim_opt_duration("--sl-target", eq + 1);
	}
	free(dup);
}

/* ---- repeat contact ---- */

static void
decide(uint32_t gi, int64_t t, int flags, int64_t next)
{
	int64_t *c = G.g[gi].c;
	int64_t gap = next >= 0 ? next - t : INT64_MAX;
	int repeat = gap <= opt.fcr_ms, fcr = (flags & F_RESOLVED) && !repeat;
	int back = opt.ret_ms > 0 && gap <= opt.ret_ms;

	c[C_FCR_N]++;
	c[C_REPEAT] += repeat;
	c[C_FCR_OK] += fcr;
	if (opt.ret_ms <= 0)
		return;
	c[C_RET_N]++;
	c[C_RET_BACK] += back;
	c[fcr ? C_RETF_N : C_RETN_N]++;
	c[fcr ? C_RETF_BACK : C_RETN_BACK] += back;
	if (flags & F_CSAT_HIGH) {
		c[C_RETH_N]++;
		c[C_RETH_BACK] += back;
	} else if (flags & F_CSAT_LOW) {
		c[C_RETL_N]++;
		c[C_RETL_BACK] += back;
	}
}

/*
 * Adds the contact span first..last (as one customer entry x, contacts
 * inside it decided already) to the customer's entry.  Exact when the
 * spans of one customer do not overlap, which holds for input in time
 * order and for time-ordered parts; an overlap decides the earlier one's
 * last contact against the later one's first, an approximation.
 */
static void
cust_add(const char *key, size_t klen, const struct cust *x)
{
	struct cim_smap_ent *e;
	struct cust *c;
	int isnew;

	e = cim_smap_put(&custmap, key, klen, &isnew);
	if (isnew) {
		if (nC == capC) {
			capC = capC ? capC * 2 : 1024;
			C = cim_xrealloc(C, capC * sizeof(*C));
		}
		C[nC] = *x;
		e->val = (long)nC++;
		return;
	}
	c = &C[e->val];
	if (x->first_t >= c->last_t) {
		decide(c->last_g, c->last_t, c->last_flags, x->first_t);
		c->last_t = x->last_t;
		c->last_g = x->last_g;
		c->last_flags = x->last_flags;
	} else if (x->last_t <= c->first_t) {
		decide(x->last_g, x->last_t, x->last_flags, c->first_t);
		c->first_t = x->first_t;
		c->first_g = x->first_g;
	} else if (x->last_t >= c->last_t) {
		disordered++;
		decide(c->last_g, c->last_t, c->last_flags, x->last_t);
		c->last_t = x->last_t;
		c->last_g = x->last_g;
		c->last_flags = x->last_flags;
	} else {
		disordered++;
		decide(x->last_g, x->last_t, x->last_flags, c->last_t);
	}
}

/* ---- one record ---- */

static void
add_time(struct group *g, int sum, int q, struct cim_span sp)
{
	int64_t d = sp.to - sp.from;

	if (d < 0)
		d = 0;
	g->c[sum] += d;
	if (q >= 0)
		cim_qs_add(&g->q[q], d);
}

static void
add_time_bh(struct group *g, int sum, int q, struct cim_span sp)
{
	int64_t d;

	if (!opt.have_bh)
		return;
	d = cim_bh_open_ms(&opt.bh, sp.from, sp.to);
	g->c[sum] += d;
	if (q >= 0)
		cim_qs_add(&g->q[q], d);
}

/*
 * cim_schema_check() on r, except that the messages, which
 * cim_timeline_read walks and checks anyway with the same reasons, are
 * shown to it as "messages":[] so they are not scanned twice; that
 * second, validating scan was a third of the run time.  view is the
 * caller's work space.
 */
static int
check_record(struct cim_rec *r, struct cim_buf *why, struct cim_rec *view)
{
	size_t i;

	if (view->sc.cap < r->sc.n) {
		view->sc.cap = r->sc.n * 2;
		view->sc.m = cim_xrealloc(view->sc.m, view->sc.cap * sizeof(*view->sc.m));
	}
	memcpy(view->sc.m, r->sc.m, r->sc.n * sizeof(*view->sc.m));
	view->sc.n = r->sc.n;
	view->line = r->line;
	view->len = r->len;
	/* An escaped spelling is not a canonical name: the check skips it. */
	for (i = 0; i < view->sc.n; i++)
		if (!view->sc.m[i].kesc && view->sc.m[i].klen == 8 &&
		    memcmp(view->sc.m[i].key, "messages", 8) == 0 && view->sc.m[i].val[0] == '[') {
			view->sc.m[i].val = "[]";
			view->sc.m[i].vlen = 2;
		}
	return cim_schema_check(view, why, NULL);
}

/* What a record's checks and timeline give aggregate(), worked out by
 * prepare() ahead of it (on the helper threads unless --threads 1). */
struct prepared {
	struct cim_checked	 ck;	/* rc -1: rejected, the reason in why */
	int64_t			 started;	/* started_at, ms */
	size_t			 nmsg;
	struct cim_convfacts	 facts;	/* when the metrics need messages */
};

/* prepare()'s work space, one per thread that runs it. */
struct prepscratch {
	struct cim_timeline	 tl;
	struct cim_rec		 view;	/* check_record()'s */
};

/*
 * The checks and the timeline of a scanned record: pure work on the
 * line alone, so cim_recread runs it on its helper threads (recread.h).
 * Messages and events are always read and checked, so what is rejected
 * does not depend on the metrics asked for.
 */
static void
prepare(struct cim_recitem *it)
{
	struct prepared *p = it->user;
	struct prepscratch *s = it->scratch;

	if (it->rc < 0)
		return;
	p->ck.why.len = 0;
	p->ck.rc = check_record(it->rec, &p->ck.why, &s->view) < 0 ||
	    cim_timeline_read(&s->tl, it->rec, 1, &p->ck.why) < 0 ? -1 : 0;
	if (p->ck.rc == 0 && (opt.needs & N_MSGS))
		cim_convfacts_compute(&p->facts, &s->tl);
	p->started = s->tl.started;
	p->nmsg = s->tl.nmsg;
}

static void
prepscratch_free(void *scratch)
{
	struct prepscratch *s = scratch;

	cim_timeline_free(&s->tl);
	free(s->view.sc.m);
}

static void
prepared_free(void *user)
{
	struct prepared *p = user;

	cim_checked_free(&p->ck);
	cim_convfacts_free(&p->facts);
}

/* Aggregates a record that passed its checks (prepare()); -1 with a
 * reason in why to reject it. */
static int
aggregate(struct cim_rec *r, const struct prepared *pr)
{
	static char **keys;
	static struct cim_buf *kb;
	const struct cim_jmember *m;
	const struct cim_convfacts *f = &pr->facts;
	const char *s, *ch;
	size_t n, i, chn;
	int64_t started;
	uint32_t gi;
	struct group *g;
	jv out = jv_invalid();
	int flags = 0;

	if (keys == NULL) {
		keys = cim_xcalloc(opt.nkey + 1, sizeof(*keys));
		kb = cim_xcalloc(opt.nkey + 1, sizeof(*kb));
	}
	why.len = 0;
	index_members(r);
	if (opt.jq) {
		out = cim_jq_first(opt.jq, cim_rec_jv(r), &why);
		if (!jv_is_valid(out))
			return -1;
	}
	for (i = 0; i < opt.nkey; i++) {
		struct key *k = &opt.key[i];

		if (k->field) {
			kb[i].len = 0;
			if (cim_rec_str(r, k->field, &s, &n))
				cim_buf_json_str(&kb[i], s, n);
			else if ((m = cim_rec_find(r, k->field)) != NULL)
				cim_buf_add(&kb[i], m->val, m->vlen);
			else
				cim_buf_adds(&kb[i], "null");
			keys[i] = cim_buf_str(&kb[i]);
		} else if (k->path) {
			jv v = cim_rec_get(r, k->path[0]);
			size_t j;

			for (j = 1; j < k->npath && jv_is_valid(v); j++)
				v = jv_get_kind(v) == JV_KIND_OBJECT ?
				    jv_object_get(v, jv_string(k->path[j])) : (jv_free(v), jv_invalid());
			if (jv_get_kind(v) == JV_KIND_NULL) {
				jv_free(v);
				v = jv_invalid();
			}
			keys[i] = key_text(v, &kb[i]);
		} else {
			keys[i] = key_text(jv_array_get(jv_copy(out), k->jqi), &kb[i]);
		}
	}
	jv_free(out);
	started = pr->started;
	gi = group_of(keys, period_of(started));
	g = &G.g[gi];
	g->c[C_CONV]++;
	m = mem.channel;
	ch = m->val + 1;
	chn = m->vlen - 2;

	if (opt.needs & N_MSGS) {
		g->c[C_MSGS] += (int64_t)pr->nmsg;
		g->c[C_INBOUND] += opt.abandon_all ? 1 : f->inbound;
		g->c[C_UNANSWERED] += f->unanswered;
		g->c[C_ABANDONED] += f->abandoned && (f->inbound || opt.abandon_all);
		g->c[C_BOTCONV] += f->bot;
		g->c[C_CONTAINED] += f->contained;
		g->c[C_ESCALATED] += f->escalated;
		g->c[C_DEFLECTED] += f->bot && !f->human && f->inbound;
		g->c[C_REOPEN] += f->reopened;
		if (f->answered) {
			int64_t target = (int64_t)opt.sl_default[channel_index(ch, chn)] * 1000;

			g->c[C_ANSWERED]++;
			add_time(g, C_FRT_SUM, Q_FRT, f->frt);
			g->c[C_SL_OK] += f->frt.to - f->frt.from <= target;
			if (opt.have_bh) {
				add_time_bh(g, C_FRT_BH_SUM, Q_FRT_BH, f->frt);
				g->c[C_SL_BH_OK] += cim_bh_open_ms(&opt.bh, f->frt.from,
				    f->frt.to) <= target;
			}
		}
		for (i = 0; i < f->nreply; i++) {
			g->c[C_REPLY_N]++;
			add_time(g, C_REPLY_SUM, Q_REPLY, f->reply[i]);
			add_time_bh(g, C_REPLY_BH_SUM, Q_REPLY_BH, f->reply[i]);
		}
		if (f->resolved) {
			g->c[C_RES_N]++;
			add_time(g, C_RES_SUM, Q_RES, f->resolution);
			add_time_bh(g, C_RES_BH_SUM, Q_RES_BH, f->resolution);
		}
		if (f->has_human_span) {
			g->c[C_HUM_N]++;
			add_time(g, C_HUM_SUM, -1, f->human_span);
			add_time_bh(g, C_HUM_BH_SUM, -1, f->human_span);
		}
		if (f->has_bot_span) {
			g->c[C_BOT_N]++;
			add_time(g, C_BOT_SUM, -1, f->bot_span);
			add_time_bh(g, C_BOT_BH_SUM, -1, f->bot_span);
		}
		if (opt.needs & N_COST) {
			int64_t bot = 0, hum = 0;
			const struct cost *bc = cost_for(ch, chn, 0), *hc = cost_for(ch, chn, 1);

			if (f->has_bot_span)
				bot = price(bc, f->bot_span.to - f->bot_span.from);
			if (f->has_human_span)
				hum = price(hc, f->human_span.to - f->human_span.from);
			g->c[C_COST_SUM] += bot + hum;
			if (f->bot && !f->human)
				g->c[C_SAVE_SUM] += price(hc, f->bot_span.to - f->bot_span.from) - bot;
		}
		if (f->resolved)
			flags |= F_RESOLVED;
	}
	if (opt.needs & N_SENT) {
		double v;

		m = sub_member(mem.sentiment, "score");
		if (raw_number(m, &v)) {
			g->c[C_SENT_N]++;
			g->c[C_SENT_SUM] += llround(v * 1e6);
		}
		m = sub_member(mem.sentiment, "frustration");
		if (raw_is(m, "true") || raw_is(m, "false")) {
			g->c[C_FRUST_N]++;
			g->c[C_FRUST_YES] += raw_is(m, "true");
		}
		m = sub_member(mem.urgency, "level");
		if (m && m->val[0] == '"') {
			g->c[C_URG_N]++;
			g->c[C_URG_YES] += raw_is(m, "\"high\"") || raw_is(m, "\"critical\"");
		}
	}
	if (opt.needs & (N_SCORE | N_RET)) {
		double v;

		if (raw_number(mem.csat, &v)) {
			g->c[C_CSAT_N]++;
			g->c[C_CSAT_POS] += v >= 4;
			g->c[C_CSAT_SUM] += llround(v * 1e6);
			flags |= v >= 4 ? F_CSAT_HIGH : F_CSAT_LOW;
		}
		if (raw_number(mem.nps, &v)) {
			g->c[C_NPS_N]++;
			g->c[C_NPS_PRO] += v >= 9;
			g->c[C_NPS_DET] += v <= 6;
		}
	}
	if ((opt.needs & (N_CUST | N_REPEAT)) && customer_key(r, &tmp)) {
		if (opt.needs & N_CUST)
			cim_u64set_add(&g->cust, cim_hash(tmp.p, tmp.len));
		if (opt.needs & N_REPEAT) {
			struct cust x;

			if (opt.fcr_intent) {
				cim_buf_addc(&tmp, '\x1f');
				m = sub_member(mem.intent, "label");
				if (m)
					cim_buf_add(&tmp, m->val, m->vlen);
			}
			x.first_t = x.last_t = started;
			x.first_g = x.last_g = gi;
			x.last_flags = (uint8_t)flags;
			cust_add(tmp.p, tmp.len, &x);
		}
	}
	return 0;
}

static void
read_file(const char *path)
{
	static const struct cim_recprep prep = { sizeof(struct prepared), prepare,
	    prepared_free, sizeof(struct prepscratch), prepscratch_free };
	struct cim_lines *l;
	struct cim_recread *rr;
	struct cim_recitem it;
	struct prepared *pr;

	if ((l = cim_run_open(path)) == NULL)
		return;
	/* Lines come read, scanned and prepared, by helper threads unless
	 * --threads 1. */
	rr = cim_recread_open(l, opt.threads > 1, &prep);
	while (cim_recread_next(rr, &it) == 1) {
		if (cim_ascii_blank(it.line, it.len))
			continue;
		cim_run_read(1);
		if (it.rc < 0) {
			cim_reject_json(cim_lines_name(l), it.lineno, it.line, it.len, it.why, it.at);
			continue;
		}
		/* Nothing is counted before every check has passed. */
		pr = it.user;
		if (pr->ck.rc < 0) {
			cim_reject(cim_lines_name(l), it.lineno, it.line, it.len, "%s",
			    cim_buf_str(&pr->ck.why));
			continue;
		}
		if (aggregate(it.rec, pr) < 0) {
			cim_reject(cim_lines_name(l), it.lineno, it.line, it.len, "%s", cim_buf_str(&why));
			continue;
		}
		cim_run_wrote(1);
	}
	cim_recread_close(rr);
	if (l->err)
		cim_run_fail();
	cim_lines_close(l);
}

/* ---- output ---- */

static int
cmp_group(const void *a, const void *b)
{
	const struct group *x = &G.g[*(const uint32_t *)a], *y = &G.g[*(const uint32_t *)b];
	size_t i;
	int c;

	for (i = 0; i < opt.nkey; i++)
		if ((c = strcmp(x->keys[i], y->keys[i])) != 0)
			return c;
	return (x->period > y->period) - (x->period < y->period);
}

/* Writes v with at most prec decimals, trailing zeros dropped. */
static void
num(struct cim_buf *b, double v, int prec)
{
	char t[64];
	int n;

	if (v == 0)
		v = 0;	/* no "-0" */
	n = snprintf(t, sizeof(t), "%.*f", prec, v);
	if (n < 0 || (size_t)n >= sizeof(t)) {
		/* Past 1e60 "%f" does not fit t, and the trimming below read
		 * beyond it; no metric gets there today (inputs are range-checked,
		 * costs clamped), so print such a value plainly. */
		cim_buf_printf(b, "%.17g", v);
		return;
	}
	if (strchr(t, '.')) {
		while (n > 0 && t[n - 1] == '0')
			n--;
		if (n > 0 && t[n - 1] == '.')
			n--;
	}
	if (n == 2 && memcmp(t, "-0", 2) == 0) {
		t[0] = '0';
		n = 1;
	}
	cim_buf_add(b, t, (size_t)n);
}

/* The value of metric mi for g, as JSON text in b ("null" when undefined);
 * bh selects the business-hours variant. */
static void
metric_value(struct group *g, const struct metric *mt, int bh, struct cim_buf *b)
{
	int64_t den = mt->den >= 0 ? g->c[mt->den] : 1;
	double v;

	if (mt->needs & N_CUST) {
		cim_buf_printf(b, "%zu", cim_u64set_count(&g->cust));
		return;
	}
	if (mt->den >= 0 && den == 0) {
		cim_buf_adds(b, "null");
		return;
	}
	switch (mt->kind) {
	case K_COUNT:
		cim_buf_printf(b, "%lld", (long long)g->c[mt->num]);
		return;
	case K_RATE:
		num(b, (double)g->c[mt->num + bh] / (double)den, 4);
		return;
	case K_PCT:
		if (mt->num < 0)	/* nps */
			v = 100.0 * (double)(g->c[C_NPS_PRO] - g->c[C_NPS_DET]) / (double)den;
		else
			v = 100.0 * (double)g->c[mt->num] / (double)den;
		num(b, v, 2);
		return;
	case K_MEAN_S:
		num(b, (double)g->c[mt->num + bh] / (double)den / 1000.0, 3);
		return;
	case K_Q_S:
		v = cim_qs_quantile(&g->q[mt->q + bh], mt->p);
		if (isnan(v))
			cim_buf_adds(b, "null");
		else
			num(b, v, 3);
		return;
	case K_NUM:
		num(b, (double)g->c[mt->num] / (double)den / 1e6, 4);
		return;
	case K_MONEY:
		num(b, (double)g->c[mt->num] / (double)den / 1e6, 2);
		return;
	}
}

/* Column names: keys, period, metrics (and their _bh twins). */
struct col {
	const char		*name;
	char			*owned;
	const struct metric	*mt;
	int			 bh;
};

static struct col *cols;
static size_t ncols;

static void
add_col(const char *name, const struct metric *mt, int bh)
{
	cols = cim_xrealloc(cols, (ncols + 1) * sizeof(*cols));
	cols[ncols].name = name;
	cols[ncols].owned = NULL;
	cols[ncols].mt = mt;
	cols[ncols].bh = bh;
	if (bh) {
		/* frt_mean_s -> frt_bh_mean_s, aht_human_mean_s ->
		 * aht_human_bh_mean_s: before the stat and unit;
		 * service_level -> service_level_bh. */
		size_t n = strlen(name), cut = n;
		struct cim_buf b = { 0 };

		if (n > 2 && strcmp(name + n - 2, "_s") == 0)
			for (cut = n - 2; cut > 0 && name[cut - 1] != '_'; cut--)
				;
		if (cut > 0 && cut < n)
			cut--;
		cim_buf_add(&b, name, cut);
		cim_buf_adds(&b, "_bh");
		cim_buf_adds(&b, name + cut);
		cols[ncols].name = cols[ncols].owned = cim_buf_str(&b);
	}
	ncols++;
}

static void
build_cols(void)
{
	size_t i;

	for (i = 0; i < opt.nkey; i++)
		add_col(opt.key[i].name, NULL, 0);
	if (opt.every)
		add_col("period", NULL, 0);
	for (i = 0; i < opt.nsel; i++) {
		const struct metric *mt = &metrics[opt.sel[i]];

		add_col(mt->name, mt, 0);
		if (strcmp(mt->name, "abandonment_rate") == 0)
			add_col("abandonment_base", NULL, 0);
		if (opt.have_bh && mt->bh)
			add_col(mt->name, mt, mt->bh);
	}
}

static void
period_text(int64_t p, struct cim_buf *b)
{
	char t[CIM_TIME_BUFLEN];
	long off = cim_tz_offset_at(opt.tz, floordiv(p, 1000));
	size_t n = cim_time_format(p + (int64_t)off * 1000, t);

	if (off == 0) {
		cim_buf_add(b, t, n);
		return;
	}
	cim_buf_add(b, t, n - 1);	/* drop the Z */
	cim_buf_printf(b, "%c%02ld:%02ld", off < 0 ? '-' : '+', labs(off) / 3600,
	    labs(off) % 3600 / 60);
}

/* The cell of column ci for g as JSON text into b. */
static void
cell(struct group *g, size_t ci, struct cim_buf *b)
{
	const struct col *c = &cols[ci];

	if (ci < opt.nkey) {
		cim_buf_adds(b, g->keys[ci]);
	} else if (c->mt) {
		metric_value(g, c->mt, c->bh, b);
	} else if (strcmp(c->name, "period") == 0) {
		cim_buf_addc(b, '"');
		period_text(g->period, b);
		cim_buf_addc(b, '"');
	} else {
		cim_buf_adds(b, opt.abandon_all ? "\"all\"" : "\"inbound\"");
	}
}

/* CSV field from JSON text: strings unquoted unless needed, null empty. */
static void
csv_field(const char *json, size_t n, struct cim_buf *b)
{
	jv v;

	if (n == 4 && memcmp(json, "null", 4) == 0)
		return;
	if (json[0] != '"') {
		cim_buf_add(b, json, n);
		return;
	}
	v = jv_parse_sized(json, (int)n);
	if (jv_get_kind(v) == JV_KIND_STRING) {
		const char *s = jv_string_value(v);
		size_t k = (size_t)jv_string_length_bytes(jv_copy(v));

		if (strpbrk(s, ",\"\n\r") == NULL) {
			cim_buf_add(b, s, k);
		} else {
			cim_buf_addc(b, '"');
			for (size_t i = 0; i < k; i++) {
				if (s[i] == '"')
					cim_buf_addc(b, '"');
				cim_buf_addc(b, s[i]);
			}
			cim_buf_addc(b, '"');
		}
	}
	jv_free(v);
}

/* Table cell: units for people (s, %), "-" for none. */
static void
table_field(const struct col *c, const char *json, size_t n, struct cim_buf *b)
{
	if (n == 4 && memcmp(json, "null", 4) == 0) {
		cim_buf_addc(b, '-');
		return;
	}
	if (c->mt && c->mt->kind == K_RATE) {
		num(b, strtod(json, NULL) * 100, 1);
		cim_buf_addc(b, '%');
		return;
	}
	csv_field(json, n, b);
	if (c->mt && (c->mt->kind == K_MEAN_S || c->mt->kind == K_Q_S))
		cim_buf_addc(b, 's');
	else if (c->mt && c->mt->kind == K_PCT && strcmp(c->mt->name, "csat") == 0)
		cim_buf_addc(b, '%');
}

static uint32_t *
sorted_groups(void)
{
	uint32_t *ord = cim_xmalloc((G.n + 1) * sizeof(*ord));
	size_t i;

	for (i = 0; i < G.n; i++)
		ord[i] = (uint32_t)i;
	qsort(ord, G.n, sizeof(*ord), cmp_group);
	return ord;
}

static void
write_metrics(void)
{
	uint32_t *ord;
	struct cim_buf line = { 0 }, v = { 0 };
	char **cells = NULL;
	size_t *width = cim_xcalloc(ncols + 1, sizeof(*width));
	size_t i, j;

	/* Every customer's last contact had no return in the data. */
	for (i = 0; i < nC; i++)
		decide(C[i].last_g, C[i].last_t, C[i].last_flags, -1);
	if (disordered > 0)
		cim_warnx("%ld contacts came out of time order for their customer: "
		    "repeat contact, fcr and retention are approximate (sort the input by started_at)",
		    disordered);
	ord = sorted_groups();
	if (opt.format == 'c') {
		for (j = 0; j < ncols; j++) {
			if (j)
				cim_buf_addc(&line, ',');
			cim_buf_adds(&line, cols[j].name);
		}
		cim_buf_addc(&line, '\n');
	}
	if (opt.format == 't') {
		cells = cim_xcalloc((G.n + 1) * ncols + 1, sizeof(*cells));
		for (j = 0; j < ncols; j++) {
			cells[j] = cim_xstrdup(cols[j].name);
			width[j] = strlen(cells[j]);
		}
	}
	for (i = 0; i < G.n; i++) {
		struct group *g = &G.g[ord[i]];

		if (opt.format == 'n')
			cim_buf_addc(&line, '{');
		for (j = 0; j < ncols; j++) {
			v.len = 0;
			cell(g, j, &v);
			switch (opt.format) {
			case 'n':
				if (j)
					cim_buf_addc(&line, ',');
				cim_buf_json_str(&line, cols[j].name, strlen(cols[j].name));
				cim_buf_addc(&line, ':');
				cim_buf_add(&line, v.p, v.len);
				break;
			case 'c':
				if (j)
					cim_buf_addc(&line, ',');
				csv_field(v.p, v.len, &line);
				break;
			default: {
				struct cim_buf t = { 0 };

				table_field(&cols[j], cim_buf_str(&v), v.len, &t);
				cells[(i + 1) * ncols + j] = cim_buf_str(&t);
				if (t.len > width[j])
					width[j] = t.len;
			}
			}
		}
		if (opt.format == 'n')
			cim_buf_adds(&line, "}\n");
		else if (opt.format == 'c')
			cim_buf_addc(&line, '\n');
		cim_out_add(cim_run.out, line.p, line.len);
		line.len = 0;
	}
	if (opt.format == 't') {
		for (i = 0; i <= G.n; i++) {
			line.len = 0;
			for (j = 0; j < ncols; j++) {
				const char *s = cells[i * ncols + j];
				size_t k = strlen(s), pad = width[j] - k;
				int left = j < opt.nkey + (opt.every != 0) || i == 0;

				if (j)
					cim_buf_adds(&line, "  ");
				if (!left)
					while (pad-- > 0)
						cim_buf_addc(&line, ' ');
				cim_buf_add(&line, s, k);
				if (left && j + 1 < ncols)
					while (pad-- > 0)
						cim_buf_addc(&line, ' ');
				free(cells[i * ncols + j]);
			}
			cim_buf_addc(&line, '\n');
			cim_out_add(cim_run.out, line.p, line.len);
		}
		free(cells);
	}
	free(ord);
	free(width);
	cim_buf_free(&line);
	cim_buf_free(&v);
}

/* ---- partial state ---- */

static int
cmp_ent(const void *a, const void *b)
{
	const struct cim_smap_ent *x = *(const struct cim_smap_ent *const *)a;
	const struct cim_smap_ent *y = *(const struct cim_smap_ent *const *)b;
	size_t mn = x->klen < y->klen ? x->klen : y->klen;
	int c = memcmp(x->key, y->key, mn);

	return c ? c : (x->klen > y->klen) - (x->klen < y->klen);
}

static void
write_partial(void)
{
	struct cim_buf b = { 0 };
	uint32_t *ord = sorted_groups(), *rank = cim_xmalloc((G.n + 1) * sizeof(*rank));
	size_t i, j, k, nh;

	for (i = 0; i < G.n; i++)
		rank[ord[i]] = (uint32_t)i;
	cim_buf_adds(&b, "{\"cim_metrics_partial\":1,\"config\":");
	cim_buf_json_str(&b, opt.config.p, opt.config.len);
	cim_buf_printf(&b, ",\"disordered\":%ld}\n", disordered);
	for (i = 0; i < G.n; i++) {
		struct group *g = &G.g[ord[i]];
		uint64_t *h;

		cim_buf_adds(&b, "{\"keys\":[");
		for (j = 0; j < opt.nkey; j++) {
			if (j)
				cim_buf_addc(&b, ',');
			cim_buf_adds(&b, g->keys[j]);
		}
		cim_buf_printf(&b, "],\"period\":%lld,\"c\":[", (long long)g->period);
		for (j = 0; j < NC; j++)
			cim_buf_printf(&b, "%s%lld", j ? "," : "", (long long)g->c[j]);
		cim_buf_adds(&b, "],\"q\":[");
		for (j = 0; j < NQ; j++) {
			if (j)
				cim_buf_addc(&b, ',');
			cim_qs_dump(&g->q[j], &b);
		}
		cim_buf_adds(&b, "],\"cust\":[");
		h = cim_u64set_sorted(&g->cust, &nh);
		for (k = 0; k < nh; k++)
			cim_buf_printf(&b, "%s\"%016llx\"", k ? "," : "", (unsigned long long)h[k]);
		free(h);
		cim_buf_adds(&b, "]}\n");
		cim_out_add(cim_run.out, b.p, b.len);
		b.len = 0;
	}
	/* Customers in key order, so equal states give equal files. */
	{
		struct cim_smap_ent **ents = cim_xmalloc((custmap.n + 1) * sizeof(*ents));
		size_t ne = 0;

		for (i = 0; i < custmap.cap; i++)
			if (custmap.t[i].key)
				ents[ne++] = &custmap.t[i];
		if (ne > 0)
			qsort(ents, ne, sizeof(*ents), cmp_ent);
		for (i = 0; i < ne; i++) {
			const struct cust *c = &C[ents[i]->val];

			cim_buf_adds(&b, "{\"customer\":");
			cim_buf_json_str(&b, ents[i]->key, ents[i]->klen);
			cim_buf_printf(&b, ",\"f\":[%lld,%u],\"l\":[%lld,%u,%u]}\n",
			    (long long)c->first_t, rank[c->first_g], (long long)c->last_t,
			    rank[c->last_g], c->last_flags);
			cim_out_add(cim_run.out, b.p, b.len);
			b.len = 0;
		}
		free(ents);
	}
	free(ord);
	free(rank);
	cim_buf_free(&b);
}

static int
int_at(jv a, int i, int64_t *v)
{
	jv x = jv_array_get(jv_copy(a), i);
	double d;
	int ok = jv_get_kind(x) == JV_KIND_NUMBER;

	d = ok ? jv_number_value(x) : 0;
	jv_free(x);
	if (!ok || d != floor(d) || fabs(d) > 9.2e18)
		return 0;
	*v = (int64_t)d;
	return 1;
}

/* Adds one partial file's state; a broken line is reported and ends
 * the file (exit status 1). */
static void
merge_file(const char *path)
{
	struct cim_lines *l;
	char *line;
	size_t len;
	uint32_t *map = NULL;
	size_t nmap = 0;
	int header = 0;
	const char *name;

	if ((l = cim_lines_open(path)) == NULL) {
		cim_run_fail();
		return;
	}
	name = cim_lines_name(l);
	while (cim_lines_next(l, &line, &len) == 1) {
		const char *bad = NULL, *w;
		size_t at;
		/* Our scanner first: libjq 1.6 leaks on some malformed text. */
		jv v = cim_json_valid(line, len, &w, &at) == 0 ?
		    jv_parse_sized(line, (int)len) : jv_invalid(), x;

		if (jv_get_kind(v) != JV_KIND_OBJECT) {
			bad = "not a cim-metrics --partial line";
		} else if (jv_object_has(jv_copy(v), jv_string("cim_metrics_partial"))) {
			/* A header starts a state; states may be concatenated
			 * (parallel --pipe writes them so). */
			x = jv_object_get(jv_copy(v), jv_string("config"));
			if (jv_get_kind(x) != JV_KIND_STRING)
				bad = "not a cim-metrics --partial file";
			else if (strcmp(jv_string_value(x), cim_buf_str(&opt.config)) != 0)
				bad = "made with other options than these";
			jv_free(x);
			x = jv_object_get(jv_copy(v), jv_string("disordered"));
			if (jv_get_kind(x) == JV_KIND_NUMBER && jv_number_value(x) > 0)
				disordered += (long)jv_number_value(x);
			jv_free(x);
			header = 1;
			nmap = 0;
		} else if (!header) {
			bad = "not a cim-metrics --partial file";
		} else if (jv_object_has(jv_copy(v), jv_string("keys"))) {
			jv keys = jv_object_get(jv_copy(v), jv_string("keys"));
			jv c = jv_object_get(jv_copy(v), jv_string("c"));
			jv q = jv_object_get(jv_copy(v), jv_string("q"));
			jv cu = jv_object_get(jv_copy(v), jv_string("cust"));
			jv p = jv_object_get(jv_copy(v), jv_string("period"));
			int64_t period = jv_get_kind(p) == JV_KIND_NUMBER ? (int64_t)jv_number_value(p) : 0;

			if (jv_get_kind(keys) != JV_KIND_ARRAY || jv_array_length(jv_copy(keys)) != (int)opt.nkey ||
			    jv_get_kind(c) != JV_KIND_ARRAY || jv_array_length(jv_copy(c)) != NC ||
			    jv_get_kind(q) != JV_KIND_ARRAY || jv_array_length(jv_copy(q)) != NQ ||
			    jv_get_kind(cu) != JV_KIND_ARRAY) {
				bad = "malformed group state";
			} else {
				char **kt = cim_xcalloc(opt.nkey + 1, sizeof(*kt));
				struct cim_buf *kb = cim_xcalloc(opt.nkey + 1, sizeof(*kb));
				struct group *g;
				uint32_t gi;
				size_t i;

				for (i = 0; i < opt.nkey; i++)
					kt[i] = key_text(jv_array_get(jv_copy(keys), (int)i), &kb[i]);
				gi = group_of(kt, period);
				g = &G.g[gi];
				for (i = 0; i < NC && !bad; i++) {
					int64_t n;

					if (!int_at(c, (int)i, &n))
						bad = "malformed counter";
					else
						g->c[i] += n;
				}
				for (i = 0; i < NQ && !bad; i++)
					if (cim_qs_load(&g->q[i], jv_array_get(jv_copy(q), (int)i)) < 0)
						bad = "malformed quantile state";
				for (i = 0; !bad && i < (size_t)jv_array_length(jv_copy(cu)); i++) {
					jv h = jv_array_get(jv_copy(cu), (int)i);

					if (jv_get_kind(h) != JV_KIND_STRING)
						bad = "malformed customer hash";
					else
						cim_u64set_add(&g->cust, strtoull(jv_string_value(h), NULL, 16));
					jv_free(h);
				}
				for (i = 0; i < opt.nkey; i++)
					cim_buf_free(&kb[i]);
				free(kb);
				free(kt);
				map = cim_xrealloc(map, (nmap + 1) * sizeof(*map));
				map[nmap++] = gi;
			}
			jv_free(keys);
			jv_free(c);
			jv_free(q);
			jv_free(cu);
			jv_free(p);
		} else {
			jv k = jv_object_get(jv_copy(v), jv_string("customer"));
			jv f = jv_object_get(jv_copy(v), jv_string("f"));
			jv la = jv_object_get(jv_copy(v), jv_string("l"));
			int64_t ft, fg, lt, lg, lf;

			if (jv_get_kind(k) != JV_KIND_STRING || jv_get_kind(f) != JV_KIND_ARRAY ||
			    jv_get_kind(la) != JV_KIND_ARRAY || !int_at(f, 0, &ft) || !int_at(f, 1, &fg) ||
			    !int_at(la, 0, &lt) || !int_at(la, 1, &lg) || !int_at(la, 2, &lf) ||
			    fg < 0 || (size_t)fg >= nmap || lg < 0 || (size_t)lg >= nmap) {
				bad = "malformed customer state";
			} else {
				struct cust x;

				x.first_t = ft;
				x.last_t = lt;
				x.first_g = map[fg];
				x.last_g = map[lg];
				x.last_flags = (uint8_t)lf;
				cust_add(jv_string_value(k), (size_t)jv_string_length_bytes(jv_copy(k)), &x);
			}
			jv_free(k);
			jv_free(f);
			jv_free(la);
		}
		jv_free(v);
		if (bad) {
			cim_warn_at(name, l->lineno, "%s", bad);
			cim_run_fail();
			break;
		}
	}
	if (l->err)
		cim_run_fail();
	free(map);
	cim_lines_close(l);
}

/* ---- options ---- */

static int
is_ident(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_' ||
		    (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

/* .a.b.c into its parts, or NULL when expr is any other jq. */
static char **
simple_path(const char *expr, size_t *n)
{
	char *dup, *p, *save = NULL, **parts = NULL;

	*n = 0;
	if (expr[0] != '.' || expr[1] == '\0' || strstr(expr, ".."))
		return NULL;
	dup = cim_xstrdup(expr + 1);
	for (p = strtok_r(dup, ".", &save); p; p = strtok_r(NULL, ".", &save)) {
		if (!is_ident(p)) {
			free(dup);
			while (*n > 0)
				free(parts[--*n]);
			free(parts);
			return NULL;
		}
		parts = cim_xrealloc(parts, (*n + 1) * sizeof(*parts));
		parts[(*n)++] = cim_xstrdup(p);
	}
	free(dup);
	if (expr[strlen(expr) - 1] == '.') {
		while (*n > 0)
			free(parts[--*n]);
		free(parts);
		return NULL;
	}
	return parts;
}

static void
parse_by(const char *spec, struct cim_buf *prog)
{
	char *dup = cim_xstrdup(spec), *p, *save = NULL;

	for (p = strtok_r(dup, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(p, '=');
		struct key *k;

		opt.key = cim_xrealloc(opt.key, (opt.nkey + 1) * sizeof(*opt.key));
		k = &opt.key[opt.nkey++];
		memset(k, 0, sizeof(*k));
		k->jqi = -1;
		if (eq == NULL) {
			if (!is_ident(p))
				cim_usage("--by: '%s' is not a field name (use name=expression)", p);
			k->name = cim_xstrdup(p);
			k->field = cim_xstrdup(p);
			continue;
		}
		*eq = '\0';
		if (!is_ident(p))
			cim_usage("--by: '%s' is not a name", p);
		k->name = cim_xstrdup(p);
		if ((k->path = simple_path(eq + 1, &k->npath)) != NULL)
			continue;
		k->jqi = (int)opt.njq++;
		cim_buf_adds(prog, prog->len ? ", " : "[");
		cim_buf_printf(prog, "([%s] | .[0])", eq + 1);
	}
	free(dup);
}

static void
select_layer(const char *layer)
{
	int mask;
	size_t i;

	if (!strcmp(layer, "operational")) mask = L_OP;
	else if (!strcmp(layer, "tactical")) mask = L_TAC;
	else if (!strcmp(layer, "strategic")) mask = L_STR;
	else if (!strcmp(layer, "all")) mask = L_OP | L_TAC | L_STR;
	else cim_usage("--layer: '%s' is not operational, tactical, strategic or all", layer);
	opt.nsel = 0;
	for (i = 0; i < NMETRICS; i++) {
		if (!(metrics[i].layers & mask))
			continue;
		if ((metrics[i].needs & N_COST) && opt.ncost == 0)
			continue;	/* no prices, no cost metrics */
		if ((metrics[i].needs & N_RET) && opt.ret_ms <= 0)
			continue;
		opt.sel[opt.nsel++] = (int)i;
	}
}

static void
select_metrics(const char *list)
{
	char *dup = cim_xstrdup(list), *p, *save = NULL;
	size_t i;

	opt.nsel = 0;
	for (p = strtok_r(dup, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < NMETRICS && strcmp(metrics[i].name, p) != 0; i++)
			;
		if (i == NMETRICS)
			cim_usage("--metrics: unknown metric '%s'", p);
		if (opt.nsel == NMETRICS)
			cim_usage("--metrics: too many metrics");
		opt.sel[opt.nsel++] = (int)i;
	}
	free(dup);
	if (opt.nsel == 0)
		cim_usage("--metrics: no metric named");
}

static void
read_costs(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;	/* any length: a fixed buffer read the end of
				 * a long line as a line of its own */
	size_t linecap = 0;
	long ln = 0;

	if (f == NULL)
		cim_die(2, "--costs: %s: %s", path, strerror(errno));
	while (getline(&line, &linecap, f) > 0) {
		char ch[64], who[16];
		double pc, pm;
		struct cost *c;
		int end = 0;	/* %n: what follows the last number must be nothing */

		ln++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#' || (ln == 1 && strncmp(line, "channel,", 8) == 0))
			continue;
		if (sscanf(line, "%63[^,],%15[^,],%lf,%lf%n", ch, who, &pc, &pm, &end) != 4 ||
		    line[end] != '\0' ||
		    (strcmp(who, "human") && strcmp(who, "bot")) ||
		    !(pc >= 0 && pc <= 1e6) || !(pm >= 0 && pm <= 1e6) ||	/* nan, inf, huge: see price() */
		    (strcmp(ch, "*") && channel_index(ch, strlen(ch)) == NCHAN - 1 && strcmp(ch, "other")))
			cim_die(2, "--costs: %s:%ld: expected channel,human|bot,per_conversation,per_minute",
			    path, ln);
		opt.cost = cim_xrealloc(opt.cost, (opt.ncost + 1) * sizeof(*opt.cost));
		c = &opt.cost[opt.ncost++];
		c->channel = cim_xstrdup(ch);
		c->human = strcmp(who, "human") == 0;
		c->per_conv = pc;
		c->per_min = pm;
		cim_buf_printf(&opt.config, " cost=%s/%s/%.10g/%.10g", ch, who, pc, pm);
	}
	free(line);
	fclose(f);
}

int
main(int argc, char **argv)
{
	const char *layer = "operational", *mlist = NULL, *tzname = NULL, *hours = NULL,
	    *holidays = NULL, *costs = NULL, *by = NULL;
	struct cim_buf prog = { 0 };
	size_t i;
	int c;

	cim_run_start(argv, usage, help);
	opt.format = 'n';
	opt.threads = 2;
	opt.fcr_ms = 7 * 86400 * 1000LL;
	sl_defaults();
	while ((c = getopt_long(argc, argv, "b:e:l:m:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'b': by = optarg; break;
		case 'e':
			if (!strcmp(optarg, "hour")) opt.every = 'h';
			else if (!strcmp(optarg, "day")) opt.every = 'd';
			else if (!strcmp(optarg, "week")) opt.every = 'w';
			else if (!strcmp(optarg, "month")) opt.every = 'm';
			else cim_usage("--every: '%s' is not hour, day, week or month", optarg);
			break;
		case O_TZ: tzname = optarg; break;
		case 'l': layer = optarg; break;
		case 'm': mlist = optarg; break;
		case 'f':
			if (!strcmp(optarg, "ndjson")) opt.format = 'n';
			else if (!strcmp(optarg, "csv")) opt.format = 'c';
			else if (!strcmp(optarg, "table")) opt.format = 't';
			else cim_usage("--format: '%s' is not ndjson, csv or table", optarg);
			break;
		case O_SL: sl_parse(optarg); opt.sl_spec = optarg; break;
		case O_ABASE:
			if (!strcmp(optarg, "all")) opt.abandon_all = 1;
			else if (strcmp(optarg, "inbound")) cim_usage("--abandon-base: '%s' is not inbound or all", optarg);
			break;
		case O_FCRW: opt.fcr_ms = (int64_t)cim_opt_duration("--fcr-window", optarg) * 1000; break;
		case O_FCRI: opt.fcr_intent = 1; break;
		case O_RETW:
			opt.ret_ms = (int64_t)cim_opt_duration("--retention-window", optarg) * 1000;
			if (opt.ret_ms == 0)
				cim_usage("--retention-window: must be more than 0");
			break;
		case O_COSTS: costs = optarg; break;
		case O_HOURS: hours = optarg; break;
		case O_HOLIDAYS: holidays = optarg; break;
		case O_PARTIAL: opt.partial = 1; break;
		case O_MERGE: opt.merge = 1; break;
		case O_THREADS: opt.threads = (int)cim_opt_long("--threads", optarg, 1, 2); break;
		default:
			if (!cim_run_option(c, optarg))
				cim_usage(NULL);
		}
	}
	if (tzname != NULL) {
		char err[256];

		if ((opt.tz = cim_tz_load(tzname, err, sizeof(err))) == NULL)
			cim_usage("--tz: %s", err);
	}
	cim_buf_printf(&opt.config, "v1 by=%s every=%c tz=%s", by ? by : "", opt.every ? opt.every : '-',
	    tzname ? tzname : "UTC");
	if (costs)
		read_costs(costs);
	if (holidays && !hours)
		cim_usage("--holidays needs --hours");
	if (hours) {
		const char *w;

		if (cim_bh_parse(&opt.bh, hours, &w) < 0)
			cim_usage("--hours: %s", w);
		opt.bh.tz = opt.tz;
		opt.have_bh = 1;
		if (holidays) {
			char err[256];

			if (cim_bh_holidays(&opt.bh, holidays, err, sizeof(err)) < 0)
				cim_usage("--holidays: %s: %s", holidays, err);
		}
		cim_buf_printf(&opt.config, " hours=%s", hours);
		for (i = 0; i < opt.bh.nholiday; i++)
			cim_buf_printf(&opt.config, ",%lld", (long long)opt.bh.holiday[i]);
	}
	if (by)
		parse_by(by, &prog);
	if (mlist)
		select_metrics(mlist);
	else
		select_layer(layer);
	for (i = 0; i < opt.nsel; i++) {
		const struct metric *mt = &metrics[opt.sel[i]];

		if ((mt->needs & N_COST) && opt.ncost == 0)
			cim_usage("--metrics: %s needs --costs", mt->name);
		if ((mt->needs & N_RET) && opt.ret_ms <= 0)
			cim_usage("--metrics: %s needs --retention-window", mt->name);
		opt.needs |= mt->needs;
	}
	if (opt.have_bh)
		opt.needs |= N_MSGS;
	cim_buf_printf(&opt.config, " fcr=%lld%s ret=%lld abandon=%s needs=%d sl=",
	    (long long)opt.fcr_ms, opt.fcr_intent ? "/intent" : "", (long long)opt.ret_ms,
	    opt.abandon_all ? "all" : "inbound", opt.needs);
	for (i = 0; i < NCHAN; i++)
		cim_buf_printf(&opt.config, "%s%ld", i ? "/" : "", opt.sl_default[i]);
	if (prog.len) {
		cim_buf_addc(&prog, ']');
		opt.jq = cim_jq_compile(cim_buf_str(&prog), "--by", jv_invalid());
	}
	build_cols();

	if (optind == argc)
		(opt.merge ? merge_file : read_file)("-");
	for (c = optind; c < argc; c++)
		(opt.merge ? merge_file : read_file)(argv[c]);
	if (opt.partial)
		write_partial();
	else
		write_metrics();

	for (i = 0; i < G.n; i++) {
		for (size_t j = 0; j < opt.nkey; j++)
			free(G.g[i].keys[j]);
		free(G.g[i].keys);
		for (int q = 0; q < NQ; q++)
			cim_qs_free(&G.g[i].q[q]);
		cim_u64set_free(&G.g[i].cust);
	}
	free(G.g);
	cim_smap_free(&G.map);
	cim_smap_free(&custmap);
	free(C);
	for (i = 0; i < opt.nkey; i++) {
		free(opt.key[i].name);
		free(opt.key[i].field);
		for (size_t j = 0; j < opt.key[i].npath; j++)
			free(opt.key[i].path[j]);
		free(opt.key[i].path);
	}
	free(opt.key);
	for (i = 0; i < opt.ncost; i++)
		free(opt.cost[i].channel);
	free(opt.cost);
	for (i = 0; i < ncols; i++)
		free(cols[i].owned);
	free(cols);
	cim_jq_free(opt.jq);
	cim_tz_free(opt.tz);
	cim_bh_free(&opt.bh);
	cim_jscan_free(&sub);
	cim_jscan_free(&ids);
	cim_buf_free(&why);
	cim_buf_free(&kbuf);
	cim_buf_free(&tmp);
	cim_buf_free(&prog);
	cim_buf_free(&opt.config);
	return cim_run_end();
}
