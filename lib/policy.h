/*
 * policy.h: routing policies of cim-route: ordered rules, each a jq
 * condition over the record and what to set (queue, handler, priority,
 * skills, tone, sla, reason), plus a defaults block for what a rule leaves
 * unset.  A whole policy becomes ONE jq program (one compile per run, one
 * run per record) whose output says which rule matched and the route.
 * The file format is kvfile.h's; cim-route(1) documents it.
 * Not for: running the program or writing records (cmd/cim-route.c).
 */
#ifndef CIM_POLICY_H
#define CIM_POLICY_H
#include <stddef.h>

#include "buf.h"
#include "jqprog.h"

enum cim_pkey { CIM_PK_QUEUE, CIM_PK_HANDLER, CIM_PK_PRIORITY, CIM_PK_SKILLS,
    CIM_PK_TONE, CIM_PK_SLA, CIM_PK_REASON, CIM_PK_N };

extern const char *const cim_pkey_name[CIM_PK_N];

struct cim_prule {
	char	*name;
	long	 line;			/* of "rule NAME" */
	char	*when;			/* jq condition; NULL in defaults */
	long	 when_line;
	char	*val[CIM_PK_N];		/* jq text: a JSON literal or "(EXPR)" */
	long	 vline[CIM_PK_N];
};

struct cim_policy {
	char		*file;		/* for messages */
	struct cim_prule *r;
	size_t		  n;
	struct cim_prule  def;		/* the defaults block */
};

/* The built-in policy, in the file format (cim-route --print-policy). */
extern const char cim_policy_builtin[];

/*
 * Parses a policy from text[0..n) read from file: the line form, or
 * NDJSON when the text starts with "{" (one rule an object; values
 * literal, {"jq": EXPR} for an expression).  Keys: "rule NAME"
 * starts a rule, "defaults" the defaults block; in them when, queue,
 * handler, priority, skills, tone, sla, reason.  Literal values are
 * checked here (handler bot|human, priority 1-5, sla a duration).
 * 0, or -1 with "file:line: reason" appended to why.
 */
int cim_policy_parse(struct cim_policy *p, const char *file, const char *text,
    size_t n, struct cim_buf *why);
/* Fills what p's defaults leave unset from fallback's defaults. */
void cim_policy_inherit(struct cim_policy *p, const struct cim_policy *fallback);
/*
 * Appends the jq program of p to prog.  Its input is [ctx, record], its
 * output {r, queue, handler, priority, skills, tone, sla_s, reason}, r the
 * index of the matched rule or -1.  vip is the jq expression saying a
 * customer is valuable (NULL: attrs.tier is vip, gold, platinum or premium).
 */
void cim_policy_program(const struct cim_policy *p, const char *vip,
    struct cim_buf *prog);
/*
 * Compiles p.  On a compile error finds the expression at fault and exits
 * 2 with "prog: file:line: reason" (jq 1.6 cannot say which part of a
 * combined program is wrong, so each is compiled alone, on failure only).
 */
struct cim_jq *cim_policy_compile(const struct cim_policy *p, const char *vip);
void cim_policy_free(struct cim_policy *p);
#endif
