/*
 * Unit tests for lib/tmpclean.c: a child process sets a temporary path
 * and is ended by each signal in the table; the file must be gone and
 * the child dead by that signal.  A cleared path, or an ignored signal,
 * leaves the file alone.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tmpclean.h"
#include "unit.h"

int
main(void)
{
	static const struct {
		int	 sig;
		int	 clear;		/* cim_tmpclean_clear() before the signal */
		int	 ignore;	/* the signal ignored before set */
		int	 gone;		/* the file removed */
	} t[] = {
		{ SIGTERM, 0, 0, 1 },
		{ SIGINT, 0, 0, 1 },
		{ SIGHUP, 0, 0, 1 },
		{ SIGTERM, 1, 0, 0 },
		{ SIGHUP, 0, 1, 0 },
	};
	const char *dir = getenv("TMPDIR");
	char path[4096], ctx[64];
	size_t i;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pid_t pid;
		int fd, st = 0;

		snprintf(ctx, sizeof(ctx), "case %zu (signal %d)", i, t[i].sig);
		snprintf(path, sizeof(path), "%s/cim-tmpclean.XXXXXX", dir);
		if ((fd = mkstemp(path)) < 0) {
			CHECK(0, "%s: mkstemp failed", ctx);
			continue;
		}
		close(fd);
		if ((pid = fork()) == 0) {
			/* Default unless the case ignores it: a test run in the
			 * background of a shell inherits SIGINT ignored, which
			 * cim_tmpclean rightly leaves alone. */
			signal(t[i].sig, t[i].ignore ? SIG_IGN : SIG_DFL);
			cim_tmpclean_set(path);
			if (t[i].clear)
				cim_tmpclean_clear();
			raise(t[i].sig);
			_exit(0);
		}
		waitpid(pid, &st, 0);
		CHECK_INT(access(path, F_OK) != 0, t[i].gone, ctx);
		/* Ended by the signal unless it was ignored. */
		if (t[i].ignore)
			CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
			    "%s: status %d, want exit 0", ctx, st);
		else
			CHECK(WIFSIGNALED(st) && WTERMSIG(st) == t[i].sig,
			    "%s: not ended by its signal (status %d)", ctx, st);
		unlink(path);
	}
	/* cim_tmpclean_mkstemp: the file made is covered at once, even by a
	 * signal sent (and held) while it was being made. */
	{
		pid_t pid = -1;
		int st = 0, p[2];
		char made[4096];
		ssize_t n;

		snprintf(path, sizeof(path), "%s/cim-tmpclean.XXXXXX", dir);
		if (pipe(p) == 0 && (pid = fork()) == 0) {
			int fd = cim_tmpclean_mkstemp(path);

			close(p[0]);
			if (fd >= 0 && write(p[1], path, strlen(path) + 1) > 0)
				raise(SIGTERM);
			_exit(0);
		}
		if (pid < 0) {
			CHECK(0, "mkstemp: no pipe or no fork");
			return unit_done();
		}
		close(p[1]);
		n = read(p[0], made, sizeof(made));
		close(p[0]);
		waitpid(pid, &st, 0);
		CHECK(n > 0 && made[n - 1] == '\0', "mkstemp: no path from the child");
		if (n > 0) {
			CHECK(access(made, F_OK) != 0, "mkstemp: %s left", made);
			unlink(made);
		}
		CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "mkstemp: status %d", st);
	}
	return unit_done();
}
