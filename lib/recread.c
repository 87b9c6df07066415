/*
 * recread.c: lines read and scanned ahead on a helper thread, prepared
 * on another when the caller asks (see recread.h).  The reader fills
 * batches of lines (views of the mapped file, or copies in one buffer
 * for a pipe or gzip, so a batch's records point into memory that does
 * not move) and scans them; the preparer, if
 * any, runs the caller's work on each; the caller takes the batches in
 * turn.  NBATCH batches circulate through the stages, so memory stays
 * bounded whatever the input's length.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "json.h"
#include "recread.h"
#include "schema.h"

#define NBATCH		6
#define BATCH_LINES	1024
#define BATCH_BYTES	(512 * 1024)

struct lineent {
	const char	*p;		/* the line, once the batch is filled */
	size_t		 off, len;	/* off: in the batch's text, when copied */
	long		 lineno;
	size_t		 msgend;	/* messages to print before this line */
	int		 rc;
	const char	*why;
	size_t		 at;
};

/* Where a batch is: each stage waits for the state it takes. */
enum { B_FREE, B_SCANNED, B_READY };

struct batch {
	struct cim_buf	 text;		/* the lines when copied, NUL-terminated */
	struct lineent	*ln;
	struct cim_rec	*rec;		/* BATCH_LINES of them, reused */
	unsigned char	*user;		/* BATCH_LINES prepared states */
	size_t		 n;
	struct cim_buf	 msgs;		/* the reader's messages, captured */
	int		 eof;
	int		 state;
};

struct cim_recread;

/* A helper thread's part: 0 reads and scans, 1 prepares. */
struct stage {
	struct cim_recread	*rr;
	int			 which;
};

struct cim_recread {
	struct cim_lines	*l;
	struct batch		 b[NBATCH];
	struct cim_recprep	 prep;		/* run NULL: none */
	int			 threaded, stop, done, nth;
	int			 mapped;	/* lines are views of the file */
	pthread_t		 th[2];
	struct stage		 st[2];
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	size_t			 ri;		/* the batch being handed out */
	struct batch		*cur;
	size_t			 pos, printed;
};

/* Line i of batch b as an item. */
static void
item(const struct cim_recread *rr, struct batch *b, size_t i, struct cim_recitem *it)
{
	const struct lineent *e = &b->ln[i];

	it->line = e->p;
	it->len = e->len;
	it->lineno = e->lineno;
	it->rec = &b->rec[i];
	it->rc = e->rc;
	it->why = e->why;
	it->at = e->at;
	it->user = b->user ? b->user + i * rr->prep.size : NULL;
}

/* Reads and scans the next batch of lines into b. */
static void
fill(struct cim_recread *rr, struct batch *b)
{
	char *line;
	size_t len, i, bytes;

	b->text.len = 0;
	b->msgs.len = 0;
	b->n = 0;
	b->eof = 0;
	cim_err_capture = rr->threaded ? &b->msgs : NULL;
	for (bytes = 0; b->n < BATCH_LINES && bytes < BATCH_BYTES; bytes += len) {
		struct lineent *e;

		if (cim_lines_next(rr->l, &line, &len) != 1) {
			b->eof = 1;
			break;
		}
		e = &b->ln[b->n++];
		e->p = line;
		e->off = b->text.len;
		e->len = len;
		e->lineno = rr->l->lineno;
		e->msgend = b->msgs.len;
		if (!rr->mapped) {
			cim_buf_add(&b->text, line, len);
			cim_buf_addc(&b->text, '\0');
		}
	}
	cim_err_capture = NULL;
	/* Scanned once the text is complete: the records point into it. */
	for (i = 0; i < b->n; i++) {
		struct lineent *e = &b->ln[i];

		if (!rr->mapped)
			e->p = b->text.p + e->off;
		e->rc = cim_rec_parse(&b->rec[i], e->p, e->len, &e->why, &e->at);
	}
}

/* Runs the caller's preparation on each line of b. */
static void
prepare(struct cim_recread *rr, struct batch *b)
{
	struct cim_recitem it;
	size_t i;

	for (i = 0; i < b->n; i++) {
		item(rr, b, i, &it);
		rr->prep.run(&it);
	}
}

static void
schema_run(struct cim_recitem *it)
{
	struct cim_checked *c = it->user;

	if (it->rc < 0)
		return;
	c->why.len = 0;
	c->rc = cim_schema_check(it->rec, &c->why, NULL);
}

void
cim_checked_free(struct cim_checked *c)
{
	cim_buf_free(&c->why);
}

static void
schema_free(void *user)
{
	cim_checked_free(user);
}

const struct cim_recprep cim_recprep_schema = { sizeof(struct cim_checked),
	schema_run, schema_free };

/* Waits until b is in state want (0), or the reader is stopped (-1). */
static int
await(struct cim_recread *rr, struct batch *b, int want)
{
	int rc = 0;

	pthread_mutex_lock(&rr->mu);
	while (b->state != want && !rr->stop)
		pthread_cond_wait(&rr->cv, &rr->mu);
	if (rr->stop)
		rc = -1;
	pthread_mutex_unlock(&rr->mu);
	return rc;
}

static void
set_state(struct cim_recread *rr, struct batch *b, int state)
{
	pthread_mutex_lock(&rr->mu);
	b->state = state;
	pthread_cond_broadcast(&rr->cv);
	pthread_mutex_unlock(&rr->mu);
}

/* A helper thread: stage 0 fills free batches, stage 1 prepares scanned
 * ones, each going round the batches in order and ending after the batch
 * that holds the end of the input. */
static void *
stage_main(void *arg)
{
	const struct stage *st = arg;
	struct cim_recread *rr = st->rr;
	size_t i = 0;

	for (;;) {
		struct batch *b = &rr->b[i];

		if (await(rr, b, st->which == 0 ? B_FREE : B_SCANNED) < 0)
			break;
		if (st->which == 0)
			fill(rr, b);
		else
			prepare(rr, b);
		set_state(rr, b, st->which == 0 && rr->prep.run ? B_SCANNED : B_READY);
		if (b->eof)
			break;
		i = (i + 1) % NBATCH;
	}
	cim_json_release();
	return NULL;
}

/* Stops the helper threads and waits for them. */
static void
stop_threads(struct cim_recread *rr)
{
	pthread_mutex_lock(&rr->mu);
	rr->stop = 1;
	pthread_cond_broadcast(&rr->cv);
	pthread_mutex_unlock(&rr->mu);
	while (rr->nth > 0)
		pthread_join(rr->th[--rr->nth], NULL);
	pthread_mutex_destroy(&rr->mu);
	pthread_cond_destroy(&rr->cv);
}

struct cim_recread *
cim_recread_open(struct cim_lines *l, int threaded, const struct cim_recprep *prep)
{
	struct cim_recread *rr = cim_xcalloc(1, sizeof(*rr));
	const char *why;
	size_t i, at;
	int k, want;

	rr->l = l;
	rr->mapped = cim_lines_map(l);
	if (prep != NULL && prep->run != NULL)
		rr->prep = *prep;
	for (i = 0; i < NBATCH; i++) {
		rr->b[i].ln = cim_xcalloc(BATCH_LINES, sizeof(*rr->b[i].ln));
		rr->b[i].rec = cim_xcalloc(BATCH_LINES, sizeof(*rr->b[i].rec));
		if (rr->prep.run != NULL && rr->prep.size > 0)
			rr->b[i].user = cim_xcalloc(BATCH_LINES, rr->prep.size);
	}
	/* The scanner's tables are set up here, not raced for. */
	cim_json_valid("{}", 2, &why, &at);
	if (!threaded)
		return rr;
	pthread_mutex_init(&rr->mu, NULL);
	pthread_cond_init(&rr->cv, NULL);
	rr->threaded = 1;
	/* The preparer starts first: if the reader then cannot, nothing has
	 * been read yet and this thread can do it all instead. */
	want = rr->prep.run ? 2 : 1;
	for (k = want - 1; k >= 0; k--) {
		rr->st[k].rr = rr;
		rr->st[k].which = k;
		if (pthread_create(&rr->th[rr->nth], NULL, stage_main, &rr->st[k]) != 0)
			break;
		rr->nth++;
	}
	if (rr->nth < want) {
		stop_threads(rr);
		rr->threaded = 0;
		rr->stop = 0;
	}
	return rr;
}

/* Prints the captured messages of the current batch up to offset end. */
static void
print_msgs(struct cim_recread *rr, size_t end)
{
	struct batch *b = rr->cur;

	if (end > rr->printed) {
		fflush(stdout);
		fwrite(b->msgs.p + rr->printed, 1, end - rr->printed, stderr);
		rr->printed = end;
	}
}

int
cim_recread_next(struct cim_recread *rr, struct cim_recitem *it)
{
	for (;;) {
		struct batch *b;

		if (rr->done)
			return 0;
		if (rr->cur == NULL) {
			b = &rr->b[rr->ri];
			if (rr->threaded) {
				(void)await(rr, b, B_READY);
			} else {
				fill(rr, b);
				if (rr->prep.run)
					prepare(rr, b);
			}
			rr->cur = b;
			rr->pos = rr->printed = 0;
		}
		b = rr->cur;
		if (rr->pos < b->n) {
			print_msgs(rr, b->ln[rr->pos].msgend);
			item(rr, b, rr->pos++, it);
			return 1;
		}
		print_msgs(rr, b->msgs.len);
		if (b->eof) {
			rr->done = 1;
			return 0;
		}
		/* The batch is used up: its pages of the file, if mapped, go
		 * (those it shares with the next batch stay), then the batch
		 * goes back to the reader. */
		if (b->n > 0)
			cim_lines_release(rr->l, b->ln[b->n - 1].p);
		if (rr->threaded)
			set_state(rr, b, B_FREE);
		rr->cur = NULL;
		rr->ri = (rr->ri + 1) % NBATCH;
	}
}

void
cim_recread_close(struct cim_recread *rr)
{
	size_t i, j;

	if (rr == NULL)
		return;
	if (rr->threaded)
		stop_threads(rr);
	for (i = 0; i < NBATCH; i++) {
		for (j = 0; j < BATCH_LINES; j++) {
			cim_rec_free(&rr->b[i].rec[j]);
			if (rr->b[i].user && rr->prep.free)
				rr->prep.free(rr->b[i].user + j * rr->prep.size);
		}
		free(rr->b[i].user);
		free(rr->b[i].rec);
		free(rr->b[i].ln);
		cim_buf_free(&rr->b[i].text);
		cim_buf_free(&rr->b[i].msgs);
	}
	free(rr);
}
