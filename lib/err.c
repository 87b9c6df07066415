/*
 * err.c: message formatting and checked allocation (see err.h).
 * Not for: reject bookkeeping (run.c) or output errors (out.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

const char *cim_prog = "cim";

/* Set on a helper thread (recread.c): its messages are kept here and
 * printed by the main thread at their place in the input. */
_Thread_local struct cim_buf *cim_err_capture;

void
cim_setprog(const char *argv0)
{
	const char *s;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	s = strrchr(argv0, '/');
	cim_prog = s ? s + 1 : argv0;
}

static void
vwarn(const char *file, long line, const char *fmt, va_list ap)
{
	if (cim_err_capture != NULL) {
		struct cim_buf *b = cim_err_capture;
		char t[1024];

		cim_buf_printf(b, "%s: ", cim_prog);
		if (file != NULL && line > 0)
			cim_buf_printf(b, "%s:%ld: ", file, line);
		else if (file != NULL)
			cim_buf_printf(b, "%s: ", file);
		vsnprintf(t, sizeof(t), fmt, ap);
		cim_buf_printf(b, "%s\n", t);
		return;
	}
	fflush(stdout);
	fprintf(stderr, "%s: ", cim_prog);
	if (file != NULL) {
		if (line > 0)
			fprintf(stderr, "%s:%ld: ", file, line);
		else
			fprintf(stderr, "%s: ", file);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cim_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(NULL, 0, fmt, ap);
	va_end(ap);
}

void
cim_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(file, line, fmt, ap);
	va_end(ap);
}

_Noreturn void
cim_die(int status, const char *fmt, ...)
{
	va_list ap;

	cim_err_capture = NULL;
	va_start(ap, fmt);
	vwarn(NULL, 0, fmt, ap);
	va_end(ap);
	exit(status);
}

static void *
checked(void *p)
{
	if (p == NULL)
		cim_die(1, "out of memory");
	return p;
}

void *cim_xmalloc(size_t n) { return checked(malloc(n ? n : 1)); }
void *cim_xcalloc(size_t n, size_t size) { return checked(calloc(n ? n : 1, size ? size : 1)); }
void *cim_xrealloc(void *p, size_t n) { return checked(realloc(p, n ? n : 1)); }
char *cim_xstrdup(const char *s) { return checked(strdup(s)); }
char *cim_xstrndup(const char *s, size_t n) { return checked(strndup(s, n)); }
