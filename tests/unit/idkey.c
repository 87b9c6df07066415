/*
 * Unit tests for lib/idkey: identifier as written -> match key, or not an
 * identifier (NULL).
 */
#include <stdio.h>
#include <string.h>

#include "idkey.h"
#include "unit.h"

static const struct {
	const char	*ns;	/* namespace given to cim_idkey_ns */
	const char	*in;
	const char	*want;	/* NULL: not an identifier */
} cases[] = {
	/* e-mail: domain and, for the key, local part lower-cased */
	{ "email", "Ana.Silva@Example.COM", "email:ana.silva@example.com" },
	{ "email", "  ana@example.com ", "email:ana@example.com" },
	{ "email", "A.n.a.Silva+loja@googlemail.com", "email:anasilva@gmail.com" },
	{ "email", "anasilva@gmail.com", "email:anasilva@gmail.com" },
	{ "email", "ana+promo@hotmail.com", "email:ana@hotmail.com" },
	{ "email", "ana+promo@yahoo.com", "email:ana+promo@yahoo.com" },
	{ "email", "ana.silva@uol.com.br", "email:ana.silva@uol.com.br" },
	{ "email", "n/a", NULL },
	{ "email", "", NULL },
	{ "EMAIL", "Bia@x.org", "email:bia@x.org" },
	/* phones: E.164, Brazilian mobiles with or without the ninth digit */
	{ "phone", "+55 11 98123-4567", "phone:+5511981234567" },
	{ "phone", "55 11 8123 4567", "phone:+5511981234567" },
	{ "phone", "(11) 8123-4567", "phone:+5511981234567" },
	{ "phone", "+551181234567", "phone:+5511981234567" },
	{ "phone", "011 98123-4567", "phone:+5511981234567" },
	{ "phone", "(11) 3456-7890", "phone:+551134567890" },
	{ "phone", "+1 (212) 555-0100", "phone:+12125550100" },
	{ "phone", "+5511912345678", "phone:+5511912345678" },
	{ "phone", "0800 123 4567", NULL },
	{ "phone", "ramal 22", NULL },
	{ "telefone", "11 3456-7890", "telefone:11 3456-7890" },
	/* WhatsApp ids: JID or digits, always international */
	{ "whatsapp", "5511912345678@s.whatsapp.net", "phone:+5511912345678" },
	{ "whatsapp", "5511912345678", "phone:+5511912345678" },
	{ "whatsapp", "551181234567", "phone:+5511981234567" },
	{ "whatsapp", "551181234567@s.whatsapp.net", "phone:+5511981234567" },
	{ "whatsapp", "17182004321", "phone:+17182004321" },
	{ "whatsapp", " 17182004321 ", "phone:+17182004321" },
	{ "whatsapp", "abc", NULL },
	{ "whatsapp", "123", NULL },
	/* CPF: check digits, repeated digits and placeholders */
	{ "cpf", "529.982.247-25", "cpf:52998224725" },
	{ "cpf", "52998224725", "cpf:52998224725" },
	{ "cpf", "529 982 247 25", "cpf:52998224725" },
	{ "cpf", "529.982.247-24", NULL },
	{ "cpf", "5299822472", NULL },
	{ "cpf", "529982247250", NULL },
	{ "cpf", "529.982.247-2x", NULL },
	{ "cpf", "123.456.789-09", NULL },
	{ "cpf", "12345678909", NULL },
	{ "cpf", "012.345.678-90", NULL },
	{ "cpf", "987.654.321-00", NULL },
	{ "cpf", "000.000.000-00", NULL },
	{ "cpf", "111.111.111-11", NULL },
	{ "cpf", "999.999.999-99", NULL },
	{ "cpf", "", NULL },
	/* other namespaces: as written, trimmed; placeholders refused */
	{ "twitter", "115712", "twitter:115712" },
	{ "twitter", "1157120000000000001", "twitter:1157120000000000001" },
	{ "Instagram", " 17841405436563663 ", "instagram:17841405436563663" },
	{ "crm", "C-88", "crm:C-88" },
	{ "crm", "c-88", "crm:c-88" },
	{ "crm", "", NULL },
	{ "crm", "   ", NULL },
	{ "crm", "NULL", NULL },
	{ "crm", "n/a", NULL },
	{ "crm", "0", NULL },
	{ "crm", "-", NULL },
	{ "crm", "00", "crm:00" },
	{ "bad ns", "x", NULL },
	{ "", "x", NULL },
	{ "a:b", "x", NULL },
	{ "abcdefghijabcdefghijabcdefghijabc", "x", NULL },
};

static const struct {
	const char	*d;
	int		 ok;
} cpf[] = {
	{ "52998224725", 1 },
	{ "11144477735", 1 },
	{ "12345678909", 1 },	/* valid, refused only as a placeholder */
	{ "52998224726", 0 },
	{ "5299822472a", 0 },
	{ "00000000000", 1 },
};

/* Name hints: equal when the given names are, 0 when there is none. */
static const struct {
	const char	*a, *b;
	int		 same;
} names[] = {
	{ "Ana Silva", "ana", 1 },
	{ "Silva, Ana", "ANA SILVA", 1 },
	{ "José Ramos", "JOSE", 1 },
	{ "JOSÉ", "josé", 1 },
	{ "Conceição", "CONCEICAO", 1 },
	{ "Pedro 💙", "Pedro", 1 },
	{ "Pedro💙", "pedro", 1 },
	{ "M. Souza", "m", 1 },
	{ "Ana", "Bia", 0 },
	{ "Betty Clark", "Richard Clark", 0 },
	{ "Ana", "Anabela", 0 },
};

int
main(void)
{
	char out[CIM_IDKEY_MAX], big[700];
	size_t i;
	int n;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char ctx[160];

		n = cim_idkey_ns(cases[i].ns, strlen(cases[i].ns), cases[i].in,
		    strlen(cases[i].in), "BR", out, sizeof(out));
		snprintf(ctx, sizeof(ctx), "%s=%s", cases[i].ns, cases[i].in);
		CHECK_STR(n < 0 ? NULL : out, cases[i].want, ctx);
		if (n >= 0)
			CHECK_INT(n, strlen(out), ctx);
		else
			CHECK_STR(out, "", ctx);
	}
	for (i = 0; i < sizeof(cpf) / sizeof(*cpf); i++)
		CHECK_INT(cim_cpf_check(cpf[i].d), cpf[i].ok, cpf[i].d);

	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		unsigned ha = cim_idkey_name_hint(names[i].a, strlen(names[i].a));
		unsigned hb = cim_idkey_name_hint(names[i].b, strlen(names[i].b));

		CHECK(ha != 0 && hb != 0 && (ha == hb) == names[i].same,
		    "name hint: %s / %s", names[i].a, names[i].b);
	}
	CHECK_INT(cim_idkey_name_hint("", 0), 0, "no name");
	CHECK_INT(cim_idkey_name_hint("  ", 2), 0, "blank name");
	CHECK_INT(cim_idkey_name_hint("💙", 4), 0, "emoji only");
	CHECK_INT(cim_idkey_name_hint("Silva,", 6), 0, "surname and comma only");

	/* region: a US number without country code */
	n = cim_idkey_phone("(212) 555-0100", 14, "US", out, sizeof(out));
	CHECK_STR(n < 0 ? NULL : out, "phone:+12125550100", "US region");
	n = cim_idkey_phone("(212) 555-0100", 14, NULL, out, sizeof(out));
	/* ... read in Brazil it is a Rio landline (21 2555-0100): region matters */
	CHECK_STR(n < 0 ? NULL : out, "phone:+552125550100", "BR region");
	/* too long for a key, or for the caller's buffer */
	memset(big, 'x', sizeof(big));
	CHECK_INT(cim_idkey_ns("crm", 3, big, sizeof(big), NULL, out, sizeof(out)), -1, "long value");
	CHECK_INT(cim_idkey_ns("crm", 3, "C-88", 4, NULL, out, 8), -1, "small buffer");
	CHECK_INT(cim_idkey_ns("crm", 3, "C-88", 4, NULL, out, 9), 8, "exact buffer");
	return unit_done();
}
