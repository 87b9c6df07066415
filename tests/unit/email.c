/*
 * Unit tests for lib/email: input -> normalized address or invalid (NULL),
 * and normalized address -> identity key.
 */
#include <stdio.h>
#include <string.h>

#include "email.h"
#include "unit.h"

static const struct {
	const char	*in;
	const char	*want;	/* NULL means -1 */
} norm[] = {
	{ "ana@example.com", "ana@example.com" },
	{ "Ana.Silva@Example.COM.BR", "Ana.Silva@example.com.br" },
	{ "  ana@example.com\t\r\n", "ana@example.com" },
	{ "\xc2\xa0" "ana@example.com\xc2\xa0", "ana@example.com" },
	{ "\xef\xbb\xbf" "ana@example.com", "ana@example.com" },
	{ "Ana Silva <ana@example.com>", "ana@example.com" },
	{ "\"Silva, Ana\" <Ana@Example.com>", "Ana@example.com" },
	{ "<ana@example.com>", "ana@example.com" },
	{ "Ana < ana@example.com >", "ana@example.com" },
	{ "mailto:ana@example.com", "ana@example.com" },
	{ "MAILTO:ana@example.com?subject=Oi", "ana@example.com" },
	{ "<mailto:ana@example.com|ana@example.com>", "ana@example.com" },
	{ "ana+loja@gmail.com", "ana+loja@gmail.com" },
	{ "o'brien@example.ie", "o'brien@example.ie" },
	{ "a_b-c!#$%&*=?^`{}~@x-y.example.org", "a_b-c!#$%&*=?^`{}~@x-y.example.org" },
	{ "jo\xc3\xa3o@example.com.br", "jo\xc3\xa3o@example.com.br" },
	{ "ana@xn--caf-dma.example", "ana@xn--caf-dma.example" },
	{ "ana@123.example", "ana@123.example" },
	{ "ana@a.b", "ana@a.b" },
	/* invalid */
	{ "", NULL },
	{ "   ", NULL },
	{ "n/a", NULL },
	{ "cliente nao informou", NULL },
	{ "ana", NULL },
	{ "@example.com", NULL },
	{ "ana@", NULL },
	{ "ana@@example.com", NULL },
	{ "ana@example@com.br", NULL },
	{ "ana@example.com, bia@example.com", NULL },
	{ "ana@localhost", NULL },
	{ "ana silva@example.com", NULL },
	{ "ana\xc2\xa0silva@example.com", NULL },
	{ "ana\x01@example.com", NULL },
	{ "ana@exa mple.com", NULL },
	{ "ana@example.com.", NULL },
	{ "ana@.example.com", NULL },
	{ "ana@example..com", NULL },
	{ "ana@-example.com", NULL },
	{ "ana@example-.com", NULL },
	{ "ana@exa_mple.com", NULL },
	{ "ana@caf\xc3\xa9.example", NULL },		/* IDN in U-label */
	{ ".ana@example.com", NULL },
	{ "ana.@example.com", NULL },
	{ "ana..silva@example.com", NULL },
	{ "\"ana silva\"@example.com", NULL },
	{ "ana(comment)@example.com", NULL },
	{ "ana;bia@example.com", NULL },
	{ "jo\xc3" "o@example.com", NULL },		/* broken UTF-8 */
	{ "jo\xed\xa0\x80o@example.com", NULL },	/* surrogate */
	{ "Ana <ana@example.com", NULL },
	{ "Ana <>", NULL },
	{ "ana@example.com>", NULL },
	{ "mailto:", NULL },
	/* 64-byte local part is the limit */
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.com",
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.com" },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.com",
	  NULL },
	/* 63-byte label is the limit */
	{ "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com",
	  "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com" },
	{ "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com",
	  NULL },
};

static const struct {
	const char	*in;
	const char	*want;	/* NULL means -1 */
} key[] = {
	{ "Ana.Silva@example.com", "ana.silva@example.com" },
	{ "ana.silva+loja@example.com", "ana.silva+loja@example.com" },
	{ "Ana.Silva+Loja@gmail.com", "anasilva@gmail.com" },
	{ "a.n.a@googlemail.com", "ana@gmail.com" },
	{ "ana+x+y@gmail.com", "ana@gmail.com" },
	{ "+ana@gmail.com", "+ana@gmail.com" },
	{ "ana+loja@outlook.com", "ana@outlook.com" },
	{ "ana.silva+loja@hotmail.com", "ana.silva@hotmail.com" },
	{ "ana+loja@hotmail.com.br", "ana@hotmail.com.br" },
	{ "ana+loja@live.com", "ana@live.com" },
	{ "ana+loja@icloud.com", "ana@icloud.com" },
	{ "ana+loja@me.com", "ana@me.com" },
	{ "ana+loja@mac.com", "ana@mac.com" },
	{ "ana+loja@protonmail.com", "ana@protonmail.com" },
	{ "ana+loja@proton.me", "ana@proton.me" },
	{ "ana+loja@fastmail.com", "ana@fastmail.com" },
	{ "ana-loja@yahoo.com", "ana-loja@yahoo.com" },
	{ "ana+loja@yahoo.com.br", "ana+loja@yahoo.com.br" },
	{ "ana+loja@uol.com.br", "ana+loja@uol.com.br" },
	{ "ana.silva@outlook.com", "ana.silva@outlook.com" },
	{ "JO\xc3\x83O@Example.com", "jo\xc3\x83o@example.com" },
	{ "ana@mail.gmail.com", "ana@mail.gmail.com" },
	{ "no-at-sign", NULL },
	{ NULL, NULL },
};

int
main(void)
{
	char out[CIM_EMAIL_MAX], small[8], ctx[400];
	const char *got;
	size_t i;
	int r;

	for (i = 0; i < sizeof norm / sizeof norm[0]; i++) {
		r = cim_email_norm(norm[i].in, strlen(norm[i].in), out,
		    sizeof out);
		got = r == 0 ? out : NULL;
		snprintf(ctx, sizeof ctx, "norm(\"%s\")", norm[i].in);
		CHECK_STR(got, norm[i].want, ctx);
		if (r != 0)
			CHECK_STR(out, "", ctx);
	}
	for (i = 0; i < sizeof key / sizeof key[0]; i++) {
		r = cim_email_key(key[i].in, out, sizeof out);
		got = r == 0 ? out : NULL;
		snprintf(ctx, sizeof ctx, "key(\"%s\")",
		    key[i].in ? key[i].in : "NULL");
		CHECK_STR(got, key[i].want, ctx);
	}

	/* The range is the input; out must hold the whole result. */
	r = cim_email_norm("ana@example.com.br", 15, out, sizeof out);
	CHECK_STR(r == 0 ? out : NULL, "ana@example.com", "byte range");
	CHECK_INT(cim_email_norm("ana@x.com", 9, small, sizeof small), -1,
	    "out too small");
	CHECK_STR(small, "", "out too small is empty");
	CHECK_INT(cim_email_norm("ana@x.co", 8, small, sizeof small), -1,
	    "out one byte short");
	CHECK_INT(cim_email_norm("an@x.co", 7, small, sizeof small), 0,
	    "out exactly big enough");
	CHECK_INT(cim_email_norm("ana@x.com", 9, NULL, 0), -1, "outlen 0");
	CHECK_INT(cim_email_key("Ana@X.com", small, 9), -1, "key too small");
	CHECK_INT(cim_email_key("Ana@X.com", small, 8), -1, "key too small");

	/* Two spellings of one Gmail mailbox share a key. */
	{
		char a[CIM_EMAIL_MAX], b[CIM_EMAIL_MAX];
		char ka[CIM_EMAIL_MAX], kb[CIM_EMAIL_MAX];

		cim_email_norm("Ana Silva <Ana.Silva+pedidos@GoogleMail.com>",
		    44, a, sizeof a);
		cim_email_norm("anasilva@gmail.com", 18, b, sizeof b);
		cim_email_key(a, ka, sizeof ka);
		cim_email_key(b, kb, sizeof kb);
		CHECK_STR(ka, kb, "gmail spellings");
	}
	return unit_done();
}
