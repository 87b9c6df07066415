/*
 * cim-classify: add language, intent, urgency, sentiment and churn risk to
 * each conversation record, from its customer messages, with the evidence
 * for each label; or learn a model from labelled records (--train).
 *
 * The record is read from its scanned line (msgtext.h) and written back
 * by splicing the five members in; every other byte is copied as it came.
 */
#include <errno.h>
#include <jq.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ascii.h"
#include "classify.h"
#include "clsrules.h"
#include "err.h"
#include "ftmodel.h"
#include "jqprog.h"
#include "lex.h"
#include "lines.h"
#include "msgtext.h"
#include "rec.h"
#include "recread.h"
#include "run.h"
#include "schema.h"
#include "smap.h"

static const char usage[] =
"usage: cim-classify [--model file [--as name]]... [--rules file]\n"
"                    [--eval expr] [--threads n] [--rejects file] [--strict]\n"
"                    [--stats] [file ...]\n"
"       cim-classify --train expr --model out [--epochs n] [--buckets n]\n"
"                    [--lr rate] [--seed n] [file ...]\n";

static const char help[] =
"Add lang, intent, urgency, sentiment and churn_risk to conversation records.\n"
"\n"
"      --model FILE      use a trained model for intent (with --train: write it)\n"
"      --as NAME         write the preceding --model's labels to NAME instead\n"
"      --rules FILE      ordered rules 'name field=value ... :: jq condition'\n"
"      --eval EXPR       compare intent (or the first model's field) with the\n"
"                        label EXPR gives; accuracy and macro-F1 to stderr\n"
"      --train EXPR      learn a model from the label EXPR gives each record\n"
"      --epochs N        at most N training passes (default 30)\n"
"      --buckets N       hash buckets of the features (default 2097152)\n"
"      --lr RATE         learning rate (default 0.1)\n"
"      --seed N          random seed (default 1)\n"
"      --threads N       1, or 2 (default): input read and checked on helper threads\n"
"      --rejects FILE    write rejected input, with reasons, as NDJSON\n"
"      --strict          exit 1 if any input was rejected\n"
"      --stats           print read/written/rejected counts to stderr\n"
"  -h, --help            show this help\n"
"      --version         show the version\n"
"\n"
"With no file, or when file is -, read standard input.  See cim-classify(1).\n";

enum { O_MODEL = CIM_OPT_TOOL, O_AS, O_RULES, O_EVAL, O_TRAIN, O_EPOCHS,
    O_BUCKETS, O_LR, O_SEED, O_THREADS };

static const struct option longopts[] = {
	{ "model", required_argument, NULL, O_MODEL },
	{ "as", required_argument, NULL, O_AS },
	{ "rules", required_argument, NULL, O_RULES },
	{ "eval", required_argument, NULL, O_EVAL },
	{ "train", required_argument, NULL, O_TRAIN },
	{ "epochs", required_argument, NULL, O_EPOCHS },
	{ "buckets", required_argument, NULL, O_BUCKETS },
	{ "lr", required_argument, NULL, O_LR },
	{ "seed", required_argument, NULL, O_SEED },
	{ "threads", required_argument, NULL, O_THREADS },
	CIM_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

struct model {
	const char	*path;
	const char	*field;		/* "intent" or --as */
	struct cim_ft	*ft;
};

static struct {
	struct model	*models;
	size_t		 nmodels;
	struct cim_clsrules rules;
	struct cim_jq	*rules_jq;
	struct cim_jq	*eval_jq;
	struct cim_jq	*train_jq;
	struct cim_ft_opts ft;
	int		 threads;	/* 1, or 2: reading and checking on helper threads */
} opt;

/* Per-record scratch, reused. */
static struct cim_cls cls;
static struct cim_msgtext mt;
static struct cim_buf text, val, why, out;
static size_t text1;		/* the length of text's first message */
static struct cim_toks tt;
static uint32_t *feats;
static size_t fcap, *uni, ucap;
static double *contrib;
static size_t ccap;

/* Evaluation: labels seen, and the confusion counts. */
static struct cim_smap ev_labels;
static char **ev_names;
static long *ev_conf;		/* ev_n x ev_n, grown */
static size_t ev_n, ev_cap;

/* Training examples. */
static uint32_t *tr_feats;
static size_t tr_nf, tr_fcap, *tr_off, tr_n, tr_cap;
static int *tr_y;
static struct cim_smap tr_labels;
static char **tr_names;
static int tr_nlabels;

static void
add_message(const char *s, size_t n, void *arg)
{
	(void)arg;
	if (!opt.train_jq)
		cim_cls_add(&cls, s, n);
	if (opt.nmodels == 0)
		return;		/* the joined text is only for models */
	if (text.len)
		cim_buf_addc(&text, '\n');
	else
		text1 = n;
	cim_buf_add(&text, s, n);
}

/* ---- rules ---- */

/* Compiles program without dying: 0, or -1 with the message in msg. */
static void
collect_msg(void *data, jv m)
{
	struct cim_buf *b = data;

	if (b->len == 0 && jv_get_kind(m) == JV_KIND_STRING) {
		const char *s = jv_string_value(m);

		if (strncmp(s, "jq: error: ", 11) == 0)
			s += 11;
		cim_buf_adds(b, s);
	}
	jv_free(m);
}

static int
try_compile(const char *program, struct cim_buf *msg)
{
	jq_state *jq = jq_init();
	int ok;

	if (jq == NULL)
		cim_die(1, "cannot initialise libjq");
	jq_set_error_cb(jq, collect_msg, msg);
	ok = jq_compile(jq, program);
	jq_teardown(&jq);
	return ok ? 0 : -1;
}

static void
load_rules(const char *path)
{
	FILE *f = fopen(path, "r");
	struct cim_buf text = { 0 }, prog = { 0 }, msg = { 0 };
	char chunk[8192];
	size_t k, r;

	if (f == NULL)
		cim_die(2, "%s: %s", path, strerror(errno));
	while ((r = fread(chunk, 1, sizeof(chunk), f)) > 0)
		cim_buf_add(&text, chunk, r);
	if (ferror(f))
		cim_die(2, "%s: %s", path, strerror(errno));
	fclose(f);
	if (cim_clsrules_parse(text.p, text.len, &opt.rules, &msg) < 0)
		cim_die(2, "%s:%s", path, cim_buf_str(&msg));
	cim_buf_free(&text);
	if (opt.rules.n == 0)
		return;
	cim_clsrules_program(&opt.rules, &prog);
	msg.len = 0;
	if (try_compile(cim_buf_str(&prog), &msg) < 0) {
		for (k = 0; k < opt.rules.n; k++) {
			struct cim_buf one = { 0 };

			msg.len = 0;
			cim_buf_adds(&one, opt.rules.r[k].cond);
			if (try_compile(cim_buf_str(&one), &msg) < 0) {
				/* libjq's message goes on with the program text. */
				char *nl = strchr(cim_buf_str(&msg), '\n');

				if (nl)
					*nl = '\0';
				cim_die(2, "%s:%ld: %s", path, opt.rules.r[k].line, msg.p);
			}
			cim_buf_free(&one);
		}
		cim_die(2, "%s: cannot compile the rules", path);
	}
	opt.rules_jq = cim_jq_compile(cim_buf_str(&prog), path, jv_invalid());
	cim_buf_free(&prog);
	cim_buf_free(&msg);
}

/* ---- evaluation ---- */

static size_t
ev_index(const char *label)
{
	int isnew;
	struct cim_smap_ent *e = cim_smap_put(&ev_labels, label, strlen(label), &isnew);
	size_t i, j;

	if (!isnew)
		return (size_t)e->val;
	e->val = (long)ev_n;
	if (ev_n == ev_cap) {
		size_t nc = ev_cap ? ev_cap * 2 : 16;
		long *c = cim_xcalloc(nc * nc, sizeof(long));

		for (i = 0; i < ev_n; i++)
			for (j = 0; j < ev_n; j++)
				c[i * nc + j] = ev_conf[i * ev_cap + j];
		free(ev_conf);
		ev_conf = c;
		ev_cap = nc;
		ev_names = cim_xrealloc(ev_names, nc * sizeof(*ev_names));
	}
	ev_names[ev_n] = cim_xstrdup(label);
	return ev_n++;
}

struct pair { long n; size_t t, p; };

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->p < y->p ? -1 : x->p > y->p;
}

static void
ev_report(void)
{
	long total = 0, right = 0;
	double f1sum = 0;
	size_t i, j, nlab = 0, np = 0;
	struct pair *pairs;

	for (i = 0; i < ev_n; i++) {
		long tp = ev_conf[i * ev_cap + i], fp = 0, fn = 0;

		for (j = 0; j < ev_n; j++) {
			total += ev_conf[i * ev_cap + j];
			if (j != i) {
				fn += ev_conf[i * ev_cap + j];
				fp += ev_conf[j * ev_cap + i];
			}
		}
		right += tp;
		/* Macro-F1 over the true labels present. */
		if (tp + fn > 0) {
			nlab++;
			if (tp > 0)
				f1sum += 2.0 * tp / (2.0 * tp + fp + fn);
		}
	}
	fprintf(stderr, "%s: eval: %ld labelled, accuracy %.4f, macro-F1 %.4f\n",
	    cim_prog, total, total ? (double)right / total : 0.0,
	    nlab ? f1sum / nlab : 0.0);
	pairs = cim_xmalloc((ev_n * ev_n + 1) * sizeof(*pairs));
	for (i = 0; i < ev_n; i++)
		for (j = 0; j < ev_n; j++)
			if (i != j && ev_conf[i * ev_cap + j] > 0)
				pairs[np++] = (struct pair){ ev_conf[i * ev_cap + j], i, j };
	qsort(pairs, np, sizeof(*pairs), pair_cmp);
	for (i = 0; i < np && i < 5; i++)
		fprintf(stderr, "%s: eval: confused %s as %s: %ld\n", cim_prog,
		    ev_names[pairs[i].t], ev_names[pairs[i].p], pairs[i].n);
	free(pairs);
}

/* The label EXPR gives r as a string, or NULL (why says what went wrong). */
static char *
label_of(struct cim_jq *q, const struct cim_rec *r)
{
	jv v;
	char *s = NULL;

	why.len = 0;
	v = cim_jq_first(q, cim_rec_jv(r), &why);
	if (!jv_is_valid(v))
		return NULL;
	if (jv_get_kind(v) == JV_KIND_STRING && jv_string_length_bytes(jv_copy(v)) > 0) {
		s = cim_xstrdup(jv_string_value(v));
	} else if (jv_get_kind(v) == JV_KIND_NUMBER) {
		struct cim_buf b = { 0 };

		cim_jv_dump(&b, jv_copy(v));
		s = cim_xstrdup(cim_buf_str(&b));
		cim_buf_free(&b);
	} else {
		cim_buf_adds(&why, "the label is not a non-empty string or a number");
	}
	jv_free(v);
	return s;
}

/* ---- per record ---- */

/* Sets field to {label, score, evidence} from model m on the text. */
static const char *
apply_model(struct cim_rec *r, const struct model *m)
{
	size_t nf, i, k, best[3];
	double prob, bv[3];
	int lab, nb = 0;

	nf = cim_ft_features(cim_ft_opts(m->ft), &tt, text.p ? text.p : "", text.len,
	    text1, &feats, &fcap, &uni, &ucap);
	if (ccap < nf + 1) {
		ccap = nf + 1;
		contrib = cim_xrealloc(contrib, ccap * sizeof(*contrib));
	}
	lab = cim_ft_predict(m->ft, feats, nf, &prob, contrib);
	/* Evidence: the three words that pulled most towards the label. */
	for (i = 0; i < tt.n; i++) {
		double c;

		/* Words of one or two letters explain nothing to a reader. */
		if (uni[i] == (size_t)-1 || tt.t[i].kind != CIM_TOK_WORD || tt.t[i].len < 3)
			continue;
		c = contrib[uni[i]];
		if (c <= 0)
			continue;
		for (k = 0; k < (size_t)nb; k++)
			if (strcmp(tt.t[best[k]].text, tt.t[i].text) == 0)
				break;
		if (k < (size_t)nb)
			continue;
		if (nb < 3) {
			best[nb] = i;
			bv[nb++] = c;
		} else {
			size_t lo = 0;

			for (k = 1; k < 3; k++)
				if (bv[k] < bv[lo])
					lo = k;
			if (c > bv[lo]) {
				best[lo] = i;
				bv[lo] = c;
			}
		}
	}
	val.len = 0;
	cim_buf_adds(&val, "{\"label\":");
	cim_buf_json_str(&val, cim_ft_label(m->ft, lab), strlen(cim_ft_label(m->ft, lab)));
	cim_buf_adds(&val, ",\"score\":");
	cim_cls_num(&val, nf ? prob : 0);
	cim_buf_adds(&val, ",\"evidence\":[");
	/* strongest first */
	for (int a = 0; a < nb; a++) {
		int top = a;

		for (int b = a + 1; b < nb; b++)
			if (bv[b] > bv[top])
				top = b;
		double tv = bv[a]; size_t ti = best[a];
		bv[a] = bv[top]; best[a] = best[top];
		bv[top] = tv; best[top] = ti;
		if (a)
			cim_buf_addc(&val, ',');
		cim_buf_json_str(&val, tt.t[best[a]].text, tt.t[best[a]].len);
	}
	cim_buf_adds(&val, "]}");
	cim_rec_set_raw(r, m->field, val.p, val.len);
	return cim_ft_label(m->ft, lab);
}

static void
set_field(struct cim_rec *r, const char *field)
{
	val.len = 0;
	cim_cls_json(&cls, field, &val);
	cim_rec_set_raw(r, field, val.p, val.len);
}

/* Appends "rule:NAME" as a JSON string. */
static void
rule_name(struct cim_buf *b, const char *name)
{
	struct cim_buf t = { 0 };

	cim_buf_printf(&t, "rule:%s", name);
	cim_buf_json_str(b, t.p, t.len);
	cim_buf_free(&t);
}

static void
classify(struct cim_rec *r, const char *file, long lineno, const char *line, size_t len)
{
	static const char *const fields[] = { "lang", "intent", "urgency",
	    "sentiment", "churn_risk" };
	const char *pred = NULL;
	char *truth = NULL;
	long rule = -1;
	size_t k;

	if (opt.eval_jq != NULL && (truth = label_of(opt.eval_jq, r)) == NULL &&
	    why.len && strcmp(why.p, "no output") != 0 &&
	    strncmp(why.p, "the label", 9) != 0) {
		cim_reject(file, lineno, line, len, "--eval: %s", cim_buf_str(&why));
		return;
	}
	if (opt.rules_jq != NULL) {
		jv v;

		why.len = 0;
		v = cim_jq_first(opt.rules_jq, cim_rec_jv(r), &why);
		rule = cim_jq_index(v, opt.rules.n);	/* -1: none holds */
		jv_free(v);
	}
	text.len = 0;
	cim_cls_begin(&cls);
	cim_msgtext_each(&mt, r, add_message, NULL);
	cim_cls_end(&cls);
	for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
		set_field(r, fields[k]);
	pred = cim_intent_name[cls.intent];
	for (k = 0; k < opt.nmodels; k++) {
		const char *p = apply_model(r, &opt.models[k]);

		if (k == 0)
			pred = p;
	}
	if (rule >= 0) {
		const struct cim_clsrule *ru = &opt.rules.r[rule];

		if (ru->intent) {
			val.len = 0;
			cim_buf_adds(&val, "{\"label\":");
			cim_buf_json_str(&val, ru->intent, strlen(ru->intent));
			cim_buf_adds(&val, ",\"score\":1,\"evidence\":[");
			rule_name(&val, ru->name);
			cim_buf_adds(&val, "]}");
			cim_rec_set_raw(r, "intent", val.p, val.len);
			if (opt.nmodels == 0 || strcmp(opt.models[0].field, "intent") == 0)
				pred = ru->intent;
		}
		if (ru->urgency) {
			val.len = 0;
			cim_buf_printf(&val, "{\"level\":\"%s\",\"reasons\":[", ru->urgency);
			rule_name(&val, ru->name);
			cim_buf_adds(&val, "]}");
			cim_rec_set_raw(r, "urgency", val.p, val.len);
		}
	}
	if (truth != NULL) {
		size_t t = ev_index(truth), p = ev_index(pred);

		ev_conf[t * ev_cap + p]++;
		free(truth);
	}
	out.len = 0;
	cim_rec_write(r, &out);
	cim_out_add(cim_run.out, out.p, out.len);
	cim_run_wrote(1);
}

static void
train_add(struct cim_rec *r, const char *file, long lineno, const char *line, size_t len)
{
	char *label = label_of(opt.train_jq, r);
	struct cim_smap_ent *e;
	size_t nf;
	int isnew;

	if (label == NULL) {
		cim_reject(file, lineno, line, len, "--train: %s", cim_buf_str(&why));
		return;
	}
	text.len = 0;
	cim_msgtext_each(&mt, r, add_message, NULL);
	e = cim_smap_put(&tr_labels, label, strlen(label), &isnew);
	if (isnew) {
		e->val = tr_nlabels++;
		tr_names = cim_xrealloc(tr_names, (size_t)tr_nlabels * sizeof(*tr_names));
		tr_names[e->val] = label;
	} else {
		free(label);
	}
	nf = cim_ft_features(&opt.ft, &tt, text.p ? text.p : "", text.len, text1,
	    &feats, &fcap, NULL, NULL);
	if (tr_n + 2 > tr_cap) {
		tr_cap = tr_cap ? tr_cap * 2 : 1024;
		tr_off = cim_xrealloc(tr_off, tr_cap * sizeof(*tr_off));
		tr_y = cim_xrealloc(tr_y, tr_cap * sizeof(*tr_y));
	}
	if (tr_nf + nf > tr_fcap) {
		while (tr_nf + nf > tr_fcap)
			tr_fcap = tr_fcap ? tr_fcap * 2 : 65536;
		tr_feats = cim_xrealloc(tr_feats, tr_fcap * sizeof(*tr_feats));
	}
	memcpy(tr_feats + tr_nf, feats, nf * sizeof(*feats));
	tr_off[tr_n] = tr_nf;
	tr_y[tr_n] = (int)e->val;
	tr_nf += nf;
	tr_n++;
	tr_off[tr_n] = tr_nf;
	cim_run_wrote(1);
}

static void
read_file(const char *path)
{
	struct cim_lines *l;
	struct cim_recread *rr;
	struct cim_recitem it;
	struct cim_checked *ck;
	const char *name;

	if ((l = cim_run_open(path)) == NULL)
		return;
	name = cim_lines_name(l);
	/* Lines come read, scanned and schema-checked, by helper threads
	 * unless --threads 1. */
	rr = cim_recread_open(l, opt.threads > 1, &cim_recprep_schema);
	while (cim_recread_next(rr, &it) == 1) {
		if (cim_ascii_blank(it.line, it.len))
			continue;
		cim_run_read(1);
		if (it.rc < 0) {
			cim_reject_json(name, it.lineno, it.line, it.len, it.why, it.at);
			continue;
		}
		ck = it.user;
		if (ck->rc < 0) {
			cim_reject(name, it.lineno, it.line, it.len, "%s", cim_buf_str(&ck->why));
			continue;
		}
		if (opt.train_jq)
			train_add(it.rec, name, it.lineno, it.line, it.len);
		else
			classify(it.rec, name, it.lineno, it.line, it.len);
	}
	cim_recread_close(rr);
	if (l->err)
		cim_run_fail();
	cim_lines_close(l);
}

static void
train_finish(const char *path)
{
	struct cim_ft *m;
	clock_t t0 = clock();
	int ep;

	if (tr_n == 0) {
		cim_warnx("--train: no labelled records; no model written");
		cim_run_fail();
		return;
	}
	m = cim_ft_train(&opt.ft, tr_feats, tr_off, tr_y, tr_n, tr_names, tr_nlabels, &ep);
	if (cim_ft_save(m, path) < 0) {
		cim_warnx("%s: %s", path, strerror(errno));
		cim_run_fail();
	} else {
		fprintf(stderr, "%s: trained %zu records, %d labels, %d epochs, %.1f s\n",
		    cim_prog, tr_n, tr_nlabels, ep, (double)(clock() - t0) / CLOCKS_PER_SEC);
	}
	cim_ft_free(m);
}

static int
reserved(const char *f)
{
	static const char *const core[] = { "id", "source", "channel", "started_at",
	    "ended_at", "status", "customer", "messages", "events", "agent", "queue",
	    "csat", "nps", "region", "attrs", NULL };
	int k;

	for (k = 0; core[k]; k++)
		if (strcmp(core[k], f) == 0)
			return 1;
	return *f == '\0';
}

int
main(int argc, char **argv)
{
	const char *train = NULL, *eval = NULL;
	int c, i;

	cim_run_start(argv, usage, help);
	opt.ft = (struct cim_ft_opts){ 30, 2097152, 3, 5, 2, 0.1, 1, 1 };
	opt.threads = 2;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case O_MODEL:
			opt.models = cim_xrealloc(opt.models, (opt.nmodels + 1) * sizeof(*opt.models));
			opt.models[opt.nmodels++] = (struct model){ optarg, "intent", NULL };
			break;
		case O_AS:
			if (opt.nmodels == 0)
				cim_usage("--as: give --model first");
			if (reserved(optarg))
				cim_usage("--as: '%s' is a field of the canonical record", optarg);
			opt.models[opt.nmodels - 1].field = optarg;
			break;
		case O_RULES: load_rules(optarg); break;
		case O_EVAL: eval = optarg; break;
		case O_TRAIN: train = optarg; break;
		case O_EPOCHS: opt.ft.epochs = (int)cim_opt_long("--epochs", optarg, 1, 1000); break;
		case O_BUCKETS:
			opt.ft.buckets = (uint32_t)cim_opt_long("--buckets", optarg, 1024, 1L << 24);
			break;
		case O_LR: opt.ft.lr = cim_opt_double("--lr", optarg, 0.001, 10); break;
		case O_SEED: opt.ft.seed = (uint64_t)cim_opt_long("--seed", optarg, 0, 1L << 30); break;
		case O_THREADS: opt.threads = (int)cim_opt_long("--threads", optarg, 1, 2); break;
		default:
			if (!cim_run_option(c, optarg))
				cim_usage(NULL);
		}
	}
	if (train != NULL) {
		if (opt.nmodels != 1)
			cim_usage("--train: give one --model OUT to write");
		if (eval || opt.rules.n)
			cim_usage("--train: --eval and --rules do not apply");
		opt.train_jq = cim_jq_compile(train, "--train", jv_invalid());
	} else {
		for (size_t k = 0; k < opt.nmodels; k++) {
			why.len = 0;
			if ((opt.models[k].ft = cim_ft_load(opt.models[k].path, &why)) == NULL)
				cim_die(2, "%s: %s", opt.models[k].path, cim_buf_str(&why));
			for (size_t j = 0; j < k; j++)
				if (strcmp(opt.models[j].field, opt.models[k].field) == 0)
					cim_usage("--model: two models write '%s'; use --as",
					    opt.models[k].field);
		}
		if (eval)
			opt.eval_jq = cim_jq_compile(eval, "--eval", jv_invalid());
	}

	if (optind == argc)
		read_file("-");
	for (i = optind; i < argc; i++)
		read_file(argv[i]);

	if (train != NULL)
		train_finish(opt.models[0].path);
	else if (eval != NULL)
		ev_report();

	for (size_t k = 0; k < opt.nmodels; k++)
		cim_ft_free(opt.models[k].ft);
	cim_clsrules_free(&opt.rules);
	free(opt.models);
	cim_jq_free(opt.rules_jq);
	cim_jq_free(opt.eval_jq);
	cim_jq_free(opt.train_jq);
	cim_cls_free(&cls);
	cim_msgtext_free(&mt);
	cim_toks_free(&tt);
	cim_buf_free(&text);
	cim_buf_free(&val);
	cim_buf_free(&why);
	cim_buf_free(&out);
	free(feats);
	free(uni);
	free(contrib);
	for (int k = 0; k < tr_nlabels; k++)
		free(tr_names[k]);
	free(tr_names);
	free(tr_feats);
	free(tr_off);
	free(tr_y);
	cim_smap_free(&tr_labels);
	for (size_t k = 0; k < ev_n; k++)
		free(ev_names[k]);
	free(ev_names);
	free(ev_conf);
	cim_smap_free(&ev_labels);
	return cim_run_end();
}
