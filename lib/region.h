/*
 * region.h: region profiles for routing (tone, language, channel
 * preference, self-service first or not, business hours in a zone,
 * holidays, SLA per channel) and weekly hours ("mon-fri 08:00-20:00,
 * sat 09:00-13:00") as used by profiles and agent shifts.  Profiles are
 * kvfile.h text; BR and US are built in.  Not for: the routing decision
 * (policy.h).
 */
#ifndef CIM_REGION_H
#define CIM_REGION_H
#include <jv.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "tstamp.h"

/* One weekly interval: days (bit 0 Monday .. bit 6 Sunday), minutes of
 * the local day [from, to); to may be 1440. */
struct cim_hours {
	unsigned	days;
	int		from, to;
};

struct cim_region {
	char		 code[3];
	struct cim_hours *hours;	/* none: always open */
	size_t		  nhours;
	int64_t		 *holidays;	/* local day numbers, sorted */
	size_t		  nholidays;
	struct cim_tz	 *tz;		/* NULL: fixed offset off_s */
	long		  off_s;
	jv		  profile;	/* {code, lang, tone, channels, self_service,
					   zone, hours, sla} for jq's $ctx.profile */
};

/* The built-in profiles, in the file format (cim-route --print-regions). */
extern const char cim_region_builtin[];

/*
 * Parses "mon-fri 08:00-20:00, sat 09:00-13:00" (days: mon tue wed thu
 * fri sat sun, ranges and lists "mon,wed"; "24h" is the whole day; "always"
 * every day) into *h (appended, *n counts).  0, or -1 with the reason.
 */
int cim_hours_parse(const char *s, struct cim_hours **h, size_t *n,
    struct cim_buf *why);
/* 1 when weekday wday (1 Monday .. 7 Sunday) at minute is inside h;
 * n == 0 is always inside. */
int cim_hours_in(const struct cim_hours *h, size_t n, int wday, int minute);

/*
 * Parses profiles from text[0..n) (file for messages), appending to
 * *r / *nr; a code already there is replaced.  Keys: region CC, lang,
 * tone, channels, self_service yes|no, zone NAME [OFFSET], hours, holidays,
 * sla CHANNEL=DURATION...  0, or -1 with "file:line: reason" in why.
 */
int cim_region_parse(const char *file, const char *text, size_t n,
    struct cim_region **r, size_t *nr, struct cim_buf *why);
/* The profile with code cc, or NULL. */
struct cim_region *cim_region_find(struct cim_region *r, size_t nr, const char *cc,
    size_t cclen);
/*
 * Local time facts at UTC ms: *open 1 inside business hours and not a
 * holiday, *holiday, *wday 1..7 and *minute of the local day.
 */
void cim_region_at(const struct cim_region *r, int64_t ms, int *open,
    int *holiday, int *wday, int *minute);
void cim_region_free(struct cim_region *r, size_t nr);
#endif
