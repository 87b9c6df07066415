/*
 * Unit tests of lib/region: weekly hours, profiles, local-time facts.
 */
#include <stdlib.h>
#include <string.h>

#include "region.h"
#include "unit.h"

int
main(void)
{
	static const struct {
		const char *spec;
		int ok;
		int wday, minute, in;	/* a probe */
	} hours[] = {
		{ "mon-fri 08:00-20:00", 1, 1, 8 * 60, 1 },
		{ "mon-fri 08:00-20:00", 1, 5, 20 * 60, 0 },	/* the end is out */
		{ "mon-fri 08:00-20:00", 1, 6, 10 * 60, 0 },
		{ "mon-fri 08:00-20:00, sat 09:00-14:00", 1, 6, 13 * 60 + 59, 1 },
		{ "sat,sun 24h", 1, 7, 0, 1 },
		{ "fri-mon 22:00-24:00", 1, 7, 23 * 60, 1 },	/* wraps the week */
		{ "fri-mon 22:00-24:00", 1, 3, 23 * 60, 0 },
		{ "always", 1, 3, 3, 1 },
		{ "mon,wed 10:00-11:00", 1, 3, 10 * 60 + 30, 1 },
		{ "mon,wed 10:00-11:00", 1, 2, 10 * 60 + 30, 0 },
		{ "", 1, 2, 0, 1 },				/* none: always */
		{ "mon-fry 08:00-20:00", 0, 0, 0, 0 },
		{ "mon 20:00-08:00", 0, 0, 0, 0 },		/* ends before it starts */
		{ "mon 8:00-20:00", 0, 0, 0, 0 },
		{ "mon 08:00-24:01", 0, 0, 0, 0 },
		{ "mon 08:00-20:00x", 0, 0, 0, 0 },
	};
	static const struct {
		const char *utc;	/* YYYY-MM-DDTHH:MM */
		const char *cc;
		int open, holiday, wday, hour;
		int dst;		/* needs the tz database (summer time) */
	} at[] = {
		{ "2026-03-03T15:00", "BR", 1, 0, 2, 12, 0 },	/* Tuesday noon in Sao Paulo */
		{ "2026-03-04T02:00", "BR", 0, 0, 2, 23, 0 },	/* still Tuesday locally */
		{ "2026-04-21T15:00", "BR", 0, 1, 2, 12, 0 },	/* Tiradentes */
		{ "2026-03-07T17:30", "BR", 0, 0, 6, 14, 0 },	/* Saturday, closed at 14:00 */
		{ "2026-03-03T15:00", "US", 1, 0, 2, 10, 0 },	/* EST */
		{ "2026-07-03T15:00", "US", 0, 1, 5, 11, 1 },	/* observed Independence Day, EDT */
		{ "2026-07-06T22:30", "US", 0, 0, 1, 18, 1 },	/* 18:30 EDT: closed */
	};
	struct cim_region *r = NULL;
	struct cim_buf why = { 0 };
	size_t nr = 0;
	struct cim_tz *ny = cim_tz_load("America/New_York", NULL, 0);
	int tzdata = ny != NULL;	/* without it profiles use fixed offsets */

	cim_tz_free(ny);

	for (size_t i = 0; i < sizeof(hours) / sizeof(*hours); i++) {
		struct cim_hours *h = NULL;
		size_t n = 0;
		int rc;

		why.len = 0;
		rc = cim_hours_parse(hours[i].spec, &h, &n, &why);
		CHECK_INT(rc, hours[i].ok ? 0 : -1, hours[i].spec);
		if (rc == 0 && hours[i].wday)
			CHECK_INT(cim_hours_in(h, n, hours[i].wday, hours[i].minute), hours[i].in,
			    hours[i].spec);
		free(h);
	}
	why.len = 0;
	CHECK_INT(cim_region_parse("<built-in>", cim_region_builtin, strlen(cim_region_builtin),
	    &r, &nr, &why), 0, "built-in profiles");
	CHECK_INT(nr, 2, "two built-in profiles");
	for (size_t i = 0; i < sizeof(at) / sizeof(*at); i++) {
		struct cim_region *g = cim_region_find(r, nr, at[i].cc, 2);
		int y, mo, d, hh, mi, open, hol, wd, minute;

		if (at[i].dst && !tzdata)
			continue;
		sscanf(at[i].utc, "%d-%d-%dT%d:%d", &y, &mo, &d, &hh, &mi);
		cim_region_at(g, (cim_time_days_from_civil(y, mo, d) * 86400 + hh * 3600 + mi * 60) * 1000,
		    &open, &hol, &wd, &minute);
		CHECK(open == at[i].open && hol == at[i].holiday && wd == at[i].wday &&
		    minute / 60 == at[i].hour, "%s %s: open %d holiday %d wday %d hour %d",
		    at[i].cc, at[i].utc, open, hol, wd, minute / 60);
	}
	/* A later profile of the same code replaces it. */
	why.len = 0;
	CHECK_INT(cim_region_parse("x", "region BR\ntone formal\n", 22, &r, &nr, &why), 0, "replace");
	CHECK_INT(nr, 2, "still two");
	why.len = 0;
	CHECK_INT(cim_region_parse("x", "region BR\nsla chat=fast\n", 24, &r, &nr, &why), -1, "bad sla");
	CHECK_STR(cim_buf_str(&why), "x:2: bad sla 'chat=fast' (CHANNEL=DURATION)", "bad sla message");
	cim_region_free(r, nr);
	cim_buf_free(&why);
	return unit_done();
}
