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

/*
 * Makes out[at..len) UTF-8 in encoding enc, without CRLF.  Returns the
 * number of replacements; *bad is then the offset of the first invalid
 * byte from at (to find its line).
 */
static size_t
convert(struct cim_buf *out, size_t at, enum cim_encoding enc, size_t *bad)
{
	struct cim_buf t = { 0 };
	size_t good, nbad;

	drop_cr(out, at);
	good = enc == CIM_ENC_UTF8 ? cim_utf8_valid(out->p + at, out->len - at) : 0;
	if (at + good == out->len)
		return 0;
	*bad = good;
	cim_buf_add(&t, out->p, at);
	nbad = cim_transcode(enc, out->p + at, out->len - at, &t);
	cim_buf_free(out);
	*out = t;
	return nbad;
}

/* The line of byte off of s, counting from line. */
static long
line_at(const char *s, size_t off, long line)
{
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

int
cim_preset_slurp(struct cim_lines *l, const char *first, size_t flen,
    enum cim_encoding enc, const struct cim_sink *sink, struct cim_buf *out,
    long *lineno)
{
	size_t at = out->len, nbad, bad = 0;
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
	/* Repaired or transcoded once, for the whole file; a repair is
	 * reported at the first line that needed it. */
	nbad = convert(out, at, enc, &bad);
	if (nbad > 0 && sink->repaired != NULL)
		sink->repaired(line_at(out->p + at, bad, *lineno), nbad, sink->arg);
	return rc;
}

void
cim_preset_open(struct cim_preset_in *in, struct cim_lines *l, const char *first,
    size_t flen, enum cim_encoding enc, const struct cim_sink *sink)
{
	memset(in, 0, sizeof(*in));
	in->l = l;
	in->enc = enc;
	in->sink = sink;
	in->line = in->first = l->lineno;
	cim_buf_add(&in->raw, first, flen);
	cim_buf_addc(&in->raw, '\n');
	cim_buf_add(&in->raw, l->buf + l->start, l->end - l->start);
	l->start = l->end;
}

int
cim_preset_next(struct cim_preset_in *in, struct cim_buf *out)
{
	struct cim_lines *l = in->l;
	size_t cut, checked = 0, at = out->len, bad = 0, nbad;
	ssize_t r;

	if (in->done)
		return 0;
	/* Whole lines only: a CRLF or a UTF-8 sequence is never cut, and a
	 * line's number is known. */
	for (;;) {
		if (in->raw.len >= PRESET_CHUNK || l->eof) {
			for (cut = in->raw.len; cut > checked && in->raw.p[cut - 1] != '\n'; cut--)
				;
			if (cut > checked || l->eof)
				break;
			checked = in->raw.len;
		}
		cim_buf_grow(&in->raw, PRESET_CHUNK);
		r = cim_input_read(l->in, in->raw.p + in->raw.len, in->raw.cap - in->raw.len);
		if (r < 0) {
			l->err = 1;
			in->done = 1;
			return -1;
		}
		if (r == 0)
			l->eof = 1;
		in->raw.len += (size_t)r;
	}
	if (l->eof) {	/* the rest, a last line without "\n" given one */
		if (in->raw.len > 0 && in->raw.p[in->raw.len - 1] != '\n')
			cim_buf_addc(&in->raw, '\n');
		cut = in->raw.len;
	}
	if (cut == 0) {
		in->done = 1;
		if (in->nbad > 0 && in->sink->repaired != NULL)
			in->sink->repaired(in->badline, in->nbad, in->sink->arg);
		return 0;
	}
	cim_buf_add(out, in->raw.p, cut);
	memmove(in->raw.p, in->raw.p + cut, in->raw.len - cut);
	in->raw.len -= cut;
	nbad = convert(out, at, in->enc, &bad);
	if (nbad > 0) {
		if (in->nbad == 0)
			in->badline = line_at(out->p + at, bad, in->line);
		in->nbad += nbad;
	}
	for (const char *c = out->p + at, *e = out->p + out->len;
	    (c = memchr(c, '\n', (size_t)(e - c))) != NULL; c++)
		in->line++;
	return 1;
}

void
cim_preset_close(struct cim_preset_in *in)
{
	cim_buf_free(&in->raw);
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
