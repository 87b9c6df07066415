/*
 * whatsapp.h: WhatsApp "Export chat" text files (Android and iOS, their
 * locale variants and the 2013-2016 legacy forms), read into message rows.
 *
 * A message starts on a header line: a date and time, then "Name: text"
 * or a system text without a name:
 *   6/21/22, 13:31 - Name: text                 Android
 *   21/06/2022, 1:31 pm - Name: text            Android, 12-hour
 *   2019-08-06, 7:03 a.m. - Name: text          ISO date, a.m./p.m.
 *   [21/06/2022, 13:31:05] Name: text           iOS
 *   [3/18/22 14.56.01] Name: text               iOS, dotted time (id)
 *   [14:56:01, 3/18/22] Name: text              iOS, time first (vi)
 *   [3/18/2565 BE, 14:56:01] / [3/18/R4, ...]   Buddhist / Japanese era
 *   [١٨/٣/٢٠٢٢، ٢:٥٦:٠٠ م] Name: text           Arabic-Indic digits
 *   4/26/16, 4:23:03 PM: Name: text             legacy iOS
 *   Mar 5, 8:11 PM - / 18 Mar 12:14 - / 19:23, 28 Aug 2013 -   legacy
 * Invisible marks (BOM, U+200E/F, U+202A-E, U+2066-9, U+061C) are skipped
 * inside headers, NBSP and U+202F read as blanks, U+060C as a comma.
 * Lines without a header continue the message above.
 *
 * The header parser and the text classifiers are pure; cim_wa_read reads
 * one whole export (the day/month order is decided from all its dates
 * before the first row) and hands message rows to a sink.
 * Not for: WhatsApp's JSON or database exports, or media files.
 */
#ifndef CIM_WHATSAPP_H
#define CIM_WHATSAPP_H
#include <stddef.h>
#include <stdint.h>

#include "conv.h"
#include "lines.h"
#include "preset.h"
#include "tstamp.h"
#include "utf8.h"

struct cim_wa_head {
	int		 f[3];		/* date fields in written order */
	unsigned char	 flen[3];	/* digits of each; 0 = a month name */
	int		 nf;		/* 2 when the year is missing */
	int		 mon;		/* month of a month name (1-12), else 0 */
	int		 era;		/* 0, 'B' (Buddhist), 'R' Reiwa, 'H' Heisei */
	int		 hour, min, sec;
	int		 ampm;		/* 0 none, 1 am, 2 pm */
	size_t		 name, name_len;	/* sender; name_len 0: system line */
	size_t		 text;		/* offset of the message text */
};

/*
 * Parses the header at the start of line s[0..n) into h.  Returns 1 when
 * s starts with a header, 0 when it does not (a continuation line).  The
 * sender is the text before the first ": " (or a ":" ending the line),
 * unless that is over 100 bytes or holds a quote, as in
 * 'X changed the subject to "a: b"'; then it is a system line.
 */
int cim_wa_header(const char *s, size_t n, struct cim_wa_head *h);

/*
 * The wall-clock time of h as seconds since the epoch, with numeric dates
 * read in order o (AUTO as DMY) and year used when the header has none.
 * Returns 0, or -1 when the date does not exist in that order.
 */
int cim_wa_local_time(const struct cim_wa_head *h, enum cim_date_order o,
    int year, int64_t *secs);

/* Evidence for the day/month order of one file. */
struct cim_wa_order {
	long		 dmy, mdy;		/* dates only one order can read */
	long		 back_dmy, back_mdy;	/* times going back in each */
	int64_t		 last_dmy, last_mdy;
	int		 have;
};

/* Adds the date of h to the evidence. */
void cim_wa_order_add(struct cim_wa_order *w, const struct cim_wa_head *h);
/* The order the evidence says: DMY or MDY, or fallback (the region's
 * custom) when nothing tells them apart; YMD dates read alike in both. */
enum cim_date_order cim_wa_order_pick(const struct cim_wa_order *w,
    enum cim_date_order fallback);

/* A media placeholder ("<Media omitted>", "image omitted", "<Mídia
 * oculta>", "IMG-...jpg (file attached)", localized). */
int cim_wa_is_media(const char *s, size_t n);
/* The end-to-end encryption notice iOS writes under the chat's name. */
int cim_wa_is_notice(const char *s, size_t n);
/* A sender written as a phone number ("+55 11 98765-4321"). */
int cim_wa_is_phone(const char *s, size_t n);

struct cim_wa_opts {
	struct cim_norm	*norm;		/* tz, region, --date-order */
	enum cim_encoding enc;
	char		**agents;	/* --agent names */
	size_t		 nagents;
	const char	*business;	/* --business-phone, E.164, or NULL */
};

/*
 * Reads the export whose first line is first[0..flen) and the rest of l.
 * Each header line and its continuation lines make one row for sink->row;
 * lines before the first header are one reject.  The business side is
 * the senders named by --agent or written as the business phone; without
 * either, every sender but the first is.  Returns 0, or -1 after a read
 * error.
 */
int cim_wa_read(struct cim_lines *l, const char *first, size_t flen,
    const struct cim_wa_opts *o, const struct cim_sink *sink);
#endif
