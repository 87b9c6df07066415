/*
 * idstate.c: reading, writing and locking the state file (see idstate.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "err.h"
#include "idstate.h"
#include "tmpclean.h"

static const char magic[] = "cim-merge-identity state ";

int
cim_idstate_lock(const char *path, long wait_s)
{
	struct flock fl;
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	char *lp = cim_xmalloc(strlen(path) + 6);
	long tries;
	int fd;

	sprintf(lp, "%s.lock", path);
	if ((fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		cim_warnx("%s: %s", lp, strerror(errno));
		free(lp);
		return -1;
	}
	for (tries = 0;; tries++) {
		memset(&fl, 0, sizeof(fl));
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(fd, F_SETLK, &fl) == 0)
			break;
		if (errno != EACCES && errno != EAGAIN && errno != EINTR) {
			cim_warnx("%s: cannot lock: %s", lp, strerror(errno));
			goto fail;
		}
		if (tries >= wait_s * 10) {
			cim_warnx("%s: locked by another run; gave up after %lds "
			    "(see --lock-wait)", path, wait_s);
			goto fail;
		}
		nanosleep(&ts, NULL);
	}
	free(lp);
	return fd;
fail:
	close(fd);
	free(lp);
	return -1;
}

static int
corrupt(const char *path, long line, const char *why)
{
	if (line > 0)
		cim_warnx("%s:%ld: corrupt state: %s", path, line, why);
	else
		cim_warnx("%s: corrupt state: %s", path, why);
	return -1;
}

static int
hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes the JSON string s[0..n) (with its quotes) as written by
 * cim_buf_json_str into out; 0 or -1. */
static int
unquote(const char *s, size_t n, struct cim_buf *out)
{
	size_t i;

	out->len = 0;
	if (n < 2 || s[0] != '"' || s[n - 1] != '"')
		return -1;
	for (i = 1; i < n - 1; i++) {
		char c = s[i];

		if (c == '"' || (unsigned char)c < 0x20)
			return -1;
		if (c != '\\') {
			cim_buf_addc(out, c);
			continue;
		}
		if (++i >= n - 1)
			return -1;
		switch (s[i]) {
		case '"': case '\\': case '/': cim_buf_addc(out, s[i]); break;
		case 'n': cim_buf_addc(out, '\n'); break;
		case 'r': cim_buf_addc(out, '\r'); break;
		case 't': cim_buf_addc(out, '\t'); break;
		case 'b': cim_buf_addc(out, '\b'); break;
		case 'f': cim_buf_addc(out, '\f'); break;
		case 'u': {
			int k, v = 0, h;

			if (i + 4 >= n - 1)
				return -1;
			for (k = 1; k <= 4; k++) {
				if ((h = hexval((unsigned char)s[i + k])) < 0)
					return -1;
				v = v * 16 + h;
			}
			if (v >= 0x20)
				return -1;	/* only control characters are escaped */
			cim_buf_addc(out, (char)v);
			i += 4;
			break;
		}
		default:
			return -1;
		}
	}
	return 0;
}

/* A decimal number filling s[0..n) exactly; -1 when not one. */
static int64_t
number(const char *s, size_t n)
{
	int64_t v = 0;
	size_t i;

	if (n == 0 || n > 18)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
slurp(const char *path, struct cim_buf *b)
{
	char tmp[1 << 16];
	ssize_t r;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return errno == ENOENT ? 1 : -1;
	while ((r = read(fd, tmp, sizeof(tmp))) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		cim_buf_add(b, tmp, (size_t)r);
	}
	close(fd);
	return 0;
}

int
cim_idstate_load(const char *path, int64_t *next, cim_idstate_entry_fn *fn,
    void *arg)
{
	struct cim_buf b = { 0 }, key = { 0 };
	const char *p, *end, *nl, *tab, *last;
	long line, count = 0, want;
	int64_t v;
	uint32_t crc;
	char endline[64];
	int rc = -1;

	*next = 1;
	if ((rc = slurp(path, &b)) != 0) {
		if (rc < 0)
			cim_warnx("%s: %s", path, strerror(errno));
		cim_buf_free(&b);
		return rc;
	}
	rc = -1;
	/* The last line: "end COUNT CRC". */
	if (b.len == 0 || b.p[b.len - 1] != '\n') {
		corrupt(path, 0, b.len == 0 ? "empty file" : "truncated (no end line)");
		goto out;
	}
	for (last = b.p + b.len - 1; last > b.p && last[-1] != '\n'; last--)
		;
	if ((size_t)(b.p + b.len - last) >= sizeof(endline) ||
	    strncmp(last, "end ", 4) != 0) {
		corrupt(path, 0, "truncated (no end line)");
		goto out;
	}
	memcpy(endline, last, (size_t)(b.p + b.len - last));
	endline[b.p + b.len - last - 1] = '\0';
	{
		char *sp = strchr(endline + 4, ' ');

		if (sp == NULL || (want = (long)number(endline + 4, (size_t)(sp - endline - 4))) < 0 ||
		    strlen(sp + 1) != 8) {
			corrupt(path, 0, "bad end line");
			goto out;
		}
		crc = (uint32_t)crc32(0L, (const Bytef *)b.p, (uInt)(last - b.p));
		if (strtoul(sp + 1, NULL, 16) != crc) {
			corrupt(path, 0, "checksum mismatch");
			goto out;
		}
	}
	p = b.p;
	end = last;
	line = 1;
	nl = memchr(p, '\n', (size_t)(end - p));
	if (nl == NULL || (size_t)(nl - p) <= sizeof(magic) - 1 ||
	    memcmp(p, magic, sizeof(magic) - 1) != 0) {
		corrupt(path, 1, "not a cim-merge-identity state file");
		goto out;
	}
	if (number(p + sizeof(magic) - 1, (size_t)(nl - p) - (sizeof(magic) - 1)) !=
	    CIM_IDSTATE_VERSION) {
		cim_warnx("%s:1: unsupported state version '%.*s' (this is version %d)",
		    path, (int)((size_t)(nl - p) - (sizeof(magic) - 1)),
		    p + sizeof(magic) - 1, CIM_IDSTATE_VERSION);
		goto out;
	}
	p = nl + 1;
	line = 2;
	nl = memchr(p, '\n', (size_t)(end - p));
	if (nl == NULL || nl - p < 6 || memcmp(p, "next ", 5) != 0 ||
	    (*next = number(p + 5, (size_t)(nl - p - 5))) < 1) {
		corrupt(path, 2, "bad next line");
		goto out;
	}
	for (p = nl + 1, line = 3; p < end; p = nl + 1, line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		tab = memchr(p, '\t', (size_t)(nl - p));
		if (tab == NULL || (v = number(p, (size_t)(tab - p))) < 0 ||
		    v >= *next || unquote(tab + 1, (size_t)(nl - tab - 1), &key) < 0 ||
		    key.len == 0) {
			corrupt(path, line, "bad entry");
			goto out;
		}
		fn(key.p, key.len, v, arg);
		count++;
	}
	if (count != want) {
		corrupt(path, 0, "entry count mismatch");
		goto out;
	}
	rc = 0;
out:
	cim_buf_free(&b);
	cim_buf_free(&key);
	return rc;
}

static int
flush_w(struct cim_idstate_w *w)
{
	size_t off = 0;

	w->crc = (uint32_t)crc32(w->crc, (const Bytef *)w->b.p, (uInt)w->b.len);
	while (off < w->b.len) {
		ssize_t r = write(w->fd, w->b.p + off, w->b.len - off);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)r;
	}
	w->b.len = 0;
	return 0;
}

struct cim_idstate_w *
cim_idstate_create(const char *path, int64_t next)
{
	struct cim_idstate_w *w = cim_xcalloc(1, sizeof(*w));

	w->path = cim_xstrdup(path);
	w->tmp = cim_xmalloc(strlen(path) + 16);
	sprintf(w->tmp, "%s.tmp.XXXXXX", path);
	if ((w->fd = cim_tmpclean_mkstemp(w->tmp)) < 0) {
		cim_warnx("%s: cannot create: %s", w->tmp, strerror(errno));
		free(w->tmp);
		free(w->path);
		free(w);
		return NULL;
	}
	(void)fchmod(w->fd, 0600);
	cim_buf_printf(&w->b, "%s%d\nnext %" PRId64 "\n", magic, CIM_IDSTATE_VERSION, next);
	return w;
}

void
cim_idstate_add(struct cim_idstate_w *w, const char *key, size_t n, int64_t customer)
{
	cim_buf_printf(&w->b, "%" PRId64 "\t", customer);
	cim_buf_json_str(&w->b, key, n);
	cim_buf_addc(&w->b, '\n');
	w->n++;
	if (w->b.len >= 1 << 16 && w->err == 0 && flush_w(w) < 0) {
		w->err = errno;		/* reported by cim_idstate_commit() */
		w->b.len = 0;
	}
	if (w->err)
		w->b.len = 0;
}

static void
free_w(struct cim_idstate_w *w)
{
	cim_tmpclean_clear();
	cim_buf_free(&w->b);
	free(w->tmp);
	free(w->path);
	free(w);
}

void
cim_idstate_abort(struct cim_idstate_w *w)
{
	if (w->fd >= 0)
		close(w->fd);
	unlink(w->tmp);
	free_w(w);
}

int
cim_idstate_commit(struct cim_idstate_w *w)
{
	char tail[64], *dir, *slash;
	int dfd, e;

	if (w->err) {
		e = w->err;
		goto fail;
	}
	if (flush_w(w) < 0) {
		e = errno;
		goto fail;
	}
	snprintf(tail, sizeof(tail), "end %ld %08" PRIx32 "\n", w->n, w->crc);
	cim_buf_adds(&w->b, tail);
	if (write(w->fd, w->b.p, w->b.len) != (ssize_t)w->b.len || fsync(w->fd) < 0) {
		e = errno ? errno : EIO;
		goto fail;
	}
	if (close(w->fd) < 0) {
		e = errno;
		w->fd = -1;
		goto fail;
	}
	w->fd = -1;
	if (rename(w->tmp, w->path) < 0) {
		e = errno;
		goto fail;
	}
	/* The rename itself must reach the disk too. */
	dir = cim_xstrdup(w->path);
	if ((slash = strrchr(dir, '/')) != NULL)
		slash[1] = '\0';
	else
		strcpy(dir, ".");
	if ((dfd = open(dir, O_RDONLY | O_CLOEXEC)) >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	free(dir);
	free_w(w);
	return 0;
fail:
	cim_warnx("%s: cannot write state: %s", w->path, strerror(e));
	cim_idstate_abort(w);
	return -1;
}
