/*
 * out.c: buffered writes to a descriptor with the failure policy of out.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "out.h"

struct cim_out *
cim_out_fd(int fd, const char *name)
{
	struct cim_out *o = cim_xcalloc(1, sizeof(*o));

	o->fd = fd;
	o->name = cim_xstrdup(name);
	cim_buf_grow(&o->b, 1 << 17);
	return o;
}

struct cim_out *
cim_out_create(const char *path, int mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);

	return fd < 0 ? NULL : cim_out_fd(fd, path);
}

static _Noreturn void
write_failed(struct cim_out *o, int e)
{
	if (e == EPIPE) {
		/* Our reader went away: end as if SIGPIPE had killed us. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
		_exit(141);
	}
	cim_die(1, "%s: write error: %s", o->name, strerror(e));
}

void
cim_out_flush(struct cim_out *o)
{
	size_t off = 0;

	while (off < o->b.len) {
		ssize_t w = write(o->fd, o->b.p + off, o->b.len - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			write_failed(o, errno);
		}
		off += (size_t)w;
	}
	o->b.len = 0;
}

void
cim_out_close(struct cim_out *o, int sync)
{
	if (o == NULL)
		return;
	cim_out_flush(o);
	if (sync && fsync(o->fd) < 0 && errno != EINVAL && errno != EROFS)
		write_failed(o, errno);
	if (o->fd > 2 && close(o->fd) < 0)
		write_failed(o, errno);
	cim_buf_free(&o->b);
	free(o->name);
	free(o);
}
