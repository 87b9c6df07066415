/*
 * recread.c: lines read, scanned and prepared ahead on two helper
 * threads (see recread.h).  A worker claims the next free batch and cuts
 * the next lines into it (views of the mapped file, or copies in one
 * buffer for a pipe or gzip, so a batch's records point into memory that
 * does not move), both under the cutting lock so batches follow the
 * input's order; then, unlocked, it scans and prepares each line while the line
 * is in its cache.  The caller takes the batches in turn.  NBATCH
 * batches circulate, so memory stays bounded whatever the input's
 * length.
 *
 * Why two symmetric workers rather than a pipeline (a reader-scanner
 * thread, then a preparing thread): there every line crossed from one
 * core's cache to the other's between scan and preparation, and the
 * stages' costs had to match for both cores to stay busy.
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

#define NBATCH		8
#define NWORKER		2
#define BATCH_LINES	1024
#define BATCH_BYTES	(512 * 1024)

struct lineent {
	const char	*p;		/* the line, once the batch is cut */
	size_t		 off, len;	/* off: in the batch's text, when copied */
	long		 lineno;
	size_t		 msgend;	/* messages to print before this line */
	int		 rc;
	const char	*why;
	size_t		 at;
};

/* Where a batch is: the caller waits for B_READY, workers for B_FREE. */
enum { B_FREE, B_WORKED, B_READY };

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

/* A worker: its scratch area for prep.run. */
struct worker {
	struct cim_recread	*rr;
	void			*scratch;
};

struct cim_recread {
	struct cim_lines	*l;
	struct batch		 b[NBATCH];
	struct cim_recprep	 prep;		/* run NULL: none */
	int			 threaded, stop, done, nth;
	int			 mapped;	/* lines are views of the file */
	/* Cutting holds cutmu, not mu: a read that waits on a pipe must not
	 * keep the caller or the other worker from handing batches on. */
	pthread_mutex_t		 cutmu;
	int			 ended;		/* the end of the input is cut */
	size_t			 next;		/* the batch to cut next */
	pthread_t		 th[NWORKER];
	struct worker		 w[NWORKER + 1];	/* the last: unthreaded */
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	size_t			 ri;		/* the batch being handed out */
	struct batch		*cur;
	size_t			 pos, printed;
};

/* Line i of batch b as an item. */
static void
item(const struct cim_recread *rr, struct batch *b, size_t i, void *scratch,
    struct cim_recitem *it)
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
	it->scratch = scratch;
}

/* Cuts the next lines of the input into b (the reader's messages kept
 * in b->msgs when threaded). */
static void
cut(struct cim_recread *rr, struct batch *b)
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
	/* Copies are placed once the text is complete (it may have moved). */
	if (!rr->mapped)
		for (i = 0; i < b->n; i++)
			b->ln[i].p = b->text.p + b->ln[i].off;
}

/* Scans each line of b and prepares it right after. */
static void
work(struct cim_recread *rr, struct batch *b, void *scratch)
{
	struct cim_recitem it;
	size_t i;

	for (i = 0; i < b->n; i++) {
		struct lineent *e = &b->ln[i];

		e->rc = cim_rec_parse(&b->rec[i], e->p, e->len, &e->why, &e->at);
		if (rr->prep.run != NULL) {
			item(rr, b, i, scratch, &it);
			rr->prep.run(&it);
		}
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
	schema_run, schema_free, 0, NULL };

static void
set_state(struct cim_recread *rr, struct batch *b, int state)
{
	pthread_mutex_lock(&rr->mu);
	b->state = state;
	pthread_cond_broadcast(&rr->cv);
	pthread_mutex_unlock(&rr->mu);
}

/* A worker thread: claims and cuts the next batch, works it, until the
 * end of the input is cut or the reader is stopped. */
static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct cim_recread *rr = w->rr;

	for (;;) {
		struct batch *b = NULL;

		pthread_mutex_lock(&rr->cutmu);
		if (!rr->ended) {
			pthread_mutex_lock(&rr->mu);
			while (!rr->stop && rr->b[rr->next].state != B_FREE)
				pthread_cond_wait(&rr->cv, &rr->mu);
			if (!rr->stop) {
				b = &rr->b[rr->next];
				rr->next = (rr->next + 1) % NBATCH;
				b->state = B_WORKED;
			}
			pthread_mutex_unlock(&rr->mu);
		}
		if (b != NULL) {
			cut(rr, b);
			rr->ended = b->eof;
		}
		pthread_mutex_unlock(&rr->cutmu);
		if (b == NULL)
			break;
		work(rr, b, w->scratch);
		set_state(rr, b, B_READY);
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
	pthread_mutex_destroy(&rr->cutmu);
	pthread_cond_destroy(&rr->cv);
}

struct cim_recread *
cim_recread_open(struct cim_lines *l, int threaded, const struct cim_recprep *prep)
{
	struct cim_recread *rr = cim_xcalloc(1, sizeof(*rr));
	const char *why;
	size_t i, at;

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
	for (i = 0; i <= NWORKER; i++) {
		rr->w[i].rr = rr;
		if (rr->prep.scratch > 0)
			rr->w[i].scratch = cim_xcalloc(1, rr->prep.scratch);
	}
	/* The scanner's tables are set up here, not raced for. */
	cim_json_valid("{}", 2, &why, &at);
	if (!threaded)
		return rr;
	pthread_mutex_init(&rr->mu, NULL);
	pthread_mutex_init(&rr->cutmu, NULL);
	pthread_cond_init(&rr->cv, NULL);
	rr->threaded = 1;
	for (i = 0; i < NWORKER; i++) {
		if (pthread_create(&rr->th[rr->nth], NULL, worker_main, &rr->w[i]) != 0)
			break;
		rr->nth++;
	}
	/* With no worker nothing has been read: this thread does it all. */
	if (rr->nth == 0) {
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
				pthread_mutex_lock(&rr->mu);
				while (b->state != B_READY)
					pthread_cond_wait(&rr->cv, &rr->mu);
				pthread_mutex_unlock(&rr->mu);
			} else {
				cut(rr, b);
				work(rr, b, rr->w[NWORKER].scratch);
			}
			rr->cur = b;
			rr->pos = rr->printed = 0;
		}
		b = rr->cur;
		if (rr->pos < b->n) {
			print_msgs(rr, b->ln[rr->pos].msgend);
			item(rr, b, rr->pos++, NULL, it);
			return 1;
		}
		print_msgs(rr, b->msgs.len);
		if (b->eof) {
			rr->done = 1;
			return 0;
		}
		/* The batch is used up: its pages of the file, if mapped, go
		 * (those it shares with the next batch stay), then the batch
		 * goes back to the workers. */
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
	for (i = 0; i <= NWORKER; i++) {
		if (rr->w[i].scratch != NULL && rr->prep.scratch_free != NULL)
			rr->prep.scratch_free(rr->w[i].scratch);
		free(rr->w[i].scratch);
	}
	free(rr);
}
