/*
 * run.c: the shared run state of a tool (see run.h).
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "run.h"
#include "utf8.h"

struct cim_run cim_run;

void
cim_run_start(char **argv, const char *usage, const char *help)
{
	cim_setprog(argv[0]);
	/* getopt prints argv[0] in its messages: make it the short name. */
	if (argv[0] != NULL)
		argv[0] = (char *)cim_prog;
	signal(SIGPIPE, SIG_DFL);
	cim_run.out = cim_out_fd(1, "<stdout>");
	cim_run.usage = usage;
	cim_run.help = help;
}

_Noreturn void
cim_usage(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		fprintf(stderr, "%s: ", cim_prog);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, "%s", cim_run.usage);
	fprintf(stderr, "Try '%s --help' for more information.\n", cim_prog);
	exit(CIM_EXIT_USAGE);
}

/* After --help or --version: a failed write is an error like any other. */
static _Noreturn void
exit_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			exit(0);
		cim_die(1, "<stdout>: write error: %s", strerror(errno));
	}
	exit(0);
}

int
cim_run_option(int c, const char *arg)
{
	switch (c) {
	case CIM_OPT_REJECTS:
		if (cim_run.rejects != NULL)
			cim_usage("--rejects given twice");
		if ((cim_run.rejects = cim_out_create(arg, 0600)) == NULL)	/* raw customer text */
			cim_die(CIM_EXIT_USAGE, "%s: %s", arg, strerror(errno));
		return 1;
	case CIM_OPT_STRICT:
		cim_run.strict = 1;
		return 1;
	case CIM_OPT_STATS:
		cim_run.stats = 1;
		return 1;
	case CIM_OPT_VERSION:
		printf("%s (cim) %s\n", cim_prog, CIM_VERSION);
		exit_stdout();
	case 'h':
		printf("%s\n%s", cim_run.usage, cim_run.help);
		exit_stdout();
	}
	return 0;
}

void
cim_run_file(const char *name)
{
	struct cim_fcount *f;

	cim_run.files = cim_xrealloc(cim_run.files,
	    (cim_run.nfiles + 1) * sizeof(*cim_run.files));
	f = &cim_run.files[cim_run.nfiles++];
	memset(f, 0, sizeof(*f));
	f->name = cim_xstrdup(name);
}

static void vreject(int fileno, const char *file, long line, const char *text,
    size_t n, const char *fmt, va_list ap);

struct cim_lines *
cim_run_open(const char *path)
{
	struct cim_lines *l = cim_lines_open(path);

	if (l == NULL) {
		cim_run_fail();
		return NULL;
	}
	cim_run_file(cim_lines_name(l));
	return l;
}

void
cim_reject(const char *file, long line, const char *text, size_t n,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreject((int)cim_run.nfiles - 1, file, line, text, n, fmt, ap);
	va_end(ap);
}

void
cim_reject_in(int fileno, const char *file, long line, const char *text,
    size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreject(fileno, file, line, text, n, fmt, ap);
	va_end(ap);
}

void
cim_reject_json(const char *file, long line, const char *text, size_t n,
    const char *why, size_t at)
{
	cim_reject(file, line, text, n, "invalid JSON at byte %zu: %s", at + 1, why);
}

void
cim_run_wrote_in(int fileno, long n)
{
	cim_run.written += n;
	if (fileno >= 0 && (size_t)fileno < cim_run.nfiles)
		cim_run.files[fileno].written += n;
}

static void
vreject(int fileno, const char *file, long line, const char *text, size_t n,
    const char *fmt, va_list ap)
{
	struct cim_buf reason = { 0 }, b = { 0 }, raw = { 0 };
	va_list ap2;
	int len;

	/* No fixed buffer: a reason may quote input (a bad value), and one cut
	 * at a fixed size could end inside a UTF-8 sequence. */
	va_copy(ap2, ap);
	len = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	cim_buf_grow(&raw, len > 0 ? (size_t)len + 1 : 1);
	vsnprintf(raw.p, raw.cap, fmt, ap);
	raw.len = len > 0 ? (size_t)len : 0;
	/* A reason quoting invalid input must not make the rejects file
	 * invalid UTF-8: repair it as the text is. */
	if (cim_utf8_valid(raw.p, raw.len) == raw.len)
		cim_buf_add(&reason, raw.p, raw.len);
	else
		cim_utf8_repair(raw.p, raw.len, &reason);
	cim_buf_free(&raw);
	cim_buf_str(&reason);

	cim_run.rejected++;
	if (fileno >= 0 && (size_t)fileno < cim_run.nfiles)
		cim_run.files[fileno].rejected++;
	if (!cim_run.quiet)
		cim_warn_at(file, line, "%s", reason.p);
	if (cim_run.rejects != NULL) {
		cim_buf_adds(&b, "{\"file\":");
		cim_buf_json_str(&b, file, strlen(file));
		cim_buf_printf(&b, ",\"line\":%ld,\"reason\":", line);
		cim_buf_json_str(&b, reason.p, reason.len);
		cim_buf_adds(&b, ",\"text\":");
		if (cim_utf8_valid(text, n) == n) {
			cim_buf_json_str(&b, text, n);
		} else {
			struct cim_buf fixed = { 0 };

			cim_utf8_repair(text, n, &fixed);
			cim_buf_json_str(&b, fixed.p ? fixed.p : "", fixed.len);
			cim_buf_free(&fixed);
		}
		cim_buf_adds(&b, "}\n");
		cim_out_add(cim_run.rejects, b.p, b.len);
	}
	cim_buf_free(&reason);
	cim_buf_free(&b);
}

int
cim_run_end(void)
{
	size_t i;

	cim_out_close(cim_run.out, 0);
	cim_run.out = NULL;
	if (cim_run.rejects != NULL) {
		cim_out_close(cim_run.rejects, 0);
		cim_run.rejects = NULL;
	}
	if (cim_run.stats) {
		for (i = 0; cim_run.nfiles > 1 && i < cim_run.nfiles; i++)
			fprintf(stderr, "%s: stats: %s: read %ld, written %ld, rejected %ld\n",
			    cim_prog, cim_run.files[i].name, cim_run.files[i].read,
			    cim_run.files[i].written, cim_run.files[i].rejected);
		fprintf(stderr, "%s: stats: total: read %ld, written %ld, rejected %ld\n",
		    cim_prog, cim_run.read, cim_run.written, cim_run.rejected);
	}
	for (i = 0; i < cim_run.nfiles; i++)
		free(cim_run.files[i].name);
	free(cim_run.files);
	cim_run.files = NULL;
	if (cim_run.status != 0)
		return cim_run.status;
	return cim_run.strict && cim_run.rejected > 0 ? 1 : 0;
}

long
cim_opt_long(const char *opt, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (end == arg || *end != '\0')
		cim_usage("%s: '%s' is not a number", opt, arg);
	if (errno == ERANGE || v < min || v > max)
		cim_usage("%s: %s is out of range (%ld to %ld)", opt, arg, min, max);
	return v;
}

double
cim_opt_double(const char *opt, const char *arg, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (end == arg || *end != '\0' || isnan(v))
		cim_usage("%s: '%s' is not a number", opt, arg);
	if (errno == ERANGE || v < min || v > max)
		cim_usage("%s: %s is out of range (%g to %g)", opt, arg, min, max);
	return v;
}

long
cim_parse_duration(const char *s)
{
	char *end;
	long v, mul = 1;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno == ERANGE)
		return -1;
	switch (*end) {
	case '\0': case 's': mul = 1; break;
	case 'm': mul = 60; break;
	case 'h': mul = 3600; break;
	case 'd': mul = 86400; break;
	case 'w': mul = 7 * 86400; break;
	default: return -1;
	}
	if (*end != '\0' && end[1] != '\0')
		return -1;
	if (v > LONG_MAX / mul)
		return -1;
	return v * mul;
}

long
cim_opt_duration(const char *opt, const char *arg)
{
	long v = cim_parse_duration(arg);

	if (v < 0)
		cim_usage("%s: '%s' is not a duration (like 90s, 15m, 24h, 7d)", opt, arg);
	return v;
}
