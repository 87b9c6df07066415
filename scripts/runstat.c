/*
 * runstat: run one command and report its wall time, CPU time and peak
 * resident set size, for scripts/bench.
 *
 *	runstat [-i infile] [-o outfile] [-s statfile] -- command [arg ...]
 *
 * The command is executed directly (execvp, no shell) with standard input
 * from infile and standard output to outfile when given; its standard
 * error is left alone.  When it ends, one line goes to standard error, or
 * to statfile with -s (so that the command's own messages cannot get in
 * the way of a script reading it):
 *
 *	wall_s=1.234 user_s=1.100 sys_s=0.120 maxrss_kb=12345 status=0
 *
 * status is the exit status, or 128 + the signal number when the command
 * was killed; runstat exits with it too, and with 127 when the command
 * could not be run (126 when it exists but cannot be executed).
 *
 * CPU time and peak RSS come from getrusage(RUSAGE_CHILDREN) after
 * waitpid(), the POSIX form of wait4(): with a single child, the children
 * totals are that child (and whatever it waited for).  On Linux ru_maxrss
 * is in kilobytes and is the largest RSS of one process, not of a tree.
 * Not for: timing shell pipelines (run "sh -c ..." to do that) or
 * repeated runs (scripts/bench repeats).
 * Standalone on purpose (libc only).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: runstat [-i infile] [-o outfile] "
	    "[-s statfile] -- command [arg ...]\n");
	exit(2);
}

static double
seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* In the child: dup a freshly opened file onto fd, or die with 127. */
static void
redirect(const char *path, int flags, int fd)
{
	int f = open(path, flags, 0666);

	if (f < 0) {
		fprintf(stderr, "runstat: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	if (f != fd) {
		if (dup2(f, fd) < 0) {
			fprintf(stderr, "runstat: dup2: %s\n", strerror(errno));
			_exit(127);
		}
		close(f);
	}
}

int
main(int argc, char **argv)
{
	const char *in = NULL, *out = NULL, *statfile = NULL;
	struct timespec t0, t1;
	struct rusage ru;
	FILE *sf;
	pid_t pid;
	int ch, st, status;
	double wall;

	/* "+": stop at the first non-option, the command. */
	while ((ch = getopt(argc, argv, "+i:o:s:")) != -1) {
		switch (ch) {
		case 'i': in = optarg; break;
		case 'o': out = optarg; break;
		case 's': statfile = optarg; break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	/* The timed child must not inherit an ignored SIGPIPE. */
	signal(SIGPIPE, SIG_DFL);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "runstat: fork: %s\n", strerror(errno));
		return 127;
	}
	if (pid == 0) {
		if (in != NULL)
			redirect(in, O_RDONLY, STDIN_FILENO);
		if (out != NULL)
			redirect(out, O_WRONLY | O_CREAT | O_TRUNC, STDOUT_FILENO);
		execvp(argv[optind], argv + optind);
		st = errno;
		fprintf(stderr, "runstat: %s: %s\n", argv[optind], strerror(st));
		_exit(st == ENOENT ? 127 : 126);
	}
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "runstat: waitpid: %s\n", strerror(errno));
			return 127;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_CHILDREN, &ru);

	if (WIFEXITED(st))
		status = WEXITSTATUS(st);
	else if (WIFSIGNALED(st))
		status = 128 + WTERMSIG(st);
	else
		status = 127;
	wall = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

	sf = stderr;
	if (statfile != NULL && (sf = fopen(statfile, "w")) == NULL) {
		fprintf(stderr, "runstat: %s: %s\n", statfile, strerror(errno));
		return 127;
	}
	fprintf(sf, "wall_s=%.3f user_s=%.3f sys_s=%.3f maxrss_kb=%ld "
	    "status=%d\n", wall, seconds(ru.ru_utime), seconds(ru.ru_stime),
	    (long)ru.ru_maxrss, status);
	if (sf != stderr && fclose(sf) != 0) {
		fprintf(stderr, "runstat: %s: %s\n", statfile, strerror(errno));
		return 127;
	}
	return status;
}
