/*
 * jqprog.h: jq programs as the user's expression language.  A program is
 * compiled once per run (jq 1.6 spends ~15 ms per compile rebuilding its
 * builtins) and run on each record.  Not for: JSON text (rec.h, json.h).
 */
#ifndef CIM_JQPROG_H
#define CIM_JQPROG_H
#include <jv.h>

#include "buf.h"

struct cim_jq;

/*
 * Compiles program; origin names where it came from in messages ("--jq",
 * "rules.txt:12").  args (consumed) is an object of named arguments, each
 * available as $name, or jv_invalid() for none.  A compile error prints
 * "prog: origin: reason" and exits 2: it is a usage error.
 */
struct cim_jq *cim_jq_compile(const char *program, const char *origin, jv args);
/* Like cim_jq_compile, but a compile error returns NULL with the reason
 * appended to why instead of exiting. */
struct cim_jq *cim_jq_compile_try(const char *program, const char *origin,
    jv args, struct cim_buf *why);
/* Starts a run on input (consumed). */
void cim_jq_start(struct cim_jq *q, jv input);
/* The next output in *out (caller owns it): 1; 0 when the program is
 * done; -1 on a runtime error, its message appended to why. */
int cim_jq_next(struct cim_jq *q, jv *out, struct cim_buf *why);
/* Runs the program on input (consumed) and returns its first output, or
 * jv_invalid() with the error (or "no output") appended to why; the other
 * outputs are discarded. */
jv cim_jq_first(struct cim_jq *q, jv input, struct cim_buf *why);
void cim_jq_free(struct cim_jq *q);
/*
 * The index in [0, n) that the number v (borrowed), output by a program
 * built of user expressions, names; -1 when v is anything else (not a
 * number, not an integer, out of range).  An expression spliced into a
 * combined program can close its parentheses and make it say anything,
 * so an index out of it is checked before it indexes an array.
 */
long cim_jq_index(jv v, size_t n);
#endif
