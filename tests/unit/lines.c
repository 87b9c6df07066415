/*
 * Unit tests for input.c and lines.c: line splitting over plain and gzip
 * input, read or mapped, CRLF, a byte order mark, a last line without
 * newline, lines longer than the buffer, gzip faults, a mapped file that
 * shrinks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "lines.h"
#include "unit.h"

static char path[64];

static void
write_file(const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	fwrite(data, 1, n, f);
	fclose(f);
}

/* gzip data of s, one member, appended to b. */
static void
gzip_member(struct cim_buf *b, const char *s)
{
	z_stream z = { 0 };
	unsigned char out[4096];

	deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)s;
	z.avail_in = (uInt)strlen(s);
	z.next_out = out;
	z.avail_out = sizeof(out);
	deflate(&z, Z_FINISH);
	cim_buf_add(b, out, sizeof(out) - z.avail_out);
	deflateEnd(&z);
}

/* Reads path, joining lines with '|'; returns the last cim_lines_next
 * code.  map: mapped (1 when it was, 0 when it was not, -1 not asked). */
static int
read_all(struct cim_buf *got, int map)
{
	struct cim_lines *l = cim_lines_open(path);
	char *line;
	size_t len;
	int rc;

	got->len = 0;
	if (l == NULL)
		return -2;
	if (map >= 0)
		CHECK_INT(cim_lines_map(l), map, path);
	while ((rc = cim_lines_next(l, &line, &len)) == 1) {
		cim_buf_add(got, line, len);
		cim_buf_addc(got, '|');
	}
	cim_lines_close(l);
	cim_buf_str(got);
	return rc;
}

/*
 * A mapped file cut short under the reader: the process ends with exit 1
 * and a message naming the file, not a bare SIGBUS.
 */
static void
shrink(void)
{
	struct cim_buf b = { 0 };
	int st, fds[2];
	char msg[512];
	ssize_t n;
	pid_t pid;
	size_t i;

	for (i = 0; i < 100000; i++)
		cim_buf_adds(&b, "{\"some\":\"line\"}\n");
	write_file(b.p, b.len);
	cim_buf_free(&b);
	if (pipe(fds) < 0 || (pid = fork()) < 0)
		return;
	if (pid == 0) {
		struct cim_lines *l = cim_lines_open(path);
		char *line;
		size_t len;

		dup2(fds[1], 2);
		if (l == NULL || cim_lines_map(l) != 1 || truncate(path, 0) < 0)
			_exit(3);
		while (cim_lines_next(l, &line, &len) == 1)
			;
		_exit(4);
	}
	close(fds[1]);
	/* The message may come in several writes: read to the end. */
	for (i = 0; i < sizeof(msg) - 1 && (n = read(fds[0], msg + i, sizeof(msg) - 1 - i)) > 0; )
		i += (size_t)n;
	msg[i] = '\0';
	close(fds[0]);
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 1, "shrunk file: status %#x", st);
	CHECK(strstr(msg, path) != NULL && strstr(msg, ": the file shrank while it was read\n"),
	    "shrunk file: message %s", msg);
}

int
main(void)
{
	static const struct { const char *in; const char *want; } plain[] = {
		{ "a\nb\n", "a|b|" },
		{ "a\r\nb\r\n", "a|b|" },
		{ "a\nb", "a|b|" },
		{ "\xef\xbb\xbf{}\n", "{}|" },
		{ "\n\nx\n", "||x|" },
		{ "", "" },
		{ "a\rb\n", "a\rb|" },
	};
	struct cim_buf got = { 0 }, gz = { 0 }, big = { 0 };
	size_t i;
	int fd;

	snprintf(path, sizeof(path), "%s", "/tmp/cim-unit-lines.XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		return 1;
	close(fd);
	for (i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		write_file(plain[i].in, strlen(plain[i].in));
		CHECK_INT(read_all(&got, -1), 0, plain[i].in);
		CHECK_STR(got.p, plain[i].want, plain[i].in);
		/* the same lines from the mapped file (an empty one is read) */
		CHECK_INT(read_all(&got, plain[i].in[0] != '\0'), 0, plain[i].in);
		CHECK_STR(got.p, plain[i].want, plain[i].in);
	}
	shrink();

	/* A line of 3 MB: longer than any buffer the reader starts with. */
	for (i = 0; i < 3000000; i++)
		cim_buf_addc(&big, (char)('a' + i % 26));
	cim_buf_adds(&big, "\nend\n");
	write_file(big.p, big.len);
	CHECK_INT(read_all(&got, -1), 0, "long line");
	CHECK_INT(got.len, 3000000 + 1 + 4, "long line length");
	CHECK_INT(read_all(&got, 1), 0, "long line, mapped");
	CHECK_INT(got.len, 3000000 + 1 + 4, "long line length, mapped");

	/* Two gzip members read as one stream (gzip -c a b). */
	gzip_member(&gz, "one\ntwo\n");
	gzip_member(&gz, "three\n");
	write_file(gz.p, gz.len);
	CHECK_INT(read_all(&got, 0), 0, "multi-member gzip");
	CHECK_STR(got.p, "one|two|three|", "multi-member gzip");

	/* Truncated: the lines decoded before the cut, then an error. */
	write_file(gz.p, gz.len - 10);
	CHECK_INT(read_all(&got, -1), -1, "truncated gzip is an error");

	/* Garbage after the members is an error, not ignored. */
	cim_buf_adds(&gz, "junk");
	write_file(gz.p, gz.len);
	CHECK_INT(read_all(&got, -1), -1, "trailing garbage");

	/* A missing file: no reader. */
	unlink(path);
	CHECK_INT(read_all(&got, -1), -2, "missing file");
	cim_buf_free(&got);
	cim_buf_free(&gz);
	cim_buf_free(&big);
	return unit_done();
}
