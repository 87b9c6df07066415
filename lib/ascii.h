/*
 * ascii.h: ASCII-only character helpers for parsers of identifiers,
 * prefixes and suffixes, where locale-dependent <ctype.h> must not apply.
 * Header-only: each is a few instructions.
 */
#ifndef CIM_ASCII_H
#define CIM_ASCII_H
#include <stddef.h>
#include <string.h>

static inline int
cim_ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Case-insensitive: does s[0..n) start with the lower-case ASCII p? */
static inline int
cim_ascii_has_prefix(const char *s, size_t n, const char *p)
{
	size_t i, m = strlen(p);

	if (n < m)
		return 0;
	for (i = 0; i < m; i++)
		if (cim_ascii_lower((unsigned char)s[i]) != p[i])
			return 0;
	return 1;
}

/* 1 when s[0..n) holds only spaces, tabs and CRs (or nothing).  Bounded:
 * s need not be NUL-terminated, where strspn would read past its end. */
static inline int
cim_ascii_blank(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r')) {
		s++;
		n--;
	}
	return n == 0;
}
#endif
