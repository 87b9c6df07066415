/* Unit tests for lib/tok.c: folding, colloquial spellings, laughter,
 * emoji and emoticons, capitals and punctuation runs. */
#include "tok.h"
#include "unit.h"

/* Tokens of a text joined as "kind:text" with spaces; flags as suffixes. */
static const char *
toks_opt(const char *s, int unstretch)
{
	static char out[1024];
	static const char kinds[] = "WNEOLP";
	struct cim_tokenizer t;
	struct cim_tok k;
	size_t n = 0;

	cim_tok_init(&t, s, strlen(s));
	t.unstretch = unstretch;
	out[0] = '\0';
	while (cim_tok_next(&t, &k) && n + 80 < sizeof(out)) {
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%c:%s%s%s", n ? " " : "",
		    kinds[k.kind], k.text, k.flags & CIM_TOK_CAPS ? "^" : "",
		    k.pol > 0 ? "+" : k.pol < 0 ? "-" : "");
	}
	return out;
}

static const char *
toks(const char *s)
{
	return toks_opt(s, 0);
}

int
main(void)
{
	static const struct { const char *in, *want; } cases[] = {
		/* accents folded, lower-cased */
		{ "Não É AÇÃO", "W:nao W:e W:acao^" },
		{ "àèìòù áéíóú âêîôû ãõ äëïöü ç ñ", "W:aeiou W:aeiou W:aeiou W:ao W:aeiou W:c W:nao" },
		{ "Olá, João!", "W:ola P:, W:joao P:!" },
		/* colloquial Portuguese */
		{ "vc pq q ñ nao tá blz obg msg kd", "W:voce W:porque W:que W:nao W:nao W:esta W:beleza W:obrigado W:mensagem W:cade" },
		{ "ta bom", "W:ta W:bom" },
		{ "vcs tb hj mt", "W:voces W:tambem W:hoje W:muito" },
		/* colloquial English */
		{ "u r pls thx", "W:you W:are W:please W:thanks" },
		{ "I don't can't", "W:i W:dont W:cant" },
		/* laughter */
		{ "kkkk kkk rsrs hahaha hehe huehue lol", "L:kkkk L:kkk L:rsrs L:hahaha L:hehe L:huehue L:lol" },
		{ "kk ok haha ahah", "W:kk W:ok L:haha L:ahah" },
		{ "KKKKKK", "L:kkkkkk" },
		/* emoji and emoticons */
		{ "😡 👍🏽 😀", "E:😡- E:👍🏽+ E:😀+" },
		{ "ok :) :-( :D <3 xD :/", "W:ok O::)+ O::-(- O::D+ O:<3+ O:xD+ O::/-" },
		{ "http://x.com", "W:http P::// W:x P:. W:com" },
		{ ":((((", "O::((((-" },
		/* caps and punctuation */
		{ "PÉSSIMO!!!", "W:pessimo^ P:!!!" },
		{ "What?!?", "W:what P:?!?" },
		{ "A I", "W:a W:i" },
		/* numbers, words with digits */
		{ "liguei 3 vezes 2fa", "W:liguei N:3 W:vezes W:2fa" },
		/* invalid UTF-8 is a separator */
		{ "a\xff" "b", "W:a W:b" },
		{ "", "" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(toks(cases[i].in), cases[i].want, cases[i].in);

	/* stretched words when asked for: three or more of a letter are one */
	{
		static const struct { const char *in, *want; } st[] = {
			{ "lindooo MUUUITO Nããão", "W:lindo W:muito^ W:nao" },
			{ "voo carro 3000mah BBB www", "W:voo W:carro W:3000mah W:bbb^ W:www" },
			{ "blzzz vcsss", "W:beleza W:voces" },
		};

		for (i = 0; i < sizeof(st) / sizeof(st[0]); i++)
			CHECK_STR(toks_opt(st[i].in, 1), st[i].want, st[i].in);
		CHECK_STR(toks("lindooo"), "W:lindooo", "not asked for");
	}
	/* nexcl / nquest counts */
	{
		struct cim_tokenizer t;
		struct cim_tok k;

		cim_tok_init(&t, "!!?", 3);
		CHECK(cim_tok_next(&t, &k) == 1 && k.nexcl == 2 && k.nquest == 1, "punct counts");
	}
	/* cim_toks_run: words and sentences */
	{
		struct cim_toks tt = { 0 };
		const char *s = "Não gostei. Mas ok :)";

		cim_toks_run(&tt, s, strlen(s));
		CHECK_INT(tt.n, 6, "toks n");
		CHECK_INT(tt.nw, 4, "toks nw");
		CHECK_INT(tt.sent[0], 0, "sent of nao");
		CHECK_INT(tt.sent[2], 1, "sent of mas");
		cim_toks_free(&tt);
	}
	return unit_done();
}
