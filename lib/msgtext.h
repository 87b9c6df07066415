/*
 * msgtext.h: the customer messages of a scanned record, read straight
 * from the line without building jq values: each element of "messages"
 * whose "from" is "customer" and whose "text" is a string.  Not for:
 * validating the record (schema.h does that first).
 */
#ifndef CIM_MSGTEXT_H
#define CIM_MSGTEXT_H
#include <stddef.h>

#include "buf.h"
#include "json.h"
#include "rec.h"

struct cim_msgtext {
	struct cim_jscan	 arr, msg;	/* reused scans */
	struct cim_buf		 tmp;		/* decoded text with escapes */
};

/*
 * Calls fn(text, len, arg) for each customer message of r in order; text
 * is borrowed (the line, or mt's buffer) and valid during the call.
 * Returns the number of customer messages.
 */
int cim_msgtext_each(struct cim_msgtext *mt, const struct cim_rec *r,
    void (*fn)(const char *, size_t, void *), void *arg);
void cim_msgtext_free(struct cim_msgtext *mt);
#endif
