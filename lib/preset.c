/*
 * preset.c: reading a whole operand for the format presets (preset.h).
 * The bytes go straight from the input into one buffer (no line
 * splitting): the presets parse the buffer themselves.
 */
#include <string.h>
#include <strings.h>

#include "err.h"
#include "preset.h"

/* Turns every CRLF of b into LF, from offset from on. */
static void
drop_cr(struct cim_buf *b, size_t from)
{
	char *p = memchr(b->p + from, '\r', b->len - from), *w, *end = b->p + b->len;

	if (p == NULL)
		return;
	for (w = p; p < end; p++)
		if (!(*p == '\r' && p + 1 < end && p[1] == '\n'))
			*w++ = *p;
	b->len = (size_t)(w - b->p);
}

int
cim_preset_slurp(struct cim_lines *l, const char *first, size_t flen,
    enum cim_encoding enc, const struct cim_sink *sink, struct cim_buf *out,
    long *lineno)
{
	size_t at = out->len, good;
	int rc = 0;

	*lineno = l->lineno;
	cim_buf_add(out, first, flen);
	cim_buf_addc(out, '\n');
	/* What the line reader holds already, then the rest of the input. */
	cim_buf_add(out, l->buf + l->start, l->end - l->start);
	l->start = l->end;
	while (!l->eof) {
		ssize_t r;

		cim_buf_grow(out, 1 << 20);
		r = cim_input_read(l->in, out->p + out->len, out->cap - out->len);
		if (r < 0) {
			l->err = 1;
			rc = -1;
			break;
		}
		if (r == 0)
			l->eof = 1;
		out->len += (size_t)r;
	}
	if (out->len > at && out->p[out->len - 1] != '\n')
		cim_buf_addc(out, '\n');
	drop_cr(out, at);
	good = enc == CIM_ENC_UTF8 ? cim_utf8_valid(out->p + at, out->len - at) : 0;
	if (at + good < out->len) {
		/* Repaired or transcoded once, for the whole file; a repair is
		 * reported at the first line that needed it. */
		struct cim_buf t = { 0 };
		size_t nbad;
		long line = *lineno;

		for (size_t i = at; i < at + good; i++)
			line += out->p[i] == '\n';
		cim_buf_add(&t, out->p, at);
		nbad = cim_transcode(enc, out->p + at, out->len - at, &t);
		if (nbad > 0 && sink->repaired != NULL)
			sink->repaired(line, nbad, sink->arg);
		cim_buf_free(out);
		*out = t;
	}
	return rc;
}

void
cim_preset_set(struct cim_row *r, struct cim_norm *nm, enum cim_dest d,
    const char *name, const char *s, size_t n)
{
	struct cim_destspec ds = { d, (char *)name };
	struct cim_buf why = { 0 };

	cim_row_set(r, nm, &ds, s, n, &why);
	cim_buf_free(&why);
}

void
cim_preset_trim(const char **s, size_t *n)
{
	while (*n > 0 && (*s)[*n - 1] == ' ')
		(*n)--;
	while (*n > 0 && **s == ' ') {
		(*s)++;
		(*n)--;
	}
}

int
cim_preset_flag(const char *s, size_t n)
{
	static const char *const yes[] = { "y", "yes", "true", "1", "t", "s", "sim" };
	static const char *const no[] = { "n", "no", "false", "0", "f", "nao", "n\xc3\xa3o" };
	size_t i;

	cim_preset_trim(&s, &n);
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strlen(yes[i]) == n && strncasecmp(s, yes[i], n) == 0)
			return 1;
		if (strlen(no[i]) == n && strncasecmp(s, no[i], n) == 0)
			return 0;
	}
	return -1;
}
