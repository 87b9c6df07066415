/*
 * cim-ingest: read customer-interaction exports (NDJSON, JSON, CSV, TSV)
 * and write canonical conversation records (man cim.7), one per line.
 *
 * Each input row is mapped (--map, --jq, or by its own field names) onto
 * the record, normalized, and either stands for a whole conversation or
 * is one message that lib/conv.c groups with others.  Canonical NDJSON
 * that needs no change is checked and copied byte for byte.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "calls.h"
#include "channel.h"
#include "conv.h"
#include "csvrows.h"
#include "err.h"
#include "helpdesk.h"
#include "jqprog.h"
#include "json.h"
#include "lines.h"
#include "rec.h"
#include "run.h"
#include "phone.h"
#include "preset.h"
#include "schema.h"
#include "idset.h"
#include "twcs.h"
#include "utf8.h"
#include "whatsapp.h"

static const char usage[] =
"usage: cim-ingest [-f format] [-m dest=src,...] [--jq program | --jq-file file]\n"
"                  [-k key] [--grouped] [--gap duration] [--source name]\n"
"                  [--channel name] [--tz zone] [--date-order order]\n"
"                  [--region cc] [--encoding enc] [-d delim] [--agent name]\n"
"                  [--business-phone number] [--rejects file] [--strict]\n"
"                  [--stats] [file ...]\n";

static const char help[] =
"Read exports and write canonical conversation records as NDJSON.\n"
"\n"
"  -f, --format FMT       auto (default), ndjson, json, csv, tsv, whatsapp, twcs,\n"
"                         zendesk, intercom, calls\n"
"  -m, --map SPEC         map source fields: dest=src,... (dest like id, channel,\n"
"                         customer.email, customer.ids.NS, at, from, text, attrs.X)\n"
"      --jq PROGRAM       map each source row (an object) with a jq program\n"
"      --jq-file FILE     the same, program read from FILE\n"
"  -k, --conversation KEY source field grouping message rows into conversations\n"
"      --grouped          message rows come grouped by conversation: write each\n"
"                         when the next starts (constant memory)\n"
"      --gap DURATION     inactivity that ends a conversation (default 24h)\n"
"      --source NAME      source name and id prefix (default: the format)\n"
"      --channel NAME     channel of rows that have none\n"
"      --tz ZONE          zone of times written without one (default UTC)\n"
"      --date-order ORD   auto (default), dmy, mdy, ymd\n"
"      --region CC        default region for phone numbers (default BR)\n"
"      --encoding ENC     utf8 (default), latin1, cp1252\n"
"  -d, --delimiter C      CSV delimiter (default: sniffed from the header)\n"
"      --agent NAME       whatsapp: this sender is the business (repeatable)\n"
"      --business-phone N whatsapp: the business's own number\n"
"      --rejects FILE     write rejected input, with reasons, as NDJSON\n"
"      --strict           exit 1 if any input was rejected\n"
"      --stats            print read/written/rejected counts to stderr\n"
"  -h, --help             show this help\n"
"      --version          show the version\n"
"\n"
"With no file, or when file is -, read standard input.  Gzip input is\n"
"detected and read.  See cim-ingest(1) and cim(7).\n";

enum fmt { F_AUTO, F_NDJSON, F_JSON, F_CSV, F_TSV, F_WHATSAPP, F_TWCS,
    F_ZENDESK, F_INTERCOM, F_CALLS, F_NFMT };
static const char *const fmt_name[] = { "auto", "ndjson", "json", "csv", "tsv",
    "whatsapp", "twcs", "zendesk", "intercom", "calls" };

enum { O_JQ = CIM_OPT_TOOL, O_JQFILE, O_GROUPED, O_GAP, O_SOURCE, O_CHANNEL, O_TZ,
    O_ORDER, O_REGION, O_ENCODING, O_AGENT, O_BUSINESS };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "map", required_argument, NULL, 'm' },
	{ "jq", required_argument, NULL, O_JQ },
	{ "jq-file", required_argument, NULL, O_JQFILE },
	{ "conversation", required_argument, NULL, 'k' },
	{ "grouped", no_argument, NULL, O_GROUPED },
	{ "gap", required_argument, NULL, O_GAP },
	{ "source", required_argument, NULL, O_SOURCE },
	{ "channel", required_argument, NULL, O_CHANNEL },
	{ "tz", required_argument, NULL, O_TZ },
	{ "date-order", required_argument, NULL, O_ORDER },
	{ "region", required_argument, NULL, O_REGION },
	{ "encoding", required_argument, NULL, O_ENCODING },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "agent", required_argument, NULL, O_AGENT },
	{ "business-phone", required_argument, NULL, O_BUSINESS },
	CIM_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

struct mapping {
	struct cim_destspec	 dest;
	char			*src;
};

static struct {
	enum fmt		 fmt;
	struct mapping		*map;
	size_t			 nmap;
	struct cim_jq		*jq;
	char			*key;		/* --conversation */
	int			 delim;		/* 0: sniff */
	enum cim_encoding	 enc;
	struct cim_norm		 norm;
	struct cim_asm		*as;
	const char		*source_opt;
	struct cim_wa_opts	 wa;
	char			 business[CIM_PHONE_MAX];
} opt;

/* The operand being read. */
static struct {
	const char	*name;
	char		*closed;	/* the name of the last operand, once closed */
	long		 line;		/* of the current row's first line */
	const char	*text;		/* its original text */
	size_t		 len;
} cur;

static struct cim_row row;
static struct cim_buf why, scratch;
static struct cim_idset seen_ids;

/* ---- output ---- */

/*
 * Ids are unique in the output: a second record with an id already
 * written is rejected (one entry per record, kept for the whole run).
 */
static int
fresh_id(const char *id, size_t n)
{
	return cim_idset_add(&seen_ids, id, n);
}

/* The id of a record we built: the text of its first member, escaped. */
static int
fresh_built_id(const char *json, size_t n)
{
	const char *p = json + 7, *end = json + n;	/* after {"id":" */

	while (p < end && *p != '"')
		p += *p == '\\' ? 2 : 1;
	return fresh_id(json + 7, (size_t)(p - json - 7));
}

static void
emit(const char *json, size_t n, const struct cim_filerows *fr, size_t nfr, void *arg)
{
	size_t i;

	(void)arg;
	if (!fresh_built_id(json, n)) {
		for (i = 0; i < nfr; i++)
			cim_reject_in(fr[i].fileno, cur.name, cur.line, json, n - 1,
			    "duplicate id: a record with this id was already written");
		for (i = 0; i < nfr; i++)
			if (fr[i].rows > 1)
				cim_run_rejected_more(fr[i].rows - 1);
		return;
	}
	cim_out_add(cim_run.out, json, n);
	for (i = 0; i < nfr; i++)
		cim_run_wrote_in(fr[i].fileno, fr[i].rows);
}

static void
reject_conv(const char *file, long line, int fileno, const char *text, size_t n,
    long rows, const char *reason, void *arg)
{
	(void)arg;
	cim_reject_in(fileno, file, line, text, n, "%s", reason);
	if (rows > 1)
		cim_run_rejected_more(rows - 1);
}

static void
reject_row(const char *reason)
{
	cim_reject(cur.name, cur.line, cur.text, cur.len, "%s", reason);
	cim_row_reset(&row);
}

/* Hands the mapped row to the assembler or rejects it. */
static void
place_row(void)
{
	why.len = 0;
	row.file = cur.name;
	row.line = cur.line;
	row.fileno = (int)cim_run.nfiles - 1;
	row.text_in = cur.text;
	row.text_len = cur.len;
	if (cim_asm_add(opt.as, &row, &why) < 0)
		reject_row(cim_buf_str(&why));
}

/* ---- text checks ---- */

/*
 * Makes s[0..n) valid UTF-8 in the requested encoding: returns s itself
 * when nothing changes, else the converted text in scratch.  Invalid
 * UTF-8 is repaired with a warning; under --strict *bad is set instead
 * and the caller rejects the record.
 */
static const char *
to_utf8(const char *s, size_t *n, int *bad)
{
	size_t nbad;

	*bad = 0;
	if (opt.enc == CIM_ENC_UTF8 && cim_utf8_valid(s, *n) == *n)
		return s;
	scratch.len = 0;
	nbad = cim_transcode(opt.enc, s, *n, &scratch);
	if (nbad > 0 && opt.enc == CIM_ENC_UTF8) {
		if (cim_run.strict)
			*bad = 1;
		else
			cim_warn_at(cur.name, cur.line, "invalid UTF-8 repaired (%zu replaced)", nbad);
	}
	*n = scratch.len;
	return cim_buf_str(&scratch);
}

/* ---- JSON rows ---- */

/* The value at a source path: an exact member, else a dotted path. */
static jv
lookup_path(jv obj, const char *path)
{
	jv v = jv_object_get(jv_copy(obj), jv_string(path));
	char *p, *dot, *dup;

	if (jv_is_valid(v) || strchr(path, '.') == NULL) {
		jv_free(obj);
		return v;
	}
	jv_free(v);
	dup = cim_xstrdup(path);
	v = obj;
	for (p = dup; p != NULL && jv_get_kind(v) == JV_KIND_OBJECT; p = dot) {
		if ((dot = strchr(p, '.')) != NULL)
			*dot++ = '\0';
		v = jv_object_get(v, jv_string(p));
	}
	free(dup);
	if (p != NULL) {	/* the path went through a non-object */
		jv_free(v);
		return jv_invalid();
	}
	return v;
}

/* Maps one source object (consumed) by --map and its own names. */
static int
map_object(jv obj)
{
	size_t i;
	int rc = 0;

	if (jv_get_kind(obj) != JV_KIND_OBJECT) {
		jv_free(obj);
		cim_buf_adds(&why, "not a JSON object");
		return -1;
	}
	if (opt.key != NULL) {
		jv k = lookup_path(jv_copy(obj), opt.key);
		struct cim_destspec d = { CIM_D_KEY, NULL };

		rc = cim_row_set_jv(&row, &opt.norm, &d, k, &why);
		obj = jv_object_delete(obj, jv_string(opt.key));
	}
	for (i = 0; i < opt.nmap && rc == 0; i++) {
		jv v = lookup_path(jv_copy(obj), opt.map[i].src);

		rc = cim_row_set_jv(&row, &opt.norm, &opt.map[i].dest, v, &why);
		obj = jv_object_delete(obj, jv_string(opt.map[i].src));
	}
	if (rc == 0 && opt.nmap > 0) {
		/* A field named like a destination the map already fills is
		 * not the map's: keep it under attrs. */
		jv keys = jv_keys_unsorted(jv_copy(obj));

		jv_array_foreach(keys, j, k) {
			struct cim_destspec d;

			if (cim_dest_parse(jv_string_value(k), &d) == 0) {
				for (i = 0; i < opt.nmap; i++)
					if (opt.map[i].dest.d == d.d && d.d != CIM_D_ATTR &&
					    d.d != CIM_D_CUST_ID && d.d != CIM_D_RESERVED) {
						jv v = jv_object_get(jv_copy(obj), jv_copy(k));
						struct cim_destspec a = { CIM_D_ATTR, (char *)jv_string_value(k) };

						rc = rc ? rc : cim_row_set_jv(&row, &opt.norm, &a, v, &why);
						obj = jv_object_delete(obj, jv_copy(k));
						break;
					}
			}
			cim_destspec_free(&d);
			jv_free(k);
		}
		jv_free(keys);
	}
	if (rc == 0)
		return cim_row_set_object(&row, &opt.norm, obj, &why);
	jv_free(obj);
	return rc;
}

/* One source object (consumed): through --jq when given, then mapped. */
static void
ingest_object(jv obj)
{
	jv out;
	int rc, n = 0;

	why.len = 0;
	if (opt.jq == NULL) {
		if (map_object(obj) < 0)
			reject_row(cim_buf_str(&why));
		else
			place_row();
		return;
	}
	cim_jq_start(opt.jq, obj);
	while ((rc = cim_jq_next(opt.jq, &out, &why)) == 1) {
		n++;
		if (opt.fmt == F_ZENDESK || opt.fmt == F_INTERCOM)
			out = cim_helpdesk_text(out);
		if (cim_jv_too_deep(out, CIM_JSON_MAX_DEPTH)) {
			/* What jq builds is not bounded by the scanner's limit. */
			jv_free(out);
			reject_row("--jq output nested deeper than 256 levels (objects count twice, as in jq)");
		} else if (map_object(out) < 0) {
			reject_row(cim_buf_str(&why));
			why.len = 0;
		} else {
			place_row();
		}
		if (n > 1)
			cim_run_read(1);	/* each further output is one more record */
	}
	if (rc < 0) {
		struct cim_buf m = { 0 };

		cim_buf_adds(&m, "--jq: ");
		cim_buf_add(&m, why.p, why.len);
		reject_row(cim_buf_str(&m));
		cim_buf_free(&m);
	} else if (n == 0) {
		/* The program chose to drop it (select): that is a reject, with
		 * its reason, so records in = out + rejected still holds. */
		reject_row("--jq produced no output for this row");
	}
}

/* An NDJSON line: copied when canonical already, else mapped. */
static void
ingest_line(struct cim_rec *rec, const char *s, size_t n)
{
	const char *w;
	size_t at;
	int disorder;

	int bad;

	cur.text = s;
	cur.len = n;
	cim_run_read(1);
	s = to_utf8(s, &n, &bad);
	if (bad) {
		reject_row("invalid UTF-8");
		return;
	}
	if (cim_rec_parse(rec, s, n, &w, &at) < 0) {
		why.len = 0;
		cim_buf_printf(&why, "invalid JSON at byte %zu: %s", at + 1, w);
		reject_row(cim_buf_str(&why));
		return;
	}
	why.len = 0;
	if (opt.nmap == 0 && opt.jq == NULL && opt.key == NULL &&
	    cim_schema_check(rec, &why, &disorder) == 0 && !disorder &&
	    cim_schema_unknown(rec) == NULL) {
		const struct cim_jmember *id = cim_rec_find(rec, "id");

		if (!fresh_id(id->val + 1, id->vlen - 2)) {
			reject_row("duplicate id: a record with this id was already written");
			return;
		}
		scratch.len = 0;
		cim_rec_write(rec, &scratch);
		cim_out_add(cim_run.out, scratch.p, scratch.len);
		cim_run_wrote(1);
		return;
	}
	ingest_object(jv_parse_sized(s, (int)n));
}

/* ---- CSV rows ---- */

struct csvstate {
	struct cim_csvrows rows;
	char		**header;
	size_t		  nheader;
	struct cim_destspec *col;	/* destination of each column */
	int		  bad_utf8;
	struct cim_calls *calls;	/* -f calls: what each column is */
	const char	**v;		/* -f calls: the row's fields */
	size_t		 *vlen;
};

/* The header row: column names and where each goes. */
static void
csv_header(struct csvstate *st)
{
	size_t i, j;

	st->header = cim_csv_names(&st->rows);
	st->nheader = st->rows.nf;
	st->col = cim_xcalloc(st->nheader ? st->nheader : 1, sizeof(*st->col));
	for (i = 0; i < opt.nmap; i++) {
		for (j = 0; j < st->nheader; j++)
			if (strcmp(st->header[j], opt.map[i].src) == 0)
				break;
		if (j == st->nheader)
			for (j = 0; j < st->nheader; j++)
				if (strcasecmp(st->header[j], opt.map[i].src) == 0)
					break;
		if (j == st->nheader)
			cim_die(2, "%s: --map: no column '%s' in the header", cur.name, opt.map[i].src);
		st->col[j] = opt.map[i].dest;
		st->col[j].name = opt.map[i].dest.name ? cim_xstrdup(opt.map[i].dest.name) : NULL;
	}
	for (j = 0; j < st->nheader; j++) {
		struct cim_destspec d;

		if (st->col[j].d != CIM_D_NONE)
			continue;
		if (opt.key != NULL && strcmp(st->header[j], opt.key) == 0) {
			st->col[j].d = CIM_D_KEY;
			continue;
		}
		if (opt.jq == NULL && cim_dest_parse(st->header[j], &d) == 0 &&
		    d.d != CIM_D_MESSAGES && d.d != CIM_D_EVENTS && d.d != CIM_D_CUSTOMER &&
		    d.d != CIM_D_ATTRS) {
			for (i = 0; i < opt.nmap; i++)
				if (opt.map[i].dest.d == d.d && d.d != CIM_D_ATTR &&
				    d.d != CIM_D_CUST_ID)
					break;
			if (i == opt.nmap) {
				st->col[j] = d;
				continue;
			}
			cim_destspec_free(&d);
		}
		st->col[j].d = CIM_D_ATTR;
		st->col[j].name = cim_xstrdup(st->header[j]);
	}
}

static void
csv_row(struct cim_csvrows *rows, void *data)
{
	struct csvstate *st = data;
	size_t i, nf = rows->nf;
	int rc = 0;

	if (st->header == NULL) {
		csv_header(st);
		if (opt.fmt == F_CALLS) {
			st->calls = cim_calls_new(st->header, st->nheader);
			if (!cim_calls_usable(st->calls))
				cim_die(1, "%s: -f calls: no start or date column in the header", cur.name);
			st->v = cim_xcalloc(st->nheader + 1, sizeof(*st->v));
			st->vlen = cim_xcalloc(st->nheader + 1, sizeof(*st->vlen));
		}
		goto done;
	}
	cim_run_read(1);
	if (st->bad_utf8) {
		cim_reject(cur.name, cur.line, cur.text, cur.len, "invalid UTF-8");
		goto done;
	}
	if (nf != st->nheader) {
		why.len = 0;
		cim_buf_printf(&why, "%zu fields, the header has %zu", nf, st->nheader);
		reject_row(cim_buf_str(&why));
		goto done;
	}
	why.len = 0;
	if (st->calls != NULL) {
		for (i = 0; i < nf; i++)
			st->v[i] = cim_csvrows_field(rows, i, &st->vlen[i]);
		if (cim_calls_row(st->calls, st->v, st->vlen, &row, &opt.norm, &why) < 0)
			reject_row(cim_buf_str(&why));
		else
			place_row();
		goto done;
	}
	if (opt.jq != NULL) {
		jv obj = jv_object();

		for (i = 0; i < nf; i++) {
			size_t n;
			const char *s = cim_csvrows_field(rows, i, &n);

			if (n > 0)	/* empty strings are absent values */
				obj = jv_object_set(obj, jv_string(st->header[i]),
				    jv_string_sized(s, (int)n));
		}
		ingest_object(obj);
		goto done;
	}
	for (i = 0; i < nf && rc == 0; i++) {
		size_t n;
		const char *s = cim_csvrows_field(rows, i, &n);

		rc = cim_row_set(&row, &opt.norm, &st->col[i], s, n, &why);
	}
	if (rc < 0)
		reject_row(cim_buf_str(&why));
	else
		place_row();
done:
	st->bad_utf8 = 0;
}

static void
read_csv(struct cim_lines *l, char *first, size_t flen, enum fmt f)
{
	struct csvstate st = { 0 };
	struct cim_buf text = { 0 };
	char *line = first;
	size_t len = flen;
	int more = 1, delim = opt.delim;

	if (delim == 0)
		delim = f == F_TSV ? '\t' : cim_csv_sniff(first, flen);
	cim_csvrows_init(&st.rows, delim, csv_row, &st);
	cur.line = l->lineno;
	while (more) {
		const char *s, *err;
		size_t n = len;
		int bad;

		if (text.len == 0)
			cur.line = l->lineno;
		s = to_utf8(line, &n, &bad);
		st.bad_utf8 |= bad;
		if (text.len)
			cim_buf_addc(&text, '\n');
		cim_buf_add(&text, line, len);
		cur.text = text.p;
		cur.len = text.len;
		if (cim_csvrows_line(&st.rows, s, n, &err) < 0) {
			cim_run_read(st.header ? 1 : 0);
			cim_reject(cur.name, cur.line, text.p, text.len, "%s", err);
			/* Start afresh at the next line. */
			st.bad_utf8 = 0;
			text.len = 0;
		} else if (!cim_csvrows_pending(&st.rows)) {
			/* The row ended at this line (or the line was empty). */
			text.len = 0;
		}
		more = cim_lines_next(l, &line, &len) == 1;
	}
	if (l->err)
		cim_run_fail();
	if (cim_csvrows_finish(&st.rows) != 0) {
		cim_run_read(1);
		cim_reject(cur.name, cur.line, text.p ? text.p : "", text.len,
		    "unterminated quoted field");
	}
	cim_csvrows_free(&st.rows);
	for (size_t i = 0; i < st.nheader; i++) {
		free(st.header[i]);
		cim_destspec_free(&st.col[i]);
	}
	free(st.header);
	free(st.col);
	cim_calls_free(st.calls);
	free(st.v);
	free(st.vlen);
	cim_buf_free(&text);
}

/* ---- JSON documents ---- */

static void
read_json(struct cim_lines *l, char *first, size_t flen)
{
	struct cim_buf doc = { 0 };
	struct cim_jscan sc = { 0 };
	char *line = first;
	size_t len = flen, at, i, off = 0;
	long lineno = l->lineno;
	const char *w, *s;
	size_t n;

	do {
		cim_buf_add(&doc, line, len);
		cim_buf_addc(&doc, '\n');
	} while (cim_lines_next(l, &line, &len) == 1);
	if (l->err)
		cim_run_fail();
	n = doc.len;
	cur.line = lineno;
	{
		int bad;

		s = to_utf8(doc.p, &n, &bad);
		if (bad) {
			cim_run_read(1);
			cur.text = doc.p;
			cur.len = doc.len;
			reject_row("invalid UTF-8");
			goto out;
		}
	}
	if (s != doc.p) {
		struct cim_buf t = { 0 };

		cim_buf_add(&t, s, n);
		cim_buf_free(&doc);
		doc = t;
	}
	/* One array of rows, or objects one after another. */
	{
		const char *p = doc.p;

		while (p < doc.p + doc.len && strchr(" \t\r\n", *p))
			p++;
		if (p < doc.p + doc.len && *p == '[') {
			if (cim_json_scan_array(doc.p, doc.len, &sc, &w, &at) < 0) {
				cim_run_read(1);
				cur.text = doc.p;
				cur.len = doc.len;
				why.len = 0;
				for (i = 0; i < at; i++)
					lineno += doc.p[i] == '\n';
				cur.line = lineno;
				cim_buf_printf(&why, "invalid JSON: %s", w);
				reject_row(cim_buf_str(&why));
				goto out;
			}
			for (i = 0; i < sc.n; i++) {
				size_t k;

				for (k = off; k < (size_t)(sc.m[i].val - doc.p); k++)
					lineno += doc.p[k] == '\n';
				off = k;
				cur.line = lineno;
				cur.text = sc.m[i].val;
				cur.len = sc.m[i].vlen;
				cim_run_read(1);
				ingest_object(jv_parse_sized(sc.m[i].val, (int)sc.m[i].vlen));
			}
			goto out;
		}
	}
	{
		/* Values one after another: each is scanned for where it ends,
		 * so its line and text are known for messages and rejects. */
		const char *p = doc.p, *end = doc.p + doc.len;

		while (p < end) {
			const char *v = p;
			size_t vlen;

			while (v < end && strchr(" \t\r\n", *v))
				v++;
			for (; p < v; p++)
				lineno += *p == '\n';
			if (v == end)
				break;
			cur.line = lineno;
			cim_run_read(1);
			if (cim_json_value_len(v, (size_t)(end - v), &vlen, &w, &at) < 0) {
				const char *q;

				for (q = v; q < v + at; q++)
					lineno += *q == '\n';
				cur.line = lineno;
				cur.text = v;
				cur.len = (size_t)(end - v);
				why.len = 0;
				cim_buf_printf(&why, "invalid JSON: %s", w);
				reject_row(cim_buf_str(&why));
				break;	/* the rest cannot be split into values */
			}
			cur.text = v;
			cur.len = vlen;
			ingest_object(cim_json_build(v, vlen));
			for (p = v; p < v + vlen; p++)
				lineno += *p == '\n';
		}
	}
out:
	cim_jscan_free(&sc);
	cim_buf_free(&doc);
}

/* ---- format presets (lib/preset.h) ---- */

static void
sink_row(struct cim_row *r, long line, const char *text, size_t n, void *arg)
{
	(void)arg;
	cim_run_read(1);
	why.len = 0;
	r->file = cur.name;
	r->line = line;
	if (cim_asm_add(opt.as, r, &why) < 0) {
		cim_reject(cur.name, line, text, n, "%s", cim_buf_str(&why));
		cim_row_reset(r);
	}
}

static void
sink_reject(long line, const char *text, size_t n, const char *reason, void *arg)
{
	(void)arg;
	cim_run_read(1);
	cim_reject(cur.name, line, text, n, "%s", reason);
}

static void
sink_repaired(long line, size_t nbad, void *arg)
{
	(void)arg;
	cim_warn_at(cur.name, line, "invalid UTF-8 repaired (%zu replaced)", nbad);
}

/* A preset's rows so far are whole conversations: written now. */
static void
sink_flush(void *arg)
{
	(void)arg;
	cim_asm_finish(opt.as);
}

static const struct cim_sink sink = { sink_row, sink_reject, sink_repaired, sink_flush, NULL };

/* ---- operands ---- */

static enum fmt
detect(const char *path, const char *first, size_t n)
{
	const char *ext = strrchr(path, '.'), *slash = strrchr(path, '/');
	char base[16] = "";
	size_t i;

	if (ext && strcmp(ext, ".gz") == 0) {
		const char *e2 = ext;

		while (e2 > path && e2[-1] != '.' && e2[-1] != '/')
			e2--;
		if (e2 > path && e2[-1] == '.' && (size_t)(ext - e2) < sizeof(base) - 1) {
			memcpy(base, e2 - 1, (size_t)(ext - e2) + 1);
			base[ext - e2 + 1] = '\0';
			ext = base;
		}
	}
	{
		char head[512];

		snprintf(head, sizeof(head), "%.*s", (int)(n < 511 ? n : 511), first);
		if (head[strspn(head, " \t")] != '{' && head[strspn(head, " \t")] != '[' &&
		    strstr(head, "tweet_id") && strstr(head, "author_id") && strstr(head, "inbound"))
			return F_TWCS;	/* a CSV header naming the twcs columns */
	}
	if (ext && (!slash || ext > slash)) {
		if (!strcasecmp(ext, ".ndjson") || !strcasecmp(ext, ".jsonl")) return F_NDJSON;
		if (!strcasecmp(ext, ".csv")) return F_CSV;
		if (!strcasecmp(ext, ".tsv") || !strcasecmp(ext, ".tab")) return F_TSV;
	}
	{
		struct cim_wa_head h;

		if (cim_wa_header(first, n, &h))
			return F_WHATSAPP;
	}
	for (i = 0; i < n && strchr(" \t\r", first[i]); i++)
		;
	if (i < n && first[i] == '[')
		return F_JSON;
	if (i < n && first[i] == '{') {
		const char *w;
		size_t at;

		return cim_json_valid(first, n, &w, &at) == 0 ? F_NDJSON : F_JSON;
	}
	return F_CSV;
}

static void
ingest_file(const char *path)
{
	struct cim_lines *l;
	struct cim_rec rec = { 0 };
	char *line;
	size_t len;
	enum fmt f;
	int rc;

	if ((l = cim_run_open(path)) == NULL)
		return;
	cur.name = cim_lines_name(l);
	opt.norm.learned = CIM_ORDER_AUTO;
	while ((rc = cim_lines_next(l, &line, &len)) == 1 && len == 0)
		;	/* leading blank lines */
	if (rc == 1) {
		f = opt.fmt != F_AUTO ? opt.fmt : detect(path, line, len);
		if (opt.source_opt == NULL)
			opt.norm.source = fmt_name[f];
		if ((f == F_ZENDESK || f == F_INTERCOM) && detect(path, line, len) == F_NDJSON)
			f = F_NDJSON;	/* the preset's program, one line at a time */
		switch (f) {
		case F_CSV: case F_TSV: case F_CALLS:
			read_csv(l, line, len, f);
			break;
		case F_JSON: case F_ZENDESK: case F_INTERCOM:	/* a document */
			read_json(l, line, len);
			break;
		case F_TWCS: {
			struct cim_twcs_opts to = { &opt.norm, opt.enc };

			if (cim_twcs_read(l, line, len, &to, &sink) < 0)
				cim_run_fail();
			break;
		}
		case F_WHATSAPP:
			opt.wa.norm = &opt.norm;
			opt.wa.enc = opt.enc;
			if (cim_wa_read(l, line, len, &opt.wa, &sink) < 0)
				cim_run_fail();
			break;
		default:
			do {
				cur.line = l->lineno;
				if (!cim_ascii_blank(line, len))
					ingest_line(&rec, line, len);
			} while ((rc = cim_lines_next(l, &line, &len)) == 1);
		}
	}
	if (l->err)
		cim_run_fail();
	cim_rec_free(&rec);
	/* Conversations held to the end are written after the operand is
	 * closed: a duplicate id among them is rejected under its name. */
	free(cur.closed);
	cur.closed = cim_xstrdup(cur.name);
	cur.name = cur.closed;
	cim_lines_close(l);
}

static void
add_maps(const char *spec)
{
	char *dup = cim_xstrdup(spec), *p, *save = NULL;

	for (p = strtok_r(dup, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(p, '='), *d = p, *s;
		struct mapping *m;

		if (eq == NULL)
			cim_usage("--map: '%s' is not dest=source", p);
		*eq = '\0';
		s = eq + 1;
		while (*d == ' ') d++;
		while (*s == ' ') s++;
		for (char *e = eq; e > d && e[-1] == ' '; ) *--e = '\0';
		for (char *e = s + strlen(s); e > s && e[-1] == ' '; ) *--e = '\0';
		opt.map = cim_xrealloc(opt.map, (opt.nmap + 1) * sizeof(*opt.map));
		m = &opt.map[opt.nmap++];
		if (cim_dest_parse(d, &m->dest) < 0 || m->dest.d == CIM_D_MESSAGES ||
		    m->dest.d == CIM_D_EVENTS)
			cim_usage("--map: unknown destination '%s'", d);
		if (*s == '\0')
			cim_usage("--map: '%s=' names no source", d);
		m->src = cim_xstrdup(s);
	}
	free(dup);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	struct cim_buf b = { 0 };
	char tmp[4096];
	size_t n;

	if (f == NULL)
		cim_die(2, "%s: %s", path, strerror(errno));
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		cim_buf_add(&b, tmp, n);
	if (ferror(f))
		cim_die(2, "%s: %s", path, strerror(errno));
	fclose(f);
	return cim_buf_str(&b);
}

int
main(int argc, char **argv)
{
	const char *jqprog = NULL, *jqorigin = NULL, *tzname = NULL, *business = NULL;
	struct cim_tz *tz = NULL;
	struct cim_asm_opts ao = { 0 };
	char *jqtext = NULL;
	long gap = 86400;
	int c, i, gap_given = 0;

	cim_run_start(argv, usage, help);
	opt.norm.region = "BR";
	while ((c = getopt_long(argc, argv, "f:m:k:d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			for (i = 0; i < F_NFMT && strcmp(optarg, fmt_name[i]) != 0; i++)
				;
			if (i == F_NFMT)
				cim_usage("-f: unknown format '%s' (auto, ndjson, json, csv, tsv, "
				    "whatsapp, twcs, zendesk, intercom, calls)", optarg);
			opt.fmt = (enum fmt)i;
			break;
		case 'm': add_maps(optarg); break;
		case O_JQ:
			if (jqprog) cim_usage("give one --jq or --jq-file");
			jqprog = optarg;
			jqorigin = "--jq";
			break;
		case O_JQFILE:
			if (jqprog) cim_usage("give one --jq or --jq-file");
			jqprog = jqtext = slurp(optarg);
			jqorigin = optarg;
			break;
		case 'k': opt.key = optarg; break;
		case O_GROUPED: ao.grouped = 1; break;
		case O_GAP: gap = cim_opt_duration("--gap", optarg); gap_given = 1; break;
		case O_SOURCE:
			if (*optarg == '\0' || strchr(optarg, ':'))
				cim_usage("--source: '%s' must be a non-empty name without ':'", optarg);
			opt.source_opt = opt.norm.source = optarg;
			break;
		case O_CHANNEL:
			if ((opt.norm.channel = cim_channel_norm(optarg, strlen(optarg))) == NULL)
				cim_usage("--channel: unknown channel '%s'", optarg);
			break;
		case O_TZ: tzname = optarg; break;
		case O_ORDER:
			if (!strcmp(optarg, "auto")) opt.norm.order = CIM_ORDER_AUTO;
			else if (!strcmp(optarg, "dmy")) opt.norm.order = CIM_ORDER_DMY;
			else if (!strcmp(optarg, "mdy")) opt.norm.order = CIM_ORDER_MDY;
			else if (!strcmp(optarg, "ymd")) opt.norm.order = CIM_ORDER_YMD;
			else cim_usage("--date-order: '%s' is not auto, dmy, mdy or ymd", optarg);
			break;
		case O_REGION:
			if (strlen(optarg) != 2)
				cim_usage("--region: '%s' is not a two-letter country code", optarg);
			{
				static char rg[3];

				rg[0] = (char)(optarg[0] & ~0x20);
				rg[1] = (char)(optarg[1] & ~0x20);
				opt.norm.region = rg;
			}
			break;
		case O_ENCODING:
			if (cim_encoding_parse(optarg, &opt.enc) < 0)
				cim_usage("--encoding: unknown encoding '%s' (utf8, latin1, cp1252)", optarg);
			break;
		case 'd':
			if (strcmp(optarg, "\\t") == 0 || strcmp(optarg, "tab") == 0)
				opt.delim = '\t';
			else if (strlen(optarg) == 1 && optarg[0] != '"' && optarg[0] != '\n')
				opt.delim = (unsigned char)optarg[0];
			else
				cim_usage("-d: the delimiter must be one character");
			break;
		case O_AGENT:
			opt.wa.agents = cim_xrealloc(opt.wa.agents,
			    (opt.wa.nagents + 1) * sizeof(*opt.wa.agents));
			opt.wa.agents[opt.wa.nagents++] = optarg;
			break;
		case O_BUSINESS:
			business = optarg;
			break;
		default:
			if (!cim_run_option(c, optarg))
				cim_usage(NULL);
		}
	}
	if (business != NULL) {
		if (cim_phone_e164(business, strlen(business), opt.norm.region, opt.business) < 0)
			cim_usage("--business-phone: '%s' is not a phone number", business);
		opt.wa.business = opt.business;
	}
	if (tzname != NULL) {
		char err[256];

		if ((tz = cim_tz_load(tzname, err, sizeof(err))) == NULL)
			cim_usage("--tz: %s", err);
		opt.norm.tz = tz;
	}
	if (opt.fmt == F_ZENDESK || opt.fmt == F_INTERCOM) {
		if (jqprog != NULL)
			cim_usage("-f %s is a --jq program already: use -f json with yours",
			    fmt_name[opt.fmt]);
		jqprog = cim_helpdesk_program(fmt_name[opt.fmt]);
		jqorigin = fmt_name[opt.fmt];
	}
	if (jqprog != NULL)
		opt.jq = cim_jq_compile(jqprog, jqorigin, jv_invalid());
	ao.gap_ms = (int64_t)gap * 1000;
	ao.keyed_gap = gap_given;
	ao.norm = &opt.norm;
	opt.as = cim_asm_new(&ao, emit, reject_conv, NULL);

	if (optind == argc)
		ingest_file("-");
	for (i = optind; i < argc; i++)
		ingest_file(argv[i]);
	cim_asm_finish(opt.as);

	cim_asm_free(opt.as);
	cim_jq_free(opt.jq);
	cim_tz_free(tz);
	cim_row_free(&row);
	cim_buf_free(&why);
	cim_buf_free(&scratch);
	cim_idset_free(&seen_ids);
	free(cur.closed);
	for (size_t k = 0; k < opt.nmap; k++) {
		cim_destspec_free(&opt.map[k].dest);
		free(opt.map[k].src);
	}
	free(opt.map);
	free(opt.wa.agents);
	free(jqtext);
	return cim_run_end();
}
