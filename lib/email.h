/*
 * email.h: normalization and identity keys for e-mail addresses.
 * Pure functions over byte ranges; no allocation, no locale.
 * Not for: full RFC 5322 parsing (quoted local parts, comments, groups),
 * internationalized domain names in U-labels, or deliverability checks.
 */
#ifndef CIM_EMAIL_H
#define CIM_EMAIL_H
#include <stddef.h>

/* Longest normalized address: 64 local + "@" + 253 domain + NUL. */
#define CIM_EMAIL_MAX 320

/*
 * Normalizes the address in s[0..n) (not necessarily NUL-terminated, any
 * length, untrusted) into out, a buffer of outlen bytes; CIM_EMAIL_MAX is
 * always enough.  Returns 0, or -1 (out empty when outlen > 0) when the
 * address is invalid or does not fit.
 *
 * Leading and trailing whitespace (ASCII, NBSP, BOM) is trimmed; from
 * "Name <addr>" and "<addr>" the addr is taken, and a "mailto:" prefix is
 * dropped together with any "?subject=..." query.  The domain is lower-cased,
 * the local part kept as written (it is case-sensitive in principle).
 *
 * Valid means: exactly one "@"; a local part of 1..64 bytes with no
 * whitespace, control characters or any of ( ) , : ; < > [ ] \ ", not
 * starting or ending with "." and without "..", whose non-ASCII bytes are
 * valid UTF-8; a domain of at most 253 bytes with at least two labels of
 * 1..63 ASCII letters, digits and hyphens, no label starting or ending
 * with "-" (IDNs must be in "xn--" form); no trailing dot.
 */
int cim_email_norm(const char *s, size_t n, char *out, size_t outlen);

/*
 * Identity key for a normalized address (NUL-terminated, normally the
 * output of cim_email_norm) into out, a buffer of outlen bytes; the key is
 * never longer than norm.  ASCII letters are lower-cased everywhere
 * (non-ASCII is left as is); gmail.com and googlemail.com lose the dots
 * of the local part and become gmail.com; a "+tag" is dropped only at
 * providers that document "+" sub-addressing (see email.c).  Returns 0,
 * or -1 (out empty when outlen > 0) when norm has no "@" or out is too
 * small.  The key is for matching, never for sending mail.
 */
int cim_email_key(const char *norm, char *out, size_t outlen);
#endif
