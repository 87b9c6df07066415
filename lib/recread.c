/*
 * recread.c: lines read and scanned ahead on a second thread (see
 * recread.h).  The reader fills batches of lines (copied into one
 * buffer, so a batch's records point into memory that no longer moves)
 * and scans them; the caller takes the batches in turn.  NBATCH batches
 * circulate, so memory stays bounded whatever the input's length.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "json.h"
#include "recread.h"

#define NBATCH		4
#define BATCH_LINES	1024
#define BATCH_BYTES	(512 * 1024)

struct lineent {
	size_t		 off, len;
	long		 lineno;
	size_t		 msgend;	/* messages to print before this line */
	int		 rc;
	const char	*why;
	size_t		 at;
};

struct batch {
	struct cim_buf	 text;		/* the lines, each NUL-terminated */
	struct lineent	*ln;
	struct cim_rec	*rec;		/* BATCH_LINES of them, reused */
	size_t		 n;
	struct cim_buf	 msgs;		/* the reader's messages, captured */
	int		 eof;
	int		 full;		/* filled, not yet given back */
};

struct cim_recread {
	struct cim_lines	*l;
	struct batch		 b[NBATCH];
	int			 threaded, stop, done;
	pthread_t		 th;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	size_t			 ri;		/* the batch being handed out */
	struct batch		*cur;
	size_t			 pos, printed;
};

/* Reads and scans the next batch of lines into b. */
static void
fill(struct cim_recread *rr, struct batch *b)
{
	char *line;
	size_t len, i;

	b->text.len = 0;
	b->msgs.len = 0;
	b->n = 0;
	b->eof = 0;
	cim_err_capture = rr->threaded ? &b->msgs : NULL;
	while (b->n < BATCH_LINES && b->text.len < BATCH_BYTES) {
		struct lineent *e;

		if (cim_lines_next(rr->l, &line, &len) != 1) {
			b->eof = 1;
			break;
		}
		e = &b->ln[b->n++];
		e->off = b->text.len;
		e->len = len;
		e->lineno = rr->l->lineno;
		e->msgend = b->msgs.len;
		cim_buf_add(&b->text, line, len);
		cim_buf_addc(&b->text, '\0');
	}
	cim_err_capture = NULL;
	/* Scanned once the text is complete: the records point into it. */
	for (i = 0; i < b->n; i++) {
		struct lineent *e = &b->ln[i];

		e->rc = cim_rec_parse(&b->rec[i], b->text.p + e->off, e->len, &e->why, &e->at);
	}
}

static void *
reader(void *arg)
{
	struct cim_recread *rr = arg;
	size_t wi = 0;

	for (;;) {
		struct batch *b = &rr->b[wi];
		int eof;

		pthread_mutex_lock(&rr->mu);
		while (b->full && !rr->stop)
			pthread_cond_wait(&rr->cv, &rr->mu);
		if (rr->stop) {
			pthread_mutex_unlock(&rr->mu);
			cim_json_release();
			return NULL;
		}
		pthread_mutex_unlock(&rr->mu);
		fill(rr, b);
		eof = b->eof;
		pthread_mutex_lock(&rr->mu);
		b->full = 1;
		pthread_cond_broadcast(&rr->cv);
		pthread_mutex_unlock(&rr->mu);
		if (eof) {
			cim_json_release();
			return NULL;
		}
		wi = (wi + 1) % NBATCH;
	}
}

struct cim_recread *
cim_recread_open(struct cim_lines *l, int threaded)
{
	struct cim_recread *rr = cim_xcalloc(1, sizeof(*rr));
	const char *why;
	size_t i, at;

	rr->l = l;
	for (i = 0; i < NBATCH; i++) {
		rr->b[i].ln = cim_xcalloc(BATCH_LINES, sizeof(*rr->b[i].ln));
		rr->b[i].rec = cim_xcalloc(BATCH_LINES, sizeof(*rr->b[i].rec));
	}
	/* The scanner's tables are set up here, not raced for. */
	cim_json_valid("{}", 2, &why, &at);
	if (threaded) {
		pthread_mutex_init(&rr->mu, NULL);
		pthread_cond_init(&rr->cv, NULL);
		rr->threaded = 1;
		if (pthread_create(&rr->th, NULL, reader, rr) != 0) {
			/* No thread: the same work, on this one. */
			pthread_mutex_destroy(&rr->mu);
			pthread_cond_destroy(&rr->cv);
			rr->threaded = 0;
		}
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
		struct lineent *e;

		if (rr->done)
			return 0;
		if (rr->cur == NULL) {
			b = &rr->b[rr->ri];
			if (rr->threaded) {
				pthread_mutex_lock(&rr->mu);
				while (!b->full)
					pthread_cond_wait(&rr->cv, &rr->mu);
				pthread_mutex_unlock(&rr->mu);
			} else {
				fill(rr, b);
				b->full = 1;
			}
			rr->cur = b;
			rr->pos = rr->printed = 0;
		}
		b = rr->cur;
		if (rr->pos < b->n) {
			e = &b->ln[rr->pos];
			print_msgs(rr, e->msgend);
			it->line = b->text.p + e->off;
			it->len = e->len;
			it->lineno = e->lineno;
			it->rec = &b->rec[rr->pos];
			it->rc = e->rc;
			it->why = e->why;
			it->at = e->at;
			rr->pos++;
			return 1;
		}
		print_msgs(rr, b->msgs.len);
		if (b->eof) {
			rr->done = 1;
			return 0;
		}
		/* The batch is used up: back to the reader. */
		if (rr->threaded) {
			pthread_mutex_lock(&rr->mu);
			b->full = 0;
			pthread_cond_broadcast(&rr->cv);
			pthread_mutex_unlock(&rr->mu);
		} else {
			b->full = 0;
		}
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
	if (rr->threaded) {
		pthread_mutex_lock(&rr->mu);
		rr->stop = 1;
		pthread_cond_broadcast(&rr->cv);
		pthread_mutex_unlock(&rr->mu);
		pthread_join(rr->th, NULL);
		pthread_mutex_destroy(&rr->mu);
		pthread_cond_destroy(&rr->cv);
	}
	for (i = 0; i < NBATCH; i++) {
		for (j = 0; j < BATCH_LINES; j++)
			cim_rec_free(&rr->b[i].rec[j]);
		free(rr->b[i].rec);
		free(rr->b[i].ln);
		cim_buf_free(&rr->b[i].text);
		cim_buf_free(&rr->b[i].msgs);
	}
	free(rr);
}
