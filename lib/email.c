/*
 * email.c: e-mail address normalization and identity keys (see email.h).
 *
 * The validity rule is the practical subset of RFC 5321/5322 that real
 * mailboxes use (dot-atom local part, LDH domain), plus UTF-8 in the local
 * part (RFC 6531).  It is meant to separate addresses from junk in exports
 * ("n/a", "cliente nao informou", two addresses in one field), not to
 * accept every address the RFCs allow.
 */
#include <string.h>

#include "ascii.h"
#include "email.h"

#define LOCAL_MAX 64	/* RFC 5321 4.5.3.1.1 */
#define DOMAIN_MAX 253	/* RFC 1035, without the root dot */
#define LABEL_MAX 63

static int
is_ldh(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-';
}

/* Length of the valid UTF-8 sequence at s[0] >= 0x80, 0 if invalid. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned long cp;

	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return len;
}

/*
 * Non-ASCII characters that must not appear in an address: C1 controls
 * and Unicode spaces, which slip in from word processors and chat apps
 * and would make two spellings of one address differ invisibly.
 */
static int
utf8_is_space(const unsigned char *s, size_t len)
{
	if (len == 2)
		return s[0] == 0xC2 && (s[1] <= 0x9F || s[1] == 0xA0);
	if (len != 3)
		return 0;
	if (s[0] == 0xE2 && s[1] == 0x80)	/* U+2000..U+200F, U+2028..U+202F */
		return s[2] <= 0x8F || (s[2] >= 0xA8 && s[2] <= 0xAF);
	if (s[0] == 0xE2 && s[1] == 0x81)	/* U+205F..U+2060 */
		return s[2] == 0x9F || s[2] == 0xA0;
	return (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) ||	/* U+3000 */
	    (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF);	/* U+FEFF */
}

/* Length of the whitespace at s[0..n) to trim: ASCII, NBSP, BOM. */
static size_t
space_len(const unsigned char *s, size_t n)
{
	if (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r'))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

static void
trim(const unsigned char *s, size_t *i, size_t *n)
{
	size_t k;

	while (*i < *n && (k = space_len(s + *i, *n - *i)) > 0)
		*i += k;
	for (;;) {
		if (*n > *i && space_len(s + *n - 1, 1) == 1)
			*n -= 1;
		else if (*n - *i >= 2 && space_len(s + *n - 2, 2) == 2)
			*n -= 2;
		else
			break;
	}
}

static int
local_valid(const unsigned char *s, size_t n)
{
	size_t i, k;

	if (n == 0 || n > LOCAL_MAX || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i += k) {
		k = 1;
		if (s[i] >= 0x80) {
			if ((k = utf8_len(s + i, n - i)) == 0 ||
			    utf8_is_space(s + i, k))
				return 0;
		} else if (s[i] <= ' ' || s[i] == 0x7F ||
		    strchr("()<>[]\\,;:\"@", s[i]) != NULL) {
			return 0;
		} else if (s[i] == '.' && s[i + 1] == '.') {
			return 0;	/* i + 1 < n: s[n - 1] is not '.' */
		}
	}
	return 1;
}

static int
domain_valid(const unsigned char *s, size_t n)
{
	size_t i, start = 0, labels = 0;

	if (n == 0 || n > DOMAIN_MAX)
		return 0;
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '.') {
			if (!is_ldh(s[i]))
				return 0;
			continue;
		}
		if (i == start || i - start > LABEL_MAX ||
		    s[start] == '-' || s[i - 1] == '-')
			return 0;
		labels++;
		start = i + 1;
	}
	return labels >= 2;
}

static int
fail(char *out, size_t outlen)
{
	if (outlen > 0)
		out[0] = '\0';
	return -1;
}

int
cim_email_norm(const char *s, size_t n, char *out, size_t outlen)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k, nat = 0, at_i = 0;

	if (s == NULL)
		return fail(out, outlen);
	trim(u, &i, &n);
	/* "Name <addr>": the address is in the last pair of brackets. */
	if (n > i && s[n - 1] == '>') {
		for (k = n - 1; k > i && s[k - 1] != '<'; k--)
			;
		if (k == i)
			return fail(out, outlen);
		i = k;
		n--;
		trim(u, &i, &n);
	}
	if (cim_ascii_has_prefix(s + i, n - i, "mailto:")) {
		i += 7;
		/*
		 * RFC 6068 header fields follow "?"; Slack exports write
		 * links as "<mailto:addr|label>".  Percent-escapes are not
		 * decoded: exports do not carry them.
		 */
		for (k = i; k < n && s[k] != '?' && s[k] != '|'; k++)
			;
		n = k;
	}
	for (k = i; k < n; k++)
		if (s[k] == '@')
			nat++, at_i = k;
	if (nat != 1 || !local_valid(u + i, at_i - i) ||
	    !domain_valid(u + at_i + 1, n - at_i - 1))
		return fail(out, outlen);
	if (n - i + 1 > outlen)
		return fail(out, outlen);
	memcpy(out, s + i, at_i - i + 1);	/* local part and "@" as is */
	for (k = at_i + 1; k < n; k++)
		out[k - i] = (char)cim_ascii_lower(u[k]);
	out[n - i] = '\0';
	return 0;
}

/*
 * Providers whose "+tag" is documented sub-addressing, so that
 * "ana+loja@..." reaches the same mailbox as "ana@...":
 *   Gmail ("Dots don't matter" and "+" aliases, Gmail Help);
 *   Outlook.com consumer mail -- outlook, hotmail, live, and their .com.br
 *     domains -- (Microsoft, "plus addressing" in Outlook.com);
 *   iCloud Mail: icloud.com, me.com, mac.com (Apple, plus addressing);
 *   Proton Mail: protonmail.com, protonmail.ch, proton.me, pm.me
 *     (Proton, "+aliases");
 *   Fastmail: fastmail.com, fastmail.fm (Fastmail, "plus addressing").
 * Yahoo is absent on purpose: its disposable addresses use "-" and are
 * separate addresses, and a "+" there is a literal character.  Elsewhere
 * a "+" may be part of the mailbox name, so it is kept.
 */
static const char *const plus_domains[] = {
	"gmail.com",
	"outlook.com", "hotmail.com", "live.com",
	"outlook.com.br", "hotmail.com.br",
	"icloud.com", "me.com", "mac.com",
	"protonmail.com", "protonmail.ch", "proton.me", "pm.me",
	"fastmail.com", "fastmail.fm",
};

int
cim_email_key(const char *norm, char *out, size_t outlen)
{
	const char *at, *domain, *p;
	size_t i, j, local_n;
	int gmail, plus = 0;

	if (norm == NULL || (at = strrchr(norm, '@')) == NULL)
		return fail(out, outlen);
	domain = at + 1;
	local_n = (size_t)(at - norm);
	if (strlen(norm) + 1 > outlen)
		return fail(out, outlen);
	/* The domain first, lower-cased, at the end of out for comparing. */
	for (i = 0; domain[i] != '\0'; i++)
		out[local_n + 1 + i] = (char)cim_ascii_lower((unsigned char)domain[i]);
	out[local_n + 1 + i] = '\0';
	domain = out + local_n + 1;
	/* Google treats googlemail.com (its name in DE and UK) as gmail.com. */
	if (strcmp(domain, "googlemail.com") == 0)
		strcpy(out + local_n + 1, "gmail.com");
	gmail = strcmp(domain, "gmail.com") == 0;
	for (i = 0; i < sizeof plus_domains / sizeof plus_domains[0]; i++)
		if (strcmp(domain, plus_domains[i]) == 0)
			plus = 1;
	/* A "+" in first place is the whole name, not a tag. */
	if (plus && (p = memchr(norm, '+', local_n)) != NULL && p > norm)
		local_n = (size_t)(p - norm);
	/* Shifting left in place: j <= i, and the domain sits after both. */
	for (i = j = 0; i < local_n; i++) {
		if (gmail && norm[i] == '.')
			continue;
		out[j++] = (char)cim_ascii_lower((unsigned char)norm[i]);
	}
	out[j] = '@';
	memmove(out + j + 1, domain, strlen(domain) + 1);
	return 0;
}
