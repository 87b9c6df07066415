/*
 * json.h: a validating scanner for one JSON object per line.  It checks
 * every byte (grammar, UTF-8, control characters, nesting depth) without
 * building values, and records where each top-level member's key and
 * value lie, so a tool parses only the members it reads (rec.h) and copies
 * the rest byte for byte.  Not for: building jv values (libjq does that).
 */
#ifndef CIM_JSON_H
#define CIM_JSON_H
#include <stddef.h>
#include <string.h>

/* jq 1.6's parser gives up beyond 256 levels, counting an object as two;
 * a record we pass on must stay readable by jq, so we reject what it
 * could not read. */
#define CIM_JSON_MAX_DEPTH 256

struct cim_jmember {
	const char	*key;	/* raw bytes between the quotes */
	size_t		 klen;
	const char	*val;	/* raw bytes of the value */
	size_t		 vlen;
	const char	*start;	/* first byte of the member (its key's quote) */
	int		 kesc;	/* the key contains a backslash escape */
};

struct cim_jscan {
	struct cim_jmember	*m;
	size_t			 n, cap;
};

/*
 * Scans s[0..n): exactly one JSON object with optional surrounding blanks.
 * On success fills sc with the top-level members in order and returns 0;
 * otherwise returns -1 with *why a static reason and *at the byte offset
 * where the problem is.  A key twice in one object, at any depth, is an
 * error (at the second one): which one a reader keeps is not defined by
 * JSON, so such a record is ambiguous.  The same holds for every entry
 * point below that validates.
 */
int cim_json_scan(const char *s, size_t n, struct cim_jscan *sc,
    const char **why, size_t *at);
/* Like cim_json_scan for one JSON array: its elements become members
 * with an empty key (klen 0), in order. */
int cim_json_scan_array(const char *s, size_t n, struct cim_jscan *sc,
    const char **why, size_t *at);
/* Validates one JSON value of any kind in s[0..n) (blanks around allowed). */
int cim_json_valid(const char *s, size_t n, const char **why, size_t *at);
/* Validates the one JSON value that starts s[0..n) (blanks before it
 * allowed) and sets *len to where it ends; what follows is not read. */
int cim_json_value_len(const char *s, size_t n, size_t *len, const char **why,
    size_t *at);
/*
 * Records the members of the object, or the elements of the array, in
 * s[0..n): text that cim_json_scan(), cim_json_scan_array() or
 * cim_json_valid() already accepted (any part of it), so nothing is
 * checked and it runs several times faster (anything else is undefined;
 * a key cannot repeat, the scan refused that).  0, or -1 when s holds
 * no object or array.
 */
int cim_json_members(const char *s, size_t n, struct cim_jscan *sc);
/* In such accepted text: past the string whose opening quote is at p,
 * and past the value (any kind) starting at p.  end bounds the walk. */
const char *cim_json_skip_string(const char *p, const char *end);
/* Past the JSON blanks at p (one test when there are none, as in
 * canonical records). */
static inline const char *
cim_json_skip_ws(const char *p, const char *end)
{
	while (p < end && (unsigned char)*p <= ' ' &&
	    (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}
const char *cim_json_skip_value(const char *p, const char *end);
void cim_jscan_free(struct cim_jscan *sc);
/* Frees the calling thread's scratch memory (the keys of open objects,
 * kept per thread): a helper thread that scanned calls it as it ends. */
void cim_json_release(void);
/* 1 when the key with escapes k[0..kn) (as scanned) decodes to name. */
int cim_json_key_is_escaped(const char *k, size_t kn, const char *name);
/* 1 when raw key bytes k[0..kn) (as scanned, escapes undecoded when kesc)
 * equal name.  Inline: with a literal name, the common unescaped case is
 * a length test and a fixed-size compare. */
static inline int
cim_json_key_is(const char *k, size_t kn, int kesc, const char *name)
{
	size_t nl = strlen(name);

	if (kesc)
		return cim_json_key_is_escaped(k, kn, name);
	return kn == nl && memcmp(k, name, nl) == 0;
}
#endif
