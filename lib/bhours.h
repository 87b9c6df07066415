/*
 * bhours.h: business hours.  A schedule says which wall-clock hours of
 * each weekday are open ("mon-fri 09:00-18:00,sat 09:00-13:00"), in a
 * time zone, minus whole-day holidays; cim_bh_open_ms() counts how much
 * of an interval falls in open hours, which turns any duration metric
 * into its business-hours variant (a ticket opened Friday 17:00 and
 * answered Monday 10:00 waited 2 business hours).  Pure apart from the
 * holiday file reader.  Not for: per-queue or per-agent schedules.
 */
#ifndef CIM_BHOURS_H
#define CIM_BHOURS_H
#include <stddef.h>
#include <stdint.h>

#include "tstamp.h"

struct cim_bh {
	/* Open spans per ISO weekday (index 1..7), minutes from midnight. */
	struct { int from, to; } span[8][8];
	int		 nspan[8];
	int64_t		*holiday;	/* local day numbers, sorted */
	size_t		 nholiday;
	const struct cim_tz *tz;	/* borrowed; NULL is UTC */
};

/*
 * Parses spec: items separated by ",", each "DAYS HH:MM-HH:MM" where DAYS
 * is a day (mon tue wed thu fri sat sun; seg ter qua qui sex sab dom) or
 * a range of them ("mon-fri", "sun-tue" wraps), "24:00" allowed as an end.
 * Up to 8 spans per day.  0, or -1 with a static reason in *why.
 */
int cim_bh_parse(struct cim_bh *bh, const char *spec, const char **why);
/*
 * Reads holidays from path: one YYYY-MM-DD per line; blank lines and
 * text after "#" are ignored.  0, or -1 with a message in err ("line 3:
 * not a date YYYY-MM-DD" or the system error).
 */
int cim_bh_holidays(struct cim_bh *bh, const char *path, char *err, size_t errlen);
/* Milliseconds of [from, to) (UTC ms) that fall in open hours; 0 when
 * to <= from.  Cannot fail. */
int64_t cim_bh_open_ms(const struct cim_bh *bh, int64_t from, int64_t to);
void cim_bh_free(struct cim_bh *bh);
#endif
