/*
 * schema.h: the canonical record (man cim.7) as checks a tool runs on
 * what it reads.  The checks work on the scanned line (json.h), not on
 * jv values, so validating a record costs about as much as scanning it.
 */
#ifndef CIM_SCHEMA_H
#define CIM_SCHEMA_H
#include "buf.h"
#include "rec.h"

/*
 * Checks r against the canonical record: required members present with
 * the right types (id, source, channel, started_at, customer, messages),
 * known values (channel, status, from), RFC 3339 UTC times, csat 1-5,
 * nps 0-10, region two upper-case letters, every message an object with
 * at and from.  0, or -1 with the reason appended to why.
 * When disorder is not NULL it is set to 1 if the messages are not in
 * time order (valid, but cim-ingest re-sorts them).
 */
int cim_schema_check(const struct cim_rec *r, struct cim_buf *why, int *disorder);
/*
 * The first top-level member that is neither a canonical field nor a
 * field reserved for a later tool (cim.7), or NULL.  Tools pass such
 * members through; cim-ingest moves them under attrs.
 */
const struct cim_jmember *cim_schema_unknown(const struct cim_rec *r);
#endif
