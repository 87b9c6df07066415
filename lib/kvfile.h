/*
 * kvfile.h: the "key value" text files of cim (routing policies, region
 * profiles): one setting per line, blocks started by a keyword line.
 *
 *	# a comment (only at the start of a line)
 *	rule legal-threat
 *	when any(.urgency.reasons[]?; test("procon"; "i"))
 *	queue escalations		a literal value
 *	priority = default_priority	"=": the value is an expression
 *	  + 0				a line starting with a blank continues
 *
 * A key is [a-z_0-9]+ at the start of a line.  This module only splits the
 * text; what keys mean is the reader's business (policy.h, region.h).
 * Not for: JSON input (rec.h).
 */
#ifndef CIM_KVFILE_H
#define CIM_KVFILE_H
#include <stddef.h>

#include "buf.h"

struct cim_kv {
	char	*key;
	char	*val;	/* trimmed; continuation lines joined with "\n" */
	long	 line;	/* of the key */
	int	 expr;	/* written "key = value" */
};

struct cim_kvfile {
	struct cim_kv	*kv;
	size_t		 n;
};

/*
 * Splits text[0..n) into settings appended to f.  0, or -1 with
 * "LINE: reason" appended to why (LINE the 1-based line number).
 */
int cim_kvfile_parse(const char *text, size_t n, struct cim_kvfile *f,
    struct cim_buf *why);
/* Reads path ("-" is standard input, gzip allowed) whole into text:
 * 0, or -1 after printing why. */
int cim_kvfile_slurp(const char *path, struct cim_buf *text);
void cim_kvfile_free(struct cim_kvfile *f);
#endif
