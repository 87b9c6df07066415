/* Unit tests for lib/senti.c, lib/lex.c, lib/classify.c and lib/langid.c:
 * negation, contrast, capitals, emoji, laughter and colloquial spelling in
 * both languages; every urgency and churn cue; language id. */
#include <math.h>

#include "classify.h"
#include "langid.h"
#include "lex.h"
#include "senti.h"
#include "unit.h"

static struct cim_cls c;

/* Classifies one conversation of customer messages separated by '|'. */
static void
run(const char *msgs)
{
	const char *p = msgs, *e;

	cim_cls_begin(&c);
	for (;;) {
		e = strchr(p, '|');
		cim_cls_add(&c, p, e ? (size_t)(e - p) : strlen(p));
		if (e == NULL)
			break;
		p = e + 1;
	}
	cim_cls_end(&c);
}

static double
senti(const char *s)
{
	struct cim_toks tt = { 0 };
	struct cim_senti st;

	cim_lex_init();
	tt.unstretch = 1;	/* as cim_cls_add */
	cim_toks_run(&tt, s, strlen(s));
	cim_senti_score(&tt, &st, NULL, 0);
	cim_toks_free(&tt);
	return st.compound;
}

static const char *
field(const char *name)
{
	static struct cim_buf b;

	b.len = 0;
	cim_cls_json(&c, name, &b);
	return cim_buf_str(&b);
}

int
main(void)
{
	/* text, expected sign: -1 negative, 0 neutral, +1 positive */
	static const struct { const char *s; int sign; } pol[] = {
		{ "Eu estou feliz", 1 }, { "Eu não estou feliz", -1 },
		{ "Eu nunca fiquei tão satisfeito", -1 }, { "I am happy", 1 },
		{ "I am not happy", -1 }, { "This is never good", -1 },
		{ "não é ruim", 1 }, { "not bad at all", 1 },
		{ "O produto é bom, mas a entrega foi péssima", -1 },
		{ "A entrega atrasou, mas o produto é ótimo", 1 },
		{ "The app is great but support is terrible", -1 },
		{ "Slow delivery but the product is excellent", 1 },
		{ "obg, adorei", 1 }, { "vc é ótimo", 1 },
		{ "kkkkk", 1 }, { "hahaha", 1 }, { "rsrs", 1 },
		{ "😡", -1 }, { "👍", 1 }, { ":(", -1 }, { ":)", 1 },
		{ "o pedido chegou hoje", 0 }, { "my card arrived", 0 },
		{ "nao recebi o produto", -1 }, { "ñ funciona", -1 },
		{ "didn't work", -1 }, { "doesnt work", -1 },
		{ "sem defeito", 1 }, { "without problems", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(pol) / sizeof(pol[0]); i++) {
		double v = senti(pol[i].s);
		int sign = v >= 0.05 ? 1 : v <= -0.05 ? -1 : 0;

		CHECK(sign == pol[i].sign, "%s: compound %.3f, want sign %d", pol[i].s, v, pol[i].sign);
	}
	/* the three-class label: hedges and contrast make a middling review
	 * neutral; words common in the other language do not count */
	{
		static const struct { const char *s, *label; } lab[] = {
			{ "O produto é bom", "positive" },
			{ "Produto razoável, mais ou menos", "neutral" },
			{ "É bom, mas poderia ser melhor", "neutral" },
			{ "Bom produto, mas a entrega demorou", "neutral" },
			{ "Produto excelente, chegou no prazo, recomendo", "positive" },
			{ "Comprei dois e recebi apenas um", "negative" },
			{ "Não funcionou, parou de funcionar no segundo dia", "negative" },
			{ "As crianças adoraram", "positive" },
			/* Portuguese "no" is "in the", not English "no" */
			{ "Chegou no prazo, excelente qualidade", "positive" },
			/* English "show", "top" and "legal" are not Portuguese praise */
			{ "please show me how to top up my card", "neutral" },
			{ "I will take legal action", "neutral" },
			{ "no help at all, terrible", "negative" },
			{ "It is okay, could be better", "neutral" },
			/* a greeting is not praise; a refund not made is no comfort */
			{ "Boa tarde, gostaria de saber o prazo", "neutral" },
			{ "a loja não devolveu o valor pago", "negative" },
			{ "produto de má qualidade", "negative" },
		};

		for (i = 0; i < sizeof(lab) / sizeof(lab[0]); i++)
			CHECK_STR(cim_senti_label(senti(lab[i].s)), lab[i].label, lab[i].s);
	}
	/* review and delivery vocabulary, each family in both languages */
	{
		static const struct { const char *s, *label; } rev[] = {
			/* a delivery not made or late */
			{ "Meu pedido nunca chegou", "negative" },
			{ "My order never came", "negative" },
			{ "A encomenda não foi entregue", "negative" },
			{ "The parcel was not delivered", "negative" },
			{ "Não me enviaram a nota fiscal", "negative" },
			{ "Já passou do prazo", "negative" },
			{ "It is past the deadline", "negative" },
			{ "o entregador passou aqui no prazo", "positive" },
			{ "estou aguardando", "negative" },
			{ "aguardo um retorno da loja", "negative" },
			{ "still waiting for my refund", "negative" },
			{ "Não responde as mensagens", "negative" },
			{ "no response from the seller", "negative" },
			{ "nenhuma resposta da loja", "negative" },
			{ "o produto não tinha em estoque", "negative" },
			{ "the item was out of stock", "negative" },
			/* the wrong item, or only part of the order */
			{ "Pedi azul e veio na cor errada", "negative" },
			{ "Enviaram outro modelo", "negative" },
			{ "veio um tênis no lugar da sandália", "negative" },
			{ "they sent a blue one instead", "negative" },
			{ "Não é o modelo que eu pedi", "negative" },
			{ "it is not what I ordered", "negative" },
			{ "Não é o mesmo anunciado", "negative" },
			/* "não é ... comprei" without "que": not the wrong item */
			{ "não é caro, comprei dois", "positive" },
			{ "cor diferente da foto", "negative" },
			{ "a descrição não confere com o produto", "negative" },
			{ "o carregador não é original", "negative" },
			{ "comprei três e só foi entregue um", "negative" },
			{ "I only received one of the two", "negative" },
			/* a product that fails, a customer who will not buy again */
			{ "a tinta desbotou na primeira lavagem", "negative" },
			{ "the paint is peeling", "negative" },
			{ "a bateria dura pouco", "negative" },
			{ "produto de baixa qualidade", "negative" },
			{ "low quality", "negative" },
			{ "fiquei desapontada", "negative" },
			{ "não comprem nessa loja", "negative" },
			{ "don't buy this", "negative" },
			{ "estragou em uma semana", "negative" },
			{ "it fell apart in a week", "negative" },
			{ "stopped working after a week", "negative" },
			/* on time, early, as announced, a shop to buy from again */
			{ "A loja cumpriu o prazo", "positive" },
			{ "Não cumpriram o prazo", "negative" },
			{ "Arrived on time", "positive" },
			{ "Entrega pontual", "positive" },
			{ "punctual delivery", "positive" },
			{ "chegou em tempo recorde", "positive" },
			{ "delivered in record time", "positive" },
			{ "tudo como combinado", "positive" },
			{ "exactly as described", "positive" },
			{ "not as described", "negative" },
			{ "voltarei a comprar", "positive" },
			{ "não volto a comprar", "negative" },
			{ "I will order again", "positive" },
			{ "I will never order again", "negative" },
			{ "vendedor confiável", "positive" },
			{ "reliable seller", "positive" },
			{ "continuem assim", "positive" },
			{ "o defeito continua assim", "negative" },
			{ "como o pedido não chegou, cancelei", "negative" },
			{ "espero uma resposta", "negative" },
			{ "keep it up", "positive" },
			{ "loja nota 1000", "positive" },
			{ "valeu a pena", "positive" },
			{ "bem embalado", "positive" },
			/* a negated phrase takes its object along */
			{ "O produto não é de boa qualidade", "negative" },
			{ "Não gostei da qualidade", "negative" },
			{ "produto de boa qualidade", "positive" },
			{ "não atendeu as minhas expectativas", "negative" },
			{ "atendeu as expectativas", "positive" },
			/* reservations and complaints about the service */
			{ "a entrega precisa melhorar", "negative" },
			{ "the app needs to improve", "negative" },
			{ "muita dificuldade para falar com a loja", "negative" },
			{ "I had difficulty reaching support", "negative" },
			{ "a caixa veio com o lacre violado", "negative" },
			{ "the box was tampered with", "negative" },
			{ "nem responderam meu e-mail", "negative" },
			/* a product that does its job, a customer who loves it */
			{ "atende as minhas necessidades", "positive" },
			{ "it meets my needs", "positive" },
			{ "preço justo", "positive" }, { "a fair price", "positive" },
			{ "minha filha amou", "positive" }, { "my son loves it", "positive" },
			{ "ninguém me responde", "negative" },
			{ "no one answers the phone", "negative" },
			/* idioms that hold a negator negate nothing */
			{ "mouse sem fio muito bom", "positive" },
			{ "do nada parou de funcionar", "negative" },
			{ "no doubt a great seller", "positive" },
			/* stretched words */
			{ "lindooo", "positive" }, { "amazinggg", "positive" },
		};

		for (i = 0; i < sizeof(rev) / sizeof(rev[0]); i++)
			CHECK_STR(cim_senti_label(senti(rev[i].s)), rev[i].label, rev[i].s);
	}
	/* intensity: boosters, dampeners, caps, repeated punctuation, emoji */
	{
		static const struct { const char *weak, *strong; } inten[] = {
			{ "bom", "muito bom" }, { "good", "very good" },
			{ "ruim", "muito ruim" }, { "bad", "really bad" },
			{ "um pouco ruim", "ruim" }, { "slightly bad", "bad" },
			{ "o atendimento foi péssimo", "o atendimento foi PÉSSIMO" },
			{ "support was bad", "support was BAD" },
			{ "que ruim", "que ruim!!!" }, { "bad", "bad!!!" },
			{ "péssimo", "péssimo 😡" }, { "great", "great 😀" },
			{ "ótimo", "ótimo kkkk" },
			{ "ruim", "muuuito ruim" }, { "happy", "sooo happy" },
		};

		for (i = 0; i < sizeof(inten) / sizeof(inten[0]); i++)
			CHECK(fabs(senti(inten[i].strong)) > fabs(senti(inten[i].weak)),
			    "'%s' %.3f should be stronger than '%s' %.3f", inten[i].strong,
			    senti(inten[i].strong), inten[i].weak, senti(inten[i].weak));
	}

	/* urgency cues: text, level, a reason it must give */
	{
		static const struct { const char *s, *level, *reason; } urg[] = {
			{ "Vou reclamar no Procon", "critical", "legal_threat: procon" },
			{ "vou abrir reclamação no Reclame Aqui", "critical", "legal_threat: reclame aqui" },
			{ "registrei no consumidor.gov.br", "critical", "legal_threat: consumidor gov" },
			{ "vou na Anatel", "critical", "legal_threat: anatel" },
			{ "reclamação no Bacen", "critical", "legal_threat: bacen" },
			{ "já fui na ouvidoria", "critical", "legal_threat: ouvidoria" },
			{ "meu advogado vai entrar em contato", "critical", "legal_threat: advogado" },
			{ "vou processar vocês", "critical", "legal_threat: vou processar" },
			{ "isso vai parar na justiça", "critical", "legal_threat: justica" },
			{ "vou pedir danos morais", "critical", "legal_threat: danos morais" },
			{ "vou no juizado de pequenas causas", "critical", "legal_threat: pequenas causas" },
			{ "I will call my lawyer", "critical", "legal_threat: lawyer" },
			{ "I am going to sue you", "critical", "legal_threat: sue" },
			{ "filing with the BBB", "critical", "legal_threat: bbb" },
			{ "I will do a chargeback", "critical", "legal_threat: chargeback" },
			{ "writing to the attorney general", "critical", "legal_threat: attorney" },
			{ "já liguei 3 vezes", "high", "repeat_contact: ja liguei" },
			{ "caiu de novo", "high", "repeat_contact: de novo" },
			{ "até hoje nada", "high", "repeat_contact: ate hoje" },
			{ "o protocolo é 123", "high", "repeat_contact: protocolo" },
			{ "this is the third time I write", "high", "repeat_contact: third time" },
			{ "still waiting for an answer", "high", "repeat_contact: still waiting" },
			{ "a internet está fora do ar", "high", "outage: fora do ar" },
			{ "estou sem internet", "high", "outage: sem internet" },
			{ "the site is down", "high", "outage: is down" },
			{ "me cobraram duas vezes", "high", "charged_twice: cobraram duas vezes" },
			{ "I was charged twice", "high", "charged_twice: charged twice" },
			{ "é urgente", "high", "explicit: urgente" },
			{ "I need this asap", "high", "explicit: asap" },
		};

		for (i = 0; i < sizeof(urg) / sizeof(urg[0]); i++) {
			const char *u;

			run(urg[i].s);
			u = field("urgency");
			CHECK(strstr(u, urg[i].level) != NULL && strstr(u, urg[i].reason) != NULL,
			    "%s: %s, want %s with %s", urg[i].s, u, urg[i].level, urg[i].reason);
		}
		/* "processo" alone is not a lawsuit, nor payment processing */
		run("o processo de troca está demorando");
		CHECK(strstr(field("urgency"), "legal") == NULL, "processo: %s", field("urgency"));
		run("can you process my payment");
		CHECK(strstr(field("urgency"), "legal") == NULL, "process: %s", field("urgency"));
		run("vou entrar com um processo contra a loja");
		CHECK(strstr(field("urgency"), "critical") != NULL, "entrar com processo: %s", field("urgency"));
		run("obrigado, tudo certo");
		CHECK(strstr(field("urgency"), "\"low\"") != NULL, "thanks: %s", field("urgency"));
	}

	/* churn cues */
	{
		static const struct { const char *s, *reason; } churn[] = {
			{ "quero cancelar minha assinatura", "cancel_service" },
			{ "vou encerrar a conta", "cancel_service" },
			{ "cancel my subscription", "cancel_service" },
			{ "please close my account", "cancel_service" },
			{ "vou fazer a portabilidade", "portability" },
			{ "vou trocar de operadora", "switch_provider" },
			{ "vou mudar de banco", "switch_provider" },
			{ "I am switching to another provider", "switch_provider" },
			{ "nunca mais compro nessa loja", "never_again" },
			{ "I will never order from you again", "never_again" },
			{ "vou para a Claro", "competitor" },
			{ "going to a competitor", "competitor" },
		};

		for (i = 0; i < sizeof(churn) / sizeof(churn[0]); i++) {
			run(churn[i].s);
			CHECK(strstr(field("churn_risk"), churn[i].reason) != NULL && c.churn >= 0.5,
			    "%s: %s", churn[i].s, field("churn_risk"));
		}
		/* cancelling an order is not churn */
		run("quero cancelar o pedido 123");
		CHECK(c.churn < 0.3 && c.intent == CIM_I_CANCELLATION, "cancel order: %s %s",
		    field("churn_risk"), field("intent"));
		run("please cancel my order");
		CHECK(c.churn < 0.3, "cancel order en: %s", field("churn_risk"));
	}

	/* intents */
	{
		static const struct { const char *s; enum cim_intent want; } in[] = {
			{ "minha fatura veio com cobrança indevida", CIM_I_BILLING },
			{ "quero o reembolso", CIM_I_REFUND },
			{ "quero cancelar", CIM_I_CANCELLATION },
			{ "meu pedido não chegou", CIM_I_DELIVERY },
			{ "qual o status do meu pedido?", CIM_I_ORDER_STATUS },
			{ "kd meu pedido", CIM_I_ORDER_STATUS },
			{ "o app não funciona", CIM_I_TECHNICAL },
			{ "esqueci minha senha", CIM_I_ACCOUNT },
			{ "I can't log in to my account", CIM_I_ACCOUNT },
			{ "péssimo atendimento, um descaso", CIM_I_COMPLAINT },
			{ "quanto custa o plano?", CIM_I_PURCHASE },
			{ "gostaria de saber o horário", CIM_I_INFORMATION },
			{ "parabéns pelo atendimento", CIM_I_PRAISE },
			{ "where is my package? tracking says nothing", CIM_I_ORDER_STATUS },
			{ "I want a refund", CIM_I_REFUND },
			{ "bom dia", CIM_I_OTHER },
		};

		for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
			run(in[i].s);
			CHECK(c.intent == (int)in[i].want, "%s: %s, want %s", in[i].s,
			    field("intent"), cim_intent_name[in[i].want]);
		}
	}

	/* conversation summary: trend and frustration */
	run("oi, tudo bem?|ainda não chegou|PÉSSIMO, UM ABSURDO!!!");
	CHECK(strcmp(c.trend, "worsening") == 0 && c.frustration, "worsening: %s", field("sentiment"));
	run("the app crashed|ok it works now, thanks!");
	CHECK(strcmp(c.trend, "improving") == 0 && !c.frustration, "improving: %s", field("sentiment"));
	run("");
	CHECK(strstr(field("sentiment"), "\"first\":0") != NULL, "empty: %s", field("sentiment"));

	/* language */
	{
		static const struct { const char *s, *want; } lang[] = {
			{ "Olá, meu pedido ainda não chegou e preciso de ajuda", "pt" },
			{ "vc pode me ajudar? nao recebi", "pt" },
			{ "Hello, my order has not arrived yet, can you help me", "en" },
			{ "I can't log in to my account", "en" },
			{ "Hola, mi pedido no ha llegado todavía, necesito ayuda", "es" },
			{ "yo tambien creo que es mejor hacerlo mañana", "es" },
			{ "ok", "und" }, { "", "und" }, { "😡😡", "und" },
			{ "Das ist nicht mein Problem und ich weiß es nicht", "und" },
			/* dots run into the next word are not a link */
			{ "gostei muito...recomendo", "pt" },
			{ "pedido entregue....obrigada", "pt" },
			/* stretched letters are read as the word */
			{ "se acabóoooo, nos vemossss", "es" },
			/* typographic apostrophes are apostrophes, never a word's start */
			{ "’til it’s fixed, don’t call", "en" },
			/* sizes and model numbers are no language's */
			{ "Celular 64GB 4G tela 6.5 preto", "pt" },
			/* links, addresses and laughter carry no language */
			{ "www.loja.com.br loja@email.com #promo", "und" },
			{ "hahaha ok ok lol", "und" },
			/* words and trigrams of the sample texts, not only the lists */
			{ "problems updating billing details", "en" },
			{ "esperando o técnico", "pt" },
			{ "me han cobrado de mas", "es" },
			/* lists of content words, known from the sample texts */
			{ "deliciosa comida, garçom simpático, ambiente agradável", "pt" },
			{ "rice beans meat fruit vegetables", "en" },
			{ "riquísima comida, camarero simpático, sitio agradable", "es" },
			/* a complaint about the internet, answered with the operator (Claro) */
			{ "a internet está caindo toda hora. Claro, 1234567", "pt" },
			/* Rioplatense Spanish and Brazilian chat */
			{ "sos re capo", "es" }, { "eita, esqueci", "pt" },
			/* short, but clear: a known word and a wide margin */
			{ "obrigado", "pt" }, { "thank you", "en" }, { "ya lo tengo", "es" },
			/* too short, or nothing known */
			{ "oi", "und" }, { "hola", "und" }, { "Maria José", "und" },
		};

		for (i = 0; i < sizeof(lang) / sizeof(lang[0]); i++)
			CHECK_STR(cim_langid(lang[i].s, strlen(lang[i].s), NULL), lang[i].want, lang[i].s);
	}
	cim_cls_free(&c);
	return unit_done();
}
