/*
 * Fuzz target: the identity state reader (idstate.h), through a file.
 * The input is loaded as it is, then with a valid "end COUNT CRC" line
 * appended (so the fuzzer reaches the entry parser past the checksum).
 * Any bytes are read or refused, never a crash; a state that loads is
 * written again by cim_idstate_create/add/commit and loads back the same
 * (next, entries, their order), and the written file is mode 0600.
 */
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "err.h"
#include "fuzz.h"
#include "idstate.h"

struct entries {
	struct cim_buf	 keys;	/* each key, then a NUL */
	int64_t		*cust;
	size_t		 n, cap;
};

static void
add_entry(const char *key, size_t n, int64_t customer, void *arg)
{
	struct entries *e = arg;

	if (n == 0 || customer < 0)
		abort();	/* the reader refuses both */
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 16;
		if ((e->cust = realloc(e->cust, e->cap * sizeof(*e->cust))) == NULL)
			abort();
	}
	e->cust[e->n++] = customer;
	cim_buf_add(&e->keys, key, n);
	cim_buf_addc(&e->keys, '\0');
}

static void
free_entries(struct entries *e)
{
	cim_buf_free(&e->keys);
	free(e->cust);
	memset(e, 0, sizeof(*e));
}

/* Writes what was loaded to a second file and loads it back. */
static void
round_trip(int64_t next, const struct entries *e)
{
	static char path[4200];
	struct entries back = { 0 };
	struct cim_idstate_w *w;
	struct stat st;
	const char *k = e->keys.p;
	int64_t next2;
	size_t i;

	snprintf(path, sizeof(path), "%s.rt", fuzz_path);
	if ((w = cim_idstate_create(path, next)) == NULL)
		abort();
	for (i = 0; i < e->n; i++) {
		size_t n = strlen(k);

		cim_idstate_add(w, k, n, e->cust[i]);
		k += n + 1;
	}
	if (cim_idstate_commit(w) != 0 || stat(path, &st) != 0 ||
	    (st.st_mode & 0777) != 0600)
		abort();
	if (cim_idstate_load(path, &next2, add_entry, &back) != 0 ||
	    next2 != next || back.n != e->n || back.keys.len != e->keys.len ||
	    (e->n && (memcmp(back.keys.p, e->keys.p, e->keys.len) != 0 ||
	    memcmp(back.cust, e->cust, e->n * sizeof(*e->cust)) != 0)))
		abort();
	unlink(path);
	free_entries(&back);
}

static void
load(const uint8_t *data, size_t size)
{
	struct entries e = { 0 };
	int64_t next = 0;
	int rc;

	rc = cim_idstate_load(fuzz_file(data, size), &next, add_entry, &e);
	if (rc != 0 && rc != -1)
		abort();	/* the file exists: never "first run" */
	if (rc == 0) {
		if (next < 1)
			abort();
		round_trip(next, &e);
	}
	free_entries(&e);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cim_buf b = { 0 };
	long lines = 0;
	size_t i;

	cim_prog = "fuzz-idstate";
	load(data, size);

	/* The same with a good end line: entries are the lines after the
	 * first two. */
	cim_buf_add(&b, (const char *)data, size);
	if (b.len && b.p[b.len - 1] != '\n')
		cim_buf_addc(&b, '\n');
	for (i = 0; i < b.len; i++)
		lines += b.p[i] == '\n';
	cim_buf_printf(&b, "end %ld %08lx\n", lines > 2 ? lines - 2 : 0,
	    (unsigned long)crc32(0L, (const Bytef *)b.p, (uInt)b.len));
	load((const uint8_t *)b.p, b.len);
	cim_buf_free(&b);
	return 0;
}
