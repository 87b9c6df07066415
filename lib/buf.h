/*
 * buf.h: a growable byte buffer, the one way cim builds strings and output
 * lines.  Appends cannot fail (allocation failure exits, see err.h).
 * Not for: file output (out.h writes a buf to a descriptor).
 */
#ifndef CIM_BUF_H
#define CIM_BUF_H
#include <stddef.h>
#include <string.h>

struct cim_buf {
	char	*p;	/* not NUL-terminated unless cim_buf_str() was called */
	size_t	 len;
	size_t	 cap;
};

void cim_buf_grow(struct cim_buf *b, size_t extra);	/* room for extra bytes */
void cim_buf_free(struct cim_buf *b);
/* NUL-terminates (not counted in len) and returns b->p. */
char *cim_buf_str(struct cim_buf *b);
void cim_buf_printf(struct cim_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends v in decimal: what "%lld" prints, without printf's cost on a
 * per-record path. */
void cim_buf_addi64(struct cim_buf *b, long long v);
/* Appends s as a JSON string literal with quotes; s must be valid UTF-8. */
void cim_buf_json_str(struct cim_buf *b, const char *s, size_t n);

static inline void
cim_buf_add(struct cim_buf *b, const void *s, size_t n)
{
	if (b->cap - b->len < n)
		cim_buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
}

static inline void
cim_buf_addc(struct cim_buf *b, char c)
{
	if (b->cap == b->len)
		cim_buf_grow(b, 1);
	b->p[b->len++] = c;
}

static inline void
cim_buf_adds(struct cim_buf *b, const char *s)
{
	cim_buf_add(b, s, strlen(s));
}
#endif
