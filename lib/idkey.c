/*
 * idkey.c: match keys for customer identifiers (see idkey.h).
 */
#include <string.h>

#include "email.h"
#include "idkey.h"
#include "phone.h"

/* Writes prefix and v[0..vn) into out; the length, or -1 when too long. */
static int
put_key(const char *prefix, const char *v, size_t vn, char *out, size_t outlen)
{
	size_t pn = strlen(prefix);

	if (pn + vn + 1 > outlen || pn + vn + 1 > CIM_IDKEY_MAX) {
		if (outlen > 0)
			out[0] = '\0';
		return -1;
	}
	memcpy(out, prefix, pn);
	memcpy(out + pn, v, vn);
	out[pn + vn] = '\0';
	return (int)(pn + vn);
}

static int
none(char *out, size_t outlen)
{
	if (outlen > 0)
		out[0] = '\0';
	return -1;
}

int
cim_idkey_email(const char *s, size_t n, char *out, size_t outlen)
{
	char norm[CIM_EMAIL_MAX], key[CIM_EMAIL_MAX];

	if (cim_email_norm(s, n, norm, sizeof(norm)) < 0 ||
	    cim_email_key(norm, key, sizeof(key)) < 0)
		return none(out, outlen);
	return put_key("email:", key, strlen(key), out, outlen);
}

/*
 * The key of an E.164 number.  cim_phone_br_key() maps a Brazilian mobile
 * with and without its ninth digit to one string, the eight-digit form;
 * that form looks like a dialable number and must not be shown as one, so
 * the ninth digit is put back: +55 DD [6-9]XXXXXXX is never a landline
 * (Anatel landlines start 2-5), so the nine-digit form is the same line.
 */
static int
phone_key(const char *e164, char *out, size_t outlen)
{
	char k[CIM_PHONE_MAX + 1];
	size_t n;

	if (cim_phone_br_key(e164, k) < 0)
		return none(out, outlen);
	n = strlen(k);
	if (n == 13 && memcmp(k, "+55", 3) == 0 && k[5] >= '6' && k[5] <= '9') {
		memmove(k + 6, k + 5, n - 5 + 1);
		k[5] = '9';
		n++;
	}
	return put_key("phone:", k, n, out, outlen);
}

int
cim_idkey_phone(const char *s, size_t n, const char *region,
    char *out, size_t outlen)
{
	char e164[CIM_PHONE_MAX];

	if (cim_phone_e164(s, n, region, e164) < 0)
		return none(out, outlen);
	return phone_key(e164, out, outlen);
}

int
cim_idkey_whatsapp(const char *s, size_t n, char *out, size_t outlen)
{
	char e164[CIM_PHONE_MAX], plus[24];
	size_t i, b = 0, e = n;

	while (b < e && (s[b] == ' ' || s[b] == '\t'))
		b++;
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	for (i = b; i < e && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == e && e - b >= 8 && e - b <= 15) {
		/* Bare digits: WhatsApp ids are always international. */
		plus[0] = '+';
		memcpy(plus + 1, s + b, e - b);
		if (cim_phone_e164(plus, e - b + 1, "BR", e164) < 0)
			return none(out, outlen);
	} else if (cim_phone_e164(s + b, e - b, "BR", e164) < 0) {
		return none(out, outlen);
	}
	return phone_key(e164, out, outlen);
}

int
cim_cpf_check(const char *d)
{
	int i, sum, v;

	for (i = 0; i < 11; i++)
		if (d[i] < '0' || d[i] > '9')
			return 0;
	for (sum = 0, i = 0; i < 9; i++)
		sum += (d[i] - '0') * (10 - i);
	v = sum * 10 % 11 % 10;
	if (v != d[9] - '0')
		return 0;
	for (sum = 0, i = 0; i < 10; i++)
		sum += (d[i] - '0') * (11 - i);
	v = sum * 10 % 11 % 10;
	return v == d[10] - '0';
}

/*
 * CPFs that pass the check but are typed in when the real one is not
 * known: the sequences that appear in forms, examples and tutorials.
 */
static const char *const cpf_placeholders[] = {
	"12345678909",	/* 123.456.789-09, the classic example */
	"01234567890",	/* 012.345.678-90 */
	"98765432100",	/* 987.654.321-00 */
	"11122233396",	/* 111.222.333-96 */
};

int
cim_idkey_cpf(const char *s, size_t n, char *out, size_t outlen)
{
	char d[12];
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9') {
			if (k == 11)
				return none(out, outlen);
			d[k++] = c;
		} else if (c != '.' && c != '-' && c != ' ' && c != '/') {
			return none(out, outlen);
		}
	}
	d[k] = '\0';
	if (k != 11 || !cim_cpf_check(d))
		return none(out, outlen);
	for (i = 1; i < 11 && d[i] == d[0]; i++)
		;
	if (i == 11)
		return none(out, outlen);	/* 000.000.000-00 ... 999.999.999-99 */
	for (i = 0; i < sizeof(cpf_placeholders) / sizeof(*cpf_placeholders); i++)
		if (memcmp(d, cpf_placeholders[i], 11) == 0)
			return none(out, outlen);
	return put_key("cpf:", d, 11, out, outlen);
}

static int
ns_is(const char *ns, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(ns, name, n) == 0;
}

/* Values that stand for "unknown" in exports, compared case-insensitively. */
static const char *const placeholders[] = {
	"null", "none", "n/a", "na", "0", "-", "undefined", "nil", "?",
};

int
cim_idkey_ns(const char *ns, size_t nslen, const char *s, size_t n,
    const char *region, char *out, size_t outlen)
{
	char lns[40];
	size_t i, b = 0, e = n;

	if (nslen == 0 || nslen > 32)
		return none(out, outlen);
	for (i = 0; i < nslen; i++) {
		char c = ns[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') &&
		    c != '_' && c != '-')
			return none(out, outlen);
		lns[i] = c;
	}
	lns[nslen] = ':';
	lns[nslen + 1] = '\0';
	if (ns_is(lns, nslen, "email"))
		return cim_idkey_email(s, n, out, outlen);
	if (ns_is(lns, nslen, "phone"))
		return cim_idkey_phone(s, n, region, out, outlen);
	if (ns_is(lns, nslen, "whatsapp"))
		return cim_idkey_whatsapp(s, n, out, outlen);
	if (ns_is(lns, nslen, "cpf"))
		return cim_idkey_cpf(s, n, out, outlen);
	while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n'))
		b++;
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' ||
	    s[e - 1] == '\n'))
		e--;
	if (b == e)
		return none(out, outlen);
	for (i = 0; i < sizeof(placeholders) / sizeof(*placeholders); i++) {
		size_t k, pl = strlen(placeholders[i]);

		if (pl != e - b)
			continue;
		for (k = 0; k < pl; k++) {
			char c = s[b + k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != placeholders[i][k])
				break;
		}
		if (k == pl)
			return none(out, outlen);
	}
	return put_key(lns, s + b, e - b, out, outlen);
}

/* U+00C0..U+00FF (UTF-8 C3 80..C3 BF) without accent, lower case; 0 for
 * the non-letters (multiplication and division signs). */
static const char latin1_fold[64] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

unsigned
cim_idkey_name_hint(const char *s, size_t n)
{
	const char *comma = memchr(s, ',', n), *e = s + n;
	unsigned h = 2166136261u;
	int any = 0;

	if (comma != NULL)
		s = comma + 1;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	for (; s < e && *s != ' ' && *s != '\t' && *s != ','; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c == 0xC3 && s + 1 < e && ((unsigned char)s[1] & 0xC0) == 0x80) {
			/* Accents dropped and case folded: José, JOSÉ, Jose. */
			c = (unsigned char)latin1_fold[(unsigned char)*++s & 0x3F];
			if (c == 0)
				continue;
		} else if (c >= 0xF0) {
			break;	/* an emoji ends the name: "Pedro💙" */
		} else if (!(c >= 'a' && c <= 'z') && c < 0x80) {
			continue;	/* "M." and "Ana-" are Ana and M */
		}
		h = (h ^ c) * 16777619u;
		any = 1;
	}
	return any ? (h ? h : 1) : 0;
}
