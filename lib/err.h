/*
 * err.h: the one error format of every cim tool, exit codes and checked
 * allocation.  Messages look like "cim-ingest: exports.csv:42: reason":
 * lower case, no trailing period, file and line when there is one.
 */
#ifndef CIM_ERR_H
#define CIM_ERR_H
#include <stddef.h>

enum { CIM_EXIT_OK = 0, CIM_EXIT_DATA = 1, CIM_EXIT_USAGE = 2 };

extern const char *cim_prog;	/* program name used as message prefix */

void cim_setprog(const char *argv0);
/* "prog: msg" on stderr. */
void cim_warnx(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* "prog: file:line: msg"; line <= 0 omits it ("prog: file: msg"). */
void cim_warn_at(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* When set (on a helper thread), messages are appended there instead of
 * printed, for the main thread to print in input order (recread.h). */
struct cim_buf;
extern _Thread_local struct cim_buf *cim_err_capture;
/* cim_warnx, then exit(status); never captured. */
_Noreturn void cim_die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Allocation that cannot fail: on exhaustion the tool dies with exit 1. */
void *cim_xmalloc(size_t n);
void *cim_xcalloc(size_t n, size_t size);
void *cim_xrealloc(void *p, size_t n);
char *cim_xstrdup(const char *s);
char *cim_xstrndup(const char *s, size_t n);
#endif
