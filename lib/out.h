/*
 * out.h: buffered, checked output.  A write error is never ignored: when
 * the reader of a pipe goes away (EPIPE) the tool exits quietly as SIGPIPE
 * would (git's check_pipe); any other error (a full disk, > /dev/full)
 * prints "prog: NAME: write error: REASON" and exits 1.
 */
#ifndef CIM_OUT_H
#define CIM_OUT_H
#include <stddef.h>

#include "buf.h"

struct cim_out {
	int		 fd;
	char		*name;	/* for messages: "<stdout>" or the path */
	struct cim_buf	 b;
};

/* Wraps an open descriptor; name is copied. */
struct cim_out *cim_out_fd(int fd, const char *name);
/* Creates or truncates path with the given mode; NULL (errno set) on failure. */
struct cim_out *cim_out_create(const char *path, int mode);
void cim_out_flush(struct cim_out *o);
/* Flushes, fsyncs when sync is set, closes (not fd 1) and frees. */
void cim_out_close(struct cim_out *o, int sync);

static inline void
cim_out_add(struct cim_out *o, const void *p, size_t n)
{
	cim_buf_add(&o->b, p, n);
	if (o->b.len >= 1 << 16)
		cim_out_flush(o);
}
#endif
