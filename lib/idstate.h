/*
 * idstate.h: the state file of cim-merge-identity, which keeps between
 * runs which customer each identifier belongs to, so that customer ids
 * stay the same run after run.
 *
 * Format (text, one entry a line, versioned and checksummed):
 *
 *	cim-merge-identity state 1
 *	next 43
 *	7	"email:ana@example.com"
 *	0	"phone:+551134567890"		(0: a generic identifier)
 *	end 2 5f1e0a3c
 *
 * "next" is the next customer number to issue; each entry is a customer
 * number, a tab and the identifier as a JSON string; "end" gives the
 * number of entries and the CRC-32 (zlib) of every byte before it.  A file
 * that does not end so, or whose count or checksum differ, is corrupt:
 * an error naming the file, never an empty state.
 *
 * Writing is atomic: a temporary file in the same directory, fsync,
 * rename over the old one, fsync of the directory; mode 0600.  Runs are
 * serialized by an fcntl lock on FILE.lock, which is never removed.
 * Not for: the identity graph (idgraph.h).
 */
#ifndef CIM_IDSTATE_H
#define CIM_IDSTATE_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define CIM_IDSTATE_VERSION 1

/*
 * Takes the lock of the state file path, waiting up to wait_s seconds
 * for another run to release it.  Returns the lock's descriptor (keep it
 * open until the state is written), or -1 after printing why.
 */
int cim_idstate_lock(const char *path, long wait_s);

typedef void cim_idstate_entry_fn(const char *key, size_t n, int64_t customer,
    void *arg);

/*
 * Reads the state file path, calling fn for every entry in file order,
 * and sets *next.  Returns 0; 1 when the file does not exist (a first
 * run: *next is 1, fn never called); -1 after printing
 * "prog: path[:line]: corrupt state: reason" or an I/O error.
 */
int cim_idstate_load(const char *path, int64_t *next, cim_idstate_entry_fn *fn,
    void *arg);

/* A state being written. */
struct cim_idstate_w {
	char		*path, *tmp;
	int		 fd;
	struct cim_buf	 b;
	uint32_t	 crc;
	long		 n;
	int		 err;	/* errno of a failed write */
};

/* Starts writing a new state for path; NULL after printing why. */
struct cim_idstate_w *cim_idstate_create(const char *path, int64_t next);
/* Adds an entry (customer 0: generic). */
void cim_idstate_add(struct cim_idstate_w *w, const char *key, size_t n,
    int64_t customer);
/* Finishes, syncs and renames over path: 0, or -1 after printing why
 * (the old state is then left as it was).  Frees w either way. */
int cim_idstate_commit(struct cim_idstate_w *w);
/* Gives up: removes the temporary file and frees w. */
void cim_idstate_abort(struct cim_idstate_w *w);
#endif
