/*
 * tmpclean.c: removes a temporary file when a signal ends the process
 * (see tmpclean.h).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "tmpclean.h"

static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
static char *volatile tmp_path;
static int installed;

static void
on_signal(int sig)
{
	char *p = tmp_path;

	if (p != NULL)
		unlink(p);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Blocks the signals, the old mask in *old, around a change of path. */
static void
block(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&set, sigs[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* cim_tmpclean_set's work, with the signals already blocked. */
static void
set_blocked(const char *path)
{
	struct sigaction sa, old;
	size_t i;

	free(tmp_path);
	tmp_path = cim_xstrdup(path);
	if (!installed) {
		installed = 1;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
			sigaction(sigs[i], NULL, &old);
			if (old.sa_handler == SIG_DFL)
				sigaction(sigs[i], &sa, NULL);
		}
	}
}

void
cim_tmpclean_set(const char *path)
{
	sigset_t mask;

	block(&mask);
	set_blocked(path);
	sigprocmask(SIG_SETMASK, &mask, NULL);
}

int
cim_tmpclean_mkstemp(char *template)
{
	sigset_t mask;
	int fd, e;

	/* A signal between creating the file and setting its path would
	 * leave it behind: both happen with the signals held. */
	block(&mask);
	if ((fd = mkstemp(template)) >= 0)
		set_blocked(template);
	e = errno;
	sigprocmask(SIG_SETMASK, &mask, NULL);
	errno = e;
	return fd;
}

void
cim_tmpclean_clear(void)
{
	sigset_t mask;
	char *p;

	block(&mask);
	p = tmp_path;
	tmp_path = NULL;
	free(p);
	sigprocmask(SIG_SETMASK, &mask, NULL);
}
