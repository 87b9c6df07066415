/*
 * conv.c: mapped rows and their assembly into canonical records (see
 * conv.h).  Merge rules when several rows make one conversation: fields
 * that say who and where (id, source, channel, started_at, customer,
 * region) keep their first value; fields that say how it ended (status,
 * ended_at, agent, queue, csat, nps) keep their last, since helpdesk
 * exports list later states later.  attrs keep their first value; a later
 * row's differing value goes to its own message's attrs, so nothing is lost.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "channel.h"
#include "conv.h"
#include "email.h"
#include "err.h"
#include "phone.h"
#include "rec.h"
#include "smap.h"

static const struct { const char *path; enum cim_dest d; } dests[] = {
	{ "id", CIM_D_ID }, { "source", CIM_D_SOURCE }, { "channel", CIM_D_CHANNEL },
	{ "started_at", CIM_D_STARTED_AT }, { "ended_at", CIM_D_ENDED_AT },
	{ "status", CIM_D_STATUS }, { "agent", CIM_D_AGENT }, { "queue", CIM_D_QUEUE },
	{ "csat", CIM_D_CSAT }, { "nps", CIM_D_NPS }, { "region", CIM_D_REGION },
	{ "customer.name", CIM_D_CUST_NAME }, { "customer.email", CIM_D_CUST_EMAIL },
	{ "customer.phone", CIM_D_CUST_PHONE }, { "customer", CIM_D_CUSTOMER },
	{ "at", CIM_D_MSG_AT }, { "from", CIM_D_MSG_FROM }, { "author", CIM_D_MSG_AUTHOR },
	{ "text", CIM_D_MSG_TEXT }, { "media", CIM_D_MSG_MEDIA },
	{ "message.at", CIM_D_MSG_AT }, { "message.from", CIM_D_MSG_FROM },
	{ "message.author", CIM_D_MSG_AUTHOR }, { "message.text", CIM_D_MSG_TEXT },
	{ "message.id", CIM_D_MSG_ID }, { "message.media", CIM_D_MSG_MEDIA },
	{ "conversation", CIM_D_KEY }, { "messages", CIM_D_MESSAGES },
	{ "events", CIM_D_EVENTS }, { "attrs", CIM_D_ATTRS },
};

/* Fields later tools write (cim.7): passed through untouched. */
static const char *const reserved[] = { "customer_id", "identity", "lang",
	"intent", "urgency", "sentiment", "churn_risk", "route" };

static const char *const scalar_name[CIM_D_NSCALAR] = {
	[CIM_D_ID] = "id", [CIM_D_SOURCE] = "source", [CIM_D_CHANNEL] = "channel",
	[CIM_D_STARTED_AT] = "started_at", [CIM_D_ENDED_AT] = "ended_at",
	[CIM_D_STATUS] = "status", [CIM_D_AGENT] = "agent", [CIM_D_QUEUE] = "queue",
	[CIM_D_CSAT] = "csat", [CIM_D_NPS] = "nps", [CIM_D_REGION] = "region",
	[CIM_D_CUST_NAME] = "name", [CIM_D_CUST_EMAIL] = "email",
	[CIM_D_CUST_PHONE] = "phone",
};

int
cim_dest_parse(const char *path, struct cim_destspec *out)
{
	size_t i;

	out->d = CIM_D_NONE;
	out->name = NULL;
	for (i = 0; i < sizeof(dests) / sizeof(dests[0]); i++)
		if (strcmp(path, dests[i].path) == 0) {
			out->d = dests[i].d;
			return 0;
		}
	for (i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		if (strcmp(path, reserved[i]) == 0) {
			out->d = CIM_D_RESERVED;
			out->name = cim_xstrdup(path);
			return 0;
		}
	if (strncmp(path, "customer.ids.", 13) == 0 && path[13] != '\0') {
		out->d = CIM_D_CUST_ID;
		out->name = cim_xstrdup(path + 13);
		return 0;
	}
	if (strncmp(path, "attrs.", 6) == 0 && path[6] != '\0') {
		out->d = CIM_D_ATTR;
		out->name = cim_xstrdup(path + 6);
		return 0;
	}
	return -1;
}

void
cim_destspec_free(struct cim_destspec *d)
{
	free(d->name);
	d->name = NULL;
}

/* ---- small containers ---- */

static struct cim_kv *
kvs_find(struct cim_kvs *k, const char *key)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		if (k->v[i].key[0] == key[0] && strcmp(k->v[i].key, key) == 0)
			return &k->v[i];
	return NULL;
}

/*
 * The value slot for key, emptied; created at the end when new.  Slots
 * past n keep their memory from earlier rows (kvs_clear only resets n),
 * so a reader setting the same keys row after row does not allocate.
 */
static struct cim_buf *
kvs_slot(struct cim_kvs *k, const char *key)
{
	struct cim_kv *kv = kvs_find(k, key);
	size_t kl;

	if (kv == NULL) {
		if (k->n == k->cap) {
			size_t ncap = k->cap ? k->cap * 2 : 8;

			k->v = cim_xrealloc(k->v, ncap * sizeof(*k->v));
			memset(k->v + k->cap, 0, (ncap - k->cap) * sizeof(*k->v));
			k->cap = ncap;
		}
		kv = &k->v[k->n++];
		kl = strlen(key);
		if (kv->key == NULL || strlen(kv->key) < kl) {
			free(kv->key);
			kv->key = cim_xmalloc(kl + 1);
		}
		memcpy(kv->key, key, kl + 1);
	}
	kv->val.len = 0;
	return &kv->val;
}

static void
kvs_clear(struct cim_kvs *k)
{
	k->n = 0;
}

static void
kvs_free(struct cim_kvs *k)
{
	size_t i;

	for (i = 0; i < k->cap; i++) {
		free(k->v[i].key);
		cim_buf_free(&k->v[i].val);
	}
	free(k->v);
	k->v = NULL;
	k->n = k->cap = 0;
}

/* Writes {"k":v,...} of kvs. */
static void
kvs_write(struct cim_buf *out, const struct cim_kvs *k)
{
	size_t i;

	cim_buf_addc(out, '{');
	for (i = 0; i < k->n; i++) {
		if (i)
			cim_buf_addc(out, ',');
		cim_buf_json_str(out, k->v[i].key, strlen(k->v[i].key));
		cim_buf_addc(out, ':');
		cim_buf_add(out, k->v[i].val.p, k->v[i].val.len);
	}
	cim_buf_addc(out, '}');
}

static struct cim_item *
items_add(struct cim_items *it)
{
	struct cim_item *x;

	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 8;
		it->v = cim_xrealloc(it->v, it->cap * sizeof(*it->v));
	}
	x = &it->v[it->n++];
	memset(x, 0, sizeof(*x));
	return x;
}

static void
items_free(struct cim_items *it)
{
	size_t i;

	for (i = 0; i < it->n; i++)
		cim_buf_free(&it->v[i].json);
	free(it->v);
	memset(it, 0, sizeof(*it));
}

/* ---- rows ---- */

void
cim_row_reset(struct cim_row *r)
{
	int i;

	for (i = 0; i < CIM_D_NSCALAR; i++)
		r->f[i].len = 0;
	kvs_clear(&r->ids);
	kvs_clear(&r->raw);
	kvs_clear(&r->attrs);
	kvs_clear(&r->extra);
	kvs_clear(&r->mattrs);
	r->invalid.len = r->key.len = r->phone.len = 0;
	r->has_msg = r->has_at = r->media = r->has_messages = 0;
	r->from.len = r->author.len = r->text.len = r->msgid.len = 0;
	items_free(&r->msgs);
	items_free(&r->events);
}

void
cim_row_free(struct cim_row *r)
{
	int i;

	for (i = 0; i < CIM_D_NSCALAR; i++)
		cim_buf_free(&r->f[i]);
	kvs_free(&r->ids);
	kvs_free(&r->raw);
	kvs_free(&r->attrs);
	kvs_free(&r->extra);
	kvs_free(&r->mattrs);
	cim_buf_free(&r->invalid);
	cim_buf_free(&r->key);
	cim_buf_free(&r->phone);
	cim_buf_free(&r->from);
	cim_buf_free(&r->author);
	cim_buf_free(&r->text);
	cim_buf_free(&r->msgid);
	items_free(&r->msgs);
	items_free(&r->events);
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && isspace((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

static void
set_str(struct cim_buf *b, const char *s, size_t n)
{
	b->len = 0;
	cim_buf_json_str(b, s, n);
}

/* The text inside a JSON string fragment (still escaped). */
static const char *
inner(const struct cim_buf *b, size_t *n)
{
	*n = b->len - 2;
	return b->p + 1;
}

static void
printable(struct cim_buf *why, const char *s, size_t n)
{
	size_t cut = n > 60 ? 60 : n;

	/* Cut at a character boundary: half a UTF-8 sequence in a reason
	 * made the --rejects line invalid UTF-8 (fault-ingest-utf8). */
	while (cut < n && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	cim_buf_addc(why, '\'');
	cim_buf_add(why, s, cut);
	if (cut < n)
		cim_buf_adds(why, "...");
	cim_buf_addc(why, '\'');
}

/*
 * Parses a time with the date order of nm.  Under AUTO, the first date
 * whose day or month is over 12 fixes the order for the rest of the file;
 * a date that stays ambiguous before that is read by the region's custom
 * (month first in the US, day first elsewhere).
 */
static int
parse_time(struct cim_norm *nm, const char *s, size_t n, int64_t *ms)
{
	enum cim_date_order o = nm->order != CIM_ORDER_AUTO ? nm->order : nm->learned;
	int rc;

	rc = cim_time_parse(s, n, o, nm->tz, ms);
	if (rc != CIM_TIME_AMBIGUOUS) {
		if (rc == CIM_TIME_OK && o == CIM_ORDER_AUTO) {
			int64_t t;

			if (cim_time_parse(s, n, CIM_ORDER_DMY, nm->tz, &t) != CIM_TIME_OK)
				nm->learned = CIM_ORDER_MDY;
			else if (cim_time_parse(s, n, CIM_ORDER_MDY, nm->tz, &t) != CIM_TIME_OK)
				nm->learned = CIM_ORDER_DMY;
		}
		return rc;
	}
	o = nm->region && strcmp(nm->region, "US") == 0 ? CIM_ORDER_MDY : CIM_ORDER_DMY;
	return cim_time_parse(s, n, o, nm->tz, ms);
}

static void
set_time(struct cim_buf *b, int64_t ms)
{
	char t[CIM_TIME_BUFLEN];
	size_t k = cim_time_format(ms, t);

	set_str(b, t, k);
}

/* A number for csat/nps: decimal text within [lo, hi]. */
static int
set_score(struct cim_buf *b, const char *s, size_t n, double lo, double hi)
{
	char tmp[32], *end;
	double v;

	if (n == 0 || n >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (tmp[i] == ',')
			tmp[i] = '.';	/* "4,5" as written in Brazil */
	v = strtod(tmp, &end);
	if (end == tmp || *end != '\0' || !(v >= lo && v <= hi))
		return -1;
	b->len = 0;
	cim_jv_dump(b, jv_number(v));
	return 0;
}

static void
mark_invalid(struct cim_row *r, const char *field)
{
	if (r->invalid.len)
		cim_buf_addc(&r->invalid, ',');
	cim_buf_json_str(&r->invalid, field, strlen(field));
}

/* The row's phone in E.164, by the row's region or the default one. */
void
cim_row_finish(struct cim_row *r, const struct cim_norm *nm)
{
	const char *s = r->phone.p, *region = nm->region;
	size_t n = r->phone.len;
	char e164[CIM_PHONE_MAX], rg[3];

	if (n == 0)
		return;
	if (r->f[CIM_D_REGION].len == 4) {	/* "BR" with quotes */
		memcpy(rg, r->f[CIM_D_REGION].p + 1, 2);
		rg[2] = '\0';
		region = rg;
	}
	if (cim_phone_e164(s, n, region, e164) < 0) {
		set_str(kvs_slot(&r->raw, "phone"), s, n);
		mark_invalid(r, "phone");
		return;
	}
	if (strlen(e164) != n || memcmp(e164, s, n) != 0)
		set_str(kvs_slot(&r->raw, "phone"), s, n);
	set_str(&r->f[CIM_D_CUST_PHONE], e164, strlen(e164));
}

int
cim_row_set(struct cim_row *r, struct cim_norm *nm, const struct cim_destspec *d,
    const char *s, size_t n, struct cim_buf *why)
{
	const char *c;
	int64_t ms;
	char tmp[CIM_EMAIL_MAX + 1];
	int rc;

	if (d->d != CIM_D_MSG_TEXT && d->d != CIM_D_ATTR)
		trim(&s, &n);
	if (n == 0)
		return 0;	/* empty strings are absent values */
	switch (d->d) {
	case CIM_D_NONE:
		return 0;
	case CIM_D_ID: case CIM_D_SOURCE: case CIM_D_AGENT: case CIM_D_QUEUE:
	case CIM_D_CUST_NAME:
		set_str(&r->f[d->d], s, n);
		return 0;
	case CIM_D_CHANNEL:
		if ((c = cim_channel_norm(s, n)) == NULL) {
			c = "other";
			set_str(kvs_slot(&r->attrs, "channel"), s, n);
		}
		set_str(&r->f[d->d], c, strlen(c));
		return 0;
	case CIM_D_STATUS:
		if ((c = cim_status_norm(s, n)) == NULL) {
			set_str(kvs_slot(&r->attrs, "status"), s, n);
			return 0;
		}
		set_str(&r->f[d->d], c, strlen(c));
		return 0;
	case CIM_D_STARTED_AT: case CIM_D_ENDED_AT: case CIM_D_MSG_AT:
		if ((rc = parse_time(nm, s, n, &ms)) != CIM_TIME_OK) {
			cim_buf_adds(why, "bad timestamp ");
			printable(why, s, n);
			cim_buf_printf(why, " in %s", d->d == CIM_D_MSG_AT ? "at" :
			    scalar_name[d->d]);
			return -1;
		}
		if (d->d == CIM_D_MSG_AT) {
			r->at = ms;
			r->has_at = r->has_msg = 1;
		} else {
			set_time(&r->f[d->d], ms);
			if (d->d == CIM_D_STARTED_AT)
				r->started = ms;
			else
				r->ended = ms;
		}
		return 0;
	case CIM_D_CSAT: case CIM_D_NPS:
		if (set_score(&r->f[d->d], s, n, d->d == CIM_D_CSAT ? 1 : 0,
		    d->d == CIM_D_CSAT ? 5 : 10) < 0) {
			cim_buf_printf(why, "%s ", scalar_name[d->d]);
			printable(why, s, n);
			cim_buf_adds(why, d->d == CIM_D_CSAT ? " is not a number from 1 to 5" :
			    " is not a number from 0 to 10");
			return -1;
		}
		return 0;
	case CIM_D_REGION:
		if (n != 2 || !isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1])) {
			cim_buf_adds(why, "region ");
			printable(why, s, n);
			cim_buf_adds(why, " is not an ISO 3166 two-letter code");
			return -1;
		}
		tmp[0] = (char)toupper((unsigned char)s[0]);
		tmp[1] = (char)toupper((unsigned char)s[1]);
		set_str(&r->f[d->d], tmp, 2);
		return 0;
	case CIM_D_CUST_EMAIL:
		if (cim_email_norm(s, n, tmp, sizeof(tmp)) < 0) {
			set_str(kvs_slot(&r->raw, "email"), s, n);
			mark_invalid(r, "email");
			return 0;
		}
		if (strlen(tmp) != n || memcmp(tmp, s, n) != 0)
			set_str(kvs_slot(&r->raw, "email"), s, n);
		set_str(&r->f[d->d], tmp, strlen(tmp));
		return 0;
	case CIM_D_CUST_PHONE:
		/* Normalized when the row is complete: its region may come later. */
		r->phone.len = 0;
		cim_buf_add(&r->phone, s, n);
		return 0;
	case CIM_D_CUST_ID:
		set_str(kvs_slot(&r->ids, d->name), s, n);
		return 0;
	case CIM_D_MSG_FROM:
		if ((c = cim_role_norm(s, n)) == NULL) {
			cim_buf_adds(why, "unknown sender ");
			printable(why, s, n);
			cim_buf_adds(why, " in from (customer, agent, bot or system)");
			return -1;
		}
		set_str(&r->from, c, strlen(c));
		r->has_msg = 1;
		return 0;
	case CIM_D_MSG_AUTHOR:
		set_str(&r->author, s, n);
		r->has_msg = 1;
		return 0;
	case CIM_D_MSG_TEXT:
		set_str(&r->text, s, n);
		r->has_msg = 1;
		return 0;
	case CIM_D_MSG_ID:
		set_str(&r->msgid, s, n);
		r->has_msg = 1;
		return 0;
	case CIM_D_MSG_MEDIA:
		r->media = !(n == 5 && strncmp(s, "false", 5) == 0) && !(n == 1 && *s == '0');
		r->has_msg = 1;
		return 0;
	case CIM_D_KEY:
		/* Kept escaped, as every fragment: it may become the id. */
		set_str(&r->key, s, n);
		r->key.len--;
		memmove(r->key.p, r->key.p + 1, --r->key.len);
		return 0;
	case CIM_D_ATTR:
		set_str(kvs_slot(&r->attrs, d->name), s, n);
		return 0;
	case CIM_D_RESERVED:
		set_str(kvs_slot(&r->extra, d->name), s, n);
		return 0;
	default:
		cim_buf_printf(why, "a string cannot be %s", d->d == CIM_D_MESSAGES ?
		    "messages (an array)" : d->d == CIM_D_EVENTS ? "events (an array)" :
		    "an object here");
		return -1;
	}
}

/* The text of a scalar jv for a string destination; 0, or -1 if not scalar. */
static int
scalar_text(jv v, struct cim_buf *out)
{
	out->len = 0;
	switch (jv_get_kind(v)) {
	case JV_KIND_STRING:
		cim_buf_add(out, jv_string_value(v), (size_t)jv_string_length_bytes(jv_copy(v)));
		return 0;
	case JV_KIND_NUMBER: case JV_KIND_TRUE: case JV_KIND_FALSE:
		cim_jv_dump(out, jv_copy(v));
		return 0;
	default:
		return -1;
	}
}

static int set_messages(struct cim_row *r, struct cim_norm *nm, jv arr, struct cim_buf *why);
static int set_events(struct cim_row *r, struct cim_norm *nm, jv arr, struct cim_buf *why);
static int set_customer(struct cim_row *r, struct cim_norm *nm, jv obj, struct cim_buf *why);

int
cim_row_set_jv(struct cim_row *r, struct cim_norm *nm, const struct cim_destspec *d,
    jv v, struct cim_buf *why)
{
	struct cim_buf t = { 0 };
	jv_kind k = jv_get_kind(v);
	int rc = 0;

	if (k == JV_KIND_NULL || k == JV_KIND_INVALID) {
		jv_free(v);
		return 0;
	}
	switch (d->d) {
	case CIM_D_ATTR:
	case CIM_D_RESERVED: {
		struct cim_buf *b = kvs_slot(d->d == CIM_D_ATTR ? &r->attrs : &r->extra, d->name);

		if (k == JV_KIND_STRING && jv_string_length_bytes(jv_copy(v)) == 0)
			break;
		cim_jv_dump(b, jv_copy(v));
		break;
	}
	case CIM_D_MESSAGES:
		rc = set_messages(r, nm, jv_copy(v), why);
		break;
	case CIM_D_EVENTS:
		rc = set_events(r, nm, jv_copy(v), why);
		break;
	case CIM_D_CUSTOMER:
		rc = set_customer(r, nm, jv_copy(v), why);
		break;
	case CIM_D_ATTRS:
		if (k != JV_KIND_OBJECT) {
			cim_buf_adds(why, "attrs is not an object");
			rc = -1;
			break;
		}
		jv_object_foreach(v, key, val) {
			cim_jv_dump(kvs_slot(&r->attrs, jv_string_value(key)), val);
			jv_free(key);
		}
		break;
	default:
		if (scalar_text(v, &t) < 0) {
			cim_buf_printf(why, "%s must be a string, not an %s",
			    d->d < CIM_D_NSCALAR ? scalar_name[d->d] : "this field",
			    k == JV_KIND_ARRAY ? "array" : "object");
			rc = -1;
			break;
		}
		rc = cim_row_set(r, nm, d, t.p ? t.p : "", t.len, why);
	}
	cim_buf_free(&t);
	jv_free(v);
	return rc;
}

int
cim_row_set_object(struct cim_row *r, struct cim_norm *nm, jv obj, struct cim_buf *why)
{
	int rc = 0;

	jv_object_foreach(obj, key, val) {
		struct cim_destspec d;
		const char *name = jv_string_value(key);

		if (rc == 0) {
			if (cim_dest_parse(name, &d) < 0 || strchr(name, '.') != NULL) {
				cim_destspec_free(&d);
				d.d = CIM_D_ATTR;
				d.name = cim_xstrdup(name);
			}
			rc = cim_row_set_jv(r, nm, &d, jv_copy(val), why);
			cim_destspec_free(&d);
		}
		jv_free(val);
		jv_free(key);
	}
	jv_free(obj);
	return rc;
}

static int
set_customer(struct cim_row *r, struct cim_norm *nm, jv obj, struct cim_buf *why)
{
	int rc = 0;

	if (jv_get_kind(obj) != JV_KIND_OBJECT) {
		jv_free(obj);
		cim_buf_adds(why, "customer is not an object");
		return -1;
	}
	jv_object_foreach(obj, key, val) {
		const char *name = jv_string_value(key);
		struct cim_destspec d = { CIM_D_NONE, NULL };

		if (rc != 0) {
		} else if (strcmp(name, "ids") == 0 || strcmp(name, "raw") == 0) {
			struct cim_kvs *kv = name[0] == 'i' ? &r->ids : &r->raw;

			if (jv_get_kind(val) != JV_KIND_OBJECT) {
				cim_buf_printf(why, "customer.%s is not an object", name);
				rc = -1;
			} else {
				struct cim_buf t = { 0 };

				jv_object_foreach(val, k2, v2) {
					if (scalar_text(v2, &t) == 0 && t.len > 0)
						set_str(kvs_slot(kv, jv_string_value(k2)), t.p, t.len);
					jv_free(v2);
					jv_free(k2);
				}
				cim_buf_free(&t);
			}
		} else if (strcmp(name, "invalid") == 0) {
			if (jv_get_kind(val) == JV_KIND_ARRAY) {
				jv_array_foreach(val, i, item) {
					(void)i;
					if (jv_get_kind(item) == JV_KIND_STRING)
						mark_invalid(r, jv_string_value(item));
					jv_free(item);
				}
			}
		} else {
			struct cim_buf path = { 0 };

			cim_buf_adds(&path, "customer.");
			cim_buf_adds(&path, name);
			if (cim_dest_parse(cim_buf_str(&path), &d) < 0) {
				/* customer.X we do not know: kept under attrs. */
				d.d = CIM_D_ATTR;
				d.name = cim_xstrdup(path.p);
			}
			rc = cim_row_set_jv(r, nm, &d, jv_copy(val), why);
			cim_destspec_free(&d);
			cim_buf_free(&path);
		}
		jv_free(val);
		jv_free(key);
	}
	jv_free(obj);
	return rc;
}

/* One message object (borrowed) into item json; 0 or -1 with why. */
static int
message_item(struct cim_row *r, struct cim_norm *nm, jv m, struct cim_item *it,
    long idx, struct cim_buf *why)
{
	struct cim_row tmp = { 0 };
	struct cim_kvs extra = { 0 };
	int rc = 0;

	if (jv_get_kind(m) != JV_KIND_OBJECT) {
		cim_buf_printf(why, "messages[%ld] is not an object", idx);
		return -1;
	}
	jv_object_foreach(m, key, val) {
		const char *name = jv_string_value(key);
		struct cim_destspec d = { CIM_D_NONE, NULL };
		struct cim_buf path = { 0 };

		if (rc == 0) {
			cim_buf_adds(&path, "message.");
			cim_buf_adds(&path, name);
			if (strcmp(name, "attrs") == 0 && jv_get_kind(val) == JV_KIND_OBJECT) {
				jv_object_foreach(val, k2, v2) {
					cim_jv_dump(kvs_slot(&tmp.mattrs, jv_string_value(k2)), v2);
					jv_free(k2);
				}
			} else if (cim_dest_parse(cim_buf_str(&path), &d) == 0) {
				rc = cim_row_set_jv(&tmp, nm, &d, jv_copy(val), why);
			} else {
				cim_jv_dump(kvs_slot(&extra, name), jv_copy(val));
			}
			cim_destspec_free(&d);
		}
		cim_buf_free(&path);
		jv_free(val);
		jv_free(key);
	}
	if (rc == 0 && (!tmp.has_at || tmp.from.len == 0)) {
		cim_buf_printf(why, "messages[%ld] has no %s", idx, !tmp.has_at ? "at" : "from");
		rc = -1;
	}
	if (rc == 0) {
		size_t i;

		/* Unknown message members are kept: they go to its attrs. */
		for (i = 0; i < extra.n; i++) {
			struct cim_buf *b = kvs_slot(&tmp.mattrs, extra.v[i].key);

			cim_buf_add(b, extra.v[i].val.p, extra.v[i].val.len);
		}
		it->at = tmp.at;
		it->json.len = 0;
		cim_buf_adds(&it->json, "{\"at\":");
		{
			char t[CIM_TIME_BUFLEN];
			size_t k = cim_time_format(tmp.at, t);

			cim_buf_json_str(&it->json, t, k);
		}
		cim_buf_adds(&it->json, ",\"from\":");
		cim_buf_add(&it->json, tmp.from.p, tmp.from.len);
		if (tmp.author.len) {
			cim_buf_adds(&it->json, ",\"author\":");
			cim_buf_add(&it->json, tmp.author.p, tmp.author.len);
		}
		if (tmp.text.len) {
			cim_buf_adds(&it->json, ",\"text\":");
			cim_buf_add(&it->json, tmp.text.p, tmp.text.len);
		}
		if (tmp.msgid.len) {
			cim_buf_adds(&it->json, ",\"id\":");
			cim_buf_add(&it->json, tmp.msgid.p, tmp.msgid.len);
		}
		if (tmp.media)
			cim_buf_adds(&it->json, ",\"media\":true");
		if (tmp.mattrs.n) {
			cim_buf_adds(&it->json, ",\"attrs\":");
			kvs_write(&it->json, &tmp.mattrs);
		}
		cim_buf_addc(&it->json, '}');
	}
	(void)r;
	kvs_free(&extra);
	cim_row_free(&tmp);
	return rc;
}

static int
set_messages(struct cim_row *r, struct cim_norm *nm, jv arr, struct cim_buf *why)
{
	int rc = 0;

	if (jv_get_kind(arr) != JV_KIND_ARRAY) {
		jv_free(arr);
		cim_buf_adds(why, "messages is not an array");
		return -1;
	}
	r->has_messages = 1;
	jv_array_foreach(arr, i, m) {
		if (rc == 0) {
			struct cim_item *it = items_add(&r->msgs);

			it->seq = i;
			rc = message_item(r, nm, m, it, i, why);
		}
		jv_free(m);
	}
	jv_free(arr);
	return rc;
}

static int
set_events(struct cim_row *r, struct cim_norm *nm, jv arr, struct cim_buf *why)
{
	int rc = 0;

	if (jv_get_kind(arr) != JV_KIND_ARRAY) {
		jv_free(arr);
		cim_buf_adds(why, "events is not an array");
		return -1;
	}
	jv_array_foreach(arr, i, e) {
		struct cim_item *it;
		jv at, type;
		int64_t ms;

		if (rc != 0) {
			jv_free(e);
			continue;
		}
		at = jv_get_kind(e) == JV_KIND_OBJECT ? jv_object_get(jv_copy(e), jv_string("at")) : jv_invalid();
		type = jv_get_kind(e) == JV_KIND_OBJECT ? jv_object_get(jv_copy(e), jv_string("type")) : jv_invalid();
		if (jv_get_kind(at) != JV_KIND_STRING || jv_get_kind(type) != JV_KIND_STRING) {
			cim_buf_printf(why, "events[%d] needs a string at and type", i);
			rc = -1;
		} else if (parse_time(nm, jv_string_value(at),
		    (size_t)jv_string_length_bytes(jv_copy(at)), &ms) != CIM_TIME_OK) {
			cim_buf_printf(why, "events[%d]: bad timestamp ", i);
			printable(why, jv_string_value(at), (size_t)jv_string_length_bytes(jv_copy(at)));
			rc = -1;
		} else {
			char t[CIM_TIME_BUFLEN];

			cim_time_format(ms, t);
			it = items_add(&r->events);
			it->at = ms;
			it->seq = i;
			cim_jv_dump(&it->json, jv_object_set(jv_copy(e), jv_string("at"), jv_string(t)));
		}
		jv_free(at);
		jv_free(type);
		jv_free(e);
	}
	jv_free(arr);
	return rc;
}

/* ---- the assembler ---- */

/* An input row kept for a reject: where it was and what it said. */
struct pend {
	char		*file;
	long		 line;
	int		 fileno;
	struct cim_buf	 text;
};

/* A conversation's messages or events: JSON texts in one buffer. */
struct citem {
	int64_t		 at;
	long		 seq;
	size_t		 off, len;
};

struct citems {
	struct citem	*v;
	size_t		 n, cap;
	struct cim_buf	 text;
};

struct conv {
	char		*key;
	uint64_t	 hash;
	struct conv	*hnext;			/* hash chain */
	struct conv	*prev, *next;		/* by last activity, oldest first */
	long		 seq;			/* creation order */
	int		 keyed;
	struct cim_buf	 f[CIM_D_NSCALAR];
	struct cim_kvs	 ids, raw, attrs, extra;
	struct cim_buf	 invalid;
	struct citems	 msgs, events;
	int64_t		 last;			/* latest input time seen */
	long		 rows;
	char		*file;
	long		 line;
	int		 part;			/* 2, 3... after a split */
	struct cim_filerows *fr;		/* rows per operand */
	size_t		 nfr, frcap;
	struct pend	*pend;			/* original rows, see keep_pending */
	size_t		 npend, pendcap;
	int		 pending;		/* every row so far is in pend */
};

struct cim_asm {
	struct cim_asm_opts	 o;
	void			(*emit)(const char *, size_t, const struct cim_filerows *, size_t, void *);
	void			(*reject)(const char *, long, int, const char *, size_t, long,
				    const char *, void *);
	void			*arg;
	struct conv		**tab;
	size_t			 tabsize, count;
	struct cim_smap		 done;		/* keyed conversations written: parts */
	struct conv		*current;	/* --grouped: the conversation being read */
	struct conv		*pool[256];	/* see conv_free */
	size_t			 npool;
	struct conv		*head, *tail;
	long			 seq, itemseq;
	int64_t			 newest;
	int			 have_newest, hold;
	struct cim_buf		 line, why;
};

struct cim_asm *
cim_asm_new(const struct cim_asm_opts *o,
    void (*emit)(const char *, size_t, const struct cim_filerows *, size_t, void *),
    void (*reject)(const char *, long, int, const char *, size_t, long,
	const char *, void *),
    void *arg)
{
	struct cim_asm *a = cim_xcalloc(1, sizeof(*a));

	a->o = *o;
	a->emit = emit;
	a->reject = reject;
	a->arg = arg;
	a->tabsize = 1024;
	a->tab = cim_xcalloc(a->tabsize, sizeof(*a->tab));
	return a;
}

static void
list_unlink(struct cim_asm *a, struct conv *c)
{
	if (c->prev) c->prev->next = c->next; else a->head = c->next;
	if (c->next) c->next->prev = c->prev; else a->tail = c->prev;
	c->prev = c->next = NULL;
}

static void
list_append(struct cim_asm *a, struct conv *c)
{
	c->prev = a->tail;
	c->next = NULL;
	if (a->tail) a->tail->next = c; else a->head = c;
	a->tail = c;
}

static struct conv *
lookup(struct cim_asm *a, const char *key, size_t kn, uint64_t h)
{
	struct conv *c;

	for (c = a->tab[h & (a->tabsize - 1)]; c; c = c->hnext)
		if (c->hash == h && strlen(c->key) == kn && memcmp(c->key, key, kn) == 0)
			return c;
	return NULL;
}

static void
rehash(struct cim_asm *a)
{
	size_t i, nsize = a->tabsize * 2;
	struct conv **nt = cim_xcalloc(nsize, sizeof(*nt));

	for (i = 0; i < a->tabsize; i++) {
		struct conv *c = a->tab[i], *nx;

		for (; c; c = nx) {
			nx = c->hnext;
			c->hnext = nt[c->hash & (nsize - 1)];
			nt[c->hash & (nsize - 1)] = c;
		}
	}
	free(a->tab);
	a->tab = nt;
	a->tabsize = nsize;
}

static void
hash_remove(struct cim_asm *a, struct conv *c)
{
	struct conv **pp = &a->tab[c->hash & (a->tabsize - 1)];

	while (*pp != c)
		pp = &(*pp)->hnext;
	*pp = c->hnext;
	a->count--;
}

static int
item_cmp(const void *x, const void *y)
{
	const struct citem *p = x, *q = y;

	if (p->at != q->at)
		return p->at < q->at ? -1 : 1;
	return (p->seq > q->seq) - (p->seq < q->seq);
}

/* Starts an item; its JSON text is appended to it->text after this. */
static void
citem_begin(struct citems *it, int64_t at, long seq)
{
	struct citem *x;

	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 8;
		it->v = cim_xrealloc(it->v, it->cap * sizeof(*it->v));
	}
	x = &it->v[it->n++];
	x->at = at;
	x->seq = seq;
	x->off = it->text.len;
	x->len = 0;
}

static void
citem_end(struct citems *it)
{
	struct citem *x = &it->v[it->n - 1];

	x->len = it->text.len - x->off;
}

static void
citems_free(struct citems *it)
{
	free(it->v);
	cim_buf_free(&it->text);
	memset(it, 0, sizeof(*it));
}

static void
write_items(struct cim_buf *out, struct citems *it)
{
	size_t i;

	if (it->n > 1)
		qsort(it->v, it->n, sizeof(*it->v), item_cmp);
	cim_buf_addc(out, '[');
	for (i = 0; i < it->n; i++) {
		if (i)
			cim_buf_addc(out, ',');
		cim_buf_add(out, it->text.p + it->v[i].off, it->v[i].len);
	}
	cim_buf_addc(out, ']');
}

static void
field(struct cim_buf *out, const char *name, const struct cim_buf *v)
{
	if (v->len == 0)
		return;
	cim_buf_addc(out, ',');
	cim_buf_json_str(out, name, strlen(name));
	cim_buf_addc(out, ':');
	cim_buf_add(out, v->p, v->len);
}

/* Ids of generated conversations read well and sort: "YYYYMMDDTHHMMSSZ". */
static void
compact_time(char *dst, int64_t ms)
{
	char t[CIM_TIME_BUFLEN];
	size_t i, j = 0;

	cim_time_format(ms, t);
	for (i = 0; t[i] && t[i] != '.' && j < 16; i++)
		if (t[i] != '-' && t[i] != ':')
			dst[j++] = t[i];
	if (j > 0 && dst[j - 1] != 'Z')
		dst[j++] = 'Z';
	dst[j] = '\0';
}

/* Builds the record of c into a->line; 0, or -1 with a->why. */
static int
build(struct cim_asm *a, struct conv *c)
{
	struct cim_buf *out = &a->line;
	struct cim_norm *nm = a->o.norm;
	struct cim_buf tmp = { 0 };
	size_t i;

	out->len = 0;
	a->why.len = 0;
	if (c->f[CIM_D_STARTED_AT].len == 0) {
		int64_t first = 0;
		int have = 0;

		for (i = 0; i < c->msgs.n; i++)
			if (!have || c->msgs.v[i].at < first) {
				first = c->msgs.v[i].at;
				have = 1;
			}
		if (!have) {
			cim_buf_adds(&a->why, "no started_at and no message with a time");
			return -1;
		}
		set_time(&c->f[CIM_D_STARTED_AT], first);
	}
	if (c->f[CIM_D_CHANNEL].len == 0) {
		if (nm->channel == NULL) {
			cim_buf_adds(&a->why, "no channel (map a column to channel or give --channel)");
			return -1;
		}
		set_str(&c->f[CIM_D_CHANNEL], nm->channel, strlen(nm->channel));
	}
	if (c->f[CIM_D_SOURCE].len == 0)
		set_str(&c->f[CIM_D_SOURCE], nm->source, strlen(nm->source));
	/* id: prefixed by its source, unless it already is.  Fragments are
	 * escaped alike, so prefixes compare on the escaped text. */
	{
		size_t sl, il;
		const char *src = inner(&c->f[CIM_D_SOURCE], &sl), *id;

		if (c->f[CIM_D_ID].len > 0 || c->keyed) {
			if (c->f[CIM_D_ID].len > 0) {
				id = inner(&c->f[CIM_D_ID], &il);
			} else {
				id = c->key + 2;
				il = strlen(id);
			}
			if (!(il > sl && memcmp(id, src, sl) == 0 && id[sl] == ':')) {
				cim_buf_add(&tmp, src, sl);
				cim_buf_addc(&tmp, ':');
			}
			cim_buf_add(&tmp, id, il);
		} else {
			/* No id: the customer, the channel and when it started. */
			const char *st = inner(&c->f[CIM_D_STARTED_AT], &il);
			int64_t ms = 0;
			char ct[24];

			cim_time_parse_canonical(st, il, &ms);
			compact_time(ct, ms);
			cim_buf_add(&tmp, src, sl);
			cim_buf_addc(&tmp, ':');
			cim_buf_adds(&tmp, strchr(c->key, '\x1f') + 1);
			cim_buf_addc(&tmp, ':');
			cim_buf_adds(&tmp, ct);
		}
		if (c->part > 1)
			cim_buf_printf(&tmp, "#%d", c->part);
	}
	cim_buf_adds(out, "{\"id\":\"");
	cim_buf_add(out, tmp.p, tmp.len);	/* already escaped */
	cim_buf_addc(out, '"');
	cim_buf_free(&tmp);
	for (i = CIM_D_SOURCE; i <= CIM_D_STATUS; i++)
		field(out, scalar_name[i], &c->f[i]);
	cim_buf_adds(out, ",\"customer\":{");
	{
		int n = 0;

		for (i = CIM_D_CUST_NAME; i <= CIM_D_CUST_PHONE; i++) {
			if (c->f[i].len == 0)
				continue;
			if (n++)
				cim_buf_addc(out, ',');
			cim_buf_json_str(out, scalar_name[i], strlen(scalar_name[i]));
			cim_buf_addc(out, ':');
			cim_buf_add(out, c->f[i].p, c->f[i].len);
		}
		if (c->ids.n) {
			cim_buf_adds(out, n++ ? ",\"ids\":" : "\"ids\":");
			kvs_write(out, &c->ids);
		}
		if (c->raw.n) {
			cim_buf_adds(out, n++ ? ",\"raw\":" : "\"raw\":");
			kvs_write(out, &c->raw);
		}
		if (c->invalid.len) {
			cim_buf_adds(out, n++ ? ",\"invalid\":[" : "\"invalid\":[");
			cim_buf_add(out, c->invalid.p, c->invalid.len);
			cim_buf_addc(out, ']');
		}
	}
	cim_buf_adds(out, "},\"messages\":");
	write_items(out, &c->msgs);
	if (c->events.n) {
		cim_buf_adds(out, ",\"events\":");
		write_items(out, &c->events);
	}
	for (i = CIM_D_AGENT; i <= CIM_D_REGION; i++)
		field(out, scalar_name[i], &c->f[i]);
	for (i = 0; i < c->extra.n; i++)
		field(out, c->extra.v[i].key, &c->extra.v[i].val);
	if (c->attrs.n) {
		cim_buf_adds(out, ",\"attrs\":");
		kvs_write(out, &c->attrs);
	}
	cim_buf_adds(out, "}\n");
	return 0;
}

static void
drop_pending(struct conv *c)
{
	size_t i;

	for (i = 0; i < c->npend; i++) {
		free(c->pend[i].file);
		cim_buf_free(&c->pend[i].text);
	}
	c->npend = 0;
	c->pending = 0;
}

static void
conv_destroy(struct conv *c)
{
	int i;

	for (i = 0; i < CIM_D_NSCALAR; i++)
		cim_buf_free(&c->f[i]);
	kvs_free(&c->ids);
	kvs_free(&c->raw);
	kvs_free(&c->attrs);
	kvs_free(&c->extra);
	cim_buf_free(&c->invalid);
	citems_free(&c->msgs);
	citems_free(&c->events);
	drop_pending(c);
	free(c->pend);
	free(c->fr);
	free(c->key);
	free(c->file);
	free(c);
}

/* Finished conversations go back to a small pool with their buffers, so
 * the next ones are built without allocating. */
#define POOL_MAX 256

static void
conv_free(struct cim_asm *a, struct conv *c)
{
	int i;

	if (a->npool == POOL_MAX) {
		conv_destroy(c);
		return;
	}
	for (i = 0; i < CIM_D_NSCALAR; i++)
		c->f[i].len = 0;
	kvs_clear(&c->ids);
	kvs_clear(&c->raw);
	kvs_clear(&c->attrs);
	kvs_clear(&c->extra);
	c->invalid.len = 0;
	c->msgs.n = c->events.n = 0;
	c->msgs.text.len = c->events.text.len = 0;
	free(c->key);
	free(c->file);
	c->key = c->file = NULL;
	c->hnext = c->prev = c->next = NULL;
	c->rows = 0;
	c->part = 0;
	c->nfr = 0;
	drop_pending(c);
	a->pool[a->npool++] = c;
}

static struct conv *
conv_new(struct cim_asm *a)
{
	if (a->npool > 0)
		return a->pool[--a->npool];
	return cim_xcalloc(1, sizeof(struct conv));
}

/*
 * Writes c (or rejects it) and frees it.  A rejected conversation whose
 * rows were all kept is rejected row by row with their own text; else
 * as one reject holding the record as far as it was built.
 */
static void
emit_conv(struct cim_asm *a, struct conv *c)
{
	size_t i;

	if (build(a, c) == 0) {
		a->emit(a->line.p, a->line.len, c->fr, c->nfr, a->arg);
	} else if (c->pending && c->npend == (size_t)c->rows) {
		for (i = 0; i < c->npend; i++)
			a->reject(c->pend[i].file, c->pend[i].line, c->pend[i].fileno,
			    c->pend[i].text.p ? c->pend[i].text.p : "", c->pend[i].text.len,
			    1, cim_buf_str(&a->why), a->arg);
	} else {
		size_t n = a->line.len;

		if (n > 0 && a->line.p[n - 1] == '\n')
			n--;
		a->reject(c->file, c->line, c->nfr ? c->fr[0].fileno : 0,
		    a->line.p ? a->line.p : "", n, c->rows, cim_buf_str(&a->why), a->arg);
	}
	conv_free(a, c);
}

/* Counts a row of operand fileno in c. */
static void
count_row(struct conv *c, int fileno)
{
	if (c->nfr > 0 && c->fr[c->nfr - 1].fileno == fileno) {
		c->fr[c->nfr - 1].rows++;
		return;
	}
	if (c->nfr == c->frcap) {
		c->frcap = c->frcap ? c->frcap * 2 : 2;
		c->fr = cim_xrealloc(c->fr, c->frcap * sizeof(*c->fr));
	}
	c->fr[c->nfr].fileno = fileno;
	c->fr[c->nfr++].rows = 1;
}

/*
 * Keeps the original text of r while c could still be rejected as a whole
 * (it has no channel and there is no default): then each row can be
 * rejected with its own text.  Once it has a channel nothing is kept.
 */
static void
keep_pending(struct cim_asm *a, struct conv *c, struct cim_row *r)
{
	struct pend *p;

	if (c->rows == 0)
		c->pending = 1;
	if (!c->pending)
		return;
	if (c->f[CIM_D_CHANNEL].len > 0 || a->o.norm->channel != NULL) {
		/* Rows of a keyed conversation can only fail on the channel
		 * or the start; conversation rows are single, see cim_asm_add. */
		if (r->has_msg) {
			drop_pending(c);
			return;
		}
	}
	if (c->npend == c->pendcap) {
		c->pendcap = c->pendcap ? c->pendcap * 2 : 4;
		c->pend = cim_xrealloc(c->pend, c->pendcap * sizeof(*c->pend));
	}
	p = &c->pend[c->npend++];
	memset(p, 0, sizeof(*p));
	p->file = cim_xstrdup(r->file);
	p->line = r->line;
	p->fileno = r->fileno;
	cim_buf_add(&p->text, r->text_in ? r->text_in : "", r->text_in ? r->text_len : 0);
}

/* Writes an open conversation and forgets it. */
static void
close_conv(struct cim_asm *a, struct conv *c)
{
	if (a->current == c)
		a->current = NULL;
	list_unlink(a, c);
	hash_remove(a, c);
	if (c->keyed && a->o.keyed_gap)
		cim_smap_put(&a->done, c->key, strlen(c->key), NULL)->val =
		    c->part > 1 ? c->part : 1;
	emit_conv(a, c);
}

/* Copies a fragment; the row keeps its buffer for the next row. */
static void
take(struct cim_buf *dst, const struct cim_buf *src)
{
	dst->len = 0;
	cim_buf_add(dst, src->p, src->len);
}

static void
merge_kvs(struct cim_kvs *dst, struct cim_kvs *src, struct cim_kvs *spill)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		struct cim_kv *have = kvs_find(dst, src->v[i].key);

		if (have == NULL) {
			take(kvs_slot(dst, src->v[i].key), &src->v[i].val);
		} else if (spill != NULL && (have->val.len != src->v[i].val.len ||
		    memcmp(have->val.p, src->v[i].val.p, have->val.len) != 0)) {
			take(kvs_slot(spill, src->v[i].key), &src->v[i].val);
		}
	}
}

static void
merge_row(struct cim_asm *a, struct conv *c, struct cim_row *r)
{
	static const int last_wins[CIM_D_NSCALAR] = {
		[CIM_D_ENDED_AT] = 1, [CIM_D_STATUS] = 1, [CIM_D_AGENT] = 1,
		[CIM_D_QUEUE] = 1, [CIM_D_CSAT] = 1, [CIM_D_NPS] = 1,
	};
	size_t i;

	static const char *const path[CIM_D_NSCALAR] = {
		[CIM_D_SOURCE] = "source", [CIM_D_CHANNEL] = "channel",
		[CIM_D_STARTED_AT] = "started_at", [CIM_D_REGION] = "region",
		[CIM_D_CUST_NAME] = "customer.name", [CIM_D_CUST_EMAIL] = "customer.email",
		[CIM_D_CUST_PHONE] = "customer.phone",
	};

	for (i = 1; i < CIM_D_NSCALAR; i++) {
		if (r->f[i].len == 0)
			continue;
		if (c->f[i].len == 0 || last_wins[i])
			take(&c->f[i], &r->f[i]);
		else if (r->has_msg && path[i] != NULL && (c->f[i].len != r->f[i].len ||
		    memcmp(c->f[i].p, r->f[i].p, r->f[i].len) != 0))
			/* Nothing is dropped: a later row's other value stays
			 * with its message. */
			take(kvs_slot(&r->mattrs, path[i]), &r->f[i]);
	}
	merge_kvs(&c->ids, &r->ids, NULL);
	merge_kvs(&c->raw, &r->raw, NULL);
	merge_kvs(&c->extra, &r->extra, NULL);
	if (r->invalid.len && c->invalid.len == 0)
		take(&c->invalid, &r->invalid);
	/* A message row's attrs that differ from the conversation's stay
	 * with its message. */
	merge_kvs(&c->attrs, &r->attrs, r->has_msg ? &r->mattrs : NULL);
	for (i = 0; i < r->msgs.n; i++) {
		citem_begin(&c->msgs, r->msgs.v[i].at, a->itemseq++);
		cim_buf_add(&c->msgs.text, r->msgs.v[i].json.p, r->msgs.v[i].json.len);
		citem_end(&c->msgs);
	}
	for (i = 0; i < r->events.n; i++) {
		citem_begin(&c->events, r->events.v[i].at, a->itemseq++);
		cim_buf_add(&c->events.text, r->events.v[i].json.p, r->events.v[i].json.len);
		citem_end(&c->events);
	}
	if (r->has_msg) {
		struct cim_buf *b = &c->msgs.text;
		char t[CIM_TIME_BUFLEN];
		size_t k = cim_time_format(r->at, t);

		citem_begin(&c->msgs, r->at, a->itemseq++);
		cim_buf_adds(b, "{\"at\":");
		cim_buf_json_str(b, t, k);
		cim_buf_adds(b, ",\"from\":");
		cim_buf_add(b, r->from.p, r->from.len);
		if (r->author.len) {
			cim_buf_adds(b, ",\"author\":");
			cim_buf_add(b, r->author.p, r->author.len);
		}
		if (r->text.len) {
			cim_buf_adds(b, ",\"text\":");
			cim_buf_add(b, r->text.p, r->text.len);
		}
		if (r->msgid.len) {
			cim_buf_adds(b, ",\"id\":");
			cim_buf_add(b, r->msgid.p, r->msgid.len);
		}
		if (r->media)
			cim_buf_adds(b, ",\"media\":true");
		if (r->mattrs.n) {
			cim_buf_adds(b, ",\"attrs\":");
			kvs_write(b, &r->mattrs);
		}
		cim_buf_addc(b, '}');
		citem_end(&c->msgs);
	}
	c->rows++;
	count_row(c, r->fileno);
}

/* The key of a row without an id: its customer and channel. */
static int
identity_key(struct cim_row *r, struct cim_norm *nm, struct cim_buf *key)
{
	const struct cim_buf *who = NULL;
	int by_id = 0;
	const char *ch = nm->channel ? nm->channel : "";
	size_t chn = strlen(ch);

	if (r->f[CIM_D_CUST_PHONE].len) who = &r->f[CIM_D_CUST_PHONE];
	else if (r->f[CIM_D_CUST_EMAIL].len) who = &r->f[CIM_D_CUST_EMAIL];
	else if (r->ids.n) { who = &r->ids.v[0].val; by_id = 1; }
	else if (r->f[CIM_D_CUST_NAME].len) who = &r->f[CIM_D_CUST_NAME];
	if (who == NULL)
		return -1;
	key->len = 0;
	cim_buf_adds(key, "c:");
	if (r->f[CIM_D_CHANNEL].len) {
		ch = r->f[CIM_D_CHANNEL].p + 1;
		chn = r->f[CIM_D_CHANNEL].len - 2;
	}
	cim_buf_add(key, ch, chn);
	cim_buf_addc(key, '\x1f');
	if (by_id) {
		size_t at = key->len;

		/* the namespace escaped like the fragments, quotes dropped */
		cim_buf_json_str(key, r->ids.v[0].key, strlen(r->ids.v[0].key));
		memmove(key->p + at, key->p + at + 1, key->len - at - 2);
		key->len -= 2;
		cim_buf_addc(key, '=');
	}
	{
		size_t wn;
		const char *w = inner(who, &wn);

		cim_buf_add(key, w, wn);
	}
	return 0;
}

int
cim_asm_add(struct cim_asm *a, struct cim_row *r, struct cim_buf *why)
{
	struct cim_buf key = { 0 };
	struct conv *c;
	uint64_t h;
	int64_t t;
	int keyed = 1, split = 0;

	cim_row_finish(r, a->o.norm);
	/* The source is the reader's at the time of the row, not of output. */
	if (r->f[CIM_D_SOURCE].len == 0)
		set_str(&r->f[CIM_D_SOURCE], a->o.norm->source, strlen(a->o.norm->source));
	if (r->has_msg && (!r->has_at || r->from.len == 0)) {
		cim_buf_printf(why, "a message needs %s", !r->has_at ? "a time (at)" : "a sender (from)");
		return -1;
	}
	/* The key: conversation, else id, else (message rows) the customer
	 * and channel, else (a conversation row) its own place in the file. */
	if (r->key.len) {
		cim_buf_adds(&key, "k:");
		cim_buf_add(&key, r->key.p, r->key.len);
	} else if (r->f[CIM_D_ID].len) {
		size_t n;
		const char *id = inner(&r->f[CIM_D_ID], &n);

		cim_buf_adds(&key, "k:");
		cim_buf_add(&key, id, n);
	} else if (r->has_msg) {
		keyed = 0;
		if (identity_key(r, a->o.norm, &key) < 0) {
			cim_buf_adds(why, "no conversation key: map id or give --conversation, "
			    "or give the customer a phone, e-mail, id or name");
			cim_buf_free(&key);
			return -1;
		}
	} else {
		const char *base = strrchr(r->file, '/');

		if (strcmp(r->file, "<stdin>") == 0)
			base = "/stdin";
		cim_buf_printf(&key, "k:%s:%ld", base ? base + 1 : r->file, r->line);
	}
	if (!r->has_msg) {
		/* A conversation row is whole: written now, never held. */
		c = conv_new(a);
		c->key = key.p;
		c->keyed = 1;
		c->file = cim_xstrdup(r->file);
		c->line = r->line;
		keep_pending(a, c, r);
		merge_row(a, c, r);
		cim_row_reset(r);
		emit_conv(a, c);
		return 0;
	}
	t = r->has_msg ? r->at : r->f[CIM_D_STARTED_AT].len ? r->started : a->newest;
	if (r->has_messages && r->msgs.n > 0)
		t = r->msgs.v[r->msgs.n - 1].at;

	/* Close what went quiet, while the input keeps time order. */
	if (!a->have_newest || t > a->newest) {
		a->newest = t;
		a->have_newest = 1;
	} else if (t < a->newest - a->o.gap_ms) {
		a->hold = 1;	/* out of order: hold everything to the end */
	}
	while (!a->hold && a->head && a->head->last < a->newest - a->o.gap_ms &&
	    (!a->head->keyed || a->o.keyed_gap))
		close_conv(a, a->head);

	h = cim_hash_fast(key.p, key.len);
	c = lookup(a, key.p, key.len, h);
	if (a->o.grouped && keyed && c == NULL) {
		/* Grouped input: a new key ends the conversation before it,
		 * and a key seen before means the input is not grouped. */
		if (cim_smap_get(&a->done, key.p, key.len) != NULL) {
			cim_buf_printf(why, "conversation '%.*s' already ended before this row: "
			    "the input is not grouped by conversation (drop --grouped)",
			    (int)(key.len - 2), key.p + 2);
			cim_buf_free(&key);
			return -1;
		}
		if (a->current != NULL) {
			cim_smap_put(&a->done, a->current->key, strlen(a->current->key), NULL);
			close_conv(a, a->current);
		}
	}
	if (c != NULL && (!c->keyed || a->o.keyed_gap) && t > c->last + a->o.gap_ms) {
		close_conv(a, c);	/* silent too long: a new conversation */
		c = NULL;
		split = 1;
	}
	if (c == NULL) {
		struct cim_smap_ent *d;

		c = conv_new(a);
		c->key = cim_xstrndup(key.p, key.len);
		c->hash = h;
		c->keyed = keyed;
		c->seq = a->seq++;
		c->file = cim_xstrdup(r->file);
		c->line = r->line;
		c->last = t;
		if (keyed && (split || a->o.keyed_gap) &&
		    (d = cim_smap_get(&a->done, c->key, key.len)) != NULL)
			c->part = (int)++d->val;
		c->hnext = a->tab[h & (a->tabsize - 1)];
		a->tab[h & (a->tabsize - 1)] = c;
		if (++a->count > a->tabsize)
			rehash(a);
		list_append(a, c);
		if (keyed)
			a->current = c;
	} else {
		list_unlink(a, c);
		list_append(a, c);
		if (t > c->last)
			c->last = t;
	}
	keep_pending(a, c, r);
	merge_row(a, c, r);
	cim_row_reset(r);
	cim_buf_free(&key);
	return 0;
}

static int
seq_cmp(const void *x, const void *y)
{
	const struct conv *p = *(struct conv *const *)x, *q = *(struct conv *const *)y;

	return (p->seq > q->seq) - (p->seq < q->seq);
}

void
cim_asm_finish(struct cim_asm *a)
{
	struct conv **all, *c;
	size_t i, n = 0;

	all = cim_xmalloc((a->count + 1) * sizeof(*all));
	for (c = a->head; c; c = c->next)
		all[n++] = c;
	qsort(all, n, sizeof(*all), seq_cmp);
	for (i = 0; i < n; i++)
		close_conv(a, all[i]);
	free(all);
	a->hold = 0;
	a->have_newest = 0;
}

void
cim_asm_free(struct cim_asm *a)
{

	if (a == NULL)
		return;
	cim_smap_free(&a->done);
	while (a->npool > 0)
		conv_destroy(a->pool[--a->npool]);
	free(a->tab);
	cim_buf_free(&a->line);
	cim_buf_free(&a->why);
	free(a);
}
