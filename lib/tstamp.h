/*
 * tstamp.h: timestamps.  cim stores every time as an RFC 3339 UTC string
 * ("2026-01-05T13:04:11Z", ".mmm" only when the milliseconds are not zero)
 * and computes with int64_t milliseconds since 1970-01-01T00:00:00Z.
 * This module parses the formats exports actually contain, formats the
 * canonical form, does civil-calendar arithmetic (proleptic Gregorian) and
 * converts wall-clock times with zones read from the system tz database.
 *
 * Everything but cim_tz_load is pure: no global state, no locale, no
 * getenv("TZ")/mktime, so several zones can be in use at once.  Leap
 * seconds do not exist here (POSIX time).
 * Not for: formatting in local time, durations or calendars other than
 * the Gregorian one.
 */
#ifndef CIM_TSTAMP_H
#define CIM_TSTAMP_H
#include <stddef.h>
#include <stdint.h>

/*
 * How to read an all-numeric date such as 05/01/2026.  The order only
 * decides what the digits cannot: a 4-digit first field is always the
 * year (yyyy/mm/dd), a 4-digit last field is always the year, and a month
 * name ("05/Jan/2026") is always the month.  So DMY and MDY still read
 * 2026/01/05 as ymd, and YMD reads 05/01/2026 as AUTO would.
 */
enum cim_date_order {
	CIM_ORDER_AUTO,	/* guess from values > 12; both <= 12 is ambiguous */
	CIM_ORDER_DMY,	/* Brazil, Europe */
	CIM_ORDER_MDY,	/* US */
	CIM_ORDER_YMD	/* also makes "26/01/05" read as 2026-01-05 */
};

enum { CIM_TIME_OK = 0, CIM_TIME_BAD = -1, CIM_TIME_AMBIGUOUS = -2 };

/* Room for any cim_time_format() output and its NUL. */
#define CIM_TIME_BUFLEN 32

/* A loaded time zone; read-only after load, so threads may share it. */
struct cim_tz;

/*
 * Loads zone name ("America/Sao_Paulo", "UTC", "Etc/GMT+3") from the TZif
 * file $TZDIR/name, or /usr/share/zoneinfo/name when TZDIR is unset or
 * empty.  "UTC", "Etc/UTC", "GMT", "Z" are built in and work without tzdata.
 * Reads the 64-bit (v2+) data and the POSIX TZ footer that governs instants
 * after the last transition (needed for "slim" files); a v1-only file is
 * read from its 32-bit data.
 * Returns a zone the caller frees with cim_tz_free(), or NULL with a reason
 * written to err (NUL-terminated, truncated to errlen; err may be NULL):
 * unknown name, a name with ".." or a leading "/", an unreadable, corrupt
 * or leap-second ("right/") file.  Allocation failure exits (err.h).
 */
struct cim_tz *cim_tz_load(const char *name, char *err, size_t errlen);

/* Frees tz; NULL is allowed. */
void cim_tz_free(struct cim_tz *tz);

/* The name tz (not NULL) was loaded with; borrowed, lives as long as tz. */
const char *cim_tz_name(const struct cim_tz *tz);

/*
 * Offset in seconds east of UTC in force at the UTC instant utc_s
 * (seconds since the epoch).  tz NULL means UTC (0).  Cannot fail; beyond
 * about +-1 million years the footer rule is evaluated at that bound.
 */
long cim_tz_offset_at(const struct cim_tz *tz, int64_t utc_s);

/*
 * UTC seconds for a wall-clock time in tz, given as seconds-as-if-UTC
 * (cim_time_days_from_civil() * 86400 + time of day).  tz NULL means UTC.
 * A wall-clock time that does not exist (DST gap, clocks jump from 02:00
 * to 03:00) is moved forward by the length of the gap, 02:30 -> 03:30,
 * which is what people mean when they write it.  A time that exists twice
 * (overlap, 01:30 after clocks fall back) gives the earlier instant, the
 * first time the clock showed it.  Cannot fail; local_s is clamped to
 * +-2^62.
 */
int64_t cim_tz_local_to_utc(const struct cim_tz *tz, int64_t local_s);

/*
 * Parses the timestamp s[0..n) (not necessarily NUL-terminated, untrusted,
 * blanks around it ignored) and stores milliseconds since the epoch in
 * *ms (ms may be NULL to only validate).  Returns CIM_TIME_OK,
 * CIM_TIME_BAD, or CIM_TIME_AMBIGUOUS when the day and month of a numeric
 * date cannot be told apart (05/01/2026 with CIM_ORDER_AUTO, or with YMD,
 * which says nothing about a year-last date); 05/05/2026 is not ambiguous.
 * Anything else wrong makes it CIM_TIME_BAD rather than ambiguous.  *ms is
 * written only on CIM_TIME_OK.
 *
 * A time written with a zone or offset ignores tz; one without is
 * wall-clock time in tz (NULL = UTC), converted as cim_tz_local_to_utc()
 * does.  A date without a time is midnight.  Fractions of a second of any
 * length are truncated to milliseconds.  Accepted, case-insensitive:
 *   ISO 8601 / RFC 3339  2026-01-05T13:04:11.25Z, "T" or blank, seconds
 *                        optional, "." or "," before the fraction, zone Z,
 *                        +03:00, -0300, +03, UTC, GMT (blank before it
 *                        allowed), date only
 *   numeric dates        dd/mm/yyyy mm/dd/yyyy yyyy/mm/dd with "/", "-" or
 *                        "."; 2-digit years are 20yy below 70, else 19yy;
 *                        an optional "," before the time; 05/Jan/2026 and
 *                        the Apache log form 10/Oct/2000:13:55:36 -0700
 *   12-hour clocks       1:04 PM, 1:04pm, 1:04 p.m., 1:04 p. m.; the blank
 *                        may be U+00A0 or U+202F (what CLDR locales emit)
 *   epoch                digits with an optional fraction; >= 1e11 is
 *                        milliseconds, less is seconds
 *   RFC 2822             [Tue, ]31 Oct 2017 22:10:47 +0000 (also GMT, UT,
 *                        Z, EST/EDT/CST/CDT/MST/MDT/PST/PDT, a trailing
 *                        "(comment)")
 *   Twitter / ctime      Tue Oct 31 22:10:47 +0000 2017, zone optional
 *   month first          Oct 31, 2017[,] 10:10 PM
 * Month names are English (3 letters, "Sept", full) or Portuguese
 * abbreviations (jan fev mar abr mai jun jul ago set out nov dez).  A
 * weekday is checked to be a weekday name, not that it matches the date
 * (as Go's time.Parse does).
 * Rejected: an invalid calendar date, hour > 23 (also 24:00), minute or
 * second > 59 (also a leap second 60), a year outside 1900-9999, a
 * negative epoch, anything left over, an empty string.
 */
int cim_time_parse(const char *s, size_t n, enum cim_date_order order,
    const struct cim_tz *tz, int64_t *ms);

/*
 * Strict and fast check of the form records carry:
 * YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z exactly (upper-case T and Z, a valid
 * date, year 0000-9999, hour <= 23, minute and second <= 59).  Any
 * fraction of 1 to 9 digits passes (".5", ".000"), though
 * cim_time_format() writes only ".mmm" and only when not zero: this is a
 * validity check, not a test that the bytes are what cim would write.
 * Returns CIM_TIME_OK and stores *ms when ms != NULL, or CIM_TIME_BAD.
 */
int cim_time_parse_canonical(const char *s, size_t n, int64_t *ms);

/*
 * Writes the canonical form of ms into buf, NUL-terminated, and returns
 * its length (20 or 24 for years 0000-9999).  Cannot fail for any int64_t;
 * years outside 0000-9999 are written with more digits or a "-" and are
 * not canonical.
 */
size_t cim_time_format(int64_t ms, char buf[CIM_TIME_BUFLEN]);

/*
 * Civil calendar (proleptic Gregorian), for bucketing by day, week and
 * month.  Days are counted from 1970-01-01 (day 0); negative before it.
 * days_from_civil wants 1 <= m <= 12 and 1 <= d <= 31 but does not check
 * that the date exists (cim_time_days_in_month does); civil_from_days is
 * exact for |days| < 2^38.  Both are H. Hinnant's algorithms
 * (https://howardhinnant.github.io/date_algorithms.html).
 */
int64_t cim_time_days_from_civil(int y, int m, int d);
void cim_time_civil_from_days(int64_t days, int *y, int *m, int *d);
/* 28..31, or 0 when m is not 1..12. */
int cim_time_days_in_month(int y, int m);
/* ISO 8601 weekday of day number days: 1 = Monday .. 7 = Sunday. */
int cim_time_weekday(int64_t days);
/* Day number of the UTC calendar day holding ms (floor division). */
int64_t cim_time_day_of(int64_t ms);
#endif
