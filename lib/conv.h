/*
 * conv.h: assembling canonical records (man cim.7) from mapped rows.
 *
 * A reader (CSV columns, JSON objects, a format preset) turns each input
 * row into a struct cim_row by setting destinations ("customer.email",
 * "text", "attrs.plano") to values; setting normalizes the value (times,
 * channels, phones, e-mails, roles) or explains why the row is rejected.
 * The assembler groups rows into conversations, sorts their messages by
 * time and writes each finished conversation as one NDJSON line.  Values
 * are kept as serialized JSON fragments, never as jv, so the CSV path
 * costs a few copies per field.
 */
#ifndef CIM_CONV_H
#define CIM_CONV_H
#include <jv.h>
#include <stdint.h>

#include "buf.h"
#include "tstamp.h"

enum cim_dest {
	CIM_D_NONE,
	/* conversation scalars: the order of the output record */
	CIM_D_ID, CIM_D_SOURCE, CIM_D_CHANNEL, CIM_D_STARTED_AT, CIM_D_ENDED_AT,
	CIM_D_STATUS, CIM_D_AGENT, CIM_D_QUEUE, CIM_D_CSAT, CIM_D_NPS, CIM_D_REGION,
	CIM_D_CUST_NAME, CIM_D_CUST_EMAIL, CIM_D_CUST_PHONE,
	CIM_D_NSCALAR,
	CIM_D_CUST_ID = CIM_D_NSCALAR,	/* customer.ids.NAME */
	CIM_D_MSG_AT, CIM_D_MSG_FROM, CIM_D_MSG_AUTHOR, CIM_D_MSG_TEXT, CIM_D_MSG_ID,
	CIM_D_MSG_MEDIA,		/* message.media: a flag */
	CIM_D_KEY,			/* the conversation key ("conversation") */
	CIM_D_ATTR,			/* attrs.NAME */
	CIM_D_MESSAGES, CIM_D_EVENTS, CIM_D_CUSTOMER, CIM_D_ATTRS,	/* whole values */
	CIM_D_RESERVED			/* a field of a later tool, kept as is */
};

struct cim_destspec {
	enum cim_dest	 d;
	char		*name;	/* NAME of customer.ids.NAME, attrs.NAME, reserved */
};

/* Parses a destination path; 0, or -1 when it names nothing. */
int cim_dest_parse(const char *path, struct cim_destspec *out);
void cim_destspec_free(struct cim_destspec *d);

/* How values are normalized: the reading tool's options. */
struct cim_norm {
	const struct cim_tz	*tz;		/* zone of times without one */
	enum cim_date_order	 order;		/* --date-order; AUTO learns */
	enum cim_date_order	 learned;	/* AUTO: from this file's dates */
	const char		*region;	/* default region, "BR" */
	const char		*source;	/* source name and id prefix */
	const char		*channel;	/* default channel, or NULL */
};

struct cim_kv {
	char		*key;
	struct cim_buf	 val;	/* a JSON fragment */
};

struct cim_kvs {
	struct cim_kv	*v;
	size_t		 n, cap;
};

/* A message or event: its time for sorting and its JSON object text. */
struct cim_item {
	int64_t		 at;
	long		 seq;
	struct cim_buf	 json;
};

struct cim_items {
	struct cim_item	*v;
	size_t		 n, cap;
};

struct cim_row {
	struct cim_buf	 f[CIM_D_NSCALAR];	/* JSON fragments; len 0 = absent */
	int64_t		 started, ended;	/* parsed, when f[] has them */
	struct cim_kvs	 ids, raw, attrs, extra;
	struct cim_buf	 invalid;		/* items of customer.invalid */
	struct cim_buf	 key;			/* conversation key, raw text */
	/* one message (a message row) */
	int		 has_msg, has_at, media;
	int64_t		 at;
	struct cim_buf	 from, author, text, msgid;
	struct cim_kvs	 mattrs;
	/* whole arrays (a conversation row) */
	int		 has_messages;
	struct cim_items msgs, events;
	struct cim_buf	 phone;			/* as written, normalized at the end */
	/* where it came from */
	const char	*file;
	long		 line;
	int		 fileno;		/* the reader's operand number */
	const char	*text_in;		/* original text, for rejects */
	size_t		 text_len;
};

/* How many of a record's input rows came from each operand. */
struct cim_filerows {
	int		 fileno;
	long		 rows;
};

void cim_row_reset(struct cim_row *r);
void cim_row_free(struct cim_row *r);
/*
 * Sets destination d of r from the string s[0..n) (already valid UTF-8),
 * normalizing it.  Blank values are absent.  Returns 0, or -1 with the
 * reason appended to why: the row is then to be rejected.
 */
int cim_row_set(struct cim_row *r, struct cim_norm *nm,
    const struct cim_destspec *d, const char *s, size_t n, struct cim_buf *why);
/* Sets d from a jv value (consumed): strings as cim_row_set, numbers and
 * booleans by their text, objects and arrays where the destination takes
 * them (customer, messages, events, attrs, reserved fields). */
int cim_row_set_jv(struct cim_row *r, struct cim_norm *nm,
    const struct cim_destspec *d, jv v, struct cim_buf *why);
/* Completes a row once all its values are set: what depends on other
 * fields (the phone on the row's region) is normalized here.  The
 * assembler calls it; cim_asm_add(). */
void cim_row_finish(struct cim_row *r, const struct cim_norm *nm);
/* Maps every member of object obj (consumed) by its own name: canonical
 * names to their place, anything else to attrs.NAME. */
int cim_row_set_object(struct cim_row *r, struct cim_norm *nm, jv obj,
    struct cim_buf *why);

/* The assembler. */
struct cim_asm_opts {
	int64_t		 gap_ms;	/* inactivity that closes a conversation */
	int		 keyed_gap;	/* apply gap to keyed conversations too */
	int		 grouped;	/* rows come grouped by conversation key */
	struct cim_norm	*norm;
};

struct cim_asm;
/*
 * The assembler writes each finished record through emit, with the
 * number of input rows it holds from each operand.  A record that breaks
 * the schema goes to reject instead, one call per input row with the
 * row's original text when the assembler kept it (it keeps the rows of a
 * conversation that has no channel yet, and conversation rows), else one
 * call standing for all its rows with the record as far as it was built.
 */
struct cim_asm *cim_asm_new(const struct cim_asm_opts *o,
    void (*emit)(const char *json, size_t n, const struct cim_filerows *fr,
	size_t nfr, void *arg),
    void (*reject)(const char *file, long line, int fileno, const char *text,
	size_t n, long rows, const char *why, void *arg),
    void *arg);
/* Adds a row (its contents are taken; r is reset).  0, or -1 with why
 * when the row cannot be placed (the caller rejects it). */
int cim_asm_add(struct cim_asm *a, struct cim_row *r, struct cim_buf *why);
/* Writes every conversation still open, in the order they started. */
void cim_asm_finish(struct cim_asm *a);
void cim_asm_free(struct cim_asm *a);
#endif
