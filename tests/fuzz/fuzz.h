/*
 * fuzz.h: the input of a fuzz target written to a temporary file, for
 * readers that take a path, and the leak suppression of targets that
 * reach libjq.  Static inline: a target is one file built with driver.c
 * (or libFuzzer), nothing else, and includes this once.
 */
#ifndef CIM_FUZZ_H
#define CIM_FUZZ_H
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Writes data[0..size) to this process's scratch file (named once with
 * mkstemp in $TMPDIR, removed at exit) and returns its path.  The file is
 * made anew each time: truncating it made ext4 write the old data out
 * first (auto_da_alloc), ~10 ms a run.
 */
static char fuzz_path[4096];

static inline void
fuzz_rmfile(void)
{
	if (fuzz_path[0])
		unlink(fuzz_path);
}

static inline const char *
fuzz_file(const uint8_t *data, size_t size)
{
	int fd;

	if (fuzz_path[0] == '\0') {
		const char *t = getenv("TMPDIR");

		snprintf(fuzz_path, sizeof(fuzz_path), "%s/cim-fuzz.XXXXXX",
		    t && *t ? t : "/tmp");
		if ((fd = mkstemp(fuzz_path)) < 0)
			abort();
		close(fd);
		atexit(fuzz_rmfile);
	}
	unlink(fuzz_path);
	if ((fd = open(fuzz_path, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0 ||
	    (size && write(fd, data, size) != (ssize_t)size) || close(fd) != 0)
		abort();
	return fuzz_path;
}

/*
 * libjq 1.6's parser leaks a string on input like {"a""b"} (two strings
 * without a separator), which no caller can free.  Its frames have no
 * frame pointers, so LeakSanitizer cannot see past them to tell that
 * leak from one of ours: jv leaks are left to make valgrind.
 */
const char *__lsan_default_suppressions(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:libjq.so\n";
}

#endif
