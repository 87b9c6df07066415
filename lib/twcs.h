/*
 * twcs.h: the "Customer Support on Twitter" CSV (Kaggle, thoughtvector):
 * one tweet per row, columns tweet_id, author_id, inbound, created_at,
 * text, response_tweet_id, in_response_to_tweet_id, read into threads.
 *
 * A thread is a connected component of the reply links (both columns,
 * union-find); it becomes one conversation keyed by its earliest tweet,
 * its tweets the messages in time order with the tweet id as message id.
 * inbound true is the customer (author id in customer.ids.twitter), else
 * the brand answering (author and queue).  Quirks of real re-exports are
 * read: a BOM, CRLF, bare CR inside fields, extra unnamed index columns,
 * ids written as floats ("3.0"), several ids in one field ("706,704"),
 * True/TRUE/1, HTML entities in text, replies whose parent is missing.
 * Not for: other Twitter exports (the API's JSON goes through --jq).
 */
#ifndef CIM_TWCS_H
#define CIM_TWCS_H
#include <stddef.h>

#include "conv.h"
#include "lines.h"
#include "preset.h"
#include "utf8.h"

/*
 * The canonical text of a tweet id written as s[0..n): digits, with a
 * float's ".0" dropped ("3.0" -> "3"), blanks trimmed.  Returns its length
 * (written to out, at most outlen - 1 bytes, NUL-terminated), or 0 when
 * s is not an id.
 */
size_t cim_twcs_id(const char *s, size_t n, char *out, size_t outlen);

struct cim_twcs_opts {
	struct cim_norm		*norm;
	enum cim_encoding	 enc;
};

/*
 * Reads the CSV whose first line (the header) is first[0..flen) and the
 * rest of l; hands each tweet as a message row to sink->row, a thread at
 * a time (sink->flush after each), and each unusable row to
 * sink->reject.  A header without the needed columns is a reject of the
 * whole file.  Returns 0, or -1 after a read error.
 */
int cim_twcs_read(struct cim_lines *l, const char *first, size_t flen,
    const struct cim_twcs_opts *o, const struct cim_sink *sink);
#endif
