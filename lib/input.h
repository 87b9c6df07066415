/*
 * input.h: reading one operand: a file, "-" for standard input, plain or
 * gzip (detected by its magic bytes, multi-member, as gzip -c cat does).
 * A truncated or corrupt gzip stream is an error naming the file, never a
 * silent short read.  Not for: splitting lines (lines.h).
 */
#ifndef CIM_INPUT_H
#define CIM_INPUT_H
#include <stddef.h>
#include <sys/types.h>

struct cim_input;

/* Opens path ("-" is standard input).  NULL after printing
 * "prog: path: reason" when it cannot be opened. */
struct cim_input *cim_input_open(const char *path);
/* Reads up to n bytes: > 0, 0 at end, -1 after printing "prog: name: reason". */
ssize_t cim_input_read(struct cim_input *in, char *buf, size_t n);
/* The name used in messages: the path, or "<stdin>". */
const char *cim_input_name(const struct cim_input *in);
int cim_input_is_gzip(const struct cim_input *in);
/*
 * For a plain (not gzip) regular file: its descriptor, with *next set
 * to the file offset of the next byte cim_input_read would return (the
 * bytes peeked at to tell gzip count as not yet returned), so a reader
 * may map the file instead of reading it.  -1 otherwise (gzip, a pipe,
 * a terminal).
 */
int cim_input_file(const struct cim_input *in, off_t *next);
void cim_input_close(struct cim_input *in);
#endif
