/*
 * whatsapp.c: WhatsApp chat exports (see whatsapp.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "phone.h"
#include "smap.h"
#include "whatsapp.h"

/* ---- the header scanner: code points, marks skipped ---- */

struct sc {
	const unsigned char	*s;
	size_t			 n, i, adv;
};

static int
decode(const unsigned char *s, size_t n, size_t *len)
{
	size_t k;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	k = cim_utf8_seqlen(s, n);
	*len = k ? k : 1;
	switch (k) {
	case 2: return (s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	case 3: return (s[0] & 0x0f) << 12 | (s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	case 4: return (s[0] & 0x07) << 18 | (s[1] & 0x3f) << 12 | (s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	default: return 0xfffd;
	}
}

static int
is_mark(int c)
{
	return c == 0xfeff || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0x061c;
}

/* peek() past an ASCII byte: decodes, skips marks, maps look-alikes. */
static int
peek_slow(struct sc *c)
{
	for (;;) {
		int cp;

		if (c->i >= c->n)
			return -1;
		cp = decode(c->s + c->i, c->n - c->i, &c->adv);
		if (is_mark(cp)) {
			c->i += c->adv;
			continue;
		}
		if (cp >= 0x660 && cp <= 0x669)
			return '0' + cp - 0x660;	/* Arabic-Indic digits */
		if (cp >= 0x6f0 && cp <= 0x6f9)
			return '0' + cp - 0x6f0;
		if (cp == 0xa0 || cp == 0x202f || cp == 0x2009 || cp == 0x2007)
			return ' ';
		if (cp == 0x60c)
			return ',';	/* Arabic comma */
		return cp;
	}
}

/* The next code point, read as a header reads it; -1 at the end.  The
 * ASCII case is inline: headers are mostly digits and punctuation. */
static inline int
peek(struct sc *c)
{
	if (c->i < c->n && c->s[c->i] < 0x80) {
		c->adv = 1;
		return c->s[c->i];
	}
	return peek_slow(c);
}

static void
take(struct sc *c)
{
	c->i += c->adv;
}

static int
accept(struct sc *c, int ch)
{
	if (peek(c) != ch)
		return 0;
	take(c);
	return 1;
}

static int
spaces(struct sc *c)
{
	int k = 0;

	while (peek(c) == ' ') {
		take(c);
		k++;
	}
	return k;
}

/* 1 to max digits: the value, or -1 (nothing consumed). */
static int
number(struct sc *c, int max, unsigned char *len)
{
	int v = 0, k = 0, ch;

	while (k < max && (ch = peek(c)) >= '0' && ch <= '9') {
		v = v * 10 + ch - '0';
		take(c);
		k++;
	}
	if (k == 0 || ((ch = peek(c)) >= '0' && ch <= '9'))
		return -1;
	if (len)
		*len = (unsigned char)k;
	return v;
}

static int
lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

/* Matches the ASCII word w case-insensitively (blanks in w match one
 * blank); the next code point must not be a letter. */
static int
word(struct sc *c, const char *w)
{
	struct sc save = *c;
	int ch;

	for (; *w; w++) {
		if (lower(peek(c)) != *w) {
			*c = save;
			return 0;
		}
		take(c);
	}
	ch = lower(peek(c));
	if (ch >= 'a' && ch <= 'z') {
		*c = save;
		return 0;
	}
	return 1;
}

static int
ampm(struct sc *c)
{
	static const struct { const char *w; int v; } t[] = {
		{ "am", 1 }, { "pm", 2 }, { "a.m.", 1 }, { "p.m.", 2 },
		{ "a. m.", 1 }, { "p. m.", 2 }, { "in the morning", 1 },
		{ "in the afternoon", 2 }, { "in the evening", 2 }, { "at night", 2 },
	};
	struct sc save = *c;
	size_t i;
	int ch;

	spaces(c);
	ch = peek(c);
	if (ch != 'a' && ch != 'p' && ch != 'i' && ch != 'A' && ch != 'P' && ch != 'I' &&
	    ch < 0x80) {
		*c = save;
		return 0;
	}
	if (ch == 0x635 || ch == 0x645) {	/* Arabic sad (am), meem (pm) */
		take(c);
		return ch == 0x635 ? 1 : 2;
	}
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (word(c, t[i].w))
			return t[i].v;
	*c = save;
	return 0;
}

/* H:MM[:SS] (':' or '.'), then an AM/PM word. */
static int
clock(struct sc *c, struct cim_wa_head *h)
{
	unsigned char len;
	int sep;

	if ((h->hour = number(c, 2, NULL)) < 0)
		return -1;
	sep = peek(c);
	if (sep != ':' && sep != '.')
		return -1;
	take(c);
	if ((h->min = number(c, 2, &len)) < 0 || len != 2)
		return -1;
	h->sec = 0;
	if (peek(c) == sep) {
		struct sc save = *c;

		take(c);
		if ((h->sec = number(c, 2, &len)) < 0 || len != 2) {
			*c = save;	/* "12:30: text" (legacy colon form) */
			h->sec = 0;
		}
	}
	h->ampm = ampm(c);
	if (h->hour > 23 || h->min > 59 || h->sec > 59 ||
	    (h->ampm && h->hour > 12))
		return -1;
	return 0;
}

static int
month_name(struct sc *c)
{
	static const char *const en = "janfebmaraprmayjunjulaugsepoctnovdec";
	static const char *const pt = "janfevmarabrmaijunjulagosetoutnovdez";
	char w[3];
	int i, k, ch;
	struct sc save = *c;

	for (k = 0; k < 3; k++) {
		ch = lower(peek(c));
		if (ch < 'a' || ch > 'z') {
			*c = save;
			return 0;
		}
		w[k] = (char)ch;
		take(c);
	}
	while ((ch = lower(peek(c))) >= 'a' && ch <= 'z')
		take(c);	/* "March", "Sept" */
	accept(c, '.');
	for (i = 0; i < 12; i++)
		if (memcmp(w, en + 3 * i, 3) == 0 || memcmp(w, pt + 3 * i, 3) == 0)
			return i + 1;
	*c = save;
	return 0;
}

static int
date(struct sc *c, struct cim_wa_head *h)
{
	int ch = peek(c), sep;

	h->nf = 3;
	h->mon = 0;
	h->era = 0;
	if (ch < '0' || ch > '9') {
		/* "Mar 5" (legacy, no year) */
		if ((h->mon = month_name(c)) == 0 || spaces(c) == 0)
			return -1;
		if ((h->f[1] = number(c, 2, &h->flen[1])) < 0)
			return -1;
		h->f[0] = h->mon;
		h->flen[0] = 0;
		h->nf = 2;
		return 0;
	}
	if ((h->f[0] = number(c, 4, &h->flen[0])) < 0)
		return -1;
	sep = peek(c);
	if (sep == ' ') {
		/* "18 Mar" or "28 Aug 2013" */
		struct sc save;

		spaces(c);
		if ((h->mon = month_name(c)) == 0)
			return -1;
		h->f[1] = h->mon;
		h->flen[1] = 0;
		save = *c;
		if (spaces(c) > 0 && (h->f[2] = number(c, 4, &h->flen[2])) >= 0 &&
		    h->flen[2] == 4 && peek(c) != ':' && peek(c) != '.') {
			return 0;
		}
		*c = save;
		h->nf = 2;
		return 0;
	}
	if (sep != '/' && sep != '.' && sep != '-')
		return -1;
	take(c);
	if ((h->f[1] = number(c, 2, &h->flen[1])) < 0 || !accept(c, sep))
		return -1;
	ch = peek(c);
	if (ch == 'R' || ch == 'H') {	/* Japanese era year, "R4" */
		take(c);
		h->era = ch;
	}
	if ((h->f[2] = number(c, 4, &h->flen[2])) < 0)
		return -1;
	if (h->flen[0] == 3 || h->flen[2] == 3 || (h->flen[0] == 4 && h->flen[2] == 4))
		return -1;
	if (!h->era) {
		struct sc save = *c;

		if (spaces(c) && word(c, "be"))
			h->era = 'B';	/* Buddhist calendar */
		else
			*c = save;
	}
	accept(c, '.');
	return 0;
}

int
cim_wa_header(const char *s, size_t n, struct cim_wa_head *h)
{
	struct sc c = { (const unsigned char *)s, n, 0, 0 };
	int bracket, ch;
	size_t i, rest;

	memset(h, 0, sizeof(*h));
	bracket = accept(&c, '[');
	{
		/* Time first: "14:56:01, 3/18/22" (vi) or "19:23, 28 Aug 2013". */
		struct sc save = c;
		int v = number(&c, 2, NULL);

		ch = peek(&c);
		c = save;
		if (v >= 0 && ch == ':') {
			if (clock(&c, h) < 0 || !accept(&c, ',') || spaces(&c) == 0 ||
			    date(&c, h) < 0)
				return 0;
		} else {
			if (date(&c, h) < 0)
				return 0;
			if (!accept(&c, ',') && peek(&c) != ' ')
				return 0;
			spaces(&c);
			if (clock(&c, h) < 0)
				return 0;
		}
	}
	if (bracket) {
		spaces(&c);
		if (!accept(&c, ']'))
			return 0;
		accept(&c, ' ');
	} else {
		spaces(&c);
		ch = peek(&c);
		if (ch == '-' || ch == 0x2013) {
			take(&c);
			if (peek(&c) != ' ' && peek(&c) != -1)
				return 0;
			accept(&c, ' ');
		} else if (ch == ':') {
			take(&c);	/* legacy "4:23:03 PM: Name: text" */
			if (peek(&c) != ' ')
				return 0;
			take(&c);
		} else {
			return 0;
		}
	}
	/* Skip marks before the name: a phone is wrapped in U+202A..U+202C. */
	peek(&c);
	rest = c.i;
	h->text = rest;
	for (i = rest; i < n && i - rest <= 100; i++) {
		if (s[i] == '"' || (s[i] == '\xe2' && i + 2 < n && s[i + 1] == '\x80' &&
		    (s[i + 2] == '\x9c' || s[i + 2] == '\x9d')))
			break;
		if (s[i] == ':' && (i + 1 == n || s[i + 1] == ' ')) {
			if (i == rest)
				break;
			h->name = rest;
			h->name_len = i - rest;
			h->text = i + 1 < n ? i + 2 : n;
			break;
		}
	}
	return 1;
}

/* ---- times and the day/month order ---- */

static int
civil(const struct cim_wa_head *h, enum cim_date_order o, int year,
    int *y, int *m, int *d)
{
	if (h->nf == 2) {	/* "Mar 5" or "18 Mar" */
		*y = year;
		*m = h->mon;
		*d = h->flen[0] == 0 ? h->f[1] : h->f[0];
	} else if (h->mon) {	/* "28 Aug 2013" */
		*y = h->f[2];
		*m = h->mon;
		*d = h->f[0];
	} else if (h->flen[0] == 4) {
		*y = h->f[0];
		*m = h->f[1];
		*d = h->f[2];
	} else if (o == CIM_ORDER_YMD) {
		*y = h->f[0];
		*m = h->f[1];
		*d = h->f[2];
	} else if (o == CIM_ORDER_MDY) {
		*m = h->f[0];
		*d = h->f[1];
		*y = h->f[2];
	} else {
		*d = h->f[0];
		*m = h->f[1];
		*y = h->f[2];
	}
	if (h->nf == 3) {
		if (h->era == 'B')
			*y -= 543;
		else if (h->era == 'R')
			*y += 2018;
		else if (h->era == 'H')
			*y += 1988;
		else if (*y < 100)
			*y += 2000;	/* WhatsApp is from 2009 */
	}
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= cim_time_days_in_month(*y, *m) ? 0 : -1;
}

int
cim_wa_local_time(const struct cim_wa_head *h, enum cim_date_order o, int year,
    int64_t *secs)
{
	int y, m, d, hour = h->hour;

	if (civil(h, o, year, &y, &m, &d) < 0)
		return -1;
	if (h->ampm)
		hour = hour % 12 + (h->ampm == 2 ? 12 : 0);
	*secs = cim_time_days_from_civil(y, m, d) * 86400 + hour * 3600 + h->min * 60 + h->sec;
	return 0;
}

void
cim_wa_order_add(struct cim_wa_order *w, const struct cim_wa_head *h)
{
	int64_t t1, t2;
	int ok1, ok2;

	if (h->nf != 3 || h->mon || h->flen[0] == 4)
		return;		/* the order does not matter */
	ok1 = cim_wa_local_time(h, CIM_ORDER_DMY, 2000, &t1) == 0;
	ok2 = cim_wa_local_time(h, CIM_ORDER_MDY, 2000, &t2) == 0;
	if (ok1 && !ok2)
		w->dmy++;
	else if (ok2 && !ok1)
		w->mdy++;
	if (ok1 && ok2) {
		/* Both read: which order keeps the chat going forward? */
		if (w->have && t1 < w->last_dmy)
			w->back_dmy++;
		if (w->have && t2 < w->last_mdy)
			w->back_mdy++;
		w->last_dmy = t1;
		w->last_mdy = t2;
		w->have = 1;
	}
}

enum cim_date_order
cim_wa_order_pick(const struct cim_wa_order *w, enum cim_date_order fallback)
{
	if (w->dmy != w->mdy)
		return w->dmy > w->mdy ? CIM_ORDER_DMY : CIM_ORDER_MDY;
	if (w->back_dmy != w->back_mdy)
		return w->back_dmy < w->back_mdy ? CIM_ORDER_DMY : CIM_ORDER_MDY;
	return fallback;
}

/* ---- text classifiers ---- */

static int
has(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == w[0] && memcmp(s + i, w, k) == 0)
			return 1;
	return 0;
}

struct word {
	const char	*s;
	size_t		 n;
};
#define WORD(s)	{ s, sizeof(s) - 1 }

static int
ends(const char *s, size_t n, const struct word *w)
{
	size_t k = w->n;

	return n >= k && s[n - k] == w->s[0] &&
	    lower((unsigned char)s[n - 1]) == lower((unsigned char)w->s[k - 1]) &&
	    strncasecmp(s + n - k, w->s, k) == 0;
}

int
cim_wa_is_media(const char *s, size_t n)
{
	/* iOS: "<kind> omitted" and its translations; Android: "<...>". */
	static const struct word suffix[] = {
		WORD(" omitted"), WORD(" omitida"), WORD(" omitido"), WORD(" oculta"),
		WORD(" oculto"), WORD(" omessa"), WORD(" omesso"), WORD(" weggelassen"),
		WORD(" weggelaten"), WORD(" absente"), WORD(" absent"),
		WORD(" não revelada"), WORD(" não revelado"), WORD(" vynechán"),
		WORD(" vynechány"), WORD(" отсутствует"), WORD(" відсутнє"),
		WORD(" tidak disertakan"), WORD(" hình ảnh"), WORD("(file attached)"),
		WORD("(arquivo anexado)"), WORD("(archivo adjunto)"),
		WORD("(fichier joint)"), WORD("(Datei angehängt)"),
	};
	static const struct word whole[] = {
		WORD("画像は含まれていません"), WORD("ไม่มีรูปภาพ"), WORD("لم يتم إدراج الصورة"),
		WORD("फ़ोटो हटाई गई"),
	};
	/* last bytes of the suffixes, any case (per thread: filled lazily) */
	static _Thread_local unsigned char last[256];
	static _Thread_local int have_last;
	size_t i;

	if (!have_last) {
		for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
			unsigned char ch = (unsigned char)suffix[i].s[suffix[i].n - 1];

			last[ch] = last[lower(ch)] = last[ch >= 'a' && ch <= 'z' ? ch - 32 : ch] = 1;
		}
		have_last = 1;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	if (n == 0 || n > 200 || memchr(s, '\n', n) != NULL)
		return 0;
	if (s[0] == '<' && s[n - 1] == '>' && n <= 80)
		return 1;
	if (last[(unsigned char)s[n - 1]])
		for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++)
			if (ends(s, n, &suffix[i]))
				return 1;
	for (i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
		if (n == whole[i].n && memcmp(s, whole[i].s, n) == 0)
			return 1;
	return 0;
}

int
cim_wa_is_notice(const char *s, size_t n)
{
	static const char *const w[] = {
		"end-to-end", "Ende-zu-Ende", "ponta a ponta", "ponto a ponto",
		"extremo a extremo", "bout en bout", "koncov", "сквозным",
		"наскрізним", "エンドツーエンド", "एंड-टू-एंड", "เข้ารหัส",
		"mã hóa đầu cuối", "مشفرة",
	};
	size_t i;

	if (n > 400)
		n = 400;
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (has(s, n, w[i]))
			return 1;
	return 0;
}

int
cim_wa_is_phone(const char *s, size_t n)
{
	int digits = 0;
	size_t i, k;

	for (i = 0; i < n; i += k) {
		int c = decode((const unsigned char *)s + i, n - i, &k);

		if (c >= '0' && c <= '9')
			digits++;
		else if (!(c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' ||
		    c == 0xa0 || c == 0x202f || c == 0x2011 || is_mark(c)))
			return 0;
	}
	return digits >= 7 && digits <= 15;
}

/* ---- reading a file ---- */

/* A header line of the window, parsed. */
struct msg {
	size_t			 off;	/* its line in the buffer */
	long			 line;
	int			 role;	/* of its sender, 0 for a system line */
	struct cim_wa_head	 h;
};

/* Leading invisible marks of message text (iOS puts U+200E there). */
static size_t
skip_marks(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n && (unsigned char)s[i] >= 0x80 &&
	    is_mark(decode((const unsigned char *)s + i, n - i, &k)))
		i += k;
	return i;
}

static void
clean_name(const char *s, size_t n, struct cim_buf *out)
{
	out->len = 0;
	cim_text_strip_marks(s, n, out);
	while (out->len > 0 && out->p[out->len - 1] == ' ')
		out->len--;
	cim_buf_str(out);
}

enum role { R_CUSTOMER = 1, R_AGENT };

struct reader {
	const struct cim_wa_opts	*o;
	const struct cim_sink		*sink;
	struct cim_smap			 roles;	/* sender -> enum role */
	struct cim_buf			 name, tmp;
	/* the customer of the file: a phone or a name */
	char				*cust;
	int				 cust_phone;
	/* the last two senders as written: chats alternate between two */
	struct { const char *p; size_t n; int role; } recent[2];
	int				 next;
	size_t				 shifted;	/* bytes gone from the window */
	/* pass 2 */
	struct author {	/* the last two senders, as written and cleaned */
		struct cim_buf	 raw, clean;
	}				 author[2];
	enum cim_date_order		 order;
	int				 year, lastmon;	/* of dates without a year */
};

/* role_of, through the cache of the last two senders. */
static int role_of(struct reader *rd, const char *name, size_t n);

static int
role_cached(struct reader *rd, const char *name, size_t n)
{
	int k;

	for (k = 0; k < 2; k++)
		if (rd->recent[k].p != NULL && rd->recent[k].n == n &&
		    memcmp(rd->recent[k].p, name, n) == 0)
			return rd->recent[k].role;
	k = rd->next;
	rd->next ^= 1;
	rd->recent[k].p = name;	/* points into the file's buffer */
	rd->recent[k].n = n;
	return rd->recent[k].role = role_of(rd, name, n);
}

static int
is_agent(struct reader *rd, const char *name, size_t n)
{
	const struct cim_wa_opts *o = rd->o;
	size_t i;

	for (i = 0; i < o->nagents; i++)
		if (strlen(o->agents[i]) == n && strncasecmp(o->agents[i], name, n) == 0)
			return 1;
	if (o->business != NULL && cim_wa_is_phone(name, n)) {
		char e[CIM_PHONE_MAX];

		if (cim_phone_e164(name, n, o->norm->region, e) == 0 &&
		    strcmp(e, o->business) == 0)
			return 1;
	}
	return 0;
}

/* The role of sender name[0..n) (marks in it), decided when it first
 * speaks; the first customer is the conversation's customer. */
static int
role_of(struct reader *rd, const char *name, size_t n)
{
	int options = rd->o->nagents > 0 || rd->o->business != NULL;
	struct cim_smap_ent *e;
	int isnew;

	clean_name(name, n, &rd->name);
	e = cim_smap_put(&rd->roles, rd->name.p, rd->name.len, &isnew);
	if (!isnew)
		return (int)e->val;
	if (options)
		e->val = is_agent(rd, rd->name.p, rd->name.len) ? R_AGENT : R_CUSTOMER;
	else
		e->val = rd->cust == NULL ? R_CUSTOMER : R_AGENT;
	if (e->val == R_CUSTOMER && rd->cust == NULL) {
		rd->cust = cim_xstrdup(rd->name.p);
		rd->cust_phone = cim_wa_is_phone(rd->name.p, rd->name.len);
	}
	return (int)e->val;
}

/* Sets fragment b to the JSON text json. */
static void
frag(struct cim_buf *b, const char *json)
{
	b->len = 0;
	cim_buf_adds(b, json);
}


/*
 * How much of an export is held before its day/month order is decided:
 * a few weeks of chat have dates only one order reads (a 13th), and the
 * rest then flows through a window of about PRESET_CHUNK bytes.  The
 * evidence of the whole file is still gathered: a file whose later dates
 * tell another order is reported, not read twice.
 */
enum { WA_PREFIX = 4 << 20 };

/* Pass 1 over buf[*scanned..len): the header lines, their senders' roles
 * and the evidence of their dates: of the headers in the first WA_PREFIX
 * bytes in ord[0] (what decides, whatever the sizes of the reads), of all
 * in ord[1]. */
static void
scan(struct reader *rd, const struct cim_buf *buf, size_t *scanned, long *line,
    struct msg **m, size_t *nm, size_t *cap, struct cim_wa_order ord[2])
{
	size_t off;

	/* the role cache points into the window, which may have moved */
	rd->recent[0].p = rd->recent[1].p = NULL;
	for (off = *scanned; off < buf->len; (*line)++) {
		const char *s = buf->p + off, *nl = memchr(s, '\n', buf->len - off);
		size_t n = (size_t)(nl - s);

		if (*nm == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*m = cim_xrealloc(*m, *cap * sizeof(**m));
		}
		if (n > 0 && (((unsigned char)*s >= '0' && (unsigned char)*s <= '9') ||
		    (unsigned char)*s >= 0x80 || *s == '[' || isalpha((unsigned char)*s)) &&
		    cim_wa_header(s, n, &(*m)[*nm].h)) {
			struct msg *x = &(*m)[*nm];

			x->off = off;
			x->line = *line;
			x->role = x->h.name_len ? role_cached(rd, s + x->h.name, x->h.name_len) : 0;
			if (rd->o->norm->order == CIM_ORDER_AUTO) {
				cim_wa_order_add(&ord[1], &x->h);
				if (rd->shifted + off < WA_PREFIX)
					cim_wa_order_add(&ord[0], &x->h);
			}
			(*nm)++;
		}
		off += n + 1;
	}
	*scanned = off;
}

/* Pass 2: the row (or reject) of message mg, s[0..n): its header line
 * and continuation lines, blanks at the end dropped. */
static void
message(struct reader *rd, struct cim_row *row, const struct msg *mg, const char *s,
    size_t n, struct cim_lines *l)
{
	const struct cim_wa_opts *o = rd->o;
	const struct cim_sink *sink = rd->sink;
	const struct cim_wa_head h = mg->h;
	const char *text;
	long line = mg->line;
	int role = mg->role;
	size_t tlen, k;
	int64_t secs;
	enum cim_date_order oo = rd->order;
	int system;

	text = s + h.text;
	tlen = h.text > n ? 0 : n - h.text;
	if (h.nf == 2) {	/* no year: count years as months wrap */
		if (rd->lastmon && h.mon < rd->lastmon - 6)
			rd->year++;
		rd->lastmon = h.mon;
	}
	if (cim_wa_local_time(&h, oo, rd->year, &secs) < 0) {
		oo = oo == CIM_ORDER_MDY ? CIM_ORDER_DMY : CIM_ORDER_MDY;
		if (cim_wa_local_time(&h, oo, rd->year, &secs) < 0) {
			sink->reject(line, s, n, "no such date in a WhatsApp header", sink->arg);
			return;
		}
	}
	k = skip_marks(text, tlen);
	text += k;
	tlen -= k;
	system = h.name_len == 0 || (k > 0 && cim_wa_is_notice(text, tlen));
	row->at = cim_tz_local_to_utc(o->norm->tz, secs) * 1000;
	row->has_at = row->has_msg = 1;
	/* Constant fragments are written as such: they are most of a
	 * row's cost otherwise. */
	frag(&row->f[CIM_D_CHANNEL], "\"whatsapp\"");
	if (rd->cust != NULL && rd->cust_phone) {
		char e[CIM_PHONE_MAX];
		size_t dn = 0;
		char digits[32];

		clean_name(rd->cust, strlen(rd->cust), &rd->tmp);
		cim_preset_set(row, o->norm, CIM_D_CUST_PHONE, NULL, rd->tmp.p, rd->tmp.len);
		if (cim_phone_e164(rd->tmp.p, rd->tmp.len, o->norm->region, e) == 0) {
			cim_preset_set(row, o->norm, CIM_D_CUST_ID, "whatsapp", e + 1, strlen(e + 1));
		} else {
			for (k = 0; k < rd->tmp.len && dn < sizeof(digits); k++)
				if (rd->tmp.p[k] >= '0' && rd->tmp.p[k] <= '9')
					digits[dn++] = rd->tmp.p[k];
			cim_preset_set(row, o->norm, CIM_D_CUST_ID, "whatsapp", digits, dn);
		}
	} else if (rd->cust != NULL) {
		cim_preset_set(row, o->norm, CIM_D_CUST_NAME, NULL, rd->cust, strlen(rd->cust));
	} else {
		/* Only system lines: the file is the conversation. */
		const char *fn = cim_lines_name(l);

		cim_preset_set(row, o->norm, CIM_D_KEY, NULL, fn, strlen(fn));
	}
	if (system) {
		frag(&row->from, "\"system\"");
	} else {
		/* one of the last two senders, mostly: each cleaned once */
		struct author *a = &rd->author[0];

		if (a->raw.len != h.name_len || memcmp(a->raw.p, s + h.name, h.name_len) != 0) {
			struct author t = rd->author[1];

			rd->author[1] = rd->author[0];
			rd->author[0] = t;
			if (a->raw.len != h.name_len || memcmp(a->raw.p, s + h.name, h.name_len) != 0) {
				a->raw.len = 0;
				cim_buf_add(&a->raw, s + h.name, h.name_len);
				clean_name(s + h.name, h.name_len, &a->clean);
			}
		}
		frag(&row->from, role == R_AGENT ? "\"agent\"" : "\"customer\"");
		cim_preset_set(row, o->norm, CIM_D_MSG_AUTHOR, NULL, a->clean.p, a->clean.len);
		if (cim_wa_is_media(text, tlen))
			row->media = 1;
	}
	cim_preset_set(row, o->norm, CIM_D_MSG_TEXT, NULL, text, tlen);
	sink->row(row, line, s, n, sink->arg);
	cim_row_reset(row);
}

static const char *
order_name(enum cim_date_order o)
{
	return o == CIM_ORDER_MDY ? "month/day" : "day/month";
}

int
cim_wa_read(struct cim_lines *l, const char *first, size_t flen,
    const struct cim_wa_opts *o, const struct cim_sink *sink)
{
	struct cim_preset_in in;
	struct cim_buf buf = { 0 };	/* the window: lines not yet written */
	struct reader rd = { 0 };
	struct cim_wa_order ord[2] = { { 0 } };
	struct cim_row row = { 0 };
	struct msg *m = NULL;
	size_t nm = 0, cap = 0, scanned = 0, i, k;
	long line;
	int more = 1, decided = 0, rc = 0;
	enum cim_date_order fallback = o->norm->region &&
	    strcmp(o->norm->region, "US") == 0 ? CIM_ORDER_MDY : CIM_ORDER_DMY;

	rd.o = o;
	rd.sink = sink;
	rd.year = 2000;
	cim_preset_open(&in, l, first, flen, o->enc, sink);
	line = in.first;
	while (more) {
		int r = cim_preset_next(&in, &buf);

		if (r <= 0) {
			more = 0;
			rc = r;
		}
		scan(&rd, &buf, &scanned, &line, &m, &nm, &cap, ord);
		if (!decided) {
			if (more && (buf.len < WA_PREFIX || rd.cust == NULL))
				continue;
			decided = 1;
			rd.order = o->norm->order;
			if (rd.order == CIM_ORDER_AUTO)
				rd.order = cim_wa_order_pick(&ord[0], fallback);
			if ((nm > 0 ? m[0].off : buf.len) > 0) {
				size_t end = nm > 0 ? m[0].off : buf.len;

				while (end > 0 && buf.p[end - 1] == '\n')
					end--;
				if (end > 0)	/* blank lines before the first header are nothing */
					sink->reject(in.first, buf.p, end,
					    "text before the first WhatsApp message header", sink->arg);
			}
		}
		/* Every message but the last, which may go on in the next lines. */
		k = more && nm > 0 ? nm - 1 : nm;
		for (i = 0; i < k; i++) {
			size_t end = i + 1 < nm ? m[i + 1].off : buf.len;

			while (end > m[i].off && (buf.p[end - 1] == '\n' || buf.p[end - 1] == ' ' ||
			    buf.p[end - 1] == '\r'))
				end--;
			message(&rd, &row, &m[i], buf.p + m[i].off, end - m[i].off, l);
		}
		if (nm > 0 && more) {
			size_t keep = m[k].off;

			memmove(buf.p, buf.p + keep, buf.len - keep);
			buf.len -= keep;
			rd.shifted += keep;
			scanned -= keep;
			m[0] = m[k];
			m[0].off = 0;
			nm = 1;
		}
	}
	if (decided && o->norm->order == CIM_ORDER_AUTO &&
	    cim_wa_order_pick(&ord[1], fallback) != rd.order)
		cim_warn_at(cim_lines_name(l), in.first, "dates read as %s from the first "
		    "%d MB; the whole file reads better as %s: give --date-order",
		    order_name(rd.order), WA_PREFIX >> 20,
		    order_name(cim_wa_order_pick(&ord[1], fallback)));
	cim_preset_close(&in);
	cim_row_free(&row);
	cim_smap_free(&rd.roles);
	cim_buf_free(&rd.name);
	cim_buf_free(&rd.tmp);
	for (k = 0; k < 2; k++) {
		cim_buf_free(&rd.author[k].raw);
		cim_buf_free(&rd.author[k].clean);
	}
	cim_buf_free(&buf);
	free(rd.cust);
	free(m);
	return rc;
}
