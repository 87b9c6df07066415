/*
 * rec.h: the record layer.  A tool asks a line for the members it reads,
 * as jv, and writes the line back with the members it set or removed,
 * every other byte copied as it came.  The line is fully validated by the
 * scan (json.h) even though only the asked members are parsed, so nothing
 * malformed passes through.  Not for: the canonical schema (schema.h).
 */
#ifndef CIM_REC_H
#define CIM_REC_H
#include <jv.h>
#include <stddef.h>

#include "buf.h"
#include "json.h"

struct cim_edit {
	char		*key;
	struct cim_buf	 val;	/* serialized JSON value */
	int		 del;
};

struct cim_rec {
	const char		*line;	/* borrowed, valid until the next parse */
	size_t			 len;
	struct cim_jscan	 sc;
	struct cim_edit		*ed;
	size_t			 ned, edcap;
	size_t			 edkept;	/* slots holding memory, >= ned */
	struct cim_buf		 tmp;
};

/* Scans line as one JSON object; 0, or -1 with a reason in *why (static
 * text; *at is the byte offset).  Clears the previous line's edits. */
int cim_rec_parse(struct cim_rec *r, const char *line, size_t len,
    const char **why, size_t *at);
/* The member named key, or NULL. */
const struct cim_jmember *cim_rec_find(const struct cim_rec *r, const char *key);
/* The member's value parsed as jv (caller owns it); jv_invalid() when absent. */
jv cim_rec_get(const struct cim_rec *r, const char *key);
/* The whole line parsed as jv (for jq programs that need the record). */
jv cim_rec_jv(const struct cim_rec *r);
/*
 * A string member's text without allocation when it has no escapes: 1 and
 * (*s, *n) borrowed from the line (or r's scratch buffer when it had
 * escapes, valid until the next call); 0 when absent or not a string.
 */
int cim_rec_str(struct cim_rec *r, const char *key, const char **s, size_t *n);
/* Sets key to v (consumed), replacing the member in place or appending it. */
void cim_rec_set(struct cim_rec *r, const char *key, jv v);
/* Sets key to the JSON text json[0..n), which the caller guarantees valid. */
void cim_rec_set_raw(struct cim_rec *r, const char *key, const char *json, size_t n);
void cim_rec_del(struct cim_rec *r, const char *key);
/* Appends the line, with the edits spliced in, and a newline to out. */
void cim_rec_write(const struct cim_rec *r, struct cim_buf *out);
/* The same, with new members (keys the line does not have) written just
 * before the member named before, or last when it is absent or NULL: the
 * reserved members of cim(7) go before attrs. */
void cim_rec_write_before(const struct cim_rec *r, const char *before,
    struct cim_buf *out);
void cim_rec_free(struct cim_rec *r);

/*
 * Builds the jv of s[0..n), text that cim_json_scan() or cim_json_valid()
 * accepted (it is not checked again; anything else is undefined).  The
 * value must be followed by a byte that ends it (any line end does).
 */
jv cim_json_build(const char *s, size_t n);

/* 1 when v (borrowed) nests deeper than max levels, counting an object
 * as two as jq 1.6 does; it never looks deeper than that. */
int cim_jv_too_deep(jv v, int max);

/* Appends v (consumed) as compact JSON.  Numbers that are integers are
 * printed without exponent or fraction; strings escaped as in buf.h. */
void cim_jv_dump(struct cim_buf *out, jv v);
#endif
