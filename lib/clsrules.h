/*
 * clsrules.h: the rules file of cim-classify --rules: ordered rules, one
 * a line, that set labels when a jq condition holds:
 *
 *	# name      labels                       :: jq condition
 *	nota_fiscal intent=billing urgency=high  :: .channel == "email"
 *
 * Blank lines and lines starting with "#" are skipped.  All conditions
 * become ONE jq program (jq 1.6 spends ~15 ms per compile) whose output
 * is the index of the first rule that holds, or -1 (check it with
 * cim_jq_index: a condition can break out of its parentheses).
 * Not for: compiling or running the program (cmd/cim-classify.c).
 */
#ifndef CIM_CLSRULES_H
#define CIM_CLSRULES_H
#include <stddef.h>

#include "buf.h"

struct cim_clsrule {
	char	*name;
	char	*intent;	/* NULL: not set by the rule */
	char	*urgency;	/* NULL, or low, normal, high, critical */
	char	*cond;		/* the jq condition, never empty */
	long	 line;
};

struct cim_clsrules {
	struct cim_clsrule *r;
	size_t		    n;
};

/*
 * Appends the rules of text[0..n) to rs.  0, or -1 with "LINE: reason"
 * appended to why (LINE 1-based); rs then holds the rules before it.
 */
int cim_clsrules_parse(const char *text, size_t n, struct cim_clsrules *rs,
    struct cim_buf *why);
/* Appends the one program of all of rs's conditions to prog; a condition
 * that fails at run time counts as false. */
void cim_clsrules_program(const struct cim_clsrules *rs, struct cim_buf *prog);
void cim_clsrules_free(struct cim_clsrules *rs);
#endif
