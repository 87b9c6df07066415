/*
 * convtime.h: the timeline of one conversation and the facts the
 * service metrics are made of: first response, replies, resolution,
 * handling time by bot and human, abandonment, containment.  The
 * definitions are here, in one place, so cim-metrics(1) and the tests
 * can state them exactly.  Reading the record is cheap: messages and
 * events are walked raw for at, from and type only, no jv.
 * Not for: aggregating many conversations (cim-metrics does that).
 */
#ifndef CIM_CONVTIME_H
#define CIM_CONVTIME_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "json.h"
#include "rec.h"

enum cim_role { CIM_R_CUSTOMER, CIM_R_AGENT, CIM_R_BOT, CIM_R_SYSTEM };
enum cim_evtype { CIM_E_OTHER, CIM_E_HANDOFF, CIM_E_RESOLVED, CIM_E_REOPENED,
    CIM_E_ABANDONED };

struct cim_tlitem {
	int64_t	at;	/* ms */
	int	kind;	/* enum cim_role for messages, enum cim_evtype for events */
};

/* What the record says, time-sorted (stable). */
struct cim_timeline {
	int64_t			 started, ended;	/* ms; ended -1 when absent */
	int			 status_resolved;	/* status resolved or closed */
	int			 status_abandoned;
	int			 disorder;	/* messages were not in time order */
	struct cim_tlitem	*msg, *ev;
	size_t			 nmsg, nev, msgcap, evcap;
};

/* A measured interval, [from, to) in ms. */
struct cim_span {
	int64_t	from, to;
};

struct cim_convfacts {
	int		inbound;	/* a customer message */
	int		bot, human;	/* a bot / human agent message */
	int		answered;	/* frt is set */
	int		unanswered;	/* waited for a human who never wrote */
	int		escalated;	/* bot conversation handed to a human */
	int		resolved, reopened, abandoned;
	int		contained;	/* bot, no human, resolved */
	int		has_bot_span, has_human_span;
	struct cim_span	frt, resolution, bot_span, human_span;
	struct cim_span	*reply;		/* customer message -> agent reply */
	size_t		nreply, replycap;
};

/*
 * Reads started_at, ended_at, status, messages[].at/.from and
 * events[].at/.type of r (a record cim_schema_check() accepted) into t,
 * sorted by time.  Each message gets the checks cim_schema_check() makes
 * of messages, with the same reasons, so a caller reading the messages
 * here may check the rest of the record with the messages left out (the
 * line itself was validated as JSON by cim_rec_parse).  Events whose at
 * is not a canonical time or whose type is not a string make it fail too:
 * -1 with the reason appended to why.  need_msgs 0 skips the messages
 * (t->nmsg stays 0, nothing about them is checked).
 */
int cim_timeline_read(struct cim_timeline *t, const struct cim_rec *r,
    int need_msgs, struct cim_buf *why);
/* Computes f (its reply array reused) from t.  Cannot fail. */
void cim_convfacts_compute(struct cim_convfacts *f, const struct cim_timeline *t);
void cim_timeline_free(struct cim_timeline *t);
void cim_convfacts_free(struct cim_convfacts *f);
#endif
