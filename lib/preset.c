/*
 * preset.c: reading a whole operand for the format presets (preset.h).
 * The bytes go straight from the input into one buffer (no line
 * splitting), or a regular file is mapped: the presets parse the buffer
 * themselves.
 */
#define _DEFAULT_SOURCE	/* MAP_POPULATE, where the system has it */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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
	if (out->cap > 0)	/* else it is a mapping, cim_preset_release's */
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

/*
 * Maps the regular file l reads, from its line first[0..flen) on, into out
 * (out->cap 0: not malloc'd) and map.  Reading 100 MB into fresh memory
 * costs more CPU than parsing it on a virtual machine (0.45 s against
 * 0.1 s for 93 MB mapped, in our measure): the file's cached pages are
 * used as they are.  0, or -1 when the input is not such a file (then
 * nothing changed).
 */
static int
map_file(struct cim_lines *l, const char *first, size_t flen, struct cim_buf *out,
    struct cim_preset_map *map)
{
	size_t held = l->end - l->start, size, q, nl;
	long pg = sysconf(_SC_PAGESIZE);
	struct stat st;
	off_t next;
	char *base;
	int fd = cim_input_file(l->in, &next), flags = MAP_PRIVATE;

	if (fd < 0 || pg <= 0 || !l->newline || fstat(fd, &st) < 0 ||
	    (uintmax_t)st.st_size >= SIZE_MAX / 2 || (uintmax_t)next > (uintmax_t)st.st_size ||
	    (size_t)next < held + flen + 1 || (size_t)(st.st_size - next) < PRESET_MAP_MIN)
		return -1;
	size = (size_t)st.st_size;
#ifdef MAP_POPULATE
	flags |= MAP_POPULATE;	/* all pages in one call, not a fault each */
#endif
	if ((base = mmap(NULL, size, PROT_READ | PROT_WRITE, flags, fd, 0)) == MAP_FAILED)
		return -1;
	/* The first line ends ("\n", a "\r" before it dropped by the line
	 * reader) where the bytes the reader holds begin. */
	nl = (size_t)next - held - 1;
	q = nl - flen - (nl > flen && base[nl - 1] == '\r');
	if (base[nl] != '\n' || memcmp(base + q, first, flen) != 0 ||
	    (base[size - 1] != '\n' && size % (size_t)pg == 0)) {
		munmap(base, size);
		return -1;
	}
	if (cim_lines_watch(base, size, cim_lines_name(l)) < 0) {
		munmap(base, size);
		return -1;
	}
	if (base[size - 1] != '\n')
		base[size++] = '\n';	/* the page's rest is ours (MAP_PRIVATE) */
	map->base = base;
	map->len = size;
	out->p = base + q;
	out->len = size - q;
	out->cap = 0;
	l->start = l->end;
	l->eof = 1;
	return 0;
}

int
cim_preset_slurp(struct cim_lines *l, const char *first, size_t flen,
    enum cim_encoding enc, const struct cim_sink *sink, struct cim_buf *out,
    long *lineno, struct cim_preset_map *map)
{
	size_t at = out->len, nbad, bad = 0;
	int rc = 0;

	*lineno = l->lineno;
	map->base = NULL;
	map->len = 0;
	if (at == 0 && map_file(l, first, flen, out, map) == 0)
		goto convert;
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
convert:
	/* Repaired or transcoded once, for the whole file; a repair is
	 * reported at the first line that needed it. */
	nbad = convert(out, at, enc, &bad);
	if (nbad > 0 && sink->repaired != NULL)
		sink->repaired(line_at(out->p + at, bad, *lineno), nbad, sink->arg);
	return rc;
}

void
cim_preset_release(struct cim_buf *b, struct cim_preset_map *map)
{
	if (b->cap > 0)
		cim_buf_free(b);
	if (map->base != NULL) {
		cim_lines_unwatch(map->base);
		munmap(map->base, map->len);
	}
	memset(b, 0, sizeof(*b));
	map->base = NULL;
	map->len = 0;
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
