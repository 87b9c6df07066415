/*
 * jqprog.c: a thin, owning wrapper over libjq's jq_state (see jqprog.h).
 */
#include <jq.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "jqprog.h"
#include "rec.h"

struct cim_jq {
	jq_state	*jq;
	char		*origin;
	struct cim_buf	 msgs;	/* compile messages collected by the callback */
};

/* libjq hands us each message and we own it. */
static void
collect(void *data, jv msg)
{
	struct cim_buf *b = data;

	if (b->len)
		cim_buf_adds(b, "; ");
	if (jv_get_kind(msg) == JV_KIND_STRING) {
		const char *s = jv_string_value(msg);

		/* libjq prefixes "jq: error: "; our messages say who we are. */
		if (strncmp(s, "jq: error: ", 11) == 0)
			s += 11;
		cim_buf_adds(b, s);
	} else {
		cim_jv_dump(b, jv_copy(msg));
	}
	jv_free(msg);
}

struct cim_jq *
cim_jq_compile_try(const char *program, const char *origin, jv args,
    struct cim_buf *why)
{
	struct cim_jq *q = cim_xcalloc(1, sizeof(*q));
	int ok;

	if ((q->jq = jq_init()) == NULL)
		cim_die(1, "cannot initialise libjq");
	q->origin = cim_xstrdup(origin);
	jq_set_error_cb(q->jq, collect, &q->msgs);
	if (!jv_is_valid(args)) {
		jv_free(args);
		args = jv_object();
	}
	ok = jq_compile_args(q->jq, program, args);
	if (!ok) {
		if (q->msgs.len == 0)
			cim_buf_adds(&q->msgs, "cannot compile program");
		cim_buf_add(why, q->msgs.p, q->msgs.len);
		cim_jq_free(q);
		return NULL;
	}
	/* Runtime errors are returned by jq_next; silence the callback. */
	jq_set_error_cb(q->jq, collect, &q->msgs);
	q->msgs.len = 0;
	return q;
}

struct cim_jq *
cim_jq_compile(const char *program, const char *origin, jv args)
{
	struct cim_buf why = { 0 };
	struct cim_jq *q = cim_jq_compile_try(program, origin, args, &why);

	if (q == NULL)
		cim_die(2, "%s: %s", origin, cim_buf_str(&why));
	return q;
}

void
cim_jq_start(struct cim_jq *q, jv input)
{
	jq_start(q->jq, input, 0);
}

static void
describe_error(jv err, struct cim_buf *why)
{
	jv msg = jv_invalid_get_msg(err);

	if (jv_get_kind(msg) == JV_KIND_STRING) {
		cim_buf_adds(why, jv_string_value(msg));
		jv_free(msg);
	} else {
		cim_buf_adds(why, "error: ");
		cim_jv_dump(why, msg);
	}
}

int
cim_jq_next(struct cim_jq *q, jv *out, struct cim_buf *why)
{
	jv v = jq_next(q->jq);

	if (jv_is_valid(v)) {
		*out = v;
		return 1;
	}
	if (jv_invalid_has_msg(jv_copy(v))) {
		describe_error(v, why);
		return -1;
	}
	jv_free(v);
	return 0;
}

jv
cim_jq_first(struct cim_jq *q, jv input, struct cim_buf *why)
{
	jv first = jv_invalid(), v;
	int rc;

	cim_jq_start(q, input);
	while ((rc = cim_jq_next(q, &v, why)) == 1) {
		if (jv_is_valid(first))
			jv_free(v);
		else
			first = v;
	}
	if (rc < 0) {
		jv_free(first);
		return jv_invalid();
	}
	if (!jv_is_valid(first))
		cim_buf_adds(why, "no output");
	return first;
}

void
cim_jq_free(struct cim_jq *q)
{
	if (q == NULL)
		return;
	jq_teardown(&q->jq);
	cim_buf_free(&q->msgs);
	free(q->origin);
	free(q);
}

long
cim_jq_index(jv v, size_t n)
{
	double d;

	if (jv_get_kind(v) != JV_KIND_NUMBER)
		return -1;
	d = jv_number_value(v);
	if (!(d >= 0 && d < (double)n) || d != (double)(long)d)
		return -1;
	return (long)d;
}
