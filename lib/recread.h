/*
 * recread.h: the lines of one operand read, scanned and (when asked)
 * prepared ahead by two helper threads, handed back in order.  Reading,
 * the validating JSON scan and the checks are about two thirds of what
 * a tool that aggregates (cim-metrics) spends per record; on a machine
 * with two cores they overlap the rest.  Everything with an effect stays
 * on the calling thread: it gets each line with its scan result, in
 * input order, and the reader's messages (a read error, truncated gzip)
 * at their place among the lines, so output, rejects and messages are
 * those of a plain loop over cim_lines_next().
 * Not for: tools that read few records (the threads are not worth it).
 */
#ifndef CIM_RECREAD_H
#define CIM_RECREAD_H
#include <stddef.h>

#include "buf.h"
#include "lines.h"
#include "rec.h"

struct cim_recread;

struct cim_recitem {
	const char		*line;	/* valid until the next call, and not
					 * NUL-terminated (a view of the file
					 * when it is mapped, cim_lines_map) */
	size_t			 len;
	long			 lineno;
	struct cim_rec		*rec;	/* scanned, when rc is 0 */
	int			 rc;	/* cim_rec_parse()'s result */
	const char		*why;	/* and its reason and offset when -1 */
	size_t			 at;
	void			*user;	/* the caller's prepared state (cim_recprep) */
	void			*scratch;	/* run()'s work space (cim_recprep) */
};

/*
 * Work on each scanned line that the caller wants done ahead: checks and
 * reads that depend on the line alone.  run() is called once per line,
 * right after its scan while the line is in the cache, on either helper
 * thread: lines of different batches are prepared at the same time.
 * it->user points to size bytes of the line's slot (zeroed at first,
 * then left as the last run left them: buffers in it can be reused) and
 * it->scratch to scratch bytes of the thread's own (zeroed at first,
 * for work space that the next stage does not need).  run() must print
 * nothing and touch no state but those two.  free() releases what run()
 * allocated in a slot, scratch_free() in a scratch area, at close.
 */
struct cim_recprep {
	size_t	size;
	void	(*run)(struct cim_recitem *it);
	void	(*free)(void *user);
	size_t	scratch;
	void	(*scratch_free)(void *scratch);
};

/* A ready-made preparation: each scanned record checked against the
 * canonical schema (cim_schema_check); it->user is a struct cim_checked,
 * rc -1 with the reason in why for a record to reject. */
struct cim_checked {
	int		rc;
	struct cim_buf	why;
};
extern const struct cim_recprep cim_recprep_schema;
void cim_checked_free(struct cim_checked *c);

/* Starts reading l (still owned by the caller, who must not touch it
 * until cim_recread_close), mapping it when it is a plain file
 * (cim_lines_map).  threaded 0 does everything on the calling thread.
 * prep may be NULL. */
struct cim_recread *cim_recread_open(struct cim_lines *l, int threaded,
    const struct cim_recprep *prep);
/* The next line in *it: 1, or 0 at the end (l->err then tells of a read
 * error, as after cim_lines_next). */
int cim_recread_next(struct cim_recread *rr, struct cim_recitem *it);
/* Stops the helper threads (also before the end) and frees everything. */
void cim_recread_close(struct cim_recread *rr);
#endif
