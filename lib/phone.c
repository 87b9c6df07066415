/*
 * phone.c: E.164 normalization of telephone numbers (see phone.h).
 *
 * The work is in three steps: strip() reduces the text to digits and a
 * "+" flag, the prefix decides between international and national, and a
 * per-country rule validates the national significant number (NSN) and
 * writes "+" country code NSN.  The country table is deliberately small:
 * it covers the markets cim's users talk to; libphonenumber is the place
 * for the whole world, and an unknown country code is only length-checked.
 */
#include <string.h>

#include "ascii.h"
#include "phone.h"

#define DIGITS_MAX 20	/* "011" + 15 digits + slack; more is invalid */
/*
 * Total digits, country code included.  15 is the ITU-T E.164 maximum; 8
 * is a floor that every table country clears and that rejects stray short
 * digit runs (a few island states have shorter numbers and are lost).
 */
#define E164_MIN 8
#define E164_MAX 15

enum rule {
	RULE_LEN,	/* NSN length between min and max */
	RULE_BR,	/* Brazil: DDD + 8/9-digit subscriber, ninth digit */
	RULE_NANP,	/* US/CA: NPA-NXX-XXXX */
	RULE_MX		/* Mexico: legacy mobile "1" dropped, then length */
};

struct country {
	const char	*cc;		/* calling code, digits */
	enum rule	 rule;
	int		 trunk0;	/* national trunk prefix is "0" */
	unsigned char	 min, max;	/* NSN length for RULE_LEN and RULE_MX */
};

/*
 * NSN lengths follow the national numbering plans (ITU-T operational
 * bulletins, as summarized by libphonenumber's metadata); they are
 * deliberately a little generous where old and new plans overlap.
 * Italy keeps its leading 0 in international form, so it has no trunk
 * prefix here; Portugal, Spain, Chile and Mexico dropped theirs.
 */
static const struct country countries[] = {
	{ "1",   RULE_NANP, 0,  10, 10 },	/* US, CA */
	{ "33",  RULE_LEN,  1,   9,  9 },	/* FR */
	{ "34",  RULE_LEN,  0,   9,  9 },	/* ES */
	{ "39",  RULE_LEN,  0,   6, 11 },	/* IT */
	{ "44",  RULE_LEN,  1,   7, 10 },	/* GB */
	{ "49",  RULE_LEN,  1,   6, 13 },	/* DE */
	{ "51",  RULE_LEN,  1,   8,  9 },	/* PE */
	{ "52",  RULE_MX,   0,  10, 10 },	/* MX */
	{ "54",  RULE_LEN,  1,  10, 11 },	/* AR: mobiles carry a 9 */
	{ "55",  RULE_BR,   1,  10, 11 },	/* BR */
	{ "56",  RULE_LEN,  0,   9,  9 },	/* CL */
	{ "57",  RULE_LEN,  1,   8, 10 },	/* CO: 8 before the 2021 plan */
	{ "91",  RULE_LEN,  1,  10, 10 },	/* IN */
	{ "351", RULE_LEN,  0,   9,  9 },	/* PT */
	{ "595", RULE_LEN,  1,   7,  9 },	/* PY */
	{ "598", RULE_LEN,  1,   8,  8 },	/* UY */
};

static const struct {
	char		 iso[3];
	const char	*cc;
} regions[] = {
	{ "BR", "55" }, { "US", "1" }, { "CA", "1" }, { "PT", "351" },
	{ "ES", "34" }, { "MX", "52" }, { "AR", "54" }, { "CO", "57" },
	{ "CL", "56" }, { "PE", "51" }, { "UY", "598" }, { "PY", "595" },
	{ "GB", "44" }, { "UK", "44" }, { "DE", "49" }, { "FR", "33" },
	{ "IT", "39" }, { "IN", "91" },
};

/*
 * The 67 Brazilian area codes (DDD) of Anatel's Plano Geral de Codigos
 * Nacionais (Resolucao 263/2001); the gaps (20, 23, 25, 26, 29, 30, 36,
 * 39, 40, 50, 52, 56-60, 70, 72, 76, 78, 80, 90) are not assigned, and
 * catch 0800/0300/0500/0900 service numbers once their 0 is stripped.
 */
static const unsigned char br_ddds[] = {
	11, 12, 13, 14, 15, 16, 17, 18, 19,
	21, 22, 24, 27, 28,
	31, 32, 33, 34, 35, 37, 38,
	41, 42, 43, 44, 45, 46, 47, 48, 49,
	51, 53, 54, 55,
	61, 62, 63, 64, 65, 66, 67, 68, 69,
	71, 73, 74, 75, 77, 79,
	81, 82, 83, 84, 85, 86, 87, 88, 89,
	91, 92, 93, 94, 95, 96, 97, 98, 99,
};

struct digits {
	char	d[DIGITS_MAX];
	size_t	n;
	int	plus;	/* a "+" came before the first digit */
	int	jid;	/* a WhatsApp JID: digits are international */
};

static int
has_suffix(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p);

	return n >= m && cim_ascii_has_prefix(s + n - m, m, p);
}

/*
 * Length of the formatting character at s[0..n) that a phone number may
 * carry, 0 when s[0] is not one.  The invisible ones (bidi marks,
 * zero-width space, BOM) come from copy-and-paste out of chat apps and
 * right-to-left interfaces.
 */
static size_t
noise_len(const unsigned char *s, size_t n)
{
	switch (s[0]) {
	case ' ': case '\t': case '-': case '.': case '(': case ')': case '/':
		return 1;
	case 0xC2:	/* U+00A0 no-break space */
		return n >= 2 && s[1] == 0xA0 ? 2 : 0;
	case 0xE2:
		if (n < 3)
			return 0;
		if (s[1] == 0x80 && ((s[2] >= 0x8B && s[2] <= 0x95) ||
		    (s[2] >= 0xAA && s[2] <= 0xAF)))
			return 3;	/* U+200B..U+2015, U+202A..U+202F */
		if (s[1] == 0x81 && s[2] == 0xA0)
			return 3;	/* U+2060 word joiner */
		return 0;
	case 0xEF:	/* U+FEFF byte order mark */
		return n >= 3 && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
	}
	return 0;
}

/* Reduces s[0..n) to digits; -1 on any character that is not noise. */
static int
strip(const char *s, size_t n, struct digits *dg)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;

	memset(dg, 0, sizeof *dg);
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (cim_ascii_has_prefix(s + i, n - i, "tel:"))	/* RFC 3966 URI */
		i += 4;
	if (has_suffix(s + i, n - i, "@s.whatsapp.net")) {
		n -= strlen("@s.whatsapp.net");
		dg->jid = 1;
	} else if (has_suffix(s + i, n - i, "@c.us")) {	/* whatsapp-web.js */
		n -= strlen("@c.us");
		dg->jid = 1;
	}
	if (dg->jid) {
		/* Multi-device JIDs are "number:device@s.whatsapp.net". */
		for (k = n; k > i && s[k - 1] >= '0' && s[k - 1] <= '9'; k--)
			;
		if (k > i + 1 && k < n && s[k - 1] == ':')
			n = k - 1;
	}
	while (i < n) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (dg->n == DIGITS_MAX)
				return -1;
			dg->d[dg->n++] = s[i++];
		} else if (s[i] == '+' && dg->n == 0 && !dg->plus) {
			dg->plus = 1;
			i++;
		} else if ((k = noise_len(u + i, n - i)) > 0) {
			i += k;
		} else {
			return -1;
		}
	}
	return dg->n > 0 ? 0 : -1;
}

static int
br_ddd_valid(const char *d)
{
	int ddd = (d[0] - '0') * 10 + (d[1] - '0');
	size_t i;

	for (i = 0; i < sizeof br_ddds; i++)
		if (br_ddds[i] == ddd)
			return 1;
	return 0;
}

/*
 * Brazil: d[0..n) is DDD + subscriber.  Writes the 10- or 11-digit NSN to
 * nsn and returns its length, or -1.
 */
static int
br_nsn(const char *d, size_t n, char *nsn)
{
	if ((n != 10 && n != 11) || !br_ddd_valid(d))
		return -1;
	memcpy(nsn, d, 2);
	if (n == 11) {
		/* Nine-digit numbers are mobiles, and all of them start 9. */
		if (d[2] != '9')
			return -1;
		memcpy(nsn + 2, d + 2, 9);
		return 11;
	}
	if (d[2] >= '2' && d[2] <= '5') {	/* landline */
		memcpy(nsn + 2, d + 2, 8);
		return 10;
	}
	if (d[2] >= '6' && d[2] <= '9') {
		/*
		 * An 8-digit number starting 6-9 is a mobile written before
		 * Anatel's ninth digit (Resolucao 553/2010, rolled out from
		 * DDD 11 in July 2012 to the last areas in November 2016):
		 * every such mobile gained a leading 9, so the old form still
		 * found in CRMs and WhatsApp ids no longer rings.  Adding the
		 * 9 makes it dialable and lets old and new records match.
		 */
		nsn[2] = '9';
		memcpy(nsn + 3, d + 2, 8);
		return 11;
	}
	return -1;	/* 0 and 1 start service codes, not lines */
}

/* NANP: NPA-NXX-XXXX, NPA and NXX start 2-9 and are not N11. */
static int
nanp_valid(const char *d, size_t n)
{
	if (n != 10)
		return 0;
	if (d[0] < '2' || (d[1] == '1' && d[2] == '1'))
		return 0;
	if (d[3] < '2' || (d[4] == '1' && d[5] == '1'))
		return 0;
	return 1;
}

static const struct country *
country_by_cc(const char *cc)
{
	size_t i;

	for (i = 0; i < sizeof countries / sizeof countries[0]; i++)
		if (strcmp(countries[i].cc, cc) == 0)
			return &countries[i];
	return NULL;
}

/* Country codes are prefix-free (ITU-T E.164), so the first match wins. */
static const struct country *
country_of(const char *d, size_t n)
{
	size_t i, m;

	for (i = 0; i < sizeof countries / sizeof countries[0]; i++) {
		m = strlen(countries[i].cc);
		if (n > m && memcmp(d, countries[i].cc, m) == 0)
			return &countries[i];
	}
	return NULL;
}

/* Writes "+" cc nsn to out after the E.164 length check. */
static int
emit(const char *cc, const char *nsn, size_t n, char out[CIM_PHONE_MAX])
{
	size_t m = strlen(cc);

	if (m + n < E164_MIN || m + n > E164_MAX)
		return -1;
	out[0] = '+';
	memcpy(out + 1, cc, m);
	memcpy(out + 1 + m, nsn, n);
	out[1 + m + n] = '\0';
	return 0;
}

/* Validates the NSN d[0..n) of country c and writes the E.164 form. */
static int
country_e164(const struct country *c, const char *d, size_t n,
    char out[CIM_PHONE_MAX])
{
	char nsn[E164_MAX];
	int len;

	/*
	 * "+44 (0)20 ..." and "+55 (011) ..." are common ways of writing
	 * the international and national forms at once; the trunk 0 is
	 * never part of the NSN in these countries.
	 */
	if (c->trunk0 && n > 0 && d[0] == '0')
		d++, n--;
	/*
	 * One trunk 0 at most: past it, an NSN of these countries never
	 * starts with 0.  "+91 0010..." gave +91010..., which did not
	 * normalize again (tests/fuzz/phone/crash-1f5a5d7d...).  Brazil's
	 * carrier forms are br_nsn's to judge.
	 */
	if (c->trunk0 && c->rule != RULE_BR && n > 0 && d[0] == '0')
		return -1;
	if (n >= sizeof nsn)
		return -1;
	switch (c->rule) {
	case RULE_BR:
		if ((len = br_nsn(d, n, nsn)) < 0)
			return -1;
		return emit(c->cc, nsn, (size_t)len, out);
	case RULE_NANP:
		if (!nanp_valid(d, n))
			return -1;
		break;
	case RULE_MX:
		/*
		 * Until August 2019 Mexican mobiles were dialled from abroad
		 * as +52 1 + 10 digits; the 1 is gone, but WhatsApp ids and
		 * old records keep it.
		 */
		if (n == 11 && d[0] == '1')
			d++, n--;
		/* FALLTHROUGH */
	case RULE_LEN:
		if (n < c->min || n > c->max)
			return -1;
		break;
	}
	return emit(c->cc, d, n, out);
}

/* d[0..n) is country code + NSN, the international prefix removed. */
static int
intl_e164(const char *d, size_t n, char out[CIM_PHONE_MAX])
{
	const struct country *c = country_of(d, n);

	if (n == 0 || d[0] == '0')	/* no country code starts with 0 */
		return -1;
	if (c != NULL)
		return country_e164(c, d + strlen(c->cc), n - strlen(c->cc), out);
	/* Not in the table: E.164 length is all that can be checked. */
	return emit("", d, n, out);
}

/*
 * Brazil, national form: DDD + subscriber, optionally after the trunk 0
 * ("011 98765-4321") or after 0 + a 2-digit carrier selection code
 * (Codigo de Selecao de Prestadora, e.g. 21 Embratel, 41 TIM, 15 Vivo),
 * which is how long-distance calls are dialled in Brazil and how numbers
 * get pasted.  The lengths tell the forms apart: DDD + 8/9 digits is 10
 * or 11, with trunk 11 or 12, with carrier 13 or 14.  There is no default
 * area code: an 8- or 9-digit number is -1 rather than a guess.
 */
static int
br_national(const char *d, size_t n, char out[CIM_PHONE_MAX])
{
	char nsn[E164_MAX];
	int len;

	if (d[0] == '0') {
		if (n == 11 || n == 12)
			d++, n--;
		else if (n == 13 || n == 14)
			d += 3, n -= 3;
		else
			return -1;
	}
	if ((len = br_nsn(d, n, nsn)) < 0)
		return -1;
	return emit("55", nsn, (size_t)len, out);
}

/*
 * WhatsApp ids and many exports write Brazilian numbers as bare
 * international digits, 55 + DDD + subscriber.  No national form of any
 * table region has 12-13 digits starting 55 and a valid DDD without a
 * leading 0, so this is read as international in every region.
 */
static int
br_bare(const char *d, size_t n)
{
	return (n == 12 || n == 13) && d[0] == '5' && d[1] == '5' &&
	    br_ddd_valid(d + 2);
}

static const struct country *
country_of_region(const char *region)
{
	size_t i;

	if (region == NULL || region[0] == '\0')
		region = "BR";
	if (region[1] == '\0' || region[2] != '\0')
		return NULL;
	for (i = 0; i < sizeof regions / sizeof regions[0]; i++)
		if (cim_ascii_lower((unsigned char)region[0]) == cim_ascii_lower(regions[i].iso[0]) &&
		    cim_ascii_lower((unsigned char)region[1]) == cim_ascii_lower(regions[i].iso[1]))
			return country_by_cc(regions[i].cc);
	return NULL;
}

int
cim_phone_e164(const char *s, size_t n, const char *region,
    char out[CIM_PHONE_MAX])
{
	const struct country *c;
	struct digits dg;
	const char *d;
	size_t nd;
	int r;

	out[0] = '\0';
	if (s == NULL || strip(s, n, &dg) < 0)
		return -1;
	d = dg.d, nd = dg.n;
	if (dg.plus || dg.jid)
		r = intl_e164(d, nd, out);
	else if (nd > 2 && d[0] == '0' && d[1] == '0')
		r = intl_e164(d + 2, nd - 2, out);
	else if (br_bare(d, nd))
		r = intl_e164(d, nd, out);
	else if ((c = country_of_region(region)) == NULL)
		r = -1;
	else if (c->rule == RULE_BR)
		r = br_national(d, nd, out);
	else if (c->rule == RULE_NANP && nd > 3 && memcmp(d, "011", 3) == 0)
		r = intl_e164(d + 3, nd - 3, out);	/* US exit code */
	else if (c->rule == RULE_NANP && nd == 11 && d[0] == '1')
		r = country_e164(c, d + 1, nd - 1, out);
	else
		r = country_e164(c, d, nd, out);
	if (r < 0)
		out[0] = '\0';
	return r;
}

int
cim_phone_br_key(const char *e164, char out[CIM_PHONE_MAX])
{
	size_t n;

	out[0] = '\0';
	if (e164 == NULL || (n = strnlen(e164, CIM_PHONE_MAX)) == CIM_PHONE_MAX)
		return -1;
	/*
	 * +55 DD 9 [6-9]XXXXXXX: the mobiles that existed as 8-digit
	 * numbers before the ninth digit (see br_nsn).  Mobiles in newer
	 * ranges (9 followed by 1-5) never had an 8-digit form and keep it.
	 */
	if (n == 14 && memcmp(e164, "+55", 3) == 0 && e164[5] == '9' &&
	    e164[6] >= '6' && e164[6] <= '9') {
		memcpy(out, e164, 5);
		memcpy(out + 5, e164 + 6, n - 6 + 1);
		return 0;
	}
	memcpy(out, e164, n + 1);
	return 0;
}
