/*
 * Unit tests for bhours.c: schedule parsing and open time between two
 * instants, in UTC and in America/Sao_Paulo, with holidays.
 */
#include <stdio.h>

#include "bhours.h"
#include "unit.h"

static int64_t
at(int y, int m, int d, int hh, int mm)
{
	return (cim_time_days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60) * 1000LL;
}

int
main(void)
{
	struct cim_bh bh = { 0 };
	const char *why = NULL;
	size_t i;
	FILE *f;
	char err[128];

	static const struct { const char *spec, *why; } specs[] = {
		{ "mon-fri 09:00-18:00", NULL },
		{ "mon-fri 09:00-18:00,sat 09:00-13:00", NULL },
		{ "seg-sex 08:00-12:00, seg-sex 13:00-17:00", NULL },
		{ "sun-tue 00:00-24:00", NULL },
		{ "fri-mon 22:00-23:00", NULL },
		{ "mon 18:00-09:00", "a span must end after it starts" },
		{ "monday 09:00-18:00", "expected ' HH:MM-HH:MM' after the days" },
		{ "xyz 09:00-18:00", "expected a day name (mon..sun, seg..dom)" },
		{ "mon 9:00-18:00", "expected HH:MM-HH:MM" },
		{ "mon 09:00-24:01", "expected HH:MM-HH:MM" },
		{ "mon 09:00-18:00;tue 09:00-18:00", "expected ',' between items" },
	};
	for (i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		struct cim_bh t = { 0 };
		int rc = cim_bh_parse(&t, specs[i].spec, &why);

		if (specs[i].why == NULL)
			CHECK(rc == 0, "%s: refused: %s", specs[i].spec, why);
		else {
			CHECK(rc == -1, "%s: accepted", specs[i].spec);
			if (rc == -1)
				CHECK_STR(why, specs[i].why, specs[i].spec);
		}
	}

	/* 2026-01-09 is a Friday. */
	CHECK(cim_bh_parse(&bh, "mon-fri 09:00-18:00,sat 09:00-13:00", &why) == 0, "parse");
	{
		static const struct { int d1, h1, m1, d2, h2, m2; long want_s; } t[] = {
			{ 9, 17, 30, 12, 9, 30, 30 * 60 + 4 * 3600 + 30 * 60 },
			{ 9, 10, 0, 9, 11, 0, 3600 },
			{ 9, 19, 0, 9, 20, 0, 0 },		/* after hours */
			{ 11, 10, 0, 11, 12, 0, 0 },		/* Sunday */
			{ 10, 12, 0, 10, 14, 0, 3600 },		/* Saturday until 13:00 */
			{ 12, 9, 0, 9, 9, 0, 0 },		/* backwards */
			{ 5, 0, 0, 12, 0, 0, 5 * 9 * 3600 + 4 * 3600 },	/* a whole week */
		};
		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
			CHECK_INT(cim_bh_open_ms(&bh, at(2026, 1, t[i].d1, t[i].h1, t[i].m1),
			    at(2026, 1, t[i].d2, t[i].h2, t[i].m2)) / 1000, t[i].want_s, "utc span");
	}

	/* Holidays: Monday 12 closed. */
	if ((f = fopen("/tmp/cim-unit-holidays", "w")) != NULL) {
		fputs("# comment\n\n2026-01-12 # closed\n2025-12-25\n", f);
		fclose(f);
	}
	CHECK(cim_bh_holidays(&bh, "/tmp/cim-unit-holidays", err, sizeof(err)) == 0, "holidays: %s", err);
	CHECK_INT(cim_bh_open_ms(&bh, at(2026, 1, 9, 17, 30), at(2026, 1, 13, 9, 30)) / 1000,
	    30 * 60 + 4 * 3600 + 30 * 60, "holiday skipped");
	if ((f = fopen("/tmp/cim-unit-holidays", "w")) != NULL) {
		fputs("2026-02-30\n", f);
		fclose(f);
	}
	CHECK(cim_bh_holidays(&bh, "/tmp/cim-unit-holidays", err, sizeof(err)) == -1, "bad date accepted");
	CHECK_STR(err, "line 1: not a date YYYY-MM-DD", "bad holiday");
	remove("/tmp/cim-unit-holidays");
	cim_bh_free(&bh);

	/* In Sao Paulo (UTC-3 all year): 09:00-18:00 local is 12:00-21:00 UTC. */
	{
		struct cim_bh sp = { 0 };
		struct cim_tz *tz = cim_tz_load("America/Sao_Paulo", err, sizeof(err));

		CHECK(tz != NULL, "zone: %s", err);
		CHECK(cim_bh_parse(&sp, "seg-sex 09:00-18:00", &why) == 0, "parse pt");
		sp.tz = tz;
		CHECK_INT(cim_bh_open_ms(&sp, at(2026, 1, 9, 11, 0), at(2026, 1, 9, 22, 0)) / 1000,
		    9 * 3600, "local day");
		CHECK_INT(cim_bh_open_ms(&sp, at(2026, 1, 9, 20, 30), at(2026, 1, 12, 12, 30)) / 1000,
		    3600, "friday evening to monday morning");
		cim_bh_free(&sp);
		cim_tz_free(tz);
	}
	return unit_done();
}
