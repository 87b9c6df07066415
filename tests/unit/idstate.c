/*
 * Unit tests for lib/idstate: a state written and read back gives the
 * same entries; every kind of damage is refused; the lock excludes a
 * second holder.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "idstate.h"
#include "unit.h"

static const struct {
	const char	*key;
	int64_t		 customer;
} entries[] = {
	{ "email:ana@example.com", 1 },
	{ "phone:+5511981234567", 1 },
	{ "crm:C-88", 2 },
	{ "crm:with \"quotes\" and \\ backslash", 2 },
	{ "crm:tab\there, newline\nthere, \x01 control", 3 },
	{ "twitter:1157120000000000001", 0 },
	{ "crm:ã é 😀", 7 },
};
#define N (sizeof(entries) / sizeof(*entries))

static size_t seen;
static int mismatch;

static void
check_entry(const char *key, size_t n, int64_t customer, void *arg)
{
	(void)arg;
	if (seen >= N || strlen(entries[seen].key) != n ||
	    memcmp(entries[seen].key, key, n) != 0 || entries[seen].customer != customer)
		mismatch++;
	seen++;
}

static void
ignore(const char *key, size_t n, int64_t customer, void *arg)
{
	(void)key; (void)n; (void)customer; (void)arg;
}

static void
write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	fwrite(s, 1, n, f);
	fclose(f);
}

static char *
read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *s = malloc(1 << 16);

	*n = fread(s, 1, 1 << 16, f);
	fclose(f);
	return s;
}

int
main(void)
{
	char dir[] = "/tmp/idstate-test.XXXXXX", path[128], copy[128];
	struct cim_idstate_w *w;
	struct stat st;
	int64_t next;
	size_t i, n;
	char *good, *bad;
	int fd, fd2;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/ids.state", dir);
	snprintf(copy, sizeof(copy), "%s/other.state", dir);

	CHECK_INT(cim_idstate_load(path, &next, ignore, NULL), 1, "missing file: first run");
	CHECK_INT(next, 1, "missing file: next");

	w = cim_idstate_create(path, 8);
	for (i = 0; i < N; i++)
		cim_idstate_add(w, entries[i].key, strlen(entries[i].key), entries[i].customer);
	CHECK_INT(cim_idstate_commit(w), 0, "commit");
	CHECK_INT(stat(path, &st), 0, "state exists");
	CHECK_INT(st.st_mode & 0777, 0600, "mode 0600");
	CHECK_INT(cim_idstate_load(path, &next, check_entry, NULL), 0, "load");
	CHECK_INT(next, 8, "next");
	CHECK_INT(seen, N, "entries read");
	CHECK_INT(mismatch, 0, "entries equal");

	/* Damage of every kind is refused (messages go to stderr). */
	good = read_file(path, &n);
	bad = malloc(n + 16);
	{
		static const struct { const char *what; size_t cut; int flip; } damage[] = {
			{ "truncated at 0", 0, -1 },
			{ "truncated in the header", 10, -1 },
			{ "truncated in an entry", 60, -1 },
			{ "last newline missing", (size_t)-2, -1 },
			{ "a byte flipped in an entry", (size_t)-1, 50 },
			{ "a byte flipped in next", (size_t)-1, 31 },
			{ "a byte flipped in the checksum", (size_t)-1, -2 },
		};

		for (i = 0; i < sizeof(damage) / sizeof(*damage); i++) {
			size_t m = damage[i].cut == (size_t)-1 ? n :
			    damage[i].cut == (size_t)-2 ? n - 1 : damage[i].cut;

			memcpy(bad, good, n);
			if (damage[i].flip >= 0)
				bad[damage[i].flip] ^= 0x01;
			else if (damage[i].flip == -2)
				bad[n - 2] = bad[n - 2] == '0' ? '1' : '0';
			write_file(copy, bad, m);
			CHECK_INT(cim_idstate_load(copy, &next, ignore, NULL), -1, damage[i].what);
		}
	}

	/* The lock: a second holder in another process is refused. */
	fd = cim_idstate_lock(path, 0);
	CHECK(fd >= 0, "lock taken");
	if (fork() == 0) {
		fd2 = cim_idstate_lock(path, 0);
		_exit(fd2 >= 0 ? 3 : 4);
	} else {
		int status = 0;

		wait(&status);
		CHECK_INT(WEXITSTATUS(status), 4, "second holder refused");
	}
	close(fd);

	free(good);
	free(bad);
	unlink(path);
	unlink(copy);
	snprintf(copy, sizeof(copy), "%s/ids.state.lock", dir);
	unlink(copy);
	rmdir(dir);
	return unit_done();
}
