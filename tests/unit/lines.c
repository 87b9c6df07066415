/*
 * Unit tests for input.c and lines.c: line splitting over plain and gzip
 * input, CRLF, a byte order mark, a last line without newline, lines
 * longer than the buffer, and gzip faults.
 */
#include <stdio.h>
#include <stdlib.h>
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

/* Reads path, joining lines with '|'; returns the last cim_lines_next code. */
static int
read_all(struct cim_buf *got)
{
	struct cim_lines *l = cim_lines_open(path);
	char *line;
	size_t len;
	int rc;

	got->len = 0;
	if (l == NULL)
		return -2;
	while ((rc = cim_lines_next(l, &line, &len)) == 1) {
		cim_buf_add(got, line, len);
		cim_buf_addc(got, '|');
	}
	cim_lines_close(l);
	cim_buf_str(got);
	return rc;
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
		CHECK_INT(read_all(&got), 0, plain[i].in);
		CHECK_STR(got.p, plain[i].want, plain[i].in);
	}

	/* A line of 3 MB: longer than any buffer the reader starts with. */
	for (i = 0; i < 3000000; i++)
		cim_buf_addc(&big, (char)('a' + i % 26));
	cim_buf_adds(&big, "\nend\n");
	write_file(big.p, big.len);
	CHECK_INT(read_all(&got), 0, "long line");
	CHECK_INT(got.len, 3000000 + 1 + 4, "long line length");

	/* Two gzip members read as one stream (gzip -c a b). */
	gzip_member(&gz, "one\ntwo\n");
	gzip_member(&gz, "three\n");
	write_file(gz.p, gz.len);
	CHECK_INT(read_all(&got), 0, "multi-member gzip");
	CHECK_STR(got.p, "one|two|three|", "multi-member gzip");

	/* Truncated: the lines decoded before the cut, then an error. */
	write_file(gz.p, gz.len - 10);
	CHECK_INT(read_all(&got), -1, "truncated gzip is an error");

	/* Garbage after the members is an error, not ignored. */
	cim_buf_adds(&gz, "junk");
	write_file(gz.p, gz.len);
	CHECK_INT(read_all(&got), -1, "trailing garbage");

	/* A missing file: no reader. */
	unlink(path);
	CHECK_INT(read_all(&got), -2, "missing file");
	cim_buf_free(&got);
	cim_buf_free(&gz);
	cim_buf_free(&big);
	return unit_done();
}
