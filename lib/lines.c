/*
 * lines.c: memchr line splitting over a growing buffer (see lines.h).
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lines.h"

struct cim_lines *
cim_lines_open(const char *path)
{
	struct cim_input *in = cim_input_open(path);
	struct cim_lines *l;

	if (in == NULL)
		return NULL;
	l = cim_xcalloc(1, sizeof(*l));
	l->in = in;
	l->cap = 1 << 18;
	l->buf = cim_xmalloc(l->cap + 1);
	return l;
}

const char *
cim_lines_name(const struct cim_lines *l)
{
	return cim_input_name(l->in);
}

/* Reads more bytes after l->end, moving or growing the buffer first. */
static int
fill(struct cim_lines *l)
{
	ssize_t r;

	if (l->start > 0 && (l->end == l->cap || l->start > l->cap / 2)) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	if (l->end == l->cap) {
		l->cap *= 2;
		l->buf = cim_xrealloc(l->buf, l->cap + 1);
	}
	r = cim_input_read(l->in, l->buf + l->end, l->cap - l->end);
	if (r < 0) {
		l->err = 1;
		return -1;
	}
	if (r == 0)
		l->eof = 1;
	l->end += (size_t)r;
	return (int)(r > 0);
}

int
cim_lines_next(struct cim_lines *l, char **line, size_t *len)
{
	size_t scanned = 0;
	char *nl;

	if (l->err)
		return -1;
	for (;;) {
		nl = memchr(l->buf + l->start + scanned, '\n',
		    l->end - l->start - scanned);
		if (nl != NULL || l->eof)
			break;
		scanned = l->end - l->start;
		if (fill(l) < 0)
			return -1;
	}
	if (nl == NULL && l->start == l->end)
		return 0;
	*line = l->buf + l->start;
	*len = nl ? (size_t)(nl - *line) : l->end - l->start;
	l->newline = nl != NULL;
	l->start += *len + (nl != NULL);
	if (*len > 0 && (*line)[*len - 1] == '\r')
		(*len)--;
	(*line)[*len] = '\0';
	l->lineno++;
	if (!l->bom_checked) {
		l->bom_checked = 1;
		if (*len >= 3 && memcmp(*line, "\xef\xbb\xbf", 3) == 0) {
			*line += 3;
			*len -= 3;
		}
	}
	return 1;
}

void
cim_lines_close(struct cim_lines *l)
{
	if (l == NULL)
		return;
	cim_input_close(l->in);
	free(l->buf);
	free(l);
}
