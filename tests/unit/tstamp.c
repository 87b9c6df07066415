/*
 * Unit tests for lib/tstamp: timestamp text (with a date order and a zone)
 * -> canonical UTC string or error code; the canonical check; formatting;
 * civil-calendar round trips; zone loading, including synthetic "slim" and
 * corrupt TZif files; and a cross-check of every zone offset against the C
 * library's localtime_r(), which reads the same files independently.
 * Zones come from /usr/share/zoneinfo; tests of a missing zone are skipped.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tstamp.h"
#include "unit.h"

#define ZONEINFO "/usr/share/zoneinfo"

#define A	CIM_ORDER_AUTO
#define DMY	CIM_ORDER_DMY
#define MDY	CIM_ORDER_MDY
#define YMD	CIM_ORDER_YMD
enum { OK = CIM_TIME_OK, BAD = CIM_TIME_BAD, AMB = CIM_TIME_AMBIGUOUS };

static const struct {
	const char		*in;
	enum cim_date_order	 order;
	const char	*tz;	/* NULL: parse with tz NULL (UTC) */
	int		 rc;
	const char	*want;	/* when rc == OK */
} parse[] = {
	/* RFC 3339 / ISO 8601 */
	{ "2026-01-05T13:04:11Z", A, NULL, OK, "2026-01-05T13:04:11Z" },
	{ "2026-01-05T13:04:11.250Z", A, NULL, OK, "2026-01-05T13:04:11.250Z" },
	{ "2026-01-05T13:04:11.2Z", A, NULL, OK, "2026-01-05T13:04:11.200Z" },
	{ "2026-01-05T13:04:11.123456789Z", A, NULL, OK,
	    "2026-01-05T13:04:11.123Z" },
	{ "2026-01-05T13:04:11.0009Z", A, NULL, OK, "2026-01-05T13:04:11Z" },
	{ "2026-01-05T13:04:11+03:00", A, NULL, OK, "2026-01-05T10:04:11Z" },
	{ "2026-01-05T13:04:11-0300", A, NULL, OK, "2026-01-05T16:04:11Z" },
	{ "2026-01-05T13:04:11+03", A, NULL, OK, "2026-01-05T10:04:11Z" },
	{ "2026-01-05T13:04:11-03:30", A, NULL, OK, "2026-01-05T16:34:11Z" },
	{ "2026-01-05T13:04:11-00:00", A, NULL, OK, "2026-01-05T13:04:11Z" },
	{ "2026-01-05T00:30:00+14:00", A, NULL, OK, "2026-01-04T10:30:00Z" },
	{ "2026-01-05T13:04:11.5+01:00", A, NULL, OK,
	    "2026-01-05T12:04:11.500Z" },
	{ "2026-01-05 13:04:11Z", A, NULL, OK, "2026-01-05T13:04:11Z" },
	{ "2026-01-05t13:04:11z", A, NULL, OK, "2026-01-05T13:04:11Z" },
	{ "2026-01-05T13:04", A, NULL, OK, "2026-01-05T13:04:00Z" },
	{ "2026-01-05T13:04Z", A, NULL, OK, "2026-01-05T13:04:00Z" },
	{ "2026-01-05", A, NULL, OK, "2026-01-05T00:00:00Z" },
	{ "2026-01-05", A, "America/Sao_Paulo", OK, "2026-01-05T03:00:00Z" },
	{ "2026-01-05T13:04:11+03:00", A, "America/Sao_Paulo", OK,
	    "2026-01-05T10:04:11Z" },
	{ "2026-01-05T13:04:11Z", A, "America/New_York", OK,
	    "2026-01-05T13:04:11Z" },
	{ "2017-10-31 22:10:47 +0000", A, "America/New_York", OK,
	    "2017-10-31T22:10:47Z" },
	{ "2017-10-31 22:10:47 UTC", A, NULL, OK, "2017-10-31T22:10:47Z" },
	{ "2017-10-31 22:10:47 GMT", A, "America/Sao_Paulo", OK,
	    "2017-10-31T22:10:47Z" },
	{ "2026-01-05 13:04:11,250", A, NULL, OK, "2026-01-05T13:04:11.250Z" },
	{ "  2026-01-05T13:04:11Z \r\n", A, NULL, OK, "2026-01-05T13:04:11Z" },
	{ "2026-1-5 3:04", A, NULL, OK, "2026-01-05T03:04:00Z" },
	{ "2024-02-29T12:00:00Z", A, NULL, OK, "2024-02-29T12:00:00Z" },
	{ "2000-02-29", A, NULL, OK, "2000-02-29T00:00:00Z" },
	{ "1900-01-01T00:00:00Z", A, NULL, OK, "1900-01-01T00:00:00Z" },
	{ "1900-01-01T00:00:00+01:00", A, NULL, OK, "1899-12-31T23:00:00Z" },
	{ "9999-12-31T23:59:59.999Z", A, NULL, OK, "9999-12-31T23:59:59.999Z" },
	{ "2026-01-05 1:04 PM", A, NULL, OK, "2026-01-05T13:04:00Z" },
	/* ISO rejects */
	{ "2023-02-29T12:00:00Z", A, NULL, BAD, NULL },
	{ "1900-02-29", A, NULL, BAD, NULL },
	{ "2026-02-30", A, NULL, BAD, NULL },
	{ "2026-04-31", A, NULL, BAD, NULL },
	{ "2026-13-01", A, NULL, BAD, NULL },
	{ "2026-00-10", A, NULL, BAD, NULL },
	{ "2026-01-00", A, NULL, BAD, NULL },
	{ "2026-01-05T24:00:00Z", A, NULL, BAD, NULL },
	{ "2026-01-05T24:00", A, NULL, BAD, NULL },
	{ "2026-01-05T23:60:00Z", A, NULL, BAD, NULL },
	{ "2026-01-05T23:59:60Z", A, NULL, BAD, NULL },
	{ "1899-12-31T23:59:59Z", A, NULL, BAD, NULL },
	{ "10000-01-01", A, NULL, BAD, NULL },
	{ "0999-01-01", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11Zjunk", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11 foo", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11 UTCX", A, NULL, BAD, NULL },
	{ "2026-01-05T", A, NULL, BAD, NULL },
	{ "2026-01-05T13", A, NULL, BAD, NULL },
	{ "2026-01-05T13:4", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:1", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11.", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11+3", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11+03:0", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11+030", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11+24:00", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11+03:60", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11 EST", A, NULL, BAD, NULL },	/* 2822 only */
	{ "2026-01-05Z", A, NULL, BAD, NULL },
	{ "2026-01-05 UTC", A, NULL, BAD, NULL },
	{ "2026-01-05T13:04:11Z2026", A, NULL, BAD, NULL },
	{ "", A, NULL, BAD, NULL },
	{ " \t ", A, NULL, BAD, NULL },
	{ "now", A, NULL, BAD, NULL },
	{ "T13:04:11Z", A, NULL, BAD, NULL },
	{ "13:04:11", A, NULL, BAD, NULL },

	/* numeric dates, orders and ambiguity */
	{ "31/12/2025 23:59", A, NULL, OK, "2025-12-31T23:59:00Z" },
	{ "31/12/2025, 23:59", A, NULL, OK, "2025-12-31T23:59:00Z" },
	{ "31/12/2025,23:59", A, NULL, OK, "2025-12-31T23:59:00Z" },
	{ "31/12/2025  23:59:58", A, NULL, OK, "2025-12-31T23:59:58Z" },
	{ "12/31/2025 11:59:30 PM", A, NULL, OK, "2025-12-31T23:59:30Z" },
	{ "01-31-2025", A, NULL, OK, "2025-01-31T00:00:00Z" },
	{ "05/01/2026", A, NULL, AMB, NULL },
	{ "05/01/2026 10:00", A, "America/Sao_Paulo", AMB, NULL },
	{ "05/01/26", A, NULL, AMB, NULL },
	{ "05/01/2026", DMY, NULL, OK, "2026-01-05T00:00:00Z" },
	{ "05/01/2026", MDY, NULL, OK, "2026-05-01T00:00:00Z" },
	{ "05/05/2026", A, NULL, OK, "2026-05-05T00:00:00Z" },
	{ "05/01/2026 25:00", A, NULL, BAD, NULL },	/* bad beats ambiguous */
	{ "05/01/2026 junk", A, NULL, BAD, NULL },
	{ "13/13/2025", A, NULL, BAD, NULL },
	{ "31/12/2025", MDY, NULL, BAD, NULL },
	{ "12/31/2025", DMY, NULL, BAD, NULL },
	{ "31/02/2025", DMY, NULL, BAD, NULL },
	{ "29/02/2024", DMY, NULL, OK, "2024-02-29T00:00:00Z" },
	{ "2026/01/05 13:04", A, NULL, OK, "2026-01-05T13:04:00Z" },
	{ "2026/01/05", DMY, NULL, OK, "2026-01-05T00:00:00Z" },
	{ "2026/01/05", MDY, NULL, OK, "2026-01-05T00:00:00Z" },
	{ "2026.01.05", A, NULL, OK, "2026-01-05T00:00:00Z" },
	{ "26/01/05", YMD, NULL, OK, "2026-01-05T00:00:00Z" },
	{ "31/12/2025", YMD, NULL, OK, "2025-12-31T00:00:00Z" },
	{ "5.1.26", DMY, NULL, OK, "2026-01-05T00:00:00Z" },
	{ "5.1.26 13:04", DMY, NULL, OK, "2026-01-05T13:04:00Z" },
	{ "31.12.99", A, NULL, OK, "1999-12-31T00:00:00Z" },
	{ "31.12.69", A, NULL, OK, "2069-12-31T00:00:00Z" },
	{ "31.12.70", A, NULL, OK, "1970-12-31T00:00:00Z" },
	{ "31/12/25 23:59:59", A, NULL, OK, "2025-12-31T23:59:59Z" },
	{ "31-12-2025 23:59:59.5", A, NULL, OK, "2025-12-31T23:59:59.500Z" },
	{ "31/12/2025 23:59 UTC", A, "America/Sao_Paulo", OK,
	    "2025-12-31T23:59:00Z" },
	{ "31/12/2025 23:59 -03:00", A, NULL, OK, "2026-01-01T02:59:00Z" },
	{ "31/12/2025T23:59", A, NULL, BAD, NULL },	/* T is ISO only */
	{ "31/12-2025", A, NULL, BAD, NULL },
	{ "1/2/3", DMY, NULL, BAD, NULL },
	{ "1/2/202", DMY, NULL, BAD, NULL },
	{ "123/01/2025", A, NULL, BAD, NULL },
	{ "2026/1/123", A, NULL, BAD, NULL },
	{ "31/12/2025 23", A, NULL, BAD, NULL },
	{ "31/12/202523:59", A, NULL, BAD, NULL },
	/* month names in numeric dates, Apache log */
	{ "05/Jan/2026", A, NULL, OK, "2026-01-05T00:00:00Z" },
	{ "05-jan-2026 13:04", A, NULL, OK, "2026-01-05T13:04:00Z" },
	{ "05/fev/2026", A, NULL, OK, "2026-02-05T00:00:00Z" },
	{ "05/OUT/25", A, NULL, OK, "2025-10-05T00:00:00Z" },
	{ "2026-Jan-05", A, NULL, OK, "2026-01-05T00:00:00Z" },
	{ "10/Oct/2000:13:55:36 -0700", A, NULL, OK, "2000-10-10T20:55:36Z" },
	{ "05/Foo/2026", A, NULL, BAD, NULL },

	/* 12-hour clocks */
	{ "01/02/2026 12:00 AM", DMY, NULL, OK, "2026-02-01T00:00:00Z" },
	{ "01/02/2026 12:00 PM", DMY, NULL, OK, "2026-02-01T12:00:00Z" },
	{ "01/02/2026 12:30:15 am", DMY, NULL, OK, "2026-02-01T00:30:15Z" },
	{ "01/02/2026 12:59 pm", DMY, NULL, OK, "2026-02-01T12:59:00Z" },
	{ "01/02/2026 1:05 pm", DMY, NULL, OK, "2026-02-01T13:05:00Z" },
	{ "01/02/2026 11:59 p.m.", DMY, NULL, OK, "2026-02-01T23:59:00Z" },
	{ "01/02/2026 9:15 a. m.", DMY, NULL, OK, "2026-02-01T09:15:00Z" },
	{ "01/02/2026 9:15 p. m.", DMY, NULL, OK, "2026-02-01T21:15:00Z" },
	{ "01/02/2026 9:15\xC2\xA0PM", DMY, NULL, OK, "2026-02-01T21:15:00Z" },
	{ "01/02/2026 9:15\xE2\x80\xAF" "AM", DMY, NULL, OK,
	    "2026-02-01T09:15:00Z" },
	{ "01/02/2026 9:15PM", DMY, NULL, OK, "2026-02-01T21:15:00Z" },
	{ "1/2/2026, 3:04:05 PM", MDY, NULL, OK, "2026-01-02T15:04:05Z" },
	{ "1/2/2026, 3:04:05 PM", A, NULL, AMB, NULL },
	{ "01/02/2026 0:15 AM", DMY, NULL, BAD, NULL },
	{ "01/02/2026 13:15 PM", DMY, NULL, BAD, NULL },
	{ "01/02/2026 9:15 PMX", DMY, NULL, BAD, NULL },
	{ "01/02/2026 9:15 P", DMY, NULL, BAD, NULL },
	{ "01/02/2026 9:15 AM PM", DMY, NULL, BAD, NULL },

	/* epoch */
	{ "1767618251", A, NULL, OK, "2026-01-05T13:04:11Z" },
	{ "1767618251", A, "America/Sao_Paulo", OK, "2026-01-05T13:04:11Z" },
	{ "1767618251.25", A, NULL, OK, "2026-01-05T13:04:11.250Z" },
	{ "1767618251250", A, NULL, OK, "2026-01-05T13:04:11.250Z" },
	{ "1767618251250.9", A, NULL, OK, "2026-01-05T13:04:11.250Z" },
	{ " 1767618251 ", A, NULL, OK, "2026-01-05T13:04:11Z" },
	{ "0", A, NULL, OK, "1970-01-01T00:00:00Z" },
	{ "1.5", A, NULL, OK, "1970-01-01T00:00:01.500Z" },
	{ "99999999999", A, NULL, OK, "5138-11-16T09:46:39Z" },
	{ "100000000000", A, NULL, OK, "1973-03-03T09:46:40Z" },
	{ "253402300799999", A, NULL, OK, "9999-12-31T23:59:59.999Z" },
	{ "253402300800000", A, NULL, BAD, NULL },
	{ "12345678901234567890123", A, NULL, BAD, NULL },
	{ "-1", A, NULL, BAD, NULL },
	{ "-1767618251", A, NULL, BAD, NULL },
	{ "1767618251.", A, NULL, BAD, NULL },
	{ ".5", A, NULL, BAD, NULL },
	{ "1767618251x", A, NULL, BAD, NULL },

	/* Twitter, ctime, RFC 2822, month first */
	{ "Tue Oct 31 22:10:47 +0000 2017", A, NULL, OK,
	    "2017-10-31T22:10:47Z" },
	{ "Tue Oct 31 22:10:47 -0300 2017", A, "America/New_York", OK,
	    "2017-11-01T01:10:47Z" },
	{ "Tue Oct 31 22:10:47 2017", A, "America/New_York", OK,
	    "2017-11-01T02:10:47Z" },
	{ "Tue Oct  3 02:10:47 2017", A, NULL, OK, "2017-10-03T02:10:47Z" },
	{ "Tue Oct 31 22:10:47 +0000", A, NULL, BAD, NULL },
	{ "Tue, 31 Oct 2017 22:10:47 +0000", A, NULL, OK,
	    "2017-10-31T22:10:47Z" },
	{ "31 Oct 2017 22:10:47 GMT", A, NULL, OK, "2017-10-31T22:10:47Z" },
	{ "Tue, 31 Oct 2017 22:10:47 UT", A, NULL, OK, "2017-10-31T22:10:47Z" },
	{ "Tue, 31 Oct 2017 22:10:47 Z", A, NULL, OK, "2017-10-31T22:10:47Z" },
	{ "Tue, 31 Oct 2017 22:10:47 EST", A, NULL, OK,
	    "2017-11-01T03:10:47Z" },
	{ "Tue, 31 Oct 2017 22:10:47 PDT", A, NULL, OK,
	    "2017-11-01T05:10:47Z" },
	{ "Tue, 31 Oct 2017 22:10 -0200", A, NULL, OK, "2017-11-01T00:10:00Z" },
	{ "Tue, 31 Oct 17 22:10:47 +0000", A, NULL, OK,
	    "2017-10-31T22:10:47Z" },
	{ "Tuesday, 31 October 2017 22:10:47 +0000", A, NULL, OK,
	    "2017-10-31T22:10:47Z" },
	{ "TUE, 31 OCT 2017 22:10:47 +0000", A, NULL, OK,
	    "2017-10-31T22:10:47Z" },
	{ "Mon, 31 Oct 2017 22:10:47 +0000", A, NULL, OK,
	    "2017-10-31T22:10:47Z" },	/* weekday not checked */
	{ "Tue, 31 Oct 2017 22:10:47 +0000 (UTC)", A, NULL, OK,
	    "2017-10-31T22:10:47Z" },
	{ "Tue, 31 Oct 2017", A, "America/Sao_Paulo", OK,
	    "2017-10-31T02:00:00Z" },
	{ "05 set 2025 10:00", A, NULL, OK, "2025-09-05T10:00:00Z" },
	{ "5 dez 2025 10:00 -0300", A, NULL, OK, "2025-12-05T13:00:00Z" },
	{ "Tue Oct 31 2017 22:10:47 GMT-0300 (Brasilia Standard Time)", A,
	    NULL, OK, "2017-11-01T01:10:47Z" },
	{ "Oct 31, 2017 10:10 PM", A, NULL, OK, "2017-10-31T22:10:00Z" },
	{ "Oct 31, 2017", A, NULL, OK, "2017-10-31T00:00:00Z" },
	{ "January 5, 2026, 1:04:11 PM", A, NULL, OK, "2026-01-05T13:04:11Z" },
	{ "Sept 5, 2025", A, NULL, OK, "2025-09-05T00:00:00Z" },
	{ "Tue, 31 Foo 2017 22:10:47 +0000", A, NULL, BAD, NULL },
	{ "Tue, 30 Feb 2017 10:00:00 +0000", A, NULL, BAD, NULL },
	{ "Xyz, 31 Oct 2017 22:10:47 +0000", A, NULL, BAD, NULL },
	{ "Tue, 31 Oct 2017 22:10:47 +0000 junk", A, NULL, BAD, NULL },
	{ "Tue, 31 Oct 2017 25:10:47 +0000", A, NULL, BAD, NULL },
	{ "Tue, 31 Oct 2017 22:10:47 +0000 (UTC", A, NULL, BAD, NULL },
	{ "Oct 32, 2017", A, NULL, BAD, NULL },
	{ "Oct 31 17", A, NULL, BAD, NULL },

	/* America/Sao_Paulo: DST (-02) in 2018, none since 2019 */
	{ "2018-01-15 10:00", A, "America/Sao_Paulo", OK,
	    "2018-01-15T12:00:00Z" },
	{ "2018-06-01 10:00", A, "America/Sao_Paulo", OK,
	    "2018-06-01T13:00:00Z" },
	{ "2018-12-01 10:00", A, "America/Sao_Paulo", OK,
	    "2018-12-01T12:00:00Z" },
	{ "15/01/2018 10:00", DMY, "America/Sao_Paulo", OK,
	    "2018-01-15T12:00:00Z" },
	{ "2018-11-03 23:59:59", A, "America/Sao_Paulo", OK,
	    "2018-11-04T02:59:59Z" },
	{ "2018-11-04 00:30", A, "America/Sao_Paulo", OK,	/* gap */
	    "2018-11-04T03:30:00Z" },
	{ "2018-11-04 01:00", A, "America/Sao_Paulo", OK,
	    "2018-11-04T03:00:00Z" },
	{ "2019-02-16 23:30", A, "America/Sao_Paulo", OK,	/* overlap */
	    "2019-02-17T01:30:00Z" },
	{ "2019-02-17 00:30", A, "America/Sao_Paulo", OK,
	    "2019-02-17T03:30:00Z" },
	{ "2024-01-15 10:00", A, "America/Sao_Paulo", OK,
	    "2024-01-15T13:00:00Z" },
	{ "2024-07-15 10:00", A, "America/Sao_Paulo", OK,
	    "2024-07-15T13:00:00Z" },
	{ "2050-01-15 10:00", A, "America/Sao_Paulo", OK,
	    "2050-01-15T13:00:00Z" },

	/* America/New_York around both 2024 changes, and past 2037 */
	{ "2024-03-10 01:59", A, "America/New_York", OK,
	    "2024-03-10T06:59:00Z" },
	{ "2024-03-10 02:00", A, "America/New_York", OK,	/* gap */
	    "2024-03-10T07:00:00Z" },
	{ "2024-03-10 02:30", A, "America/New_York", OK,	/* gap */
	    "2024-03-10T07:30:00Z" },
	{ "2024-03-10 03:00", A, "America/New_York", OK,
	    "2024-03-10T07:00:00Z" },
	{ "2024-11-03 00:59", A, "America/New_York", OK,
	    "2024-11-03T04:59:00Z" },
	{ "2024-11-03 01:00", A, "America/New_York", OK,	/* overlap */
	    "2024-11-03T05:00:00Z" },
	{ "2024-11-03 01:30", A, "America/New_York", OK,	/* overlap */
	    "2024-11-03T05:30:00Z" },
	{ "2024-11-03 01:59:59", A, "America/New_York", OK,
	    "2024-11-03T05:59:59Z" },
	{ "2024-11-03 02:00", A, "America/New_York", OK,
	    "2024-11-03T07:00:00Z" },
	{ "11/3/2024 1:30 AM", MDY, "America/New_York", OK,
	    "2024-11-03T05:30:00Z" },
	{ "2024-07-04 12:00", A, "America/New_York", OK,
	    "2024-07-04T16:00:00Z" },
	{ "2024-01-04 12:00", A, "America/New_York", OK,
	    "2024-01-04T17:00:00Z" },
	{ "2040-07-04 12:00", A, "America/New_York", OK,
	    "2040-07-04T16:00:00Z" },
	{ "2040-11-04 01:30", A, "America/New_York", OK,	/* footer */
	    "2040-11-04T05:30:00Z" },
	{ "1960-07-04 12:00", A, "America/New_York", OK,
	    "1960-07-04T16:00:00Z" },

	/* other zones */
	{ "2026-01-05 10:00", A, "UTC", OK, "2026-01-05T10:00:00Z" },
	{ "2026-01-05 10:00", A, "Etc/GMT+3", OK, "2026-01-05T13:00:00Z" },
	{ "2026-01-05 10:00", A, "Asia/Kolkata", OK, "2026-01-05T04:30:00Z" },
	{ "2026-01-05 10:00", A, "Australia/Sydney", OK,
	    "2026-01-04T23:00:00Z" },
	{ "2026-07-05 10:00", A, "Europe/Dublin", OK, "2026-07-05T09:00:00Z" },
	{ "2026-01-05 10:00", A, "Europe/Dublin", OK, "2026-01-05T10:00:00Z" },
	{ "2045-07-05 10:00", A, "Europe/Dublin", OK, "2045-07-05T09:00:00Z" },
};

static const struct {
	const char	*in;
	int		 rc;
	int64_t		 ms;	/* when rc == OK */
} canon[] = {
	{ "2026-01-05T13:04:11Z", OK, INT64_C(1767618251000) },
	{ "2026-01-05T13:04:11.250Z", OK, INT64_C(1767618251250) },
	{ "2026-01-05T13:04:11.5Z", OK, INT64_C(1767618251500) },
	{ "2026-01-05T13:04:11.000Z", OK, INT64_C(1767618251000) },
	{ "2026-01-05T13:04:11.123456789Z", OK, INT64_C(1767618251123) },
	{ "1970-01-01T00:00:00Z", OK, 0 },
	{ "1969-12-31T23:59:59.999Z", OK, -1 },
	{ "2024-02-29T00:00:00Z", OK, INT64_C(1709164800000) },
	{ "2000-02-29T23:59:59Z", OK, INT64_C(951868799000) },
	{ "2026-01-05T13:04:11z", BAD, 0 },
	{ "2026-01-05t13:04:11Z", BAD, 0 },
	{ "2026-01-05T13:04:11", BAD, 0 },
	{ "2026-01-05T13:04:11+00:00", BAD, 0 },
	{ "2026-01-05T13:04:11-03:00", BAD, 0 },
	{ "2026-01-05 13:04:11Z", BAD, 0 },
	{ "2026-01-05T13:04Z", BAD, 0 },
	{ "2026-1-05T13:04:11Z", BAD, 0 },
	{ "2026-01-05T13:04:11.Z", BAD, 0 },
	{ "2026-01-05T13:04:11.1234567890Z", BAD, 0 },
	{ "2026-01-05T13:04:11ZZ", BAD, 0 },
	{ " 2026-01-05T13:04:11Z", BAD, 0 },
	{ "2026-01-05T13:04:11Z ", BAD, 0 },
	{ "2026-02-29T00:00:00Z", BAD, 0 },
	{ "1900-02-29T00:00:00Z", BAD, 0 },
	{ "2026-13-05T13:04:11Z", BAD, 0 },
	{ "2026-00-05T13:04:11Z", BAD, 0 },
	{ "2026-01-00T13:04:11Z", BAD, 0 },
	{ "2026-01-05T24:00:00Z", BAD, 0 },
	{ "2026-01-05T23:60:00Z", BAD, 0 },
	{ "2026-01-05T23:59:60Z", BAD, 0 },
	{ "2026-01-05T13:04:1aZ", BAD, 0 },
	{ "+2026-01-05T13:04:11Z", BAD, 0 },
	{ "2026/01/05T13:04:11Z", BAD, 0 },
	{ "", BAD, 0 },
};

static const struct {
	int64_t		 ms;
	const char	*want;
} format[] = {
	{ 0, "1970-01-01T00:00:00Z" },
	{ -1, "1969-12-31T23:59:59.999Z" },
	{ 1, "1970-01-01T00:00:00.001Z" },
	{ INT64_C(1767618251000), "2026-01-05T13:04:11Z" },
	{ INT64_C(1767618251250), "2026-01-05T13:04:11.250Z" },
	{ INT64_C(1767618251050), "2026-01-05T13:04:11.050Z" },
	{ INT64_C(951782400000), "2000-02-29T00:00:00Z" },
	{ INT64_C(-2208988800000), "1900-01-01T00:00:00Z" },
	{ INT64_C(253402300799999), "9999-12-31T23:59:59.999Z" },
	{ INT64_C(-62167219200000), "0000-01-01T00:00:00Z" },
	{ INT64_C(-62167219200001), "-0001-12-31T23:59:59.999Z" },
	{ INT64_C(253402300800000), "10000-01-01T00:00:00Z" },
	{ INT64_MAX, "292278994-08-17T07:12:55.807Z" },
	{ INT64_MIN, "-292275055-05-16T16:47:04.192Z" },
};

/*
 * Zones by name, loaded once; NULL name is NULL zone.  A zone that does
 * not load (tzdata missing: scripts/deps installs it) is a failure and
 * NULL, and the caller skips what needed it.
 */
static struct cim_tz *zones[32];

static const struct cim_tz *
zone(const char *name)
{
	char err[256];
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < 32 && zones[i] != NULL; i++)
		if (strcmp(cim_tz_name(zones[i]), name) == 0)
			return zones[i];
	if (i == 32)
		abort();	/* grow the cache */
	zones[i] = cim_tz_load(name, err, sizeof err);
	CHECK(zones[i] != NULL, "cannot load %s: %s", name, err);
	return zones[i];
}

/* The input copied to exactly n bytes, no NUL, so ASan sees over-reads. */
static char *
exact(const char *s, size_t n)
{
	char *p = malloc(n ? n : 1);

	if (p == NULL)
		abort();
	memcpy(p, s, n);
	return p;
}

static void
test_parse(void)
{
	char got[CIM_TIME_BUFLEN], ctx[256];
	size_t i, n;
	int64_t ms;
	int rc;
	char *p;

	for (i = 0; i < sizeof parse / sizeof parse[0]; i++) {
		if (parse[i].tz != NULL && zone(parse[i].tz) == NULL)
			continue;
		n = strlen(parse[i].in);
		p = exact(parse[i].in, n);
		ms = INT64_MIN;
		rc = cim_time_parse(p, n, parse[i].order, zone(parse[i].tz),
		    &ms);
		snprintf(ctx, sizeof ctx, "parse \"%s\" order %d tz %s",
		    parse[i].in, parse[i].order,
		    parse[i].tz ? parse[i].tz : "-");
		CHECK_INT(rc, parse[i].rc, ctx);
		if (rc == OK && parse[i].rc == OK) {
			cim_time_format(ms, got);
			CHECK_STR(got, parse[i].want, ctx);
		} else
			CHECK_INT(ms, INT64_MIN, ctx);	/* untouched */
		/* ms NULL only validates, with the same answer. */
		CHECK_INT(cim_time_parse(p, n, parse[i].order,
		    zone(parse[i].tz), NULL), rc, ctx);
		free(p);
	}
}

static void
test_canonical(void)
{
	char ctx[128];
	size_t i, n;
	int64_t ms, want;
	int rc;
	char *p;

	for (i = 0; i < sizeof canon / sizeof canon[0]; i++) {
		n = strlen(canon[i].in);
		p = exact(canon[i].in, n);
		want = canon[i].ms;
		ms = 42;
		rc = cim_time_parse_canonical(p, n, &ms);
		snprintf(ctx, sizeof ctx, "canonical \"%s\"", canon[i].in);
		if (canon[i].rc == BAD) {
			CHECK_INT(rc, BAD, ctx);
			CHECK_INT(ms, 42, ctx);
		} else {
			CHECK_INT(rc, OK, ctx);
			CHECK_INT(ms, want, ctx);
			CHECK_INT(cim_time_parse_canonical(p, n, NULL), OK,
			    ctx);
			/* cim_time_parse agrees on the canonical form. */
			CHECK_INT(cim_time_parse(p, n, A, NULL, &ms), OK, ctx);
			CHECK_INT(ms, want, ctx);
		}
		free(p);
	}
	/* n is the end, not a NUL. */
	CHECK_INT(cim_time_parse_canonical("2026-01-05T13:04:11Z", 19, NULL),
	    BAD, "canonical n=19");
	CHECK_INT(cim_time_parse_canonical("2026-01-05T13:04:11Zxyz", 20,
	    NULL), OK, "canonical n=20 of longer string");
}

static void
test_format(void)
{
	char got[CIM_TIME_BUFLEN], ctx[64];
	size_t i, n;

	for (i = 0; i < sizeof format / sizeof format[0]; i++) {
		n = cim_time_format(format[i].ms, got);
		snprintf(ctx, sizeof ctx, "format %lld",
		    (long long)format[i].ms);
		CHECK_STR(got, format[i].want, ctx);
		CHECK_INT(n, strlen(format[i].want), ctx);
	}
}

/* format -> both parsers -> same ms, over years 1900..9999. */
static void
test_roundtrip(void)
{
	const int64_t lo = INT64_C(-2208988800000), hi = INT64_C(253402300800000);
	uint64_t x = 0x9E3779B97F4A7C15u;
	char buf[CIM_TIME_BUFLEN];
	int64_t ms, got1, got2;
	size_t n;
	int i, bad = 0;

	for (i = 0; i < 200000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		ms = lo + (int64_t)(x % (uint64_t)(hi - lo));
		if (i % 4 == 0)
			ms -= ms % 1000;	/* whole seconds: no fraction */
		n = cim_time_format(ms, buf);
		if (cim_time_parse_canonical(buf, n, &got1) != OK ||
		    cim_time_parse(buf, n, A, NULL, &got2) != OK ||
		    got1 != ms || got2 != ms ||
		    n != (ms % 1000 ? 24u : 20u)) {
			if (bad++ < 5)
				fprintf(stderr, "roundtrip %lld %s\n",
				    (long long)ms, buf);
		}
	}
	CHECK_INT(bad, 0, "format/parse round trips");
}

static void
test_civil(void)
{
	int64_t day;
	int y, m, d, wd, bad = 0, py = 1, pm = 1, pd = 1;

	CHECK_INT(cim_time_days_from_civil(1970, 1, 1), 0, "day 0");
	CHECK_INT(cim_time_days_from_civil(2000, 3, 1), 11017, "2000-03-01");
	CHECK_INT(cim_time_days_from_civil(1969, 12, 31), -1, "1969-12-31");
	CHECK_INT(cim_time_days_from_civil(2026, 1, 5), 20458, "2026-01-05");
	CHECK_INT(cim_time_weekday(20458), 1, "2026-01-05 is a Monday");
	CHECK_INT(cim_time_weekday(0), 4, "1970-01-01 is a Thursday");
	CHECK_INT(cim_time_weekday(-1), 3, "1969-12-31 is a Wednesday");
	CHECK_INT(cim_time_weekday(-4), 7, "1969-12-28 is a Sunday");
	CHECK_INT(cim_time_days_in_month(2024, 2), 29, "dim 2024-02");
	CHECK_INT(cim_time_days_in_month(2100, 2), 28, "dim 2100-02");
	CHECK_INT(cim_time_days_in_month(2000, 2), 29, "dim 2000-02");
	CHECK_INT(cim_time_days_in_month(2026, 4), 30, "dim 2026-04");
	CHECK_INT(cim_time_days_in_month(2026, 13), 0, "dim month 13");
	CHECK_INT(cim_time_day_of(-1), -1, "day of -1 ms");
	CHECK_INT(cim_time_day_of(INT64_C(86399999)), 0, "day of 86399999");
	CHECK_INT(cim_time_day_of(INT64_C(1767618251000)), 20458,
	    "day of 2026-01-05");

	/* Day by day from 1600 to 2500: dates step by one, weekdays cycle. */
	cim_time_civil_from_days(cim_time_days_from_civil(1600, 1, 1) - 1,
	    &py, &pm, &pd);
	wd = cim_time_weekday(cim_time_days_from_civil(1600, 1, 1) - 1);
	for (day = cim_time_days_from_civil(1600, 1, 1);
	    day < cim_time_days_from_civil(2500, 1, 1); day++) {
		cim_time_civil_from_days(day, &y, &m, &d);
		if (cim_time_days_from_civil(y, m, d) != day ||
		    cim_time_weekday(day) != wd % 7 + 1 ||
		    !((y == py && m == pm && d == pd + 1) ||
		    (y == py && m == pm + 1 && d == 1 &&
		    pd == cim_time_days_in_month(py, pm)) ||
		    (y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31)))
			bad++;
		py = y;
		pm = m;
		pd = d;
		wd = cim_time_weekday(day);
	}
	CHECK_INT(bad, 0, "civil day-by-day walk 1600..2500");
}

/* Offsets at instants given in canonical form. */
static const struct {
	const char	*tz;
	const char	*at;
	long		 off;
} offsets[] = {
	{ "America/New_York", "2024-03-10T06:59:59Z", -18000 },
	{ "America/New_York", "2024-03-10T07:00:00Z", -14400 },
	{ "America/New_York", "2024-11-03T05:59:59Z", -14400 },
	{ "America/New_York", "2024-11-03T06:00:00Z", -18000 },
	{ "America/New_York", "2090-07-01T00:00:00Z", -14400 },
	{ "America/New_York", "1800-01-01T00:00:00Z", -17762 },	/* LMT */
	{ "America/Sao_Paulo", "2018-11-04T02:59:59Z", -10800 },
	{ "America/Sao_Paulo", "2018-11-04T03:00:00Z", -7200 },
	{ "America/Sao_Paulo", "2019-02-17T01:59:59Z", -7200 },
	{ "America/Sao_Paulo", "2019-02-17T02:00:00Z", -10800 },
	{ "America/Sao_Paulo", "2019-11-10T12:00:00Z", -10800 },
	{ "Asia/Kolkata", "2026-01-05T00:00:00Z", 19800 },
	{ "Australia/Lord_Howe", "2026-01-05T00:00:00Z", 39600 },
	{ "Australia/Lord_Howe", "2026-07-05T00:00:00Z", 37800 },
	{ "UTC", "2026-01-05T00:00:00Z", 0 },
	{ "Z", "2026-01-05T00:00:00Z", 0 },
};

static void
test_offsets(void)
{
	char ctx[128];
	int64_t ms;
	size_t i;

	for (i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
		if (zone(offsets[i].tz) == NULL)
			continue;
		snprintf(ctx, sizeof ctx, "offset %s at %s", offsets[i].tz,
		    offsets[i].at);
		CHECK_INT(cim_time_parse_canonical(offsets[i].at,
		    strlen(offsets[i].at), &ms), OK, ctx);
		CHECK_INT(cim_tz_offset_at(zone(offsets[i].tz), ms / 1000),
		    offsets[i].off, ctx);
	}
	CHECK_INT(cim_tz_offset_at(NULL, 12345), 0, "offset NULL zone");
	CHECK_INT(cim_tz_local_to_utc(NULL, 12345), 12345, "local NULL zone");
	/* Out-of-range instants must not overflow (UBSan watches). */
	for (i = 0; i < 2; i++) {
		const struct cim_tz *tz = zone(i ? "Australia/Sydney" :
		    "America/New_York");

		if (tz == NULL)
			continue;
		cim_tz_offset_at(tz, INT64_MAX);
		cim_tz_offset_at(tz, INT64_MIN);
		cim_tz_local_to_utc(tz, INT64_MAX);
		cim_tz_local_to_utc(tz, INT64_MIN);
	}
}

/* Offset east at t per the C library, which reads the same zone file. */
static long
libc_offset(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		return 1;	/* never an offset */
	return (long)(cim_time_days_from_civil(tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday) * 86400 + tm.tm_hour * 3600 +
	    tm.tm_min * 60 + tm.tm_sec - t);
}

/*
 * Whole zones against localtime_r, 1901..2100: samples every 13h 7m 11s,
 * and both sides of every change of offset found between samples.  Also
 * checks cim_tz_local_to_utc on each sample's wall-clock time: it must
 * give an instant showing that wall-clock time, and none earlier.
 */
static void
test_libc(void)
{
	static const char *const names[] = { "America/New_York",
	    "America/Sao_Paulo", "Europe/London", "Europe/Dublin",
	    "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago",
	    "America/Nuuk", "Pacific/Chatham", "Asia/Tehran",
	    "Africa/Casablanca", "Asia/Kolkata", "America/St_Johns",
	    "Pacific/Apia", "Etc/GMT+3", "Pacific/Kiritimati", "America/Adak",
	    "Europe/Moscow", "Antarctica/Troll" };
	const int64_t lo = INT64_C(-2145916800), hi = INT64_C(4133894400);
	const struct cim_tz *tz;
	char path[256], ctx[128];
	int64_t t, prev, a, b, m, u;
	size_t i;
	long o, po;
	int bad, badlocal, changes;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", ZONEINFO, names[i]);
		if (access(path, R_OK) != 0)
			continue;
		snprintf(path, sizeof path, ":%s/%s", ZONEINFO, names[i]);
		setenv("TZ", path, 1);
		tzset();
		tz = zone(names[i]);
		bad = badlocal = changes = 0;
		prev = lo;
		po = cim_tz_offset_at(tz, prev);
		for (t = lo; t < hi; t += 47231) {
			o = cim_tz_offset_at(tz, t);
			if (o != libc_offset(t) && bad++ < 3)
				fprintf(stderr, "%s at %lld: %ld, libc %ld\n",
				    names[i], (long long)t, o, libc_offset(t));
			if (o != po) {
				/* Find the change, compare both sides. */
				a = prev;
				b = t;
				while (b - a > 1) {
					m = a + (b - a) / 2;
					if (cim_tz_offset_at(tz, m) == po)
						a = m;
					else
						b = m;
				}
				changes++;
				if ((cim_tz_offset_at(tz, a) != libc_offset(a) ||
				    cim_tz_offset_at(tz, b) != libc_offset(b)) &&
				    bad++ < 3)
					fprintf(stderr, "%s change at %lld\n",
					    names[i], (long long)b);
			}
			u = cim_tz_local_to_utc(tz, t + o);
			if ((u + cim_tz_offset_at(tz, u) != t + o || u > t) &&
			    badlocal++ < 3)
				fprintf(stderr, "%s local %lld -> %lld\n",
				    names[i], (long long)(t + o), (long long)u);
			prev = t;
			po = o;
		}
		snprintf(ctx, sizeof ctx, "%s vs localtime_r (%d changes)",
		    names[i], changes);
		CHECK_INT(bad, 0, ctx);
		snprintf(ctx, sizeof ctx, "%s local_to_utc", names[i]);
		CHECK_INT(badlocal, 0, ctx);
	}
	unsetenv("TZ");
	tzset();
}

/* ---- synthetic TZif files ---- */

static unsigned char *
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
	return p + 4;
}

static unsigned char *
put64(unsigned char *p, int64_t v)
{
	p = put32(p, (uint32_t)((uint64_t)v >> 32));
	return put32(p, (uint32_t)(uint64_t)v);
}

/*
 * Writes dir/name as TZif: version 0 ('\0', 32-bit only) or '2'/'3' with
 * a minimal v1 block, the 64-bit data and the footer.  Types get
 * abbreviation "X".  leap adds one leap-second record.
 */
static void
write_tzif(const char *dir, const char *name, int version, size_t ntrans,
    const int64_t *trans, const unsigned char *idx, size_t ntype,
    const long *offs, const char *footer, int leap)
{
	unsigned char img[4096], *p = img;
	char path[512];
	size_t i, tsize = version ? 8 : 4;
	FILE *f;

	if (version) {
		/* v1 block: no transitions, one type, as zic -b slim writes */
		memcpy(p, "TZif", 4);
		p[4] = (unsigned char)version;
		memset(p + 5, 0, 15);
		p += 20;
		p = put32(p, 0);
		p = put32(p, 0);
		p = put32(p, 0);
		p = put32(p, 0);
		p = put32(p, 1);
		p = put32(p, 2);
		p = put32(p, 0);
		*p++ = 0;
		*p++ = 0;
		memcpy(p, "X", 2);
		p += 2;
	}
	memcpy(p, "TZif", 4);
	p[4] = (unsigned char)version;
	memset(p + 5, 0, 15);
	p += 20;
	p = put32(p, 0);
	p = put32(p, 0);
	p = put32(p, leap ? 1 : 0);
	p = put32(p, (uint32_t)ntrans);
	p = put32(p, (uint32_t)ntype);
	p = put32(p, 2);
	for (i = 0; i < ntrans; i++)
		p = tsize == 8 ? put64(p, trans[i]) : put32(p,
		    (uint32_t)trans[i]);
	for (i = 0; i < ntrans; i++)
		*p++ = idx[i];
	for (i = 0; i < ntype; i++) {
		p = put32(p, (uint32_t)offs[i]);
		*p++ = 0;
		*p++ = 0;
	}
	memcpy(p, "X", 2);
	p += 2;
	if (leap) {
		p = tsize == 8 ? put64(p, 78796800) : put32(p, 78796800);
		p = put32(p, 1);
	}
	if (version)
		p += sprintf((char *)p, "\n%s\n", footer);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(img, 1, (size_t)(p - img), f) != (size_t)(p - img) ||
	    fclose(f) != 0)
		abort();
}

static void
write_raw(const char *dir, const char *name, const void *data, size_t n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL || fwrite(data, 1, n, f) != n ||
	    fclose(f) != 0)
		abort();
}

/* The footer line of a real zone file, or "" . */
static void
real_footer(const char *name, char *out, size_t outlen)
{
	static unsigned char img[1 << 17];
	char path[512];
	size_t n, i, j;
	FILE *f;

	out[0] = '\0';
	snprintf(path, sizeof path, "%s/%s", ZONEINFO, name);
	if ((f = fopen(path, "rb")) == NULL)
		return;
	n = fread(img, 1, sizeof img, f);
	fclose(f);
	if (n < 2 || img[n - 1] != '\n')
		return;
	for (i = n - 1; i > 0 && img[i - 1] != '\n'; i--)
		;
	for (j = 0; i + j < n - 1 && j + 1 < outlen; j++)
		out[j] = (char)img[i + j];
	out[j] = '\0';
}

static int64_t
at(const char *canonical)
{
	int64_t ms = 0;

	if (cim_time_parse_canonical(canonical, strlen(canonical), &ms) != OK)
		abort();
	return ms / 1000;
}

static void
test_synthetic(void)
{
	static const char *const foot[] = { "America/New_York",
	    "Europe/Dublin", "Australia/Sydney", "Australia/Lord_Howe",
	    "America/Santiago", "America/Nuuk", "Pacific/Chatham",
	    "America/St_Johns", "Europe/London", "America/Sao_Paulo" };
	char dir[256], err[256], footer[128];
	char name[64], ctx[512], path[512];
	const int64_t v1t[2] = { 0, 86400 * 365 };
	const unsigned char v1i[2] = { 1, 0 };
	const long v1o[2] = { -10800, -7200 };
	const long est = -18000;
	const unsigned char badidx[1] = { 3 };
	const struct cim_tz *fat;
	struct cim_tz *tz;
	const char *tmp;
	int64_t t, ms;
	size_t i;
	int bad;

	tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/cim-tstamp.XXXXXX",
	    tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	setenv("TZDIR", dir, 1);
	snprintf(path, sizeof path, "%s/Slim", dir);
	if (mkdir(path, 0700) != 0)
		abort();

	/* Footer-only copies of real zones agree with zic's transitions. */
	for (i = 0; i < sizeof foot / sizeof foot[0]; i++) {
		real_footer(foot[i], footer, sizeof footer);
		if (footer[0] == '\0')
			continue;
		snprintf(name, sizeof name, "Slim/%zu", i);
		write_tzif(dir, name, '2', 0, NULL, NULL, 1, &est, footer, 0);
		tz = cim_tz_load(name, err, sizeof err);
		snprintf(ctx, sizeof ctx, "slim %s \"%s\": %s", foot[i],
		    footer, tz ? "" : err);
		CHECK(tz != NULL, "%s", ctx);
		fat = zone(foot[i]);
		bad = 0;
		for (t = at("2025-01-01T00:00:00Z");
		    tz && fat && t < at("2037-12-01T00:00:00Z"); t += 3607)
			if (cim_tz_offset_at(tz, t) != cim_tz_offset_at(fat, t))
				bad++;
		CHECK_INT(bad, 0, ctx);
		cim_tz_free(tz);
	}

	/* Sao Paulo's 2018 rule as a footer: DST across New Year. */
	write_tzif(dir, "Slim/SP2018", '2', 0, NULL, NULL, 1, &est,
	    "<-03>3<-02>,M11.1.0/0,M2.3.0/0", 0);
	tz = cim_tz_load("Slim/SP2018", err, sizeof err);
	CHECK(tz != NULL, "load Slim/SP2018: %s", err);
	if (tz != NULL) {
		fat = zone("America/Sao_Paulo");
		bad = 0;
		for (t = at("2018-01-01T00:00:00Z");
		    fat && t < at("2019-06-01T00:00:00Z"); t += 600)
			if (cim_tz_offset_at(tz, t) != cim_tz_offset_at(fat, t))
				bad++;
		CHECK_INT(bad, 0, "Slim/SP2018 vs America/Sao_Paulo 2018");
		CHECK_INT(cim_time_parse("2018-11-04 00:30", 16, A, tz, &ms),
		    OK, "SP2018 gap");
		CHECK_INT(ms, at("2018-11-04T03:30:00Z") * 1000, "SP2018 gap");
		CHECK_INT(cim_time_parse("2019-02-16 23:30", 16, A, tz, &ms),
		    OK, "SP2018 overlap");
		CHECK_INT(ms, at("2019-02-17T01:30:00Z") * 1000,
		    "SP2018 overlap");
		CHECK_STR(cim_tz_name(tz), "Slim/SP2018", "cim_tz_name");
		cim_tz_free(tz);
	}

	/* Fixed offset, DST all year (zic's J365/25 trick), empty footer. */
	write_tzif(dir, "Slim/Fixed", '3', 0, NULL, NULL, 1, &est, "<-03>3", 0);
	write_tzif(dir, "Slim/AllDST", '3', 0, NULL, NULL, 1, &est,
	    "EST5EDT,0/0,J365/25", 0);
	write_tzif(dir, "Slim/Empty", '2', 0, NULL, NULL, 1, &est, "", 0);
	write_tzif(dir, "Slim/V1", 0, 2, v1t, v1i, 2, v1o, NULL, 0);
	{
		static const struct {
			const char	*name, *at;
			long		 off;
		} rows[] = {
			{ "Slim/Fixed", "1950-01-01T00:00:00Z", -10800 },
			{ "Slim/Fixed", "2090-07-01T00:00:00Z", -10800 },
			{ "Slim/AllDST", "2026-01-01T00:00:00Z", -14400 },
			{ "Slim/AllDST", "2026-01-01T04:30:00Z", -14400 },
			{ "Slim/AllDST", "2026-07-01T00:00:00Z", -14400 },
			{ "Slim/AllDST", "2026-12-31T23:59:59Z", -14400 },
			{ "Slim/AllDST", "2028-12-31T04:59:59Z", -14400 },
			{ "Slim/Empty", "2026-01-01T00:00:00Z", -18000 },
			{ "Slim/V1", "1969-12-31T23:59:59Z", -10800 },
			{ "Slim/V1", "1970-01-01T00:00:00Z", -7200 },
			{ "Slim/V1", "1971-01-01T00:00:00Z", -10800 },
			{ "Slim/V1", "2030-01-01T00:00:00Z", -10800 },
		};

		for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
			tz = cim_tz_load(rows[i].name, err, sizeof err);
			snprintf(ctx, sizeof ctx, "%s at %s", rows[i].name,
			    rows[i].at);
			CHECK(tz != NULL, "%s: %s", ctx, err);
			CHECK_INT(cim_tz_offset_at(tz, at(rows[i].at)),
			    rows[i].off, ctx);
			cim_tz_free(tz);
		}
	}

	/* Corrupt or unsupported files and bad names are refused. */
	{
		static const unsigned char junk[] = "TZif2 too short";
		static const struct {
			const char	*name, *why;
		} rows[] = {
			{ "Slim/Junk", "truncated" },
			{ "Slim/Text", "not a TZif" },
			{ "Slim/BadIdx", "type index" },
			{ "Slim/NoRule", "footer" },
			{ "Slim/BadFooter", "footer" },
			{ "Slim/Leap", "leap" },
			{ "Slim/Cut", "truncated" },
			{ "Slim", "unknown" },			/* directory */
			{ "Nope/Nowhere", "unknown" },
			{ "Slim/V1/x", "unknown" },
			{ "../etc/passwd", "invalid" },
			{ "Slim/../Slim/V1", "invalid" },
			{ "/etc/localtime", "invalid" },
			{ "", "empty" },
		};
		unsigned char img[4096];
		size_t n;
		FILE *f;

		write_raw(dir, "Slim/Junk", junk, sizeof junk);
		write_raw(dir, "Slim/Text", "hello world, this is not a zone "
		    "file at all, no magic here", 58);
		write_tzif(dir, "Slim/BadIdx", '2', 1, v1t, badidx, 1, &est,
		    "EST5", 0);
		write_tzif(dir, "Slim/NoRule", '2', 0, NULL, NULL, 1, &est,
		    "EST5EDT", 0);
		write_tzif(dir, "Slim/BadFooter", '2', 0, NULL, NULL, 1, &est,
		    "EST5EDT,M3.2.0,M13.1.0", 0);
		write_tzif(dir, "Slim/Leap", '2', 0, NULL, NULL, 1, &est,
		    "EST5", 1);
		snprintf(path, sizeof path, "%s/America/New_York", ZONEINFO);
		if ((f = fopen(path, "rb")) == NULL)
			abort();
		n = fread(img, 1, sizeof img, f);
		fclose(f);
		write_raw(dir, "Slim/Cut", img, n / 2);
		for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
			err[0] = '\0';
			tz = cim_tz_load(rows[i].name, err, sizeof err);
			snprintf(ctx, sizeof ctx, "load \"%s\"", rows[i].name);
			CHECK(tz == NULL, "%s: loaded", ctx);
			CHECK(strstr(err, rows[i].why) != NULL,
			    "%s: error \"%s\" lacks \"%s\"", ctx, err,
			    rows[i].why);
			cim_tz_free(tz);
		}
		tz = cim_tz_load("Nope/Nowhere", NULL, 0);
		CHECK(tz == NULL, "load with err NULL");
		memset(err, 'x', sizeof err);
		tz = cim_tz_load("Nope/Nowhere", err, 8);
		CHECK(tz == NULL && strlen(err) == 7, "err truncated to errlen");
		cim_tz_free(NULL);
	}

	/* UTC needs no tzdata: TZDIR now points at a directory without it. */
	{
		static const char *const utc[] = { "UTC", "Z", "Etc/UTC", "GMT" };

		for (i = 0; i < 4; i++) {
			tz = cim_tz_load(utc[i], err, sizeof err);
			CHECK(tz != NULL, "builtin %s: %s", utc[i], err);
			CHECK_INT(cim_tz_offset_at(tz, 1767618251), 0, utc[i]);
			CHECK_INT(cim_tz_local_to_utc(tz, 1767618251),
			    1767618251, utc[i]);
			CHECK_STR(cim_tz_name(tz), utc[i], "builtin name");
			cim_tz_free(tz);
		}
		tz = cim_tz_load("America/New_York", err, sizeof err);
		CHECK(tz == NULL, "TZDIR is honoured");
	}

	unsetenv("TZDIR");
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	if (system(path) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int
main(void)
{
	size_t i;

	unsetenv("TZDIR");
	test_parse();
	test_canonical();
	test_format();
	test_roundtrip();
	test_civil();
	test_offsets();
	test_libc();
	test_synthetic();
	for (i = 0; i < 32; i++)
		cim_tz_free(zones[i]);
	return unit_done();
}
