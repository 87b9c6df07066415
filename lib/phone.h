/*
 * phone.h: normalization of telephone numbers to E.164 ("+5511987654321"),
 * with Brazil (pt-BR) and the US/Canada as first-class national formats.
 * Pure functions over byte ranges; no allocation, no locale.
 * Not for: validating that a number is in service, formatting numbers for
 * display, or carrier lookup.
 */
#ifndef CIM_PHONE_H
#define CIM_PHONE_H
#include <stddef.h>

/* "+", at most 15 digits (ITU-T E.164), NUL. */
#define CIM_PHONE_MAX 17

/*
 * Normalizes the phone number in s[0..n) (not necessarily NUL-terminated,
 * any length, untrusted) to E.164 in out.  Returns 0 on success, -1 when
 * the number cannot be normalized; out is then the empty string and the
 * caller keeps the raw value.
 *
 * region is the ISO 3166 alpha-2 code ("BR", "US", case-insensitive) used
 * for numbers written without an international prefix; NULL or "" means
 * "BR".  An unknown region makes every national number invalid (-1), but
 * numbers with "+" or "00" still normalize.
 *
 * Accepted noise: spaces, tabs, - . ( ) /, NBSP, U+202F, U+2010..U+2015,
 * U+200B..U+200F, U+202A..U+202E, U+2060, U+FEFF, a "tel:" prefix and a
 * WhatsApp JID suffix "@s.whatsapp.net" or "@c.us" (with an optional
 * ":device" part; JID digits are always read as international).  Anything
 * else -- letters, ";", "#", "*", an extension ("ext", "ramal", "x") -- is
 * -1: an extension is not part of the line's identity but dropping it
 * silently would hide that the value was unusual.
 *
 * International ("+", "00", and "011" when region is US/CA): the country
 * code is checked against a table (BR US CA PT ES MX AR CO CL PE UY PY GB
 * DE FR IT IN) with a national-number length per country; an unknown
 * country code is accepted when the total is 8..15 digits.  A trunk "0"
 * written after the country code ("+44 (0)20", "+55 (011)") is dropped for
 * countries whose trunk prefix is 0.
 *
 * Brazil: trunk 0 and carrier selection (0 + 2-digit carrier + area code)
 * are removed; the area code (DDD) must be an Anatel DDD; the subscriber
 * number has 8 digits (landline, starts 2-5) or 9 (mobile, starts 9); an
 * 8-digit number starting 6-9 is an old-style mobile and gets its ninth
 * digit.  Numbers without area code and non-geographic service numbers
 * (0800, 0300, 0500, 0900, 4004/3003-style) are -1.  Bare 12-13 digit
 * numbers "55" + DDD + subscriber are international (WhatsApp ids) in any
 * region.
 *
 * US/CA (NANP): 10 digits, or 11 starting with 1; area code and exchange
 * start 2-9 and the area code is not N11.
 */
int cim_phone_e164(const char *s, size_t n, const char *region,
    char out[CIM_PHONE_MAX]);

/*
 * Matching key for a NUL-terminated E.164 number (normally the output of
 * cim_phone_e164): a Brazilian mobile written with the ninth digit,
 * +55 DD 9 [6-9]XXXXXXX, loses the 9, so data that still carries the old
 * 8-digit form and data that carries the new form give the same key.  Any
 * other number is copied unchanged.  Returns 0, or -1 (out empty) when
 * e164 is NULL or does not fit in CIM_PHONE_MAX.  The key is not a dialable
 * number: never show it or write it as a phone.
 */
int cim_phone_br_key(const char *e164, char out[CIM_PHONE_MAX]);
#endif
