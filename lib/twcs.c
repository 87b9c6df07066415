/*
 * twcs.c: Customer Support on Twitter CSV into threads (see twcs.h).
 *
 * The whole file is read first: a reply may come before the tweet it
 * answers, and a thread is known only when every link has been seen.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "smap.h"
#include "tstamp.h"
#include "twcs.h"

size_t
cim_twcs_id(const char *s, size_t n, char *out, size_t outlen)
{
	size_t i, k;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (k = 0; k < n && s[k] >= '0' && s[k] <= '9'; k++)
		;
	if (k == 0)
		return 0;
	if (k < n) {	/* "3.0": a float re-export; only zeros may follow */
		if (s[k] != '.')
			return 0;
		for (i = k + 1; i < n; i++)
			if (s[i] != '0')
				return 0;
	}
	if (k >= outlen || k > 19)	/* ids are below 2^63 */
		return 0;
	memcpy(out, s, k);
	out[k] = '\0';
	return k;
}

/* ---- CSV over the buffer ---- */

struct field {
	const char	*p;
	size_t		 n;
	int		 quoted;
};

struct fields {
	struct field	*v;
	size_t		 n, cap;
};

/*
 * Splits the record at *pos (RFC 4180: "," between fields, a record ends
 * at "\n" outside quotes, "" inside quotes is a quote; a bare CR is text).
 * Returns 0 with *pos after the record, or -1 for an unterminated quote.
 */
static int
record(const char *buf, size_t len, size_t *pos, struct fields *f, long *lines)
{
	size_t i = *pos, eol = 0;	/* the line's end, once looked for */
	int have_eol = 0;

	f->n = 0;
	for (;;) {
		struct field *x;

		if (f->n == f->cap) {
			f->cap = f->cap ? f->cap * 2 : 16;
			f->v = cim_xrealloc(f->v, f->cap * sizeof(*f->v));
		}
		x = &f->v[f->n++];
		if (i < len && buf[i] == '"') {
			size_t j = i + 1;

			for (;;) {
				const char *q = memchr(buf + j, '"', len - j);

				if (q == NULL)
					return -1;
				for (const char *c = buf + j;
				    (c = memchr(c, '\n', (size_t)(q - c))) != NULL; c++)
					(*lines)++;
				j = (size_t)(q - buf) + 1;
				if (j < len && buf[j] == '"') {
					j++;
					continue;
				}
				break;
			}
			x->p = buf + i + 1;
			x->n = j - i - 2;
			x->quoted = 1;
			i = j;
			/* anything up to the separator is kept, as libcsv's relaxed mode */
			while (i < len && buf[i] != ',' && buf[i] != '\n')
				i++;
		} else {
			/* memchr beats a byte loop: fields are long (text) */
			const char *comma;
			size_t j;

			if (!have_eol || eol < i) {
				const char *nl = memchr(buf + i, '\n', len - i);

				eol = nl ? (size_t)(nl - buf) : len;
				have_eol = 1;
			}
			comma = memchr(buf + i, ',', eol - i);
			j = comma ? (size_t)(comma - buf) : eol;
			x->p = buf + i;
			x->n = j - i;
			x->quoted = 0;
			i = j;
		}
		if (i >= len || buf[i] == '\n') {
			*pos = i < len ? i + 1 : len;
			(*lines)++;
			return 0;
		}
		i++;	/* "," */
	}
}

/* The value of field x: quotes undone into tmp when quoted. */
static const char *
value(const struct field *x, struct cim_buf *tmp, size_t *n)
{
	size_t i;

	if (!x->quoted || memchr(x->p, '"', x->n) == NULL) {
		*n = x->n;
		return x->p;
	}
	tmp->len = 0;
	for (i = 0; i < x->n; i++) {
		cim_buf_addc(tmp, x->p[i]);
		if (x->p[i] == '"')
			i++;
	}
	*n = tmp->len;
	return tmp->p;
}

/* ---- tweets, and their ids in an open-addressing table ---- */

/* Kept small: a large file holds millions. */
struct tweet {
	size_t		 rec;		/* its record in the buffer */
	int64_t		 at;
	uint64_t	 id;
	uint32_t	 reclen, line;
	int32_t		 parent;	/* union-find */
	int32_t		 next;		/* next tweet of the same thread */
	/* the reply link fields, as offsets from rec */
	uint32_t	 link[2][2];
};

/*
 * Tweet ids are decimal numbers below 2^63, so a table of tweet indexes
 * (the id read from the tweet) with a mixed hash does what a string map
 * would without a key allocation per tweet: 4 bytes a slot, 8 MB for a
 * million tweets.
 */
struct idtab {
	uint32_t	*idx;	/* index + 1; 0 = empty */
	size_t		 cap, n;
};

static uint64_t
id_num(const char *s)
{
	uint64_t v = 0;

	while (*s)
		v = v * 10 + (uint64_t)(*s++ - '0');
	return v;
}

/* The slot of id in t: where it is, or the empty one it goes to. */
static size_t
id_slot(const struct idtab *t, const struct tweet *tw, uint64_t id)
{
	/*
	 * Files list tweets mostly in id order: ids that follow each other
	 * take slots that follow each other, so the table is walked, not
	 * jumped through.  Snowflake ids (time << 22 | worker | sequence) get
	 * their time folded into the low bits, which spreads them.
	 */
	uint64_t h = id ^ (id >> 22) ^ (id >> 43);

	for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1))
		if (t->idx[i] == 0 || tw[t->idx[i] - 1].id == id)
			return i;
}

/* ---- tweets and threads ---- */

enum { C_ID, C_AUTHOR, C_INBOUND, C_AT, C_TEXT, C_RESP, C_INREPLY, C_N };

static const char *const colname[C_N] = {
	"tweet_id", "author_id", "inbound", "created_at", "text",
	"response_tweet_id", "in_response_to_tweet_id",
};

struct reader {
	const struct cim_twcs_opts	*o;
	const struct cim_sink		*sink;
	struct cim_buf			*buf;
	int				 col[C_N];
	size_t				 nhead;
	char				**extra;	/* named columns kept in attrs */
	struct tweet			*t;
	size_t				 nt, cap;
	struct idtab			 ids;
	struct fields			 f;
	struct cim_buf			 tmp, tmp2;
	/* the last Twitter time parsed (sod -1: none) */
	struct lastday {
		char	 s[30];
		int64_t	 ms;
		int	 sod;
	}				 last;
};

/* The index + 1 of tweet id, or 0. */
static long
id_get(const struct reader *rd, uint64_t id)
{
	return rd->ids.cap ? rd->ids.idx[id_slot(&rd->ids, rd->t, id)] : 0;
}

/* Adds tweet idx (its id set) to the table; 0, or -1 when its id is
 * there already. */
static int
id_put(struct reader *rd, size_t idx)
{
	struct idtab *t = &rd->ids;
	size_t i;

	if ((t->n + 1) * 2 > t->cap) {
		struct idtab old = *t;

		t->cap = t->cap ? t->cap * 2 : 1024;
		t->idx = cim_xcalloc(t->cap, sizeof(*t->idx));
		for (i = 0; i < old.cap; i++)
			if (old.idx[i])
				t->idx[id_slot(t, rd->t, rd->t[old.idx[i] - 1].id)] = old.idx[i];
		free(old.idx);
	}
	i = id_slot(t, rd->t, rd->t[idx].id);
	if (t->idx[i])
		return -1;
	t->idx[i] = (uint32_t)idx + 1;
	t->n++;
	return 0;
}

static int32_t
find(struct tweet *t, int32_t i)
{
	while (t[i].parent != i) {
		t[i].parent = t[t[i].parent].parent;
		i = t[i].parent;
	}
	return i;
}

static void
unite(struct tweet *t, int32_t a, int32_t b)
{
	a = find(t, a);
	b = find(t, b);
	if (a == b)
		return;
	/* The earlier tweet (then the lower index) is the root. */
	if (t[b].at < t[a].at || (t[b].at == t[a].at && b < a)) {
		int32_t x = a;

		a = b;
		b = x;
	}
	t[b].parent = a;
}

static int
header(struct reader *rd, size_t *pos, long *lines)
{
	size_t i, k;

	if (record(rd->buf->p, rd->buf->len, pos, &rd->f, lines) < 0)
		return -1;
	rd->nhead = rd->f.n;
	rd->extra = cim_xcalloc(rd->f.n, sizeof(*rd->extra));
	for (k = 0; k < C_N; k++)
		rd->col[k] = -1;
	for (i = 0; i < rd->f.n; i++) {
		size_t n;
		const char *s = value(&rd->f.v[i], &rd->tmp, &n);

		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
			n--;
		for (k = 0; k < C_N; k++)
			if (strlen(colname[k]) == n && strncasecmp(colname[k], s, n) == 0)
				break;
		if (k < C_N) {
			rd->col[k] = (int)i;
		} else if (n > 0 && !(n == 5 && strncmp(s, "index", 5) == 0) &&
		    !(n > 8 && strncmp(s, "Unnamed:", 8) == 0)) {
			/* a pandas index column has no name: it is dropped */
			rd->extra[i] = cim_xstrndup(s, n);
		}
	}
	for (k = 0; k < C_N; k++)
		if (rd->col[k] < 0 && k != C_RESP && k != C_INREPLY)
			return -1;
	return 0;
}

/* Each id in the field (one, or several "706,704"): links to tweet i. */
static void
link_ids(struct reader *rd, long i, const char *s, size_t n)
{
	size_t a = 0;

	while (a < n) {
		size_t b = a;
		char id[24];
		long j;

		while (b < n && s[b] != ',')
			b++;
		if (cim_twcs_id(s + a, b - a, id, sizeof(id)) > 0 &&
		    (j = id_get(rd, id_num(id))) > 0)
			unite(rd->t, (int32_t)i, (int32_t)(j - 1));
		a = b + 1;
	}
}

static void
reject(struct reader *rd, size_t rec, size_t end, long line, const char *why)
{
	while (end > rec && rd->buf->p[end - 1] == '\n')
		end--;
	rd->sink->reject(line, rd->buf->p + rec, end - rec, why, rd->sink->arg);
}

/*
 * The time s[0..n) of created_at.  Tweets of a file come in time order, so
 * a day repeats: a Twitter time ("Tue Oct 31 22:10:47 +0000 2017") that
 * differs from the last one parsed only in its clock is that time moved by
 * the clock's difference (the offset is explicit, no zone rule applies).
 * Returns 0, or -1 when the time is not one.
 */
static int
created_at(struct reader *rd, const char *s, size_t n, int64_t *ms)
{
	struct lastday *c = &rd->last;
	int twitter = n == sizeof(c->s) && s[3] == ' ' && s[7] == ' ' && s[10] == ' ' &&
	    s[13] == ':' && s[16] == ':' && s[19] == ' ' && (s[20] == '+' || s[20] == '-') &&
	    s[25] == ' ';
	int sod = -1;

	if (twitter) {
		int d[6], k;

		for (k = 0; k < 6; k++) {
			char ch = s[11 + k + k / 2];

			if (ch < '0' || ch > '9')
				break;
			d[k] = ch - '0';
		}
		if (k == 6 && d[0] * 10 + d[1] <= 23 && d[2] <= 5 && d[4] <= 5)
			sod = (d[0] * 10 + d[1]) * 3600 + (d[2] * 10 + d[3]) * 60 + d[4] * 10 + d[5];
	}
	if (sod >= 0 && c->sod >= 0 && memcmp(s, c->s, 11) == 0 &&
	    memcmp(s + 19, c->s + 19, sizeof(c->s) - 19) == 0) {
		*ms = c->ms + (int64_t)(sod - c->sod) * 1000;
		return 0;
	}
	if (cim_time_parse(s, n, rd->o->norm->order, rd->o->norm->tz, ms) != CIM_TIME_OK)
		return -1;
	c->sod = sod;
	if (sod >= 0) {
		memcpy(c->s, s, sizeof(c->s));
		c->ms = *ms;
	}
	return 0;
}

/* Pass 1: every tweet, its time and id. */
static void
scan(struct reader *rd, size_t pos, long line)
{
	const char *buf = rd->buf->p;
	size_t len = rd->buf->len;

	while (pos < len) {
		size_t rec = pos, n;
		long first = line;
		const char *s;
		char id[24];
		int64_t ms;
		struct tweet *t;
		int k;

		if (record(buf, len, &pos, &rd->f, &line) < 0) {
			reject(rd, rec, len, first, "unterminated quoted field");
			break;
		}
		if (rd->f.n == 1 && rd->f.v[0].n == 0)
			continue;	/* a blank line */
		if (rd->f.n != rd->nhead) {
			cim_buf_printf(&rd->tmp2, "%zu fields, the header has %zu", rd->f.n, rd->nhead);
			reject(rd, rec, pos, first, cim_buf_str(&rd->tmp2));
			rd->tmp2.len = 0;
			continue;
		}
		s = value(&rd->f.v[rd->col[C_ID]], &rd->tmp, &n);
		if (cim_twcs_id(s, n, id, sizeof(id)) == 0) {
			reject(rd, rec, pos, first, "tweet_id is not an id");
			continue;
		}
		s = value(&rd->f.v[rd->col[C_AT]], &rd->tmp, &n);
		if (created_at(rd, s, n, &ms) < 0) {
			reject(rd, rec, pos, first, "bad timestamp in created_at");
			continue;
		}
		s = value(&rd->f.v[rd->col[C_INBOUND]], &rd->tmp, &n);
		if (cim_preset_flag(s, n) < 0) {
			reject(rd, rec, pos, first, "inbound is not True or False");
			continue;
		}
		if (rd->nt == INT32_MAX) {
			reject(rd, rec, len, first, "more than 2^31 tweets");
			break;
		}
		if (pos - rec > UINT32_MAX || first > (long)UINT32_MAX) {
			reject(rd, rec, pos, first, "a record over 4 GB, or past line 2^32");
			continue;
		}
		if (rd->nt == rd->cap) {
			/* about one tweet per 150 bytes: one allocation, mostly */
			rd->cap = rd->cap ? rd->cap * 2 : len / 150 + 1024;
			rd->t = cim_xrealloc(rd->t, rd->cap * sizeof(*rd->t));
		}
		t = &rd->t[rd->nt];
		t->id = id_num(id);
		if (id_put(rd, rd->nt) < 0) {
			reject(rd, rec, pos, first, "a tweet_id seen before");
			continue;
		}
		t->rec = rec;
		t->reclen = (uint32_t)(pos - rec);
		t->line = (uint32_t)first;
		t->at = ms;
		t->parent = (int32_t)rd->nt;
		t->next = -1;
		for (k = 0; k < 2; k++) {
			int c = rd->col[k == 0 ? C_INREPLY : C_RESP];

			t->link[k][0] = t->link[k][1] = 0;
			if (c >= 0 && rd->f.v[c].n > 0 && rd->f.v[c].n < UINT32_MAX &&
			    (size_t)(rd->f.v[c].p - (buf + rec)) < UINT32_MAX) {
				t->link[k][0] = (uint32_t)(rd->f.v[c].p - (buf + rec));
				t->link[k][1] = (uint32_t)rd->f.v[c].n;
			}
		}
		rd->nt++;
	}
}


/* v in decimal into out (at least 21 bytes); its length.  snprintf was a
 * tenth of the preset's time. */
static size_t
decimal(uint64_t v, char *out)
{
	char t[20];
	size_t n = 0, i;

	do {
		t[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	for (i = 0; i < n; i++)
		out[i] = t[n - 1 - i];
	out[n] = '\0';
	return n;
}

/* The row of tweet t, in the thread whose first tweet is root. */
static void
emit(struct reader *rd, struct cim_row *r, const struct tweet *t, const struct tweet *root)
{
	const char *buf = rd->buf->p;
	size_t pos = t->rec, n, i;
	long line = 0;
	const char *s;
	int inbound;
	char id[24];

	record(buf, rd->buf->len, &pos, &rd->f, &line);
	r->at = t->at;
	r->has_at = r->has_msg = 1;
	r->f[CIM_D_CHANNEL].len = 0;
	cim_buf_adds(&r->f[CIM_D_CHANNEL], "\"twitter\"");
	n = decimal(root->id, id);
	cim_preset_set(r, rd->o->norm, CIM_D_KEY, NULL, id, n);
	n = decimal(t->id, id);
	cim_preset_set(r, rd->o->norm, CIM_D_MSG_ID, NULL, id, n);
	s = value(&rd->f.v[rd->col[C_INBOUND]], &rd->tmp, &n);
	inbound = cim_preset_flag(s, n) == 1;
	s = value(&rd->f.v[rd->col[C_AUTHOR]], &rd->tmp, &n);
	cim_preset_set(r, rd->o->norm, CIM_D_MSG_AUTHOR, NULL, s, n);
	if (inbound) {
		cim_preset_set(r, rd->o->norm, CIM_D_CUST_ID, "twitter", s, n);
		r->from.len = 0;
		cim_buf_adds(&r->from, "\"customer\"");
	} else {
		cim_preset_set(r, rd->o->norm, CIM_D_QUEUE, NULL, s, n);
		r->from.len = 0;
		cim_buf_adds(&r->from, "\"agent\"");
	}
	s = value(&rd->f.v[rd->col[C_TEXT]], &rd->tmp, &n);
	rd->tmp2.len = 0;
	if (memchr(s, '&', n) != NULL) {
		cim_html_unescape(s, n, &rd->tmp2);
		s = rd->tmp2.p;
		n = rd->tmp2.len;
	}
	cim_preset_set(r, rd->o->norm, CIM_D_MSG_TEXT, NULL, s, n);
	for (i = 0; i < rd->f.n; i++)
		if (rd->extra[i] != NULL) {
			s = value(&rd->f.v[i], &rd->tmp, &n);
			cim_preset_set(r, rd->o->norm, CIM_D_ATTR, rd->extra[i], s, n);
		}
	{
		size_t end = t->rec + t->reclen;

		while (end > t->rec && buf[end - 1] == '\n')
			end--;
		rd->sink->row(r, t->line, buf + t->rec, end - t->rec, rd->sink->arg);
	}
	cim_row_reset(r);
}

/* Tweets of a thread, sorted: time, then id (numeric), then file order. */
static struct tweet *sort_base;

static int
tweet_cmp(const void *x, const void *y)
{
	const struct tweet *a = &sort_base[*(const int32_t *)x], *b = &sort_base[*(const int32_t *)y];

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);	/* ids are unique */
}

int
cim_twcs_read(struct cim_lines *l, const char *first, size_t flen,
    const struct cim_twcs_opts *o, const struct cim_sink *sink)
{
	struct cim_buf buf = { 0 };
	struct cim_preset_map map;
	struct reader rd = { 0 };
	struct cim_row row = { 0 };
	size_t pos = 0, i;
	long line;
	int32_t *order = NULL, *head = NULL, nthreads = 0;
	int rc;

	rd.o = o;
	rd.sink = sink;
	rd.buf = &buf;
	rd.last.sod = -1;
	rc = cim_preset_slurp(l, first, flen, o->enc, sink, &buf, &line, &map);
	{
		long hl = 0;

		if (header(&rd, &pos, &hl) < 0) {
			size_t end = pos;

			while (end > 0 && buf.p[end - 1] == '\n')
				end--;
			sink->reject(line, buf.p, end, "not a twcs header (tweet_id, author_id, "
			    "inbound, created_at, text)", sink->arg);
			goto out;
		}
		line += hl;
	}
	scan(&rd, pos, line);
	/* The threads: links in both directions, parents missing are skipped. */
	for (i = 0; i < rd.nt; i++)
		for (int k = 0; k < 2; k++)
			if (rd.t[i].link[k][1] > 0)	/* ids hold no quotes */
				link_ids(&rd, (long)i, buf.p + rd.t[i].rec + rd.t[i].link[k][0],
				    rd.t[i].link[k][1]);
	/* Gather each thread's tweets, threads in the order of their first. */
	order = cim_xmalloc((rd.nt + 1) * sizeof(*order));
	for (i = 0; i < rd.nt; i++)
		order[i] = (int32_t)i;
	sort_base = rd.t;
	qsort(order, rd.nt, sizeof(*order), tweet_cmp);
	head = cim_xmalloc((rd.nt + 1) * sizeof(*head));
	{
		int32_t *tail = cim_xmalloc((rd.nt + 1) * sizeof(*tail));

		for (i = 0; i < rd.nt; i++)
			tail[i] = -1;
		for (i = 0; i < rd.nt; i++) {
			int32_t t = order[i], r = find(rd.t, t);

			if (tail[r] < 0)
				head[nthreads++] = t;
			else
				rd.t[tail[r]].next = t;
			tail[r] = t;
		}
		free(tail);
	}
	for (int32_t k = 0; k < nthreads; k++) {
		const struct tweet *root = &rd.t[head[k]];

		for (int32_t t = head[k]; t >= 0; t = rd.t[t].next)
			emit(&rd, &row, &rd.t[t], root);
		if (sink->flush != NULL)
			sink->flush(sink->arg);
	}
out:
	for (i = 0; i < rd.nhead; i++)
		free(rd.extra ? rd.extra[i] : NULL);
	free(rd.extra);
	free(rd.t);
	free(rd.f.v);
	free(order);
	free(head);
	free(rd.ids.idx);
	cim_buf_free(&rd.tmp);
	cim_buf_free(&rd.tmp2);
	cim_row_free(&row);
	cim_preset_release(&buf, &map);
	return rc;
}
