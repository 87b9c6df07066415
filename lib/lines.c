/*
 * lines.c: memchr line splitting over a growing buffer, or over the
 * mapped file (see lines.h).
 */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "lines.h"

/*
 * The files mapped now, for the SIGBUS handler: a page past the end of a
 * file that shrank cannot be read, and the process would die with no
 * word of which file.  Set and cleared on the thread that opens and
 * closes (mapping happens before any helper thread reads the lines).
 */
#define NWATCH 8
static struct watch {
	const char	*base;
	size_t		 len;
	char		*name;
} watched[NWATCH];

static void
put(const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(2, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void
on_sigbus(int sig, siginfo_t *si, void *ctx)
{
	const char *a = si->si_addr;
	struct sigaction dfl;
	int i;

	(void)ctx;
	for (i = 0; i < NWATCH; i++)
		if (watched[i].base != NULL && a >= watched[i].base &&
		    a < watched[i].base + watched[i].len) {
			put(cim_prog);
			put(": ");
			put(watched[i].name);
			put(": the file shrank while it was read\n");
			_exit(CIM_EXIT_DATA);
		}
	/* Not ours: the default action, when the fault repeats on return. */
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigaction(sig, &dfl, NULL);
}

int
cim_lines_watch(const char *base, size_t len, const char *name)
{
	static int installed;
	struct sigaction sa;
	int i;

	if (!installed) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_sigbus;
		sa.sa_flags = SA_SIGINFO;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGBUS, &sa, NULL) < 0)
			return -1;
		installed = 1;
	}
	for (i = 0; i < NWATCH; i++)
		if (watched[i].base == NULL) {
			watched[i].len = len;
			watched[i].name = cim_xstrdup(name);
			watched[i].base = base;
			return 0;
		}
	return -1;
}

void
cim_lines_unwatch(const char *base)
{
	int i;

	for (i = 0; i < NWATCH; i++)
		if (watched[i].base == base) {
			watched[i].base = NULL;
			free(watched[i].name);
			watched[i].name = NULL;
		}
}

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
	if (!l->mapped)
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

int
cim_lines_map(struct cim_lines *l)
{
	struct stat st;
	off_t next;
	void *base;
	int fd;

	if (l->end != 0 || l->lineno != 0 || (fd = cim_input_file(l->in, &next)) < 0 ||
	    fstat(fd, &st) < 0 || st.st_size <= next || (uintmax_t)st.st_size >= SIZE_MAX / 2)
		return 0;
	base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (base == MAP_FAILED)
		return 0;
	if (cim_lines_watch(base, (size_t)st.st_size, cim_input_name(l->in)) < 0) {
		munmap(base, (size_t)st.st_size);
		return 0;
	}
	free(l->buf);
	l->buf = base;
	l->cap = l->end = (size_t)st.st_size;
	l->start = (size_t)next;
	l->eof = l->mapped = 1;
	l->unmapped = 0;
	return 1;
}

void
cim_lines_release(struct cim_lines *l, const char *p)
{
	long pg = sysconf(_SC_PAGESIZE);
	size_t upto;

	if (!l->mapped || pg <= 0)
		return;
	upto = (size_t)(p - l->buf) / (size_t)pg * (size_t)pg;
	if (upto > l->unmapped) {
		munmap(l->buf + l->unmapped, upto - l->unmapped);
		l->unmapped = upto;
	}
}

void
cim_lines_close(struct cim_lines *l)
{
	if (l == NULL)
		return;
	if (l->mapped) {
		cim_lines_unwatch(l->buf);
		if (l->cap > l->unmapped)
			munmap(l->buf + l->unmapped, l->cap - l->unmapped);
	} else {
		free(l->buf);
	}
	cim_input_close(l->in);
	free(l);
}
