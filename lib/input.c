/*
 * input.c: operands, plain or gzip (see input.h).  Plain files go through
 * read(2) untouched; gzip through zlib's inflate on our own buffer, so a
 * pipe works (no seeking) and we see the end of every member ourselves:
 * gzread() would hide a truncated member as a short file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "err.h"
#include "input.h"

#define ZBUF (1 << 17)

struct cim_input {
	int		 fd;
	char		*name;
	int		 gz;		/* 1: inflating */
	int		 zdone;		/* the current member ended */
	int		 eof;		/* no more raw bytes */
	const char	*zerr;		/* an error to report at the next read */
	z_stream	 z;
	unsigned char	*zbuf;		/* compressed bytes read ahead */
	unsigned char	 peek[2];	/* bytes read to detect the format */
	size_t		 npeek;
};

static ssize_t
raw_read(struct cim_input *in, void *buf, size_t n)
{
	for (;;) {
		ssize_t r = read(in->fd, buf, n);

		if (r >= 0 || errno != EINTR)
			return r;
	}
}

struct cim_input *
cim_input_open(const char *path)
{
	struct cim_input *in;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0) {
		fd = 0;
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		cim_warn_at(path, 0, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		cim_warn_at(path, 0, "%s", strerror(EISDIR));
		close(fd);
		return NULL;
	}
	in = cim_xcalloc(1, sizeof(*in));
	in->fd = fd;
	in->name = cim_xstrdup(fd == 0 ? "<stdin>" : path);
	while (in->npeek < 2) {
		ssize_t r = raw_read(in, in->peek + in->npeek, 2 - in->npeek);

		if (r < 0) {
			cim_warn_at(in->name, 0, "%s", strerror(errno));
			cim_input_close(in);
			return NULL;
		}
		if (r == 0)
			break;
		in->npeek += (size_t)r;
	}
	if (in->npeek == 2 && in->peek[0] == 0x1f && in->peek[1] == 0x8b) {
		in->gz = 1;
		in->zbuf = cim_xmalloc(ZBUF);
		memcpy(in->zbuf, in->peek, 2);
		in->z.next_in = in->zbuf;
		in->z.avail_in = 2;
		in->npeek = 0;
		/* 15 + 16: gzip wrapper only; a zlib or raw stream is not ours. */
		if (inflateInit2(&in->z, 15 + 16) != Z_OK)
			cim_die(1, "%s: cannot initialise zlib", in->name);
	}
	return in;
}

const char *
cim_input_name(const struct cim_input *in)
{
	return in->name;
}

int
cim_input_is_gzip(const struct cim_input *in)
{
	return in->gz;
}

/* Refills the compressed buffer; returns bytes available, -1 on error. */
static ssize_t
zfill(struct cim_input *in)
{
	ssize_t r;

	if (in->z.avail_in > 0 || in->eof)
		return in->z.avail_in;
	r = raw_read(in, in->zbuf, ZBUF);
	if (r < 0) {
		cim_warn_at(in->name, 0, "%s", strerror(errno));
		return -1;
	}
	if (r == 0)
		in->eof = 1;
	in->z.next_in = in->zbuf;
	in->z.avail_in = (uInt)r;
	return r;
}

static ssize_t
gz_read(struct cim_input *in, char *buf, size_t n)
{
	if (in->zerr != NULL) {
		cim_warn_at(in->name, 0, "%s", in->zerr);
		return -1;
	}
	if (n > ZBUF)
		n = ZBUF;
	for (;;) {
		int rc;
		ssize_t avail;

		if (in->zdone) {
			/* A member ended: another may follow (gzip -c a b > ab). */
			if ((avail = zfill(in)) < 0)
				return -1;
			if (avail == 0)
				return 0;
			if (in->z.next_in[0] != 0x1f) {
				cim_warn_at(in->name, 0, "trailing garbage after gzip data");
				return -1;
			}
			inflateReset(&in->z);
			in->zdone = 0;
		}
		if ((avail = zfill(in)) < 0)
			return -1;
		in->z.next_out = (unsigned char *)buf;
		in->z.avail_out = (uInt)n;
		rc = inflate(&in->z, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			in->zdone = 1;
		else if (rc == Z_BUF_ERROR && avail == 0)
			in->zerr = "truncated gzip data";
		else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			static char msg[160];

			snprintf(msg, sizeof(msg), "corrupt gzip data: %s",
			    in->z.msg ? in->z.msg : "inflate failed");
			in->zerr = msg;
		}
		/* What was decoded before a fault is still data: pass it on
		 * and report the fault at the next read. */
		if (n - in->z.avail_out > 0)
			return (ssize_t)(n - in->z.avail_out);
		if (in->zerr != NULL) {
			cim_warn_at(in->name, 0, "%s", in->zerr);
			return -1;
		}
	}
}

ssize_t
cim_input_read(struct cim_input *in, char *buf, size_t n)
{
	ssize_t r;

	if (in->gz)
		return gz_read(in, buf, n);
	if (in->npeek > 0) {
		size_t k = in->npeek < n ? in->npeek : n;

		memcpy(buf, in->peek, k);
		memmove(in->peek, in->peek + k, in->npeek - k);
		in->npeek -= k;
		return (ssize_t)k;
	}
	if ((r = raw_read(in, buf, n)) < 0)
		cim_warn_at(in->name, 0, "%s", strerror(errno));
	return r;
}

int
cim_input_file(const struct cim_input *in, off_t *next)
{
	struct stat st;

	if (in->gz || fstat(in->fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (*next = lseek(in->fd, 0, SEEK_CUR)) < (off_t)in->npeek)
		return -1;
	*next -= (off_t)in->npeek;	/* the bytes peeked at come first */
	return in->fd;
}

void
cim_input_close(struct cim_input *in)
{
	if (in == NULL)
		return;
	if (in->gz)
		inflateEnd(&in->z);
	if (in->fd > 0)
		close(in->fd);
	free(in->zbuf);
	free(in->name);
	free(in);
}
