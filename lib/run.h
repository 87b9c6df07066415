/*
 * run.h: what every tool shares in a run: standard output, the rejects
 * output, the read/written/rejected counters behind "records in = records
 * out + records rejected", the exit status, and the common options
 * (--rejects, --strict, --stats, --help, --version).
 *
 * A tool's main is: cim_run_start(); parse options (passing unknown ones
 * to cim_run_option()); for each operand cim_run_file() then read, decide,
 * cim_run_emit() or cim_reject(); return cim_run_end().
 */
#ifndef CIM_RUN_H
#define CIM_RUN_H
#include <getopt.h>
#include <stddef.h>

#include "buf.h"
#include "lines.h"
#include "out.h"

#define CIM_VERSION "0.1.0"

struct cim_fcount {
	char	*name;
	long	 read, written, rejected;
};

struct cim_run {
	struct cim_out		*out;		/* standard output */
	struct cim_out		*rejects;	/* --rejects FILE, or NULL */
	int			 strict, stats, quiet;
	int			 status;	/* 1 once an I/O error happened */
	long			 read, written, rejected;
	struct cim_fcount	*files;		/* per operand, for --stats */
	size_t			 nfiles;
	const char		*usage;		/* synopsis, as in the man page */
	const char		*help;		/* option list for --help */
};

extern struct cim_run cim_run;

/* Long option values of the common options (above any short option). */
enum { CIM_OPT_REJECTS = 0x100, CIM_OPT_STRICT, CIM_OPT_STATS,
    CIM_OPT_VERSION, CIM_OPT_HELP, CIM_OPT_TOOL };

#define CIM_COMMON_OPTIONS \
	{ "rejects", required_argument, NULL, CIM_OPT_REJECTS }, \
	{ "strict", no_argument, NULL, CIM_OPT_STRICT }, \
	{ "stats", no_argument, NULL, CIM_OPT_STATS }, \
	{ "version", no_argument, NULL, CIM_OPT_VERSION }, \
	{ "help", no_argument, NULL, 'h' }

/* Sets the program name, restores SIGPIPE (a parent may ignore it) and
 * opens the output.  usage and help are the tool's texts. */
void cim_run_start(char **argv, const char *usage, const char *help);
/* Handles a common option; returns 0 when c is not one (the tool then
 * calls cim_usage()). */
int cim_run_option(int c, const char *arg);
/* Prints "prog: msg" (when fmt is not NULL) and the usage, exits 2. */
_Noreturn void cim_usage(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Starts counting for a new operand, named as in messages. */
void cim_run_file(const char *name);
/* Opens operand path ("-" is standard input) for reading lines and starts
 * counting it; NULL, after the message and with the exit status set to 1,
 * when it cannot be opened (the tool goes on with the next operand). */
struct cim_lines *cim_run_open(const char *path);
static inline void cim_run_read(long n) { cim_run.read += n; if (cim_run.nfiles) cim_run.files[cim_run.nfiles - 1].read += n; }
/* Counts n input records as written (their output is the caller's). */
static inline void cim_run_wrote(long n) { cim_run.written += n; if (cim_run.nfiles) cim_run.files[cim_run.nfiles - 1].written += n; }
/*
 * Rejects one input record: prints "prog: file:line: reason", writes the
 * reject line {"file","line","reason","text"} to --rejects when given, and
 * counts it.  text[0..n) is the original input (repaired to UTF-8 for the
 * reject line if it is not).
 */
void cim_reject(const char *file, long line, const char *text, size_t n,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The same, counted against operand number fileno (0 is the first) when
 * the record is rejected after its operand was read. */
void cim_reject_in(int fileno, const char *file, long line, const char *text,
    size_t n, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Rejects a line the JSON scanner refused (why and at from json.h), in
 * the wording every tool uses: "invalid JSON at byte N: why", N from 1. */
void cim_reject_json(const char *file, long line, const char *text, size_t n,
    const char *why, size_t at);
/* Counts n input records of operand number fileno as written. */
void cim_run_wrote_in(int fileno, long n);
/* Counts n more input records as rejected (a reject that stood for several). */
static inline void cim_run_rejected_more(long n) { cim_run.rejected += n; if (cim_run.nfiles) cim_run.files[cim_run.nfiles - 1].rejected += n; }
/* Records an I/O or data error that makes the exit status 1. */
static inline void cim_run_fail(void) { cim_run.status = 1; }
/* Flushes and closes outputs, prints --stats, returns the exit status:
 * 1 after an I/O error or, with --strict, any reject; else 0. */
int cim_run_end(void);

/* Option values, range-checked; a bad one is a usage error (exit 2). */
long cim_opt_long(const char *opt, const char *arg, long min, long max);
double cim_opt_double(const char *opt, const char *arg, double min, double max);
/* "90", "90s", "15m", "24h", "7d", "2w" -> seconds. */
long cim_opt_duration(const char *opt, const char *arg);
/* Parses a duration like cim_opt_duration; -1 when invalid. */
long cim_parse_duration(const char *s);
#endif
