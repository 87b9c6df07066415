/*
 * Unit tests for lib/phone: input and region -> E.164 or invalid (NULL),
 * and E.164 -> Brazilian matching key.
 */
#include <stdio.h>
#include <string.h>

#include "phone.h"
#include "unit.h"

static const struct {
	const char	*in;
	const char	*region;	/* NULL means the default, BR */
	const char	*want;		/* NULL means -1 */
} e164[] = {
	/* Brazil, international */
	{ "+55 11 98765-4321", NULL, "+5511987654321" },
	{ "+55 (11) 98765-4321", "US", "+5511987654321" },
	{ "(+55 11) 98765.4321", NULL, "+5511987654321" },
	{ "0055 11 98765 4321", NULL, "+5511987654321" },
	{ "+55 (011) 98765-4321", NULL, "+5511987654321" },
	{ "+55 11 3456-7890", NULL, "+551134567890" },
	{ "+55 21 2345 6789", NULL, "+552123456789" },
	{ "+55 11 8123 4567", NULL, "+5511981234567" },	/* ninth digit */
	{ "+55 61 7123 4567", NULL, "+5561971234567" },
	{ "+55 11 6123 4567", NULL, "+5511961234567" },
	{ "+55 10 98765-4321", NULL, NULL },		/* DDD 10 */
	{ "+55 20 3456-7890", NULL, NULL },		/* DDD 20 */
	{ "+55 11 88765-4321", NULL, NULL },		/* 9 digits, not 9 */
	{ "+55 11 1234-5678", NULL, NULL },		/* starts 1 */
	{ "+55 11 987654321 0", NULL, NULL },		/* too long */
	{ "+55 11 9876543", NULL, NULL },		/* too short */
	/* Brazil, bare international digits and WhatsApp ids */
	{ "5511987654321", NULL, "+5511987654321" },
	{ "551181234567", NULL, "+5511981234567" },
	{ "5511987654321", "US", "+5511987654321" },
	{ "5511987654321@s.whatsapp.net", NULL, "+5511987654321" },
	{ "551181234567@s.whatsapp.net", "US", "+5511981234567" },
	{ "5511987654321:12@s.whatsapp.net", NULL, "+5511987654321" },
	{ "5511987654321@c.us", NULL, "+5511987654321" },
	{ "14155550123@c.us", "BR", "+14155550123" },
	{ "120363041234567890@g.us", NULL, NULL },	/* group, not a line */
	/* Brazil, national */
	{ "11 98765-4321", NULL, "+5511987654321" },
	{ "(11) 98765-4321", "BR", "+5511987654321" },
	{ "(11) 98765-4321", "br", "+5511987654321" },
	{ "(11) 98765-4321", "", "+5511987654321" },
	{ "011 98765-4321", NULL, "+5511987654321" },
	{ "(011) 3456-7890", NULL, "+551134567890" },
	{ "0 21 11 98765 4321", NULL, "+5511987654321" },	/* carrier */
	{ "0 15 21 2345-6789", NULL, "+552123456789" },
	{ "041 11 8765 4321", NULL, "+5511987654321" },
	{ "11 8765-4321", NULL, "+5511987654321" },		/* ninth digit */
	{ "85 3222-1234", NULL, "+558532221234" },
	{ "(99) 99123-4567", NULL, "+5599991234567" },
	{ "(55) 3222-1234", NULL, "+555532221234" },	/* DDD 55 */
	{ "98765-4321", NULL, NULL },			/* no DDD */
	{ "3456-7890", NULL, NULL },
	{ "(23) 3456-7890", NULL, NULL },		/* DDD 23 */
	{ "0800 123 4567", NULL, NULL },		/* service numbers */
	{ "0300 123 4567", NULL, NULL },
	{ "4004-0001", NULL, NULL },
	{ "0 0 11 98765 4321", NULL, NULL },
	{ "11 0765-4321", NULL, NULL },
	/* formatting noise */
	{ "tel:+55-11-98765-4321", NULL, "+5511987654321" },
	{ "TEL:+1-201-555-0123", NULL, "+12015550123" },
	{ "  +55\xc2\xa0" "11\xc2\xa0" "98765\xe2\x80\x91" "4321 ", NULL,
	  "+5511987654321" },
	{ "\xe2\x80\x8e+55 11 98765-4321\xe2\x80\x8f", NULL, "+5511987654321" },
	{ "\xe2\x80\xaa+55 11 98765-4321\xe2\x80\xac", NULL, "+5511987654321" },
	{ "\xef\xbb\xbf" "11/98765/4321", NULL, "+5511987654321" },
	{ "\t+55\t11\t98765\t4321", NULL, "+5511987654321" },
	/* rejected characters */
	{ "+55 11 98765-4321 ramal 12", NULL, NULL },
	{ "+1 201 555 0123 ext. 4", "US", NULL },
	{ "+1 201 555 0123 x4", "US", NULL },
	{ "tel:+1-201-555-0123;ext=4", "US", NULL },
	{ "0800-FLOWERS", "US", NULL },
	{ "+55 11 98765-432l", NULL, NULL },
	{ "55+11987654321", NULL, NULL },
	{ "++5511987654321", NULL, NULL },
	{ "+55 11 98765\xe2\x80\x94" "4321", NULL, "+5511987654321" },
	{ "+55 11 98765-432\xef\xbc\x91", NULL, NULL },	/* fullwidth 1 */
	{ "+55 11 9876\xc2" "54321", NULL, NULL },	/* broken UTF-8 */
	{ "", NULL, NULL },
	{ "   ", NULL, NULL },
	{ "+", NULL, NULL },
	{ "tel:", NULL, NULL },
	{ "@s.whatsapp.net", NULL, NULL },
	{ "123456789012345678901234567890", NULL, NULL },
	/* US/CA */
	{ "(201) 555-0123", "US", "+12015550123" },
	{ "201.555.0123", "us", "+12015550123" },
	{ "1-201-555-0123", "US", "+12015550123" },
	{ "416 555 0199", "CA", "+14165550199" },
	{ "+1 (201) 555-0123", NULL, "+12015550123" },
	{ "001 201 555 0123", NULL, "+12015550123" },
	{ "011 55 11 98765 4321", "US", "+5511987654321" },
	{ "(123) 555-0123", "US", NULL },		/* area starts 1 */
	{ "(201) 155-0123", "US", NULL },		/* exchange starts 1 */
	{ "(911) 555-0123", "US", NULL },		/* N11 */
	{ "555-0123", "US", NULL },
	{ "2-201-555-0123", "US", NULL },
	{ "+1 201 555 012", NULL, NULL },
	/* other table countries */
	{ "+351 912 345 678", NULL, "+351912345678" },
	{ "912 345 678", "PT", "+351912345678" },
	{ "+34 612 34 56 78", NULL, "+34612345678" },
	{ "+52 1 55 1234 5678", NULL, "+525512345678" },	/* MX legacy 1 */
	{ "55 1234 5678", "MX", "+525512345678" },
	{ "+54 9 11 1234-5678", NULL, "+5491112345678" },
	{ "011 4321-1234", "AR", "+541143211234" },
	{ "+57 300 123 4567", NULL, "+573001234567" },
	{ "+56 9 1234 5678", NULL, "+56912345678" },
	{ "01 234 5678", "PE", "+5112345678" },
	{ "099 123 456", "UY", "+59899123456" },
	{ "0981 123456", "PY", "+595981123456" },
	{ "020 7946 0958", "GB", "+442079460958" },
	{ "07911 123456", "UK", "+447911123456" },
	{ "+44 (0)20 7946 0958", NULL, "+442079460958" },
	{ "030 123456", "DE", "+4930123456" },
	{ "01 23 45 67 89", "FR", "+33123456789" },
	{ "06 1234 5678", "IT", "+390612345678" },	/* IT keeps its 0 */
	{ "+39 06 1234 5678", NULL, "+390612345678" },
	{ "098765 43210", "IN", "+919876543210" },
	{ "+351 91 234 567", NULL, NULL },		/* PT is 9 digits */
	{ "+33 1 23 45 67 8", NULL, NULL },
	{ "612 345 678", "ZZ", NULL },			/* unknown region */
	{ "612 345 678", "ESP", NULL },
	/* unknown country codes: length only */
	{ "+81 3 1234 5678", NULL, "+81312345678" },
	{ "+7 495 123 45 67", NULL, "+74951234567" },
	{ "+81 123", NULL, NULL },
	{ "+8112345678901234", NULL, NULL },		/* 16 digits */
	{ "+0 11 98765 4321", NULL, NULL },
};

static const struct {
	const char	*in;
	const char	*want;	/* NULL means -1 */
} br_key[] = {
	{ "+5511987654321", "+551187654321" },
	{ "+551187654321", "+551187654321" },
	{ "+5521961234567", "+552161234567" },
	{ "+5511991234567", "+551191234567" },
	{ "+5511951234567", "+5511951234567" },	/* 9 + 5: new range */
	{ "+551134567890", "+551134567890" },	/* landline */
	{ "+12015550123", "+12015550123" },
	{ "+351912345678", "+351912345678" },
	{ "+5491112345678", "+5491112345678" },	/* AR, not BR */
	{ "", "" },
	{ "+5511987654321000000", NULL },	/* does not fit */
	{ NULL, NULL },
};

int
main(void)
{
	char out[CIM_PHONE_MAX], ctx[128];
	const char *got;
	size_t i;
	int r;

	for (i = 0; i < sizeof e164 / sizeof e164[0]; i++) {
		r = cim_phone_e164(e164[i].in, strlen(e164[i].in),
		    e164[i].region, out);
		got = r == 0 ? out : NULL;
		snprintf(ctx, sizeof ctx, "e164(\"%s\", %s)", e164[i].in,
		    e164[i].region ? e164[i].region : "NULL");
		CHECK_STR(got, e164[i].want, ctx);
		if (r != 0)
			CHECK_STR(out, "", ctx);
	}
	for (i = 0; i < sizeof br_key / sizeof br_key[0]; i++) {
		r = cim_phone_br_key(br_key[i].in, out);
		got = r == 0 ? out : NULL;
		snprintf(ctx, sizeof ctx, "br_key(\"%s\")",
		    br_key[i].in ? br_key[i].in : "NULL");
		CHECK_STR(got, br_key[i].want, ctx);
	}

	/* The range is the input, not the NUL: trailing bytes are ignored. */
	r = cim_phone_e164("11987654321xyz", 11, NULL, out);
	CHECK_STR(r == 0 ? out : NULL, "+5511987654321", "byte range");
	r = cim_phone_e164("+55 11 8123", 7, NULL, out);
	CHECK_STR(r == 0 ? out : NULL, NULL, "short byte range");
	CHECK_INT(cim_phone_e164(NULL, 0, NULL, out), -1, "NULL input");

	/* Old and new forms of a mobile share a key. */
	{
		char a[CIM_PHONE_MAX], b[CIM_PHONE_MAX];
		char ka[CIM_PHONE_MAX], kb[CIM_PHONE_MAX];

		cim_phone_e164("+55 11 98123-4567", 17, NULL, a);
		cim_phone_br_key(a, ka);
		strcpy(b, "+551181234567");	/* stored by another system */
		cim_phone_br_key(b, kb);
		CHECK_STR(ka, kb, "key of old and new form");
	}
	return unit_done();
}
