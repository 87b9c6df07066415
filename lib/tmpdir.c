/*
 * tmpdir.c: scratch files in $TMPDIR (see tmpdir.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "tmpdir.h"

int
cim_tmpdir_open(const char *prog, const char **dir)
{
	const char *d = getenv("TMPDIR");
	char *path;
	int fd, e;

	if (d == NULL || *d == '\0')
		d = "/tmp";
	*dir = d;
	path = cim_xmalloc(strlen(d) + strlen(prog) + 16);
	sprintf(path, "%s/%s.XXXXXX", d, prog);
	if ((fd = mkstemp(path)) >= 0)
		unlink(path);	/* gone when we exit, however we exit */
	e = errno;
	free(path);
	errno = e;
	return fd;
}
