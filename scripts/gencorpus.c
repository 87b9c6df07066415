/*
 * gencorpus: deterministic, seeded generator of the benchmark and
 * identity-evaluation corpora of cim (scripts/bench, scripts/eval-*).
 *
 *	gencorpus [-n records] [-s seed] [-f ndjson|csv|whatsapp|twcs|people]
 *
 * The same seed and arguments give byte-identical output on any platform:
 * the generator has its own PRNG (splitmix64), does integer arithmetic
 * only, and uses no rand(), no clock, no locale and no time zone database
 * (America/Sao_Paulo is UTC-3 all year since 2019, so local time is UTC
 * minus three hours).
 *
 * Model.  A population of about records/3 people (BR 65%, US 35%), each
 * with a true id (attrs.person, "P0000042"), a name, e-mail addresses and
 * phones, comes back over time on one to four channels and writes its
 * identifiers differently each time (phone formats, the old 8-digit
 * WhatsApp form of Brazilian mobiles, e-mail case, Gmail dots, +tags).
 * Noise an identity tool must not merge: family landlines (2-3 people),
 * company e-mails shared by many, store phones typed in for walk-in
 * customers, and e-mail typos (a different identifier, even when the
 * record is the right person's).  Conversations are 2-12 messages drawn
 * from template phrases per intent, pt-BR for BR and English for US, time
 * ordered from 2026-01-01 over 90 days with a daily profile and a small
 * jitter.
 *
 * Each conversation k is drawn from its own PRNG stream (seed, k), and the
 * population from another, so ndjson, csv, twcs and people describe the
 * same conversations.  twcs writes them as the "Customer Support on
 * Twitter" CSV (cim-ingest -f twcs): a tweet per message, ids counting up,
 * the customer's tweets inbound, each reply linked both ways (the parent id
 * written as a float, "12.0", as pandas re-exports do).  whatsapp is a separate model: one business chatting with
 * one customer, a conversation every 1-2 days.
 *
 * The people truth table (-f people) has, per person: emails and phones
 * that belong to that person only (normalized: e-mail as its base address,
 * phone in E.164 with the ninth digit), ids, and "shared" (identifiers
 * seen on the person's records that other people use too: family
 * landline, company e-mail, store phone) and "typos" (mistyped e-mails
 * seen on the person's records).  Identity evaluation should score
 * clusters against attrs.person; these lists say why a link is right or
 * wrong.
 *
 * Not for: realistic language statistics or realistic metrics; it gives
 * tools enough variety to be timed and the identity tool something hard.
 * Standalone on purpose (libc only): it must build when lib/ does not.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_RECORDS	10000000ULL	/* perms below need people < 3.95e6 */
#define T0		1767225600LL	/* 2026-01-01T00:00:00Z */
#define SPAN_DAYS	90
#define TZ_OFFSET	(-3 * 3600)	/* America/Sao_Paulo, no DST in 2026 */

enum { FMT_NDJSON, FMT_CSV, FMT_WHATSAPP, FMT_TWCS, FMT_PEOPLE };
enum { BR, US };

/* ---------------------------------------------------------------- PRNG */

struct rng {
	uint64_t s;
};

static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and enough here. */
static uint64_t
rnext(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15ULL;
	return mix64(r->s);
}

/* Uniform in [0, n), n > 0 (multiply-shift: no division, tiny bias). */
static uint32_t
rbelow(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rnext(r) >> 32) * n) >> 32);
}

static int
rrange(struct rng *r, int lo, int hi)
{
	return lo + (int)rbelow(r, (uint32_t)(hi - lo + 1));
}

/* True with probability permille/1000. */
static int
chance(struct rng *r, unsigned permille)
{
	return rbelow(r, 1000) < permille;
}

static unsigned
rweighted(struct rng *r, const unsigned short *w, unsigned n)
{
	unsigned i, total = 0, x;

	for (i = 0; i < n; i++)
		total += w[i];
	x = rbelow(r, total);
	for (i = 0; i + 1 < n && x >= w[i]; i++)
		x -= w[i];
	return i;
}

/* A stream for (seed, purpose, index): streams never overlap in practice. */
static void
rseed(struct rng *r, uint64_t seed, uint64_t purpose, uint64_t k)
{
	r->s = mix64(seed ^ mix64(purpose * 0xd1b54a32d192ed03ULL + k + 1));
}

/*
 * A bijection of [0, m) for unique synthetic numbers: (i * a + b) mod m,
 * a coprime with m.  The caller keeps i < m and i * a below 2^64.
 */
static uint64_t
perm(uint64_t i, uint64_t m, uint64_t a, uint64_t b)
{
	return (i * a + b) % m;
}

/* -------------------------------------------------------------- output */

static char obuf[1 << 17];
static size_t olen;
static uint64_t obytes;

static void
oflush(void)
{
	size_t off = 0;
	ssize_t w;

	while (off < olen) {
		w = write(STDOUT_FILENO, obuf + off, olen - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			/* SIGPIPE was blocked: die of it anyway, quietly. */
			if (errno == EPIPE) {
				signal(SIGPIPE, SIG_DFL);
				raise(SIGPIPE);
			}
			fprintf(stderr, "gencorpus: write error: %s\n",
			    strerror(errno));
			exit(1);
		}
		off += (size_t)w;
	}
	obytes += olen;
	olen = 0;
}

static void
oput(const char *s, size_t n)
{
	if (sizeof obuf - olen < n)
		oflush();
	memcpy(obuf + olen, s, n);	/* n is always far below the buffer */
	olen += n;
}

static void
ostr(const char *s)
{
	oput(s, strlen(s));
}

static void
oc(char c)
{
	if (olen == sizeof obuf)
		oflush();
	obuf[olen++] = c;
}

static void
ou(uint64_t v)
{
	char t[24];
	int i = 24;

	do
		t[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	oput(t + i, (size_t)(24 - i));
}

/* Zero-padded to width digits. */
static void
ouw(uint64_t v, int width)
{
	char t[24];
	int i = 24;

	while (width-- > 0 || v != 0) {
		t[--i] = (char)('0' + v % 10);
		v /= 10;
	}
	oput(t + i, (size_t)(24 - i));
}

/* s as a JSON string literal; s is valid UTF-8 by construction. */
static void
ojson(const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *p;

	oc('"');
	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"' || c == '\\') {
			oc('\\');
			oc((char)c);
		} else if (c == '\n') {
			oput("\\n", 2);
		} else if (c < 0x20) {
			oput("\\u00", 4);
			oc(hex[c >> 4]);
			oc(hex[c & 15]);
		} else {
			oc((char)c);
		}
	}
	oc('"');
}

/* s as an RFC 4180 field: quoted when it holds , " CR or LF. */
static void
ocsv(const char *s)
{
	const char *p;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		ostr(s);
		return;
	}
	oc('"');
	for (p = s; *p; p++) {
		if (*p == '"')
			oc('"');
		oc(*p);
	}
	oc('"');
}

/* ---------------------------------------------------------------- time */

/* Days since 1970-01-01 to y-m-d, proleptic Gregorian (H. Hinnant). */
static void
civil(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

struct tm6 {
	int64_t y;
	unsigned mo, d, h, mi, s;
};

static struct tm6
split(int64_t t)
{
	struct tm6 r;
	int64_t days = t / 86400, sec = t % 86400;

	civil(days, &r.y, &r.mo, &r.d);
	r.h = (unsigned)(sec / 3600);
	r.mi = (unsigned)(sec / 60 % 60);
	r.s = (unsigned)(sec % 60);
	return r;
}

/* 2026-01-05T13:04:11Z */
static void
otime_rfc(int64_t t)
{
	struct tm6 x = split(t);

	ouw((uint64_t)x.y, 4);
	oc('-');
	ouw(x.mo, 2);
	oc('-');
	ouw(x.d, 2);
	oc('T');
	ouw(x.h, 2);
	oc(':');
	ouw(x.mi, 2);
	oc(':');
	ouw(x.s, 2);
	oc('Z');
}

/* Local (America/Sao_Paulo) dd/mm/yyyy hh:mm[:ss]. */
static void
otime_dmy(int64_t t, int seconds)
{
	struct tm6 x = split(t + TZ_OFFSET);

	ouw(x.d, 2);
	oc('/');
	ouw(x.mo, 2);
	oc('/');
	ouw((uint64_t)x.y, 4);
	oc(' ');
	ouw(x.h, 2);
	oc(':');
	ouw(x.mi, 2);
	if (seconds) {
		oc(':');
		ouw(x.s, 2);
	}
}

/* --------------------------------------------------------------- names */

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define LIST(a)		{ a, NELEM(a) }

struct list {
	const char *const *s;
	unsigned n;
};

static const char *
pick(struct rng *r, const struct list *l)
{
	return l->s[rbelow(r, l->n)];
}

static const char *const br_first[] = {
	"Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana",
	"Márcia", "Fernanda", "Patrícia", "Aline", "Sandra", "Camila",
	"Amanda", "Bruna", "Jéssica", "Letícia", "Júlia", "Luciana",
	"Vanessa", "Mariana", "Gabriela", "Beatriz", "Larissa", "Renata",
	"Débora", "Cláudia", "Conceição", "Raquel", "Tânia", "Simone",
	"José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro",
	"Lucas", "Luiz", "Marcos", "Luís", "Gabriel", "Rafael", "Daniel",
	"Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo",
	"Thiago", "Matheus", "Gustavo", "Vinícius", "Leonardo", "Diego",
	"André", "Fábio", "Sérgio", "Otávio", "Caio", "Henrique", "Igor",
	"Renan", "Wellington", "Everton",
};
static const char *const br_last[] = {
	"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira",
	"Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins",
	"Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira",
	"Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira",
	"Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso",
	"Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Conceição",
	"Monteiro", "Moura", "Cavalcanti", "Brandão", "Assunção",
	"Magalhães", "Guimarães", "Peixoto", "Sá", "Falcão", "Damasceno",
};
static const char *const us_first[] = {
	"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
	"Linda", "David", "Elizabeth", "William", "Barbara", "Richard",
	"Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher",
	"Karen", "Charles", "Lisa", "Daniel", "Nancy", "Matthew", "Betty",
	"Anthony", "Sandra", "Mark", "Ashley", "Steven", "Emily", "Andrew",
	"Donna", "Joshua", "Michelle", "Kevin", "Amanda", "Brian", "Melissa",
	"José", "Sofía", "Zoë", "Chloé",
};
static const char *const us_last[] = {
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
	"Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez",
	"Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
	"Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
	"Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
	"King", "Wright", "Scott", "Nguyen", "Hill", "Flores", "Green",
	"O'Brien", "Peña", "Müller",
};
static const struct list first_names[2] = { LIST(br_first), LIST(us_first) };
static const struct list last_names[2] = { LIST(br_last), LIST(us_last) };

static const char *const br_agents[] = {
	"Ana", "Bruno", "Carla", "Diego", "Fernanda", "Gabriel", "Juliana",
	"Lucas", "Mariana", "Rafael", "Patrícia", "Thiago", "Camila",
	"Felipe", "Larissa", "Rodrigo", "Beatriz", "Gustavo", "Letícia",
	"Vinícius", "Priscila", "Renato", "Tatiane", "Leandro",
};
static const char *const us_agents[] = {
	"Emily", "Jacob", "Ashley", "Michael", "Sarah", "David", "Jessica",
	"Chris", "Amanda", "Ryan", "Megan", "Tyler", "Lauren", "Kevin",
	"Rachel", "Brandon",
};
static const struct list agents[2] = { LIST(br_agents), LIST(us_agents) };
static const char *const bot_name[2] = { "Lia", "Max" };

static const char *const br_domains[] = {
	"gmail.com", "hotmail.com", "yahoo.com.br", "outlook.com",
	"uol.com.br", "bol.com.br", "terra.com.br", "icloud.com", "live.com",
};
static const unsigned short br_domain_w[] = { 45, 20, 8, 8, 5, 5, 3, 3, 3 };
static const char *const us_domains[] = {
	"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com",
	"aol.com", "comcast.net",
};
static const unsigned short us_domain_w[] = { 45, 15, 10, 10, 10, 5, 5 };

/* Documented "+tag" sub-addressing (same list as lib/email.c). */
static int
plus_domain(const char *d)
{
	static const char *const l[] = { "gmail.com", "outlook.com",
	    "hotmail.com", "live.com", "icloud.com" };
	unsigned i;

	for (i = 0; i < NELEM(l); i++)
		if (strcmp(d, l[i]) == 0)
			return 1;
	return 0;
}

/* Domain typos people make; none is anybody's real domain here. */
static const char *
domain_typo(const char *d)
{
	static const char *const l[][2] = {
		{ "gmail.com", "gmial.com" }, { "hotmail.com", "hotmial.com" },
		{ "yahoo.com.br", "yaho.com.br" }, { "outlook.com", "outlok.com" },
		{ "icloud.com", "iclod.com" }, { "yahoo.com", "yahooo.com" },
	};
	unsigned i;

	for (i = 0; i < NELEM(l); i++)
		if (strcmp(d, l[i][0]) == 0)
			return l[i][1];
	return NULL;
}

/*
 * Company and shop mailboxes that many customers type in (the shop's own
 * address at the counter, a firm's shared inbox).  The first two are the
 * common ones.
 */
static const char *const company_emails[] = {
	"sac@empresa.com.br", "contato@loja.com",
	"compras@mercadinhobompreco.com.br", "financeiro@construtoraalianca.com.br",
	"contato@padariasaojose.com.br", "office@acmecorp.com",
	"info@smithplumbing.com", "frontdesk@lakesidedental.com",
};
static const unsigned short company_w[] = { 30, 30, 8, 8, 8, 6, 5, 5 };

/* Store phones typed in for walk-in customers: DDD/area code, number. */
static const char *const store_phones[][2] = {
	{ "11", "34567890" }, { "21", "32104567" }, { "31", "33221100" },
	{ "212", "5550100" },
};

static const char *const br_ddd[] = {
	"11", "21", "31", "41", "51", "61", "71", "81", "85", "19", "27",
	"48", "62", "92", "13", "47", "83", "98",
};
static const unsigned short br_ddd_w[] = {
	30, 12, 8, 5, 5, 4, 4, 4, 3, 4, 2, 2, 2, 2, 3, 2, 2, 2,
};
static const char *const us_area[] = {
	"212", "718", "646", "917", "310", "213", "415", "312", "305", "713",
	"214", "617", "206", "404", "602", "702", "512", "303", "215", "503",
};

/* ------------------------------------------------------------ channels */

enum {
	CH_WHATSAPP, CH_CHAT, CH_EMAIL, CH_PHONE, CH_SMS, CH_TWITTER,
	CH_INSTAGRAM, CH_FACEBOOK, CH_TELEGRAM, CH_STORE, CH_OTHER, NCHANNEL
};
static const char *const channel_name[NCHANNEL] = {
	"whatsapp", "chat", "email", "phone", "sms", "twitter", "instagram",
	"facebook", "telegram", "store", "other",
};
/* Per region, in tenths of a percent. */
static const unsigned short channel_w[2][NCHANNEL] = {
	{ 500, 120, 80, 100, 20, 30, 60, 30, 20, 30, 10 },
	{ 50, 280, 220, 220, 80, 60, 30, 30, 5, 20, 5 },
};
/* How a Brazilian helpdesk export spells the channel (csv). */
static const char *const channel_csv[NCHANNEL][3] = {
	{ "WhatsApp", "WhatsApp", "Whatsapp" }, { "Chat", "Chat", "Webchat" },
	{ "E-mail", "E-mail", "Email" }, { "Telefone", "Telefone", "Ligação" },
	{ "SMS", "SMS", "SMS" }, { "Twitter", "Twitter", "Twitter" },
	{ "Instagram", "Instagram", "Instagram" },
	{ "Facebook", "Facebook", "Messenger" },
	{ "Telegram", "Telegram", "Telegram" }, { "Loja", "Loja", "Balcão" },
	{ "Outro", "Outro", "Outros" },
};

enum { F_CUSTOMER, F_AGENT, F_BOT };
static const char *const from_name[] = { "customer", "agent", "bot" };
static const char *const from_csv[] = { "cliente", "agente", "bot" };

enum { S_OPEN, S_PENDING, S_RESOLVED, S_CLOSED, S_ABANDONED };
static const char *const status_name[] = {
	"open", "pending", "resolved", "closed", "abandoned",
};

enum {
	E_QUEUED, E_ANSWERED, E_HANDOFF, E_TRANSFER, E_RESOLVED,
	E_REOPENED, E_ABANDONED, E_SURVEY
};
static const char *const event_name[] = {
	"queued", "answered", "handoff", "transfer", "resolved", "reopened",
	"abandoned", "survey",
};

/* ------------------------------------------------------------- phrases */

/*
 * Template phrases.  Placeholders: %o order number, %v money, %d a date
 * near the conversation, %p protocol number, %n customer's first name,
 * %a agent's name.  No other "%" may appear.
 */
enum {
	I_BILLING, I_REFUND, I_CANCEL, I_DELIVERY, I_ORDER, I_TECH,
	I_ACCOUNT, I_COMPLAINT, I_PURCHASE, I_INFO, I_PRAISE, NINTENT
};
static const unsigned short intent_w[NINTENT] = {
	12, 8, 8, 16, 14, 10, 7, 8, 8, 7, 2,
};
/* Per mille of conversations that turn negative, by intent. */
static const unsigned short intent_neg[NINTENT] = {
	250, 350, 250, 300, 150, 200, 200, 800, 30, 30, 0,
};
static const char *const queue_name[2][NINTENT] = {
	{ "financeiro", "reembolso", "retencao", "entregas", "pedidos",
	  "suporte", "cadastro", "ouvidoria", "vendas", "sac", "sac" },
	{ "billing", "refunds", "retention", "shipping", "orders",
	  "tech-support", "accounts", "escalations", "sales", "general",
	  "general" },
};

struct intent_text {
	struct list open, detail, ask, resolve;
};

/* pt-BR */
static const char *const pt_billing_open[] = {
	"Oi, fui cobrada duas vezes no cartão pelo mesmo pedido",
	"Boa tarde, veio uma cobrança de %v na minha fatura que eu não reconheço",
	"Preciso da segunda via do boleto, o meu venceu",
	"Paguei o boleto ontem e ainda aparece como pendente",
	"Por que minha fatura veio mais cara esse mês?",
	"Quero parcelar o valor em aberto, é possível?",
	"O débito automático não funcionou e agora cobraram juros",
	"Meu pix não foi identificado, já paguei %v",
	"Vocês cobraram a mensalidade depois que eu cancelei",
};
static const char *const pt_billing_detail[] = {
	"O valor foi %v, debitado no dia %d",
	"Tenho o comprovante aqui, posso mandar",
	"Foi no cartão final 4432",
	"A fatura é do mês passado, vencimento dia %d",
};
static const char *const pt_billing_ask[] = {
	"Pode me informar o CPF do titular, por favor?",
	"Consegue me enviar o comprovante de pagamento?",
	"Qual o número do pedido ou da fatura?",
};
static const char *const pt_billing_resolve[] = {
	"Verifiquei aqui e a cobrança duplicada será estornada em até 2 faturas.",
	"Acabei de enviar a segunda via para o seu e-mail cadastrado.",
	"O pagamento foi identificado e a baixa acontece em até 48 horas úteis.",
	"Ajustei o valor e os juros foram retirados, tudo certo agora.",
};
static const char *const pt_refund_open[] = {
	"Quero meu dinheiro de volta, o produto veio com defeito",
	"Fiz a devolução há 15 dias e o reembolso ainda não caiu",
	"Como faço para pedir reembolso do pedido %o?",
	"Cancelaram meu pedido mas não devolveram o valor",
	"Solicitei o estorno no cartão e até agora nada",
	"Devolvi o produto pelos Correios, quando recebo o estorno?",
	"Paguei no pix e o pedido foi cancelado, como recebo de volta?",
	"O reembolso veio com valor menor do que eu paguei",
};
static const char *const pt_refund_detail[] = {
	"O pedido é o %o, paguei %v",
	"Já mandei o código de postagem da devolução",
	"Foi no cartão de crédito, em 3 vezes",
	"Preciso desse dinheiro, é urgente",
};
static const char *const pt_refund_ask[] = {
	"Pode me passar o número do pedido?",
	"Você tem o código de rastreio da devolução?",
	"Qual foi a forma de pagamento utilizada?",
};
static const char *const pt_refund_resolve[] = {
	"O reembolso foi aprovado e deve aparecer em até 7 dias úteis.",
	"Solicitei o estorno de %v, o protocolo é %p.",
	"Identificamos a devolução, o valor será devolvido na próxima fatura.",
	"Fiz a transferência do valor via pix para a chave cadastrada.",
};
static const char *const pt_cancel_open[] = {
	"Quero cancelar minha assinatura",
	"Como faço pra cancelar o plano?",
	"Preciso cancelar o pedido %o antes de ser enviado",
	"Não quero mais o serviço, cancela por favor",
	"Estou tentando cancelar pelo app e não consigo",
	"Quero cancelar, achei outra empresa mais barata",
	"Cancela minha conta e apaga meus dados",
	"Pedi cancelamento mês passado e continuaram cobrando",
};
static const char *const pt_cancel_detail[] = {
	"Não tenho interesse em desconto, só quero cancelar",
	"O plano está no meu nome, CPF cadastrado",
	"Quero a confirmação do cancelamento por e-mail",
	"Já é a segunda vez que peço isso",
};
static const char *const pt_cancel_ask[] = {
	"Posso saber o motivo do cancelamento?",
	"Antes de cancelar, posso te oferecer 3 meses pela metade do preço?",
	"Confirma o e-mail cadastrado na conta, por favor?",
};
static const char *const pt_cancel_resolve[] = {
	"Cancelamento realizado, o protocolo é %p.",
	"Seu pedido %o foi cancelado e o valor será estornado.",
	"Pronto, a assinatura foi cancelada e não haverá novas cobranças.",
	"Enviei a confirmação do cancelamento para o seu e-mail.",
};
static const char *const pt_delivery_open[] = {
	"oi, meu pedido não chegou",
	"O prazo de entrega era dia %d e até agora nada",
	"O rastreio está parado há uma semana",
	"Diz que foi entregue mas eu não recebi nada",
	"Chegou o produto errado, pedi outra cor",
	"A caixa chegou amassada e o produto quebrado",
	"Qual a previsão de entrega do pedido %o?",
	"O entregador não veio e marcou como ausente, mas eu estava em casa",
	"Meu pedido veio faltando um item",
};
static const char *const pt_delivery_detail[] = {
	"O número do pedido é %o",
	"Moro em apartamento, o porteiro não recebeu nada",
	"Preciso para o aniversário do meu filho no sábado",
	"Comprei há 20 dias",
};
static const char *const pt_delivery_ask[] = {
	"Pode me confirmar o CEP de entrega?",
	"Qual o número do pedido, por favor?",
	"Consegue me mandar uma foto da embalagem?",
};
static const char *const pt_delivery_resolve[] = {
	"Abri uma reclamação com a transportadora, o novo prazo é %d.",
	"O pedido foi localizado e sai para entrega amanhã.",
	"Vamos reenviar o produto sem custo, o novo código chega por e-mail.",
	"A troca foi autorizada, a coleta será agendada.",
};
static const char *const pt_order_open[] = {
	"Quero saber o status do meu pedido %o",
	"Meu pedido ainda está em separação?",
	"Já foi enviado? Não recebi o código de rastreio",
	"O pedido aparece como aguardando pagamento mas já paguei",
	"Consigo alterar o endereço de entrega do pedido?",
	"Quando meu pedido vai ser faturado?",
	"Fiz o pedido ontem e não recebi confirmação",
	"Dá pra acompanhar o pedido pelo site?",
};
static const char *const pt_order_detail[] = {
	"É o pedido %o, feito no dia %d",
	"Comprei pelo aplicativo",
	"Paguei no cartão, já saiu na fatura",
	"Preciso receber até sexta",
};
static const char *const pt_order_ask[] = {
	"Me informa o número do pedido, por favor?",
	"O pedido foi feito no site ou no app?",
	"Pode confirmar o CPF usado na compra?",
};
static const char *const pt_order_resolve[] = {
	"Seu pedido foi faturado hoje e o rastreio chega por e-mail.",
	"O pedido %o está em transporte, previsão de entrega %d.",
	"O pagamento foi aprovado agora, o pedido segue para separação.",
	"Atualizei o endereço de entrega, tudo certo.",
};
static const char *const pt_tech_open[] = {
	"O aplicativo não abre, fica travado na tela inicial",
	"Não consigo finalizar a compra, dá erro no pagamento",
	"A internet está caindo toda hora",
	"O site mostra erro 500 quando tento entrar",
	"Meu aparelho não liga depois da atualização",
	"O app fecha sozinho no meu celular",
	"Não recebo o código de verificação por SMS",
	"O produto parou de funcionar com uma semana de uso",
};
static const char *const pt_tech_detail[] = {
	"Uso Android, já reinstalei o app",
	"Já reiniciei o modem duas vezes",
	"Aparece a mensagem \"erro inesperado, tente novamente\"",
	"Testei no computador e também não vai",
};
static const char *const pt_tech_ask[] = {
	"Qual o modelo do seu aparelho?",
	"Pode tentar limpar o cache e abrir de novo?",
	"Consegue me mandar um print do erro?",
};
static const char *const pt_tech_resolve[] = {
	"Identificamos uma instabilidade, já foi corrigida. Pode testar?",
	"Abri um chamado técnico, protocolo %p, um técnico vai te visitar.",
	"Atualize o aplicativo para a versão nova que o erro some.",
	"Reconfigurei sua conexão remotamente, deve normalizar em alguns minutos.",
};
static const char *const pt_account_open[] = {
	"Não consigo entrar na minha conta",
	"Esqueci minha senha e o e-mail de recuperação não chega",
	"Minha conta foi bloqueada, por quê?",
	"Quero trocar o e-mail cadastrado",
	"Acho que alguém invadiu minha conta",
	"Preciso atualizar meu telefone no cadastro",
	"Meu cadastro diz que o CPF já está em uso",
	"Como faço para excluir minha conta?",
};
static const char *const pt_account_detail[] = {
	"Meu e-mail é o mesmo de sempre",
	"Tentei redefinir a senha três vezes",
	"Mudei de número e não recebo o SMS",
	"Aparece usuário ou senha inválidos",
};
static const char *const pt_account_ask[] = {
	"Para sua segurança, confirme a data de nascimento do titular.",
	"Qual e-mail está cadastrado na conta?",
	"Pode me informar os 3 primeiros dígitos do CPF?",
};
static const char *const pt_account_resolve[] = {
	"Desbloqueei sua conta, já pode entrar com uma senha nova.",
	"Enviei um link de redefinição de senha, ele vale por 1 hora.",
	"Cadastro atualizado com sucesso.",
	"Encerramos as sessões abertas e trocamos a senha por segurança.",
};
static const char *const pt_complaint_open[] = {
	"Péssimo atendimento, ninguém resolve meu problema",
	"Estou muito insatisfeita com a loja",
	"Quero registrar uma reclamação formal",
	"Fui muito mal atendido na loja ontem",
	"Vocês prometeram retorno em 48 horas e nada",
	"É um absurdo o que vocês estão fazendo comigo",
	"Quero falar com um supervisor",
	"Nunca mais compro com vocês",
};
static const char *const pt_complaint_detail[] = {
	"Já liguei 3 vezes e cada um fala uma coisa",
	"Vou no Procon se não resolverem hoje",
	"Vou abrir reclamação no Reclame Aqui",
	"Ninguém me dá uma resposta",
};
static const char *const pt_complaint_ask[] = {
	"Lamento muito pelo transtorno. Pode me contar o que aconteceu?",
	"Pode me passar o protocolo do atendimento anterior?",
	"Entendo sua insatisfação, me informe o número do pedido, por favor.",
};
static const char *const pt_complaint_resolve[] = {
	"Registrei sua reclamação com prioridade, protocolo %p.",
	"Peço desculpas, vou acompanhar seu caso pessoalmente até a solução.",
	"Encaminhei para a ouvidoria, o retorno é em até 5 dias úteis.",
	"Como compensação, liberamos um cupom de %v na sua conta.",
};
static const char *const pt_purchase_open[] = {
	"Vocês têm esse produto no tamanho M?",
	"Quero comprar, quanto fica o frete para São Paulo?",
	"Tem desconto para pagamento no pix?",
	"Posso parcelar em 10 vezes sem juros?",
	"O produto volta ao estoque quando?",
	"Quero fazer um pedido grande para minha empresa",
	"Esse modelo tem garantia de quanto tempo?",
	"Vi uma promoção no Instagram, ainda está valendo?",
};
static const char *const pt_purchase_detail[] = {
	"Seria para entregar em Campinas",
	"Preciso de 20 unidades",
	"Quero na cor preta",
	"Vou pagar no cartão",
};
static const char *const pt_purchase_ask[] = {
	"Qual o seu CEP para eu calcular o frete?",
	"Qual modelo você procura?",
	"Prefere pagar no pix ou no cartão?",
};
static const char *const pt_purchase_resolve[] = {
	"Temos sim! Te enviei o link do produto com o desconto.",
	"O frete fica %v e chega em 3 dias úteis.",
	"Consigo parcelar em até 10 vezes sem juros no cartão.",
	"Reservei as unidades, o pedido %o já foi gerado.",
};
static const char *const pt_info_open[] = {
	"Qual o horário de funcionamento da loja?",
	"Vocês abrem no feriado?",
	"Qual o endereço da loja do shopping?",
	"Como funciona a garantia estendida?",
	"Vocês aceitam vale-refeição?",
	"Qual o telefone do SAC?",
	"Como faço para trocar um presente sem nota?",
	"Vocês entregam no interior?",
};
static const char *const pt_info_detail[] = {
	"É a loja do centro",
	"Seria para esse sábado",
	"Ganhei de presente e não tenho a nota",
	"Moro em Ribeirão Preto",
};
static const char *const pt_info_ask[] = {
	"Qual loja você gostaria de visitar?",
	"Pode me dizer sua cidade?",
	"O produto foi comprado há quanto tempo?",
};
static const char *const pt_info_resolve[] = {
	"Funcionamos de segunda a sábado, das 9h às 21h.",
	"A troca pode ser feita em qualquer loja em até 30 dias.",
	"Entregamos em todo o Brasil, o prazo depende do CEP.",
	"Te enviei o endereço completo e o link do mapa.",
};
static const char *const pt_praise_open[] = {
	"Queria agradecer, o atendimento foi excelente",
	"Chegou antes do prazo, amei!",
	"Parabéns pelo atendimento da loja do centro",
	"Produto de ótima qualidade, recomendo",
	"Vocês são nota 10",
	"Resolveram meu problema super rápido, obrigada",
	"Adorei a embalagem, muito caprichada",
	"Só passando pra elogiar a entrega",
};
static const char *const pt_praise_detail[] = {
	"Com certeza vou comprar de novo",
	"Já indiquei para a minha família",
	"Podem passar o elogio para a equipe",
	"Muito obrigada mesmo",
};
static const char *const pt_praise_ask[] = {
	"Que bom saber! Posso ajudar com mais alguma coisa?",
	"Ficamos muito felizes! Pode avaliar a loja no app?",
	"Obrigada pelo carinho! Posso registrar seu elogio?",
};
static const char *const pt_praise_resolve[] = {
	"Registrei seu elogio e vou repassar para a equipe.",
	"Muito obrigado pela mensagem, volte sempre!",
	"Seu elogio foi encaminhado para o gerente da loja.",
	"Agradecemos a preferência!",
};

/* English */
static const char *const en_billing_open[] = {
	"Hi, I was charged twice for the same order",
	"There's a charge of %v on my statement I don't recognize",
	"I need a copy of my invoice",
	"I paid my bill yesterday but it still shows as past due",
	"Why is my bill higher this month?",
	"Can I set up a payment plan for the balance?",
	"Autopay didn't go through and now there's a late fee",
	"You charged me after I canceled my subscription",
};
static const char *const en_billing_detail[] = {
	"The amount was %v, charged on %d",
	"I have the receipt right here",
	"It was on my Visa ending in 4432",
	"It's last month's invoice, due %d",
};
static const char *const en_billing_ask[] = {
	"Could you confirm the billing zip code on the account?",
	"Can you send me a screenshot of the charge?",
	"What's the order or invoice number?",
};
static const char *const en_billing_resolve[] = {
	"I've refunded the duplicate charge, it should post in 3 to 5 business days.",
	"I just emailed you a copy of the invoice.",
	"Your payment is showing now and the late fee has been waived.",
	"I've set up a payment plan in three installments for you.",
};
static const char *const en_refund_open[] = {
	"I want a refund, the item arrived damaged",
	"I returned the item two weeks ago and still no refund",
	"How do I request a refund for order %o?",
	"My order was canceled but I never got my money back",
	"I disputed the charge and nothing happened",
	"When will I get the refund for my return?",
	"The refund amount is less than what I paid",
	"I was promised a refund last week",
};
static const char *const en_refund_detail[] = {
	"Order %o, I paid %v",
	"I already sent you the return tracking number",
	"It was on my credit card",
	"I really need this money back",
};
static const char *const en_refund_ask[] = {
	"Can I have the order number, please?",
	"Do you have the return tracking number?",
	"Which payment method did you use?",
};
static const char *const en_refund_resolve[] = {
	"Your refund has been approved and should show up within 7 business days.",
	"I've issued a refund of %v, reference %p.",
	"We received your return and the refund is on its way.",
	"I processed the refund back to your original payment method.",
};
static const char *const en_cancel_open[] = {
	"I want to cancel my subscription",
	"How do I cancel my plan?",
	"Please cancel order %o before it ships",
	"I don't need the service anymore, please cancel",
	"The app won't let me cancel",
	"I found a cheaper option, I'd like to cancel",
	"Close my account and delete my data",
	"I canceled last month and you're still billing me",
};
static const char *const en_cancel_detail[] = {
	"I'm not interested in a discount, just cancel it",
	"The account is under my name",
	"Please send me a cancellation confirmation",
	"This is the second time I'm asking",
};
static const char *const en_cancel_ask[] = {
	"May I ask why you'd like to cancel?",
	"Before you go, can I offer you three months at half price?",
	"Can you confirm the email on the account?",
};
static const char *const en_cancel_resolve[] = {
	"Your subscription is canceled, confirmation number %p.",
	"Order %o has been canceled and you'll be refunded.",
	"Done, the plan is canceled and there will be no further charges.",
	"I've emailed you the cancellation confirmation.",
};
static const char *const en_delivery_open[] = {
	"My package never arrived",
	"It was supposed to arrive on %d and it's still not here",
	"Tracking hasn't updated in a week",
	"It says delivered but I didn't get anything",
	"I received the wrong item",
	"The box arrived crushed and the item is broken",
	"When will order %o be delivered?",
	"The driver marked it as \"no one home\" but I was there all day",
	"My order is missing an item",
};
static const char *const en_delivery_detail[] = {
	"The order number is %o",
	"I live in an apartment and the front desk has nothing",
	"I need it for my son's birthday on Saturday",
	"I ordered it three weeks ago",
};
static const char *const en_delivery_ask[] = {
	"Can you confirm the shipping address?",
	"What's the order number, please?",
	"Could you send a photo of the package?",
};
static const char *const en_delivery_resolve[] = {
	"I filed a claim with the carrier, the new delivery date is %d.",
	"We located the package and it's out for delivery tomorrow.",
	"We'll ship a replacement at no cost, tracking will be emailed.",
	"The exchange is approved and a pickup will be scheduled.",
};
static const char *const en_order_open[] = {
	"What's the status of my order %o?",
	"Is my order still processing?",
	"Has it shipped? I never got a tracking number",
	"My order says awaiting payment but I already paid",
	"Can I change the shipping address on my order?",
	"When will my order ship?",
	"I placed an order yesterday and didn't get a confirmation",
	"Can I track my order online?",
};
static const char *const en_order_detail[] = {
	"It's order %o, placed on %d",
	"I ordered through the app",
	"I paid by card and it already shows on my statement",
	"I need it by Friday",
};
static const char *const en_order_ask[] = {
	"Can I have your order number?",
	"Did you order on the website or the app?",
	"What's the email you used for the order?",
};
static const char *const en_order_resolve[] = {
	"Your order shipped today, tracking is on its way to your inbox.",
	"Order %o is in transit, estimated delivery %d.",
	"Your payment just cleared and the order is being packed.",
	"I've updated the shipping address for you.",
};
static const char *const en_tech_open[] = {
	"The app won't open, it's stuck on the splash screen",
	"I can't check out, the payment page errors out",
	"My internet keeps dropping",
	"The website shows error 500 when I log in",
	"My device won't turn on after the update",
	"The app keeps crashing on my phone",
	"I'm not getting the verification code by text",
	"The product stopped working after a week",
};
static const char *const en_tech_detail[] = {
	"I'm on an iPhone, already reinstalled the app",
	"I restarted the router twice",
	"It says \"something went wrong, please try again\"",
	"Same thing on my laptop",
};
static const char *const en_tech_ask[] = {
	"What device and model are you using?",
	"Could you clear the cache and try again?",
	"Can you send me a screenshot of the error?",
};
static const char *const en_tech_resolve[] = {
	"We had an outage, it's fixed now. Could you try again?",
	"I opened a ticket, reference %p, a technician will contact you.",
	"Please update the app to the latest version and the error will go away.",
	"I reset your connection remotely, it should be back in a few minutes.",
};
static const char *const en_account_open[] = {
	"I can't log into my account",
	"I forgot my password and the reset email never comes",
	"My account got locked, why?",
	"I want to change the email on my account",
	"I think someone hacked my account",
	"I need to update my phone number",
	"It says my email is already in use",
	"How do I delete my account?",
};
static const char *const en_account_detail[] = {
	"It's the same email I always use",
	"I tried resetting the password three times",
	"I changed my number and don't get the texts",
	"It says invalid username or password",
};
static const char *const en_account_ask[] = {
	"For security, can you confirm your date of birth?",
	"Which email is on the account?",
	"Can you confirm the last four digits of your phone number?",
};
static const char *const en_account_resolve[] = {
	"I unlocked your account, you can log in with a new password.",
	"I sent you a password reset link, it's valid for one hour.",
	"Your profile has been updated.",
	"We signed out all sessions and reset your password for safety.",
};
static const char *const en_complaint_open[] = {
	"Terrible service, nobody fixes my problem",
	"I'm very unhappy with your company",
	"I want to file a formal complaint",
	"I was treated badly at the store yesterday",
	"You promised a callback in 48 hours and nothing",
	"This is ridiculous",
	"I want to speak to a manager",
	"I'm never buying from you again",
};
static const char *const en_complaint_detail[] = {
	"This is the third time I'm contacting you",
	"I'm going to report you to the BBB",
	"I'll leave a review everywhere",
	"Nobody gives me a straight answer",
};
static const char *const en_complaint_ask[] = {
	"I'm so sorry about this. Could you tell me what happened?",
	"Do you have the reference number from your last contact?",
	"I understand your frustration, may I have the order number?",
};
static const char *const en_complaint_resolve[] = {
	"I've escalated your complaint as a priority, reference %p.",
	"I apologize, I'll personally follow up until this is solved.",
	"I forwarded this to customer relations, expect an answer within 5 business days.",
	"As an apology, we've added a %v credit to your account.",
};
static const char *const en_purchase_open[] = {
	"Do you have this in a medium?",
	"How much is shipping to Texas?",
	"Is there a discount if I pay upfront?",
	"Can I pay in installments?",
	"When will this be back in stock?",
	"I'd like to place a bulk order for my company",
	"How long is the warranty on this model?",
	"I saw a promo on Instagram, is it still valid?",
};
static const char *const en_purchase_detail[] = {
	"It's for delivery in Chicago",
	"I need 20 units",
	"I want it in black",
	"I'll pay by card",
};
static const char *const en_purchase_ask[] = {
	"What's your zip code so I can check shipping?",
	"Which model are you looking for?",
	"Would you like to pay by card or PayPal?",
};
static const char *const en_purchase_resolve[] = {
	"We do! I sent you the link with the discount applied.",
	"Shipping is %v and it arrives in 3 business days.",
	"You can split it into 4 interest-free payments.",
	"I reserved the units, order %o has been created.",
};
static const char *const en_info_open[] = {
	"What are your store hours?",
	"Are you open on the holiday?",
	"What's the address of the mall location?",
	"How does the extended warranty work?",
	"Do you accept gift cards online?",
	"What's your customer service number?",
	"How do I return a gift without a receipt?",
	"Do you ship to Alaska?",
};
static const char *const en_info_detail[] = {
	"The downtown store",
	"It would be this Saturday",
	"It was a gift, I don't have the receipt",
	"I live in Anchorage",
};
static const char *const en_info_ask[] = {
	"Which store would you like to visit?",
	"What city are you in?",
	"How long ago was it purchased?",
};
static const char *const en_info_resolve[] = {
	"We're open Monday to Saturday, 9am to 9pm.",
	"Returns can be made at any store within 30 days.",
	"We ship to all 50 states, delivery time depends on the zip code.",
	"I sent you the full address and a map link.",
};
static const char *const en_praise_open[] = {
	"Just wanted to say thanks, the service was excellent",
	"It arrived early, love it!",
	"Kudos to the team at the downtown store",
	"Great quality product, highly recommend",
	"You guys are awesome",
	"You fixed my issue super fast, thank you",
	"Loved the packaging, so nice",
	"Just here to compliment the delivery",
};
static const char *const en_praise_detail[] = {
	"I'll definitely order again",
	"I already recommended you to my family",
	"Please pass this on to the team",
	"Thanks so much",
};
static const char *const en_praise_ask[] = {
	"So glad to hear that! Anything else I can help with?",
	"That makes our day! Would you mind rating us in the app?",
	"Thank you! May I log your compliment?",
};
static const char *const en_praise_resolve[] = {
	"I logged your compliment and will share it with the team.",
	"Thank you so much for the kind words, see you soon!",
	"Your feedback was forwarded to the store manager.",
	"We appreciate your business!",
};

#define INTENT(p, x) { LIST(p##_##x##_open), LIST(p##_##x##_detail), \
	LIST(p##_##x##_ask), LIST(p##_##x##_resolve) }
static const struct intent_text intent_text[2][NINTENT] = {
	{ INTENT(pt, billing), INTENT(pt, refund), INTENT(pt, cancel),
	  INTENT(pt, delivery), INTENT(pt, order), INTENT(pt, tech),
	  INTENT(pt, account), INTENT(pt, complaint), INTENT(pt, purchase),
	  INTENT(pt, info), INTENT(pt, praise) },
	{ INTENT(en, billing), INTENT(en, refund), INTENT(en, cancel),
	  INTENT(en, delivery), INTENT(en, order), INTENT(en, tech),
	  INTENT(en, account), INTENT(en, complaint), INTENT(en, purchase),
	  INTENT(en, info), INTENT(en, praise) },
};

/* Phrases for any intent. */
static const char *const pt_greet[] = {
	"oi", "Oi, boa tarde", "Bom dia!", "Olá, tudo bem?", "boa noite",
	"oii", "Olá", "Oi, preciso de ajuda",
};
static const char *const pt_provide[] = {
	"O pedido é o %o", "Meu pedido é %o", "é o %o",
	"O protocolo anterior é %p", "Sim, é esse mesmo", "Segue o número: %o",
	"Claro, %o",
};
static const char *const pt_filler[] = {
	"ok", "certo", "Entendi", "Tá bom", "Ok, vou aguardar",
	"Mas quanto tempo vai demorar?", "E agora?", "Hum, tá",
};
static const char *const pt_thanks[] = {
	"Obrigada!", "Muito obrigado pela ajuda", "Valeu!",
	"Obrigado, resolveu", "Perfeito, obrigada", "Ok, obrigado",
	"Ótimo, muito obrigada", "Brigada 🙏",
};
static const char *const pt_negative[] = {
	"Isso é um absurdo!!!", "Já liguei 3 vezes e ninguém resolve",
	"Vou no Procon", "Vou reclamar no Reclame Aqui",
	"Estou esperando há mais de uma semana",
	"Quero falar com um supervisor agora", "Que atendimento horrível",
	"Vocês só enrolam", "Não aguento mais essa situação",
	"Ninguém me responde!!", "É a terceira vez que entro em contato",
	"Vou cancelar tudo se não resolverem",
};
static const char *const pt_nudge[] = {
	"alguém?", "???", "oi??", "Tem alguém aí?", "Olá?",
	"Vão me responder?", "Alô",
};
static const char *const pt_agent_greet[] = {
	"Olá %n, tudo bem? Meu nome é %a e vou te ajudar.",
	"Oi %n! Aqui é %a, do atendimento.",
	"Boa tarde, %n! Sou %a, como posso ajudar?",
	"Olá! Meu nome é %a, em que posso ajudar?",
	"Oi %n, obrigado por aguardar. Sou %a.",
	"Olá, %n. %a falando, vou verificar sua solicitação.",
};
static const char *const pt_agent_wait[] = {
	"Um momento, por favor, estou verificando.",
	"Só um instante que vou consultar aqui.", "Obrigado por aguardar.",
	"Estou verificando com o setor responsável.",
	"Vou precisar de alguns minutos, tudo bem?",
};
static const char *const pt_agent_close[] = {
	"Posso ajudar em algo mais?",
	"Qualquer coisa estamos à disposição. Tenha um ótimo dia!",
	"Obrigado pelo contato, %n!",
	"Vou encerrar o atendimento, tudo bem? Até mais!",
	"Fico à disposição. Seu protocolo é %p.", "Foi um prazer ajudar!",
};
static const char *const pt_bot_greet[] = {
	"Olá! Sou a Lia, assistente virtual. Como posso ajudar?",
	"Oi! Bem-vindo ao atendimento. Digite 1 para pedidos, 2 para financeiro ou 3 para falar com um atendente.",
	"Olá, eu sou a assistente virtual da loja. Sobre o que você quer falar?",
	"Oi %n! Escolha uma opção: 1 Pedidos, 2 Pagamentos, 3 Trocas, 4 Outros assuntos.",
};
static const char *const pt_bot_choice[] = {
	"1", "2", "3", "falar com atendente", "atendente",
	"quero falar com uma pessoa", "4", "pedidos",
};
static const char *const pt_bot_transfer[] = {
	"Certo! Vou te transferir para um atendente, aguarde um momento.",
	"Entendi. Em instantes um especialista vai te atender.",
	"Transferindo para o time responsável. O tempo médio de espera é de 5 minutos.",
	"Vou chamar alguém da equipe para te ajudar, só um minutinho.",
};
static const char *const pt_bot_answer[] = {
	"Você pode acompanhar seu pedido em nosso site, na área Meus Pedidos.",
	"Nosso horário de atendimento é de segunda a sábado, das 8h às 20h.",
	"A segunda via do boleto está disponível no app, em Financeiro.",
	"Para trocas, acesse a área Minhas Compras e escolha o item.",
};
static const char *const pt_signoff[] = {
	"Att,", "Atenciosamente,", "Obrigada,", "Aguardo retorno,",
};

static const char *const en_greet[] = {
	"hi", "Hello", "Hi there", "Good morning", "hey", "Hi, I need help",
	"Good afternoon", "Hi, quick question",
};
static const char *const en_provide[] = {
	"The order is %o", "Order number %o", "it's %o",
	"Reference %p from last time", "Yes, that's the one",
	"Here you go: %o", "Sure, %o",
};
static const char *const en_filler[] = {
	"ok", "Okay", "Got it", "Alright", "Ok, I'll wait",
	"How long will it take?", "So what now?", "Hmm ok",
};
static const char *const en_thanks[] = {
	"Thanks!", "Thank you so much for your help", "Thx",
	"Thanks, that fixed it", "Perfect, thank you", "Ok, thanks",
	"Great, thanks a lot", "Appreciate it 🙏",
};
static const char *const en_negative[] = {
	"This is unacceptable!!!", "Third time I'm contacting you about this",
	"I've called 3 times and nobody helps",
	"I'm filing a complaint with the BBB", "I've been waiting over a week",
	"Let me talk to a manager NOW", "Worst customer service ever",
	"You keep giving me the runaround", "I'm so done with this",
	"Nobody answers me!!", "I'm disputing the charge with my bank",
	"Cancel everything if you can't fix it",
};
static const char *const en_nudge[] = {
	"hello?", "???", "anyone there?", "Hello??", "Is anyone there?",
	"Are you going to answer me?", "hi?",
};
static const char *const en_agent_greet[] = {
	"Hi %n, thanks for reaching out! My name is %a and I'll help you today.",
	"Hello %n! This is %a from customer support.",
	"Good afternoon %n, I'm %a, how can I help?",
	"Hi! I'm %a, what can I do for you?",
	"Hi %n, thanks for waiting. I'm %a.",
	"Hello %n, %a here, let me look into this.",
};
static const char *const en_agent_wait[] = {
	"One moment please, I'm checking.", "Give me a second to look that up.",
	"Thanks for your patience.", "I'm checking with the team responsible.",
	"This may take a few minutes, is that ok?",
};
static const char *const en_agent_close[] = {
	"Is there anything else I can help with?",
	"We're here if you need anything. Have a great day!",
	"Thanks for contacting us, %n!", "I'll close this chat now, take care!",
	"Happy to help. Your reference number is %p.",
	"It was a pleasure helping you!",
};
static const char *const en_bot_greet[] = {
	"Hi! I'm Max, the virtual assistant. How can I help?",
	"Welcome! Type 1 for orders, 2 for billing or 3 to talk to an agent.",
	"Hello, I'm the store's virtual assistant. What would you like to talk about?",
	"Hi %n! Choose an option: 1 Orders, 2 Payments, 3 Returns, 4 Something else.",
};
static const char *const en_bot_choice[] = {
	"1", "2", "3", "agent", "talk to a person", "representative", "4",
	"orders",
};
static const char *const en_bot_transfer[] = {
	"Got it! I'm transferring you to an agent, please hold on.",
	"Okay. A specialist will be with you shortly.",
	"Connecting you to the right team. Average wait time is 5 minutes.",
	"Let me get someone from the team to help you, one moment.",
};
static const char *const en_bot_answer[] = {
	"You can track your order on our website under My Orders.",
	"Our support hours are Monday to Saturday, 8am to 8pm.",
	"You can download your invoice in the app under Billing.",
	"To start a return, go to My Purchases and select the item.",
};
static const char *const en_signoff[] = {
	"Best,", "Regards,", "Thanks,", "Sincerely,",
};

struct generic_text {
	struct list greet, provide, filler, thanks, negative, nudge;
	struct list agent_greet, agent_wait, agent_close;
	struct list bot_greet, bot_choice, bot_transfer, bot_answer, signoff;
};
#define GENERIC(p) { LIST(p##_greet), LIST(p##_provide), LIST(p##_filler), \
	LIST(p##_thanks), LIST(p##_negative), LIST(p##_nudge), \
	LIST(p##_agent_greet), LIST(p##_agent_wait), LIST(p##_agent_close), \
	LIST(p##_bot_greet), LIST(p##_bot_choice), LIST(p##_bot_transfer), \
	LIST(p##_bot_answer), LIST(p##_signoff) }
static const struct generic_text generic_text[2] = {
	GENERIC(pt), GENERIC(en),
};

static const char *const emoji_pos[] = { "😊", "🙏", "👍", "❤️", "😀" };
static const char *const emoji_neg[] = { "😡", "😤", "😢", "🤬", "😠" };
static const struct list emojis[2] = { LIST(emoji_pos), LIST(emoji_neg) };

/* ---------------------------------------------------------- text utils */

/* U+00C0..U+00FF (UTF-8 0xC3 0x80..0xBF) folded to ASCII. */
static const char fold_c3[] =
    "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";

/* Lower-case ASCII letters and digits of s, accents folded, into out. */
static void
fold_ascii(const char *s, char *out, size_t outlen)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	char c;

	for (; *p && n + 1 < outlen; p++) {
		c = 0;
		if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF)
			c = fold_c3[*++p - 0x80];
		else if (*p < 0x80)
			c = (char)*p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[n++] = c;
	}
	out[n] = '\0';
}

/*
 * Changes the case of s in place: ASCII and the Latin-1 letters of
 * UTF-8 (0xC3 0x80..0x9E upper, 0xA0..0xBE lower, same length), so that
 * "não" becomes "NÃO" and not "NãO".
 */
static void
utf8_case(char *s, int upper)
{
	unsigned char *p = (unsigned char *)s;

	for (; *p; p++) {
		if (upper && *p >= 'a' && *p <= 'z')
			*p = (unsigned char)(*p - 32);
		else if (!upper && *p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p + 32);
		else if (*p == 0xC3 && p[1]) {
			p++;
			if (upper && *p >= 0xA0 && *p <= 0xBE && *p != 0xB7)
				*p = (unsigned char)(*p - 0x20);
			else if (!upper && *p >= 0x80 && *p <= 0x9E &&
			    *p != 0x97)
				*p = (unsigned char)(*p + 0x20);
		}
	}
}

static void
ascii_lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

/* Bounded string building: never overflows, truncates instead. */
struct sb {
	char *p;
	size_t n, cap;
};

static void
sb_add(struct sb *b, const char *s, size_t n)
{
	if (n > b->cap - 1 - b->n)
		n = b->cap - 1 - b->n;
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
sb_str(struct sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void
sb_uw(struct sb *b, uint64_t v, int width)
{
	char t[24];
	int i = 24;

	while (width-- > 0 || v != 0) {
		t[--i] = (char)('0' + v % 10);
		v /= 10;
	}
	sb_add(b, t + i, (size_t)(24 - i));
}

static void
sb_u(struct sb *b, uint64_t v)
{
	sb_uw(b, v, 1);
}

static void
sb_init(struct sb *b, char *buf, size_t cap)
{
	b->p = buf;
	b->n = 0;
	b->cap = cap;
	buf[0] = '\0';
}

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p == NULL) {
		fprintf(stderr, "gencorpus: out of memory\n");
		exit(1);
	}
	return memcpy(p, s, n);
}

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (p == NULL) {
		fprintf(stderr, "gencorpus: out of memory\n");
		exit(1);
	}
	return p;
}

/* --------------------------------------------------- e-mail uniqueness */

/*
 * Set of e-mail identity keys (lower case; Gmail without dots), so that
 * no two people get the same mailbox by accident and a typo never lands
 * on somebody's real address.  Open addressing, never shrinks.
 */
static char **keyset;
static size_t keyset_cap, keyset_len;

static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static void
email_key(const char *addr, char *out, size_t outlen)
{
	const char *at = strrchr(addr, '@');
	size_t n = 0;
	const char *p;

	for (p = addr; *p && n + 1 < outlen; p++) {
		if (*p == '.' && at != NULL && p < at &&
		    strcmp(at + 1, "gmail.com") == 0)
			continue;
		out[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
	}
	out[n] = '\0';
}

/* Adds the key of addr; returns 0 when it was already there. */
static int
keyset_add(const char *addr, int insert)
{
	char key[128];
	size_t i;

	email_key(addr, key, sizeof key);
	if (keyset_len * 2 >= keyset_cap) {
		char **old = keyset;
		size_t oldcap = keyset_cap, j;

		keyset_cap = keyset_cap ? keyset_cap * 2 : 1024;
		keyset = xcalloc(keyset_cap, sizeof *keyset);
		for (j = 0; j < oldcap; j++) {
			if (old[j] == NULL)
				continue;
			i = fnv1a(old[j]) & (keyset_cap - 1);
			while (keyset[i] != NULL)
				i = (i + 1) & (keyset_cap - 1);
			keyset[i] = old[j];
		}
		free(old);
	}
	i = fnv1a(key) & (keyset_cap - 1);
	while (keyset[i] != NULL) {
		if (strcmp(keyset[i], key) == 0)
			return 0;
		i = (i + 1) & (keyset_cap - 1);
	}
	if (insert) {
		keyset[i] = xstrdup(key);
		keyset_len++;
	}
	return 1;
}

/* ---------------------------------------------------------- population */

enum {
	P_MOBILE = 1 << 0,	/* has a mobile of their own */
	P_LANDLINE = 1 << 1,	/* has a landline (own or family) */
	P_FAMILY = 1 << 2,	/* the landline is shared with family */
	P_OLDWA = 1 << 3,	/* WhatsApp account from before the 9th digit */
	P_CPF = 1 << 4,
	P_CRM = 1 << 5,
	P_ALT = 1 << 6,		/* a second address of their own */
	P_TYPO = 1 << 7,	/* sometimes types the address wrong */
	P_COMPANY = 1 << 8,	/* sometimes gives a shared company address */
};
/* What showed up on the person's records, for the truth table. */
enum {
	U_TYPO = 1 << 0, U_COMPANY = 1 << 1, U_STORE = 1 << 2,
	U_LANDLINE = 1 << 3,
};

struct person {
	char		*email;		/* base address, lower case, or NULL */
	char		*alt;		/* second own address, or NULL */
	char		*typo;		/* mistyped email, or NULL */
	uint32_t	 home;		/* index numbering the landline: self or head */
	uint16_t	 flags;
	uint16_t	 nrec;		/* records this person has */
	uint16_t	 seen;		/* records generated so far */
	uint16_t	 chseen;	/* bit per channel generated so far */
	uint8_t		 first, last, region, area, company, store, used, nch;
	uint8_t		 ch[4];		/* channels, first nch used in order */
};

static struct person *people;
static uint32_t npeople;
static uint32_t *slots;		/* conversation k -> person */

/* NANP exchanges 200-999 without N11 and 555; mobiles, then homes. */
static unsigned short exch[800];
static unsigned nexch;

static void
init_exchanges(void)
{
	unsigned e;

	for (e = 200; e <= 999; e++)
		if (e % 100 != 11 && e != 555)
			exch[nexch++] = (unsigned short)e;
}

/*
 * The person's numbers as national significant numbers: area code then
 * subscriber.  The permutations keep every person's numbers distinct from
 * everybody else's (and from the store phones, which start 3 in Brazil
 * and use exchange 555 in the US), so only the modelled sharing happens.
 * BR mobiles are 9 + [1-9] + 7 digits, landlines [245] + 7 digits.
 */
static void
mobile_nsn(const struct person *p, uint32_t i, char area[4], char sub[10])
{
	struct sb a, s;
	uint64_t x;

	sb_init(&a, area, 4);
	sb_init(&s, sub, 10);
	if (p->region == BR) {
		sb_str(&a, br_ddd[p->area]);
		x = perm(i, 90000000, 12345701, 7777);
		sb_str(&s, "9");
		sb_u(&s, 1 + x / 10000000);
		sb_uw(&s, x % 10000000, 7);
	} else {
		sb_str(&a, us_area[p->area]);
		x = perm(i, 3950000, 1234577, 4321);
		sb_u(&s, exch[x / 10000]);
		sb_uw(&s, x % 10000, 4);
	}
}

static void
landline_nsn(const struct person *p, char area[4], char sub[10])
{
	struct sb a, s;
	uint64_t x;

	sb_init(&a, area, 4);
	sb_init(&s, sub, 10);
	if (p->region == BR) {
		sb_str(&a, br_ddd[p->area]);
		x = perm(p->home, 30000000, 7654319, 1234);
		s.p[0] = "245"[x / 10000000];
		s.n = 1;
		sb_uw(&s, x % 10000000, 7);
	} else {
		sb_str(&a, us_area[p->area]);
		x = perm(p->home, 3960000, 2345681, 999);
		sb_u(&s, exch[395 + x / 10000]);
		sb_uw(&s, x % 10000, 4);
	}
}

static void
e164(int region, const char *area, const char *sub, char *out, size_t n)
{
	struct sb b;

	sb_init(&b, out, n);
	sb_str(&b, region == BR ? "+55" : "+1");
	sb_str(&b, area);
	sb_str(&b, sub);
}

/* CPF: 9 distinct digits per person plus the two check digits. */
static void
cpf_digits(uint32_t i, char out[12])
{
	uint64_t x = perm(i, 1000000000, 987654323, 31337);
	int d[11], j, s1 = 0, s2 = 0;

	for (j = 8; j >= 0; j--) {
		d[j] = (int)(x % 10);
		x /= 10;
	}
	for (j = 0; j < 9; j++)
		s1 += d[j] * (10 - j);
	d[9] = s1 % 11 < 2 ? 0 : 11 - s1 % 11;
	for (j = 0; j < 10; j++)
		s2 += d[j] * (11 - j);
	d[10] = s2 % 11 < 2 ? 0 : 11 - s2 % 11;
	for (j = 0; j < 11; j++)
		out[j] = (char)('0' + d[j]);
	out[11] = '\0';
}

/* Platform ids, distinct per person; twitter's exceed 2^53 on purpose. */
static uint64_t
twitter_id(uint32_t i)
{
	return 1000000000000000000ULL +
	    (((uint64_t)i + 1) * 0x9e3779b97f4a7c15ULL & ((1ULL << 62) - 1));
}

static uint64_t
instagram_id(uint32_t i)
{
	return 17841400000000000ULL + perm(i, 100000000000ULL, 2718281829ULL, 5);
}

static uint64_t
facebook_id(uint32_t i)
{
	return 1000000000000000ULL +
	    perm(i, 9000000000000000ULL, 3141592657ULL, 77);
}

static uint64_t
telegram_id(uint32_t i)
{
	return 100000000 + perm(i, 900000000, 7777777, 11);
}

static uint64_t
crm_id(uint32_t i)
{
	return 1000000 + perm(i, 9000000, 1234567, 3);
}

/* A first e-mail address for the person, unique by identity key. */
static char *
make_email(struct rng *r, const struct person *p, const char *domain)
{
	char f[48], l[48], buf[128];
	struct sb b;
	int tries;

	fold_ascii(first_names[p->region].s[p->first], f, sizeof f);
	fold_ascii(last_names[p->region].s[p->last], l, sizeof l);
	for (tries = 0;; tries++) {
		sb_init(&b, buf, sizeof buf);
		switch (tries ? 4 + rbelow(r, 4) : rbelow(r, 8)) {
		case 0: sb_str(&b, f); sb_str(&b, "."); sb_str(&b, l); break;
		case 1: sb_str(&b, f); sb_str(&b, l); break;
		case 2: sb_str(&b, f); sb_str(&b, "_"); sb_str(&b, l); break;
		case 3: sb_add(&b, f, 1); sb_str(&b, l); break;
		case 4: sb_str(&b, f); sb_str(&b, "."); sb_str(&b, l);
			sb_uw(&b, (uint64_t)rrange(r, 0, 99), 2); break;
		case 5: sb_str(&b, f); sb_add(&b, l, 1);
			sb_u(&b, (uint64_t)rrange(r, 1, 999)); break;
		case 6: sb_str(&b, l); sb_str(&b, "."); sb_str(&b, f);
			sb_u(&b, (uint64_t)rrange(r, 1960, 2008)); break;
		default: sb_str(&b, f); sb_u(&b, (uint64_t)rrange(r, 1, 9999));
			break;
		}
		if (tries > 8)	/* a crowded name: make room */
			sb_u(&b, (uint64_t)rrange(r, 1, 99999));
		sb_str(&b, "@");
		sb_str(&b, domain);
		if (keyset_add(buf, 1))
			return xstrdup(buf);
	}
}

/* A typo of addr that is nobody's address, or NULL. */
static char *
make_typo(struct rng *r, const char *addr)
{
	char buf[128], t;
	const char *at = strchr(addr, '@'), *d;
	size_t len, i, start;

	if (at == NULL || (size_t)(at - addr) + 1 > sizeof buf - 40)
		return NULL;
	if ((d = domain_typo(at + 1)) != NULL && chance(r, 500)) {
		memcpy(buf, addr, (size_t)(at - addr) + 1);
		strcpy(buf + (at - addr) + 1, d);
		return xstrdup(buf);	/* typo domains belong to no one */
	}
	/* One transposition of adjacent, different letters. */
	len = (size_t)(at - addr);
	if (len < 3)
		return NULL;
	strcpy(buf, addr);
	start = rbelow(r, (uint32_t)(len - 1));
	for (i = 0; i < len - 1; i++) {
		size_t j = (start + i) % (len - 1);

		if (buf[j] != buf[j + 1] && buf[j] != '.' && buf[j + 1] != '.') {
			t = buf[j];
			buf[j] = buf[j + 1];
			buf[j + 1] = t;
			if (keyset_add(buf, 0))
				return xstrdup(buf);
			buf[j + 1] = buf[j];
			buf[j] = t;
		}
	}
	return NULL;
}

static void
make_people(uint64_t seed, uint64_t nrec)
{
	struct rng r;
	uint32_t i, j, family_left = 0, head = 0, nfreq;
	uint64_t k, x;
	struct person *p;

	rseed(&r, seed, 1, 0);
	init_exchanges();
	npeople = (uint32_t)(nrec / 3 ? nrec / 3 : 1);
	people = xcalloc(npeople, sizeof *people);
	for (i = 0; i < npeople; i++) {
		p = &people[i];
		if (family_left > 0) {
			/* Same home: region, surname, area code, landline. */
			struct person *h = &people[head];

			p->region = h->region;
			p->last = h->last;
			p->area = h->area;
			p->home = head;
			p->flags = P_LANDLINE | P_FAMILY;
			if (chance(&r, 750))
				p->flags |= P_MOBILE;
			family_left--;
		} else {
			p->region = chance(&r, 650) ? BR : US;
			p->last = (uint8_t)rbelow(&r, last_names[p->region].n);
			p->area = (uint8_t)(p->region == BR ?
			    rweighted(&r, br_ddd_w, NELEM(br_ddd_w)) :
			    rbelow(&r, NELEM(us_area)));
			p->home = i;
			p->flags = P_MOBILE;
			if (chance(&r, 50)) {
				head = i;
				family_left = 1 + rbelow(&r, 2);
				p->flags |= P_LANDLINE | P_FAMILY;
			} else if (chance(&r, 60)) {
				p->flags |= P_LANDLINE;
			}
		}
		p->first = (uint8_t)rbelow(&r, first_names[p->region].n);
		if (p->flags & P_MOBILE && p->region == BR) {
			/* Old WhatsApp accounts: mobiles 9[6-9]XXX-XXXX. */
			x = perm(i, 90000000, 12345701, 7777);
			if (1 + x / 10000000 >= 6 && chance(&r, 350))
				p->flags |= P_OLDWA;
		}
		if (p->region == BR && chance(&r, 300))
			p->flags |= P_CPF;
		if (chance(&r, 200))
			p->flags |= P_CRM;
		if (chance(&r, 920)) {
			p->email = p->region == BR ?
			    make_email(&r, p, br_domains[rweighted(&r, br_domain_w,
			    NELEM(br_domain_w))]) :
			    make_email(&r, p, us_domains[rweighted(&r, us_domain_w,
			    NELEM(us_domain_w))]);
			if (chance(&r, 120)) {
				p->alt = make_email(&r, p, p->region == BR ?
				    "hotmail.com" : "yahoo.com");
				p->flags |= P_ALT;
			}
			if (chance(&r, 70) &&
			    (p->typo = make_typo(&r, p->email)) != NULL)
				p->flags |= P_TYPO;
		}
		if (chance(&r, 30)) {
			p->flags |= P_COMPANY;
			p->company = (uint8_t)rweighted(&r, company_w,
			    NELEM(company_w));
			/* Shared addresses of the other country are odd. */
			if ((p->region == BR) != (p->company < 5))
				p->company = p->region == BR ?
				    (uint8_t)rbelow(&r, 2) : 5;
		}
		p->store = (uint8_t)(p->region == BR ? rbelow(&r, 3) : 3);
	}

	/*
	 * Records per person: one each, the rest half uniform, half to a
	 * frequent quarter, so that counts range from 1 to a dozen or more.
	 */
	for (i = 0; i < npeople; i++)
		people[i].nrec = 1;
	nfreq = npeople / 4 ? npeople / 4 : 1;
	for (k = npeople; k < nrec; k++) {
		i = chance(&r, 500) ? rbelow(&r, npeople) : rbelow(&r, nfreq);
		if (people[i].nrec == UINT16_MAX)
			i = rbelow(&r, npeople);
		people[i].nrec++;
	}

	/* Channels: 1 for most, 2-4 for ~40% of people, in first-use order. */
	for (i = 0; i < npeople; i++) {
		int can_mail, c;
		unsigned n, tries;

		p = &people[i];
		n = 1;
		if (p->nrec >= 2 && chance(&r, 560))
			n = 2 + rbelow(&r, p->nrec - 1 < 3 ? p->nrec - 1 : 3);
		can_mail = p->email != NULL || (p->flags & P_COMPANY);
		p->nch = 0;
		for (tries = 0; p->nch < n && tries < 50; tries++) {
			c = (int)rweighted(&r, channel_w[p->region], NCHANNEL);
			if (c == CH_EMAIL && !can_mail)
				continue;
			for (j = 0; j < p->nch; j++)
				if (p->ch[j] == c)
					break;
			if (j == p->nch)
				p->ch[p->nch++] = (uint8_t)c;
		}
	}

	/* Conversation order: every record of every person, shuffled. */
	slots = xcalloc(nrec, sizeof *slots);
	for (i = 0, k = 0; i < npeople; i++)
		for (j = 0; j < people[i].nrec; j++)
			slots[k++] = i;
	for (k = nrec - 1; k > 0; k--) {
		uint64_t m = rnext(&r) % (k + 1);

		i = slots[k];
		slots[k] = slots[m];
		slots[m] = i;
	}
}

/* -------------------------------------------------------------- clock */

/*
 * Conversation start times: a cursor walks 90 days hour by hour, each
 * hour weighted by a daily profile in local time (busy 9-17h, quiet at
 * night, weekends at 60%), so that equal steps of "weighted time" put
 * more conversations in busy hours.
 */
static const unsigned char hour_w[24] = {
	2, 1, 1, 1, 1, 2, 4, 8, 14, 18, 20, 20,
	18, 18, 20, 20, 18, 16, 14, 12, 10, 8, 6, 4,
};

struct clk {
	uint64_t hour;		/* hours since T0 */
	uint64_t used;		/* weighted milliseconds used in this hour */
	uint64_t step;		/* mean advance per conversation */
};

static uint64_t
hour_cap(uint64_t h)
{
	int64_t local = T0 + (int64_t)h * 3600 + TZ_OFFSET;
	int64_t day = local / 86400;
	unsigned lh = (unsigned)(local % 86400 / 3600);
	unsigned w = hour_w[lh];
	int dow = (int)((day + 4) % 7);	/* 1970-01-01 was a Thursday */

	if (dow == 0 || dow == 6)
		w = (w * 6 + 5) / 10;
	return (uint64_t)w * 3600 * 1000;
}

static void
clk_init(struct clk *c, uint64_t nrec)
{
	uint64_t h, total = 0;

	for (h = 0; h < SPAN_DAYS * 24; h++)
		total += hour_cap(h);
	c->hour = 0;
	c->used = 0;
	c->step = total / nrec ? total / nrec : 1;
}

/* Advances by about one step and returns the time reached. */
static int64_t
clk_next(struct clk *c, struct rng *r)
{
	uint64_t s = c->step / 2 + rnext(r) % (c->step + 1), cap;

	while (c->used + s >= (cap = hour_cap(c->hour))) {
		s -= cap - c->used;
		c->hour++;
		c->used = 0;
	}
	c->used += s;
	return T0 + (int64_t)c->hour * 3600 +
	    (int64_t)(c->used * 3600 / hour_cap(c->hour));
}

/* -------------------------------------------------------- conversation */

struct msg {
	int64_t		 at;
	unsigned	 from;
	unsigned	 off;	/* into conv.text, NUL-terminated */
};

struct event {
	int64_t		 at;
	unsigned	 type;
};

struct conv {
	uint64_t	 k;
	uint32_t	 pi;
	struct person	*p;
	int		 channel, region, intent, status, agent, queue;
	int		 csat, nps, neg, spelling;
	int64_t		 started, ended;
	char		 name[96];
	char		 email[136], email_raw[136];
	char		 phone[24], phone_raw[32];
	unsigned	 nids;
	const char	*idk[4];
	char		 idv[4][24];
	unsigned	 nmsg, nev;
	struct msg	 m[20];
	struct event	 ev[8];
	char		 text[8192];
	size_t		 tlen;
};

/* What a template needs to expand. */
struct ctx {
	int		 region;
	const char	*first;		/* customer's first name */
	const char	*agent;		/* may be NULL */
	int64_t		 t;		/* dates in text are near this */
};

static void
expand(struct sb *b, struct rng *r, const struct ctx *x, const char *tpl)
{
	const char *pct;
	struct tm6 d;
	unsigned v;

	while ((pct = strchr(tpl, '%')) != NULL) {
		sb_add(b, tpl, (size_t)(pct - tpl));
		switch (pct[1]) {
		case 'o':
			sb_u(b, (uint64_t)rrange(r, 100000, 9999999));
			break;
		case 'v':
			v = (unsigned)rrange(r, 19, 1999);
			sb_str(b, x->region == BR ? "R$ " : "$");
			if (v >= 1000) {
				sb_u(b, v / 1000);
				sb_str(b, x->region == BR ? "." : ",");
				sb_uw(b, v % 1000, 3);
			} else {
				sb_u(b, v);
			}
			sb_str(b, x->region == BR ? "," : ".");
			sb_str(b, (const char *[]){ "90", "99", "00", "50" }
			    [rbelow(r, 4)]);
			break;
		case 'd':
			d = split(x->t + TZ_OFFSET +
			    (int64_t)rrange(r, -12, 12) * 86400);
			sb_uw(b, x->region == BR ? d.d : d.mo, 2);
			sb_str(b, "/");
			sb_uw(b, x->region == BR ? d.mo : d.d, 2);
			break;
		case 'p':
			sb_u(b, 2026);
			sb_uw(b, rbelow(r, 100000000), 8);
			break;
		case 'n':
			sb_str(b, x->first);
			break;
		case 'a':
			sb_str(b, x->agent ? x->agent : bot_name[x->region]);
			break;
		default:
			sb_add(b, pct, 2);
			break;
		}
		tpl = pct + 2;
	}
	sb_str(b, tpl);
}

/* Customer-side decoration: shouting, "!!!", emoji, a second line. */
static void
decorate(struct sb *b, struct rng *r, const struct ctx *x, int neg,
    const struct list *more)
{
	if (neg && chance(r, 250))
		utf8_case(b->p, 1);
	if (neg && chance(r, 300))
		sb_str(b, "!!!");
	if (chance(r, neg ? 150 : 50)) {
		sb_str(b, " ");
		sb_str(b, pick(r, &emojis[neg ? 1 : 0]));
	}
	if (more != NULL && chance(r, 15)) {
		sb_str(b, chance(r, 300) ? "\n\n" : "\n");
		expand(b, r, x, pick(r, more));
	}
}

/* Appends a message; tpl2, when not NULL, follows tpl after a space. */
static struct sb
say(struct conv *c, struct rng *r, const struct ctx *x, unsigned from,
    int64_t at, const char *tpl, const char *tpl2)
{
	struct sb b;
	struct msg *m;

	if (c->nmsg == NELEM(c->m))
		c->nmsg--;	/* cannot happen: counts are capped */
	m = &c->m[c->nmsg++];
	m->at = at;
	m->from = from;
	m->off = (unsigned)c->tlen;
	sb_init(&b, c->text + c->tlen, sizeof c->text - c->tlen);
	expand(&b, r, x, tpl);
	if (tpl2 != NULL) {
		sb_str(&b, " ");
		expand(&b, r, x, tpl2);
	}
	return b;
}

static void
said(struct conv *c, struct sb *b)
{
	c->tlen += b->n + 1;
}

enum { G_SELF, G_BOT, G_REPLY, G_QUEUE, G_AGENT };

/* Seconds between two messages of a conversation. */
static int64_t
gap(struct rng *r, int ch, int kind)
{
	static const int chat[][2] = {
		{ 3, 90 }, { 1, 4 }, { 5, 600 }, { 20, 1800 }, { 15, 300 } };
	static const int wa[][2] = {
		{ 3, 120 }, { 1, 4 }, { 10, 1800 }, { 20, 2400 }, { 15, 300 } };
	static const int mail[][2] = {
		{ 60, 3600 }, { 1, 5 }, { 600, 172800 }, { 1800, 86400 },
		{ 1800, 86400 } };
	static const int voice[][2] = {
		{ 5, 40 }, { 1, 3 }, { 3, 30 }, { 10, 900 }, { 3, 40 } };
	const int (*g)[2];

	switch (ch) {
	case CH_EMAIL: g = mail; break;
	case CH_PHONE: case CH_STORE: g = voice; break;
	case CH_WHATSAPP: case CH_SMS: g = wa; break;
	default: g = chat; break;
	}
	return rrange(r, g[kind][0], g[kind][1]);
}

static void
add_event(struct conv *c, int64_t at, unsigned type)
{
	if (c->nev < NELEM(c->ev)) {
		c->ev[c->nev].at = at;
		c->ev[c->nev].type = type;
		c->nev++;
	}
}

static unsigned
message_count(struct rng *r, int ch)
{
	/* Mostly short: most chats are a question and an answer or two. */
	static const unsigned short chat[] = {
		44, 24, 11, 7, 4, 3, 2, 2, 1, 1, 1 };
	static const unsigned short mail[] = { 60, 25, 10, 5 };
	static const unsigned short voice[] = { 45, 30, 15, 7, 3 };

	switch (ch) {
	case CH_EMAIL: return 2 + rweighted(r, mail, NELEM(mail));
	case CH_PHONE: case CH_STORE:
		return 2 + rweighted(r, voice, NELEM(voice));
	default: return 2 + rweighted(r, chat, NELEM(chat));
	}
}

static const unsigned short bot_pm[NCHANNEL] = {
	250, 200, 0, 0, 0, 0, 250, 250, 250, 0, 0,
};
static const unsigned short unanswered_pm[NCHANNEL] = {
	70, 70, 50, 0, 80, 90, 80, 80, 70, 0, 60,
};

static void
compose(struct conv *c, struct rng *r)
{
	const struct intent_text *it = &intent_text[c->region][c->intent];
	const struct generic_text *g = &generic_text[c->region];
	struct ctx x;
	struct sb b;
	int64_t t = c->started, handoff_at = -1, first_agent = -1;
	int64_t transfer_at = -1;
	unsigned n = message_count(r, c->channel), remaining, A, turn;
	int bot = chance(r, bot_pm[c->channel]), queued, close;

	x.region = c->region;
	x.first = first_names[c->region].s[c->p->first];
	x.agent = agents[c->region].s[c->agent];
	x.t = c->started;

	if (chance(r, unanswered_pm[c->channel])) {
		c->agent = -1;
		b = say(c, r, &x, F_CUSTOMER, t, pick(r, &it->open), NULL);
		decorate(&b, r, &x, c->neg, &it->detail);
		said(c, &b);
		n = 2 + rbelow(r, 2);
		while (c->nmsg < n) {
			t += rrange(r, 60, 1200);
			b = say(c, r, &x, F_CUSTOMER, t, pick(r, c->neg &&
			    chance(r, 500) ? &g->negative : &g->nudge), NULL);
			said(c, &b);
		}
		c->ended = t;
		c->status = chance(r, 650) ? S_ABANDONED : S_OPEN;
		if (c->status == S_ABANDONED) {
			c->ended = t + rrange(r, 300, 3600);
			add_event(c, c->ended, E_ABANDONED);
		}
		return;
	}

	if (n >= 4 && chance(r, 150)) {
		b = say(c, r, &x, F_CUSTOMER, t, pick(r, &g->greet), NULL);
		said(c, &b);
		t += gap(r, c->channel, G_SELF);
	}
	b = say(c, r, &x, F_CUSTOMER, t, pick(r, &it->open), NULL);
	decorate(&b, r, &x, c->neg, &it->detail);
	said(c, &b);

	if (bot) {
		t += gap(r, c->channel, G_BOT);
		b = say(c, r, &x, F_BOT, t, pick(r, &g->bot_greet), NULL);
		said(c, &b);
		t += gap(r, c->channel, G_REPLY);
		b = say(c, r, &x, F_CUSTOMER, t, pick(r, &g->bot_choice), NULL);
		said(c, &b);
		t += gap(r, c->channel, G_BOT);
		if (!c->neg && chance(r, 180)) {
			/* The bot answers and nobody else is needed. */
			b = say(c, r, &x, F_BOT, t, pick(r, &g->bot_answer),
			    NULL);
			said(c, &b);
			if (chance(r, 500)) {
				t += gap(r, c->channel, G_REPLY);
				b = say(c, r, &x, F_CUSTOMER, t,
				    pick(r, &g->thanks), NULL);
				said(c, &b);
			}
			c->agent = -1;
			c->queue = -1;
			c->ended = t;
			c->status = chance(r, 800) ? S_RESOLVED : S_CLOSED;
			if (c->status == S_RESOLVED && chance(r, 500))
				add_event(c, c->ended, E_RESOLVED);
			return;
		}
		b = say(c, r, &x, F_BOT, t, pick(r, &g->bot_transfer), NULL);
		said(c, &b);
		handoff_at = t;
	}

	remaining = n > c->nmsg ? n - c->nmsg : 1;
	A = (remaining + 1) / 2;
	close = chance(r, c->neg ? 500 : 850);
	t += gap(r, c->channel, G_QUEUE);
	for (turn = 0; turn < remaining; turn++) {
		unsigned i = turn / 2;

		if (turn % 2 == 0) {		/* agent */
			if (i == 0) {
				/* One rng call per statement: C leaves the
				 * order of argument evaluation unspecified. */
				const char *greet = pick(r, &g->agent_greet);
				const char *more = A == 1 ?
				    pick(r, &it->resolve) :
				    A == 2 || chance(r, 300) ?
				    pick(r, &it->ask) : NULL;

				first_agent = t;
				b = say(c, r, &x, F_AGENT, t, greet, more);
			} else if (i == A - 1) {
				b = say(c, r, &x, F_AGENT, t, pick(r,
				    close && A > 2 ? &g->agent_close :
				    &it->resolve), NULL);
			} else if (i == 1) {
				b = say(c, r, &x, F_AGENT, t, pick(r, &it->ask),
				    NULL);
			} else {
				b = say(c, r, &x, F_AGENT, t, pick(r, i == A - 2 ||
				    chance(r, 400) ? &it->resolve :
				    &g->agent_wait), NULL);
				if (transfer_at < 0 && chance(r, 60))
					transfer_at = t - 5;
			}
			if (chance(r, 8)) {
				sb_str(&b, "\n");
				expand(&b, r, &x, pick(r, &g->agent_close));
			}
			said(c, &b);
			t += gap(r, c->channel, G_REPLY);
		} else {			/* customer */
			const struct list *l;

			if (turn == remaining - 1)
				l = c->neg && chance(r, 600) ? &g->negative :
				    &g->thanks;
			else if (i == 0)
				l = chance(r, 500) ? &g->provide : &it->detail;
			else if (c->neg && chance(r, 400))
				l = &g->negative;
			else
				l = chance(r, 500) ? &it->detail : &g->filler;
			b = say(c, r, &x, F_CUSTOMER, t, pick(r, l), NULL);
			decorate(&b, r, &x, c->neg, l == &g->thanks ? NULL :
			    &it->detail);
			said(c, &b);
			t += gap(r, c->channel, G_AGENT);
		}
	}
	c->ended = c->m[c->nmsg - 1].at + rrange(r, 5, 120);

	{
		unsigned v = rbelow(r, 1000);

		if (c->neg)
			c->status = v < 500 ? S_RESOLVED : v < 650 ? S_CLOSED :
			    v < 850 ? S_PENDING : S_OPEN;
		else
			c->status = v < 760 ? S_RESOLVED : v < 910 ? S_CLOSED :
			    v < 970 ? S_PENDING : S_OPEN;
	}

	/* Events, in time order. */
	queued = handoff_at < 0 && (c->channel == CH_PHONE || chance(r, 120));
	if (handoff_at >= 0)
		add_event(c, handoff_at, E_HANDOFF);
	if (queued)
		add_event(c, c->started, E_QUEUED);
	if (queued && first_agent >= 0)
		add_event(c, first_agent, E_ANSWERED);
	if (transfer_at >= 0)
		add_event(c, transfer_at, E_TRANSFER);
	if (c->status == S_RESOLVED && chance(r, 350))
		add_event(c, c->ended, E_RESOLVED);
	if ((c->status == S_RESOLVED || c->status == S_CLOSED) &&
	    chance(r, 330)) {
		static const unsigned short bad[] = { 50, 25, 15, 7, 3 };
		static const unsigned short good[] = { 3, 5, 12, 35, 45 };

		c->csat = 1 + (int)rweighted(r, c->neg ? bad : good, 5);
		if (chance(r, 350))
			c->nps = c->neg ? rrange(r, 0, 6) : rrange(r, 6, 10);
		add_event(c, c->ended + rrange(r, 60, 900), E_SURVEY);
	}
}

/* ---------------------------------------------------------- identities */

/* Per mille of records of a channel that carry each identifier. */
static const unsigned short name_pm[NCHANNEL] = {
	950, 850, 700, 600, 150, 950, 950, 980, 950, 900, 800,
};
static const unsigned short email_pm[NCHANNEL] = {
	80, 750, 1000, 80, 0, 50, 30, 100, 30, 200, 500,
};
static const unsigned short phone_pm[NCHANNEL] = {
	1000, 250, 120, 1000, 1000, 0, 50, 30, 400, 1000, 500,
};
static const unsigned short cpf_pm[NCHANNEL] = {
	100, 100, 50, 450, 0, 0, 0, 0, 0, 500, 100,
};
static const unsigned short crm_pm[NCHANNEL] = {
	150, 600, 400, 300, 50, 50, 50, 50, 50, 100, 100,
};

/*
 * The name as this channel shows it: full 55%, first name only 12%,
 * lower case 8%, "Maria S." 8%, upper case 4%, a WhatsApp profile name
 * with an emoji 6% (full name elsewhere), "Souza, Maria" 7%.
 */
static void
display_name(struct conv *c, struct rng *r)
{
	static const char *const deco[] = { " 🌸", " ✨", " 🙂", " 💙" };
	const char *f = first_names[c->region].s[c->p->first];
	const char *l = last_names[c->region].s[c->p->last];
	struct sb b;
	unsigned v = rbelow(r, 1000);

	sb_init(&b, c->name, sizeof c->name);
	if (v >= 930) {
		sb_str(&b, l);
		sb_str(&b, ", ");
		sb_str(&b, f);
		return;
	}
	sb_str(&b, f);
	if (v >= 550 && v < 670)
		return;
	if (v >= 870 && c->channel == CH_WHATSAPP) {
		sb_str(&b, deco[rbelow(r, NELEM(deco))]);
		return;
	}
	sb_str(&b, " ");
	if (v >= 750 && v < 830) {
		sb_add(&b, l, 1);	/* every surname starts with ASCII */
		sb_str(&b, ".");
		return;
	}
	sb_str(&b, l);
	if (v >= 670 && v < 750)
		utf8_case(c->name, 0);
	else if (v >= 830 && v < 870)
		utf8_case(c->name, 1);
}

/* addr as somebody typed it this time; picks the address too. */
static void
choose_email(struct conv *c, struct rng *r)
{
	struct person *p = c->p;
	const char *addr, *at;
	char buf[136], *a;
	struct sb b;
	size_t local, i;

	if ((p->flags & P_COMPANY) && (p->email == NULL || chance(r, 400))) {
		addr = company_emails[p->company];
		p->used |= U_COMPANY;
	} else if (p->email == NULL) {
		return;
	} else if ((p->flags & P_ALT) && chance(r, 250)) {
		addr = p->alt;
	} else if ((p->flags & P_TYPO) && chance(r, 300)) {
		addr = p->typo;
		p->used |= U_TYPO;
	} else {
		addr = p->email;
	}
	at = strchr(addr, '@');
	local = (size_t)(at - addr);

	sb_init(&b, buf, sizeof buf);
	if (strcmp(at + 1, "gmail.com") == 0 && chance(r, 120)) {
		/* Gmail ignores dots: drop them all, or add one. */
		if (memchr(addr, '.', local) != NULL && chance(r, 600)) {
			for (i = 0; i < local; i++)
				if (addr[i] != '.')
					sb_add(&b, addr + i, 1);
		} else {
			i = 1 + rbelow(r, (uint32_t)(local > 1 ? local - 1 : 1));
			sb_add(&b, addr, i);
			if (addr[i - 1] != '.' && addr[i] != '.' && i < local)
				sb_str(&b, ".");
			sb_add(&b, addr + i, local - i);
		}
	} else {
		sb_add(&b, addr, local);
	}
	if (plus_domain(at + 1) && chance(r, 100)) {
		sb_str(&b, "+");
		sb_str(&b, (const char *[]){ "loja", "compras", "promo", "ml",
		    "news", "shop" }[rbelow(r, 6)]);
	}
	sb_str(&b, at);
	if (chance(r, 150)) {
		switch (rbelow(r, 3)) {
		case 0:		/* Maria.Souza@Gmail.com */
			for (a = buf; *a; a++)
				if (*a >= 'a' && *a <= 'z' && (a == buf ||
				    a[-1] == '.' || a[-1] == '@' || a[-1] == '_'))
					*a = (char)(*a - 32);
			break;
		case 1:
			utf8_case(buf, 1);
			break;
		default:
			utf8_case(strchr(buf, '@'), 1);
			break;
		}
	}
	sb_init(&b, c->email_raw, sizeof c->email_raw);
	if (chance(r, 20))
		sb_str(&b, " ");
	sb_str(&b, buf);
	if (chance(r, 20))
		sb_str(&b, " ");

	/* What cim-ingest makes of it: trimmed, domain lower-cased. */
	strcpy(c->email, buf);
	ascii_lower(strchr(c->email, '@'));
}

/* Writes the number as typed; fmt picks one of the usual spellings. */
static void
format_phone(struct sb *b, int region, const char *area, const char *sub,
    unsigned fmt)
{
	size_t n = strlen(sub), cut = n - 4;

	if (region == BR) {
		switch (fmt) {
		case 0: sb_str(b, "+55 "); sb_str(b, area); sb_str(b, " ");
			sb_add(b, sub, cut); sb_str(b, "-");
			sb_str(b, sub + cut); break;
		case 1: sb_str(b, "("); sb_str(b, area); sb_str(b, ") ");
			sb_add(b, sub, cut); sb_str(b, "-");
			sb_str(b, sub + cut); break;
		case 2: sb_str(b, "0"); sb_str(b, area); sb_str(b, sub); break;
		case 3: sb_str(b, "55"); sb_str(b, area); sb_str(b, sub); break;
		case 4: sb_str(b, "+55"); sb_str(b, area); sb_str(b, sub); break;
		case 5: sb_str(b, area); sb_str(b, sub); break;
		default: sb_str(b, area); sb_str(b, " "); sb_add(b, sub, cut);
			sb_str(b, "-"); sb_str(b, sub + cut); break;
		}
		return;
	}
	switch (fmt) {
	case 0: sb_str(b, "("); sb_str(b, area); sb_str(b, ") ");
		sb_add(b, sub, 3); sb_str(b, "-"); sb_str(b, sub + 3); break;
	case 1: sb_str(b, "+1 "); sb_str(b, area); sb_str(b, " ");
		sb_add(b, sub, 3); sb_str(b, " "); sb_str(b, sub + 3); break;
	case 2: sb_str(b, area); sb_str(b, "."); sb_add(b, sub, 3);
		sb_str(b, "."); sb_str(b, sub + 3); break;
	case 3: sb_str(b, "+1"); sb_str(b, area); sb_str(b, sub); break;
	case 4: sb_str(b, area); sb_str(b, "-"); sb_add(b, sub, 3);
		sb_str(b, "-"); sb_str(b, sub + 3); break;
	default: sb_str(b, "1-"); sb_str(b, area); sb_str(b, "-");
		sb_add(b, sub, 3); sb_str(b, "-"); sb_str(b, sub + 3); break;
	}
}

static void
add_id(struct conv *c, const char *ns, const char *v)
{
	struct sb b;

	if (c->nids == NELEM(c->idk))
		return;
	c->idk[c->nids] = ns;
	sb_init(&b, c->idv[c->nids], sizeof c->idv[0]);
	sb_str(&b, v);
	c->nids++;
}

static void
add_id_u(struct conv *c, const char *ns, uint64_t v)
{
	char t[24];
	struct sb b;

	sb_init(&b, t, sizeof t);
	sb_u(&b, v);
	add_id(c, ns, t);
}

static void
choose_phone(struct conv *c, struct rng *r, int want)
{
	static const unsigned short br_wa[] = { 30, 5, 0, 45, 20, 0, 0 };
	static const unsigned short br_other[] = { 15, 35, 10, 0, 5, 20, 15 };
	static const unsigned short us_wa[] = { 10, 40, 0, 50, 0, 0 };
	static const unsigned short us_other[] = { 40, 10, 15, 5, 25, 5 };
	struct person *p = c->p;
	char area[4], sub[10], waid[24];
	const char *oldsub;
	struct sb b;
	int store = 0, mobile, wa = c->channel == CH_WHATSAPP, old;
	unsigned fmt;

	if (c->channel == CH_STORE && chance(r, 600)) {
		store = 1;
		strcpy(area, store_phones[p->store][0]);
		strcpy(sub, store_phones[p->store][1]);
		p->used |= U_STORE;
		mobile = 0;
	} else if ((p->flags & P_LANDLINE) && (!(p->flags & P_MOBILE) ||
	    (!wa && c->channel != CH_SMS && chance(r,
	    c->channel == CH_PHONE ? 500 : 100)))) {
		landline_nsn(p, area, sub);
		if (p->flags & P_FAMILY)
			p->used |= U_LANDLINE;
		mobile = 0;
	} else {
		mobile_nsn(p, c->pi, area, sub);
		mobile = 1;
	}
	/* The old 8-digit form: WhatsApp ids and some CRMs still have it. */
	old = mobile && (p->flags & P_OLDWA) && chance(r, wa ? 700 : 100);
	oldsub = old ? sub + 1 : sub;

	if (wa && !store) {
		sb_init(&b, waid, sizeof waid);
		sb_str(&b, p->region == BR ? "55" : "1");
		sb_str(&b, area);
		sb_str(&b, mobile && (p->flags & P_OLDWA) ? sub + 1 : sub);
		add_id(c, "whatsapp", waid);
	}
	if (!want)
		return;
	if (p->region == BR)
		fmt = rweighted(r, wa ? br_wa : br_other, NELEM(br_wa));
	else
		fmt = rweighted(r, wa ? us_wa : us_other, NELEM(us_wa));
	if (old && fmt != 0 && fmt != 3 && fmt != 4)
		fmt = 0;	/* +55 11 8765-4321, as the spec of the brief */
	sb_init(&b, c->phone_raw, sizeof c->phone_raw);
	format_phone(&b, p->region, area, oldsub, fmt);
	e164(p->region, area, sub, c->phone, sizeof c->phone);
}

static void
identify(struct conv *c, struct rng *r)
{
	struct person *p = c->p;
	int ch = c->channel;
	char cpf[12], fmt[16];

	c->name[0] = c->email[0] = c->email_raw[0] = '\0';
	c->phone[0] = c->phone_raw[0] = '\0';
	c->nids = 0;
	if (chance(r, name_pm[ch]))
		display_name(c, r);
	choose_phone(c, r, chance(r, phone_pm[ch]));
	switch (ch) {
	case CH_TWITTER: add_id_u(c, "twitter", twitter_id(c->pi)); break;
	case CH_INSTAGRAM: add_id_u(c, "instagram", instagram_id(c->pi)); break;
	case CH_FACEBOOK: add_id_u(c, "facebook", facebook_id(c->pi)); break;
	case CH_TELEGRAM: add_id_u(c, "telegram", telegram_id(c->pi)); break;
	default: break;
	}
	if (chance(r, email_pm[ch]))
		choose_email(c, r);
	if ((p->flags & P_CPF) && chance(r, cpf_pm[ch])) {
		cpf_digits(c->pi, cpf);
		if (chance(r, 250)) {
			/* 123.456.789-09 */
			memcpy(fmt, cpf, 3);
			fmt[3] = '.';
			memcpy(fmt + 4, cpf + 3, 3);
			fmt[7] = '.';
			memcpy(fmt + 8, cpf + 6, 3);
			fmt[11] = '-';
			memcpy(fmt + 12, cpf + 9, 3);
			add_id(c, "cpf", fmt);
		} else {
			add_id(c, "cpf", cpf);
		}
	}
	if ((p->flags & P_CRM) && chance(r, crm_pm[ch])) {
		char crm[16];
		struct sb b;

		sb_init(&b, crm, sizeof crm);
		sb_str(&b, "C-");
		sb_u(&b, crm_id(c->pi));
		add_id(c, "crm", crm);
	}
}

/* Conversation k, the same whatever the output format. */
static void
make_conv(struct conv *c, uint64_t seed, uint64_t k, struct clk *clk)
{
	struct rng r;
	struct person *p;
	unsigned j;
	int64_t t;

	rseed(&r, seed, 2, k);
	c->k = k;
	c->pi = slots[k];
	c->p = p = &people[c->pi];
	j = p->seen++;
	if (j < p->nch)
		c->channel = p->ch[j];
	else
		c->channel = p->ch[chance(&r, 500) ? 0 : rbelow(&r, p->nch)];
	p->chseen |= (uint16_t)(1u << c->channel);
	c->region = p->region;
	t = clk_next(clk, &r);
	t += rrange(&r, -120, 120);	/* not in one expression: see compose */
	c->started = t < T0 ? T0 : t;
	c->intent = (int)rweighted(&r, intent_w, NINTENT);
	c->neg = chance(&r, intent_neg[c->intent]);
	c->agent = (int)rbelow(&r, agents[c->region].n);
	c->queue = c->intent;
	c->csat = 0;
	c->nps = -1;
	c->spelling = (int)rbelow(&r, 3);
	c->nmsg = c->nev = 0;
	c->tlen = 0;
	identify(c, &r);
	compose(c, &r);
}

/* ------------------------------------------------------------- writers */

static void
ticket(uint64_t k)
{
	oc('T');
	ouw(k + 1, 7);
}

static void
person_id(uint32_t i)
{
	oc('P');
	ouw((uint64_t)i + 1, 7);
}

/* The canonical record, keys in a fixed order (see man/cim.7). */
static void
write_ndjson(const struct conv *c)
{
	const struct msg *m;
	unsigned i;
	int raw_email = c->email[0] && strcmp(c->email, c->email_raw) != 0;
	int raw_phone = c->phone[0] && strcmp(c->phone, c->phone_raw) != 0;
	const char *sep = "";

	ostr("{\"id\":\"csv:");
	ticket(c->k);
	ostr("\",\"source\":\"csv\",\"channel\":\"");
	ostr(channel_name[c->channel]);
	ostr("\",\"started_at\":\"");
	otime_rfc(c->started);
	ostr("\",\"ended_at\":\"");
	otime_rfc(c->ended);
	ostr("\",\"status\":\"");
	ostr(status_name[c->status]);
	ostr("\",\"customer\":{");
	if (c->name[0]) {
		ostr("\"name\":");
		ojson(c->name);
		sep = ",";
	}
	if (c->email[0]) {
		ostr(sep);
		ostr("\"email\":");
		ojson(c->email);
		sep = ",";
	}
	if (c->phone[0]) {
		ostr(sep);
		ostr("\"phone\":\"");
		ostr(c->phone);
		oc('"');
		sep = ",";
	}
	if (c->nids) {
		ostr(sep);
		ostr("\"ids\":{");
		for (i = 0; i < c->nids; i++) {
			if (i)
				oc(',');
			oc('"');
			ostr(c->idk[i]);
			ostr("\":\"");
			ostr(c->idv[i]);
			oc('"');
		}
		oc('}');
		sep = ",";
	}
	if (raw_email || raw_phone) {
		ostr(sep);
		ostr("\"raw\":{");
		if (raw_email) {
			ostr("\"email\":");
			ojson(c->email_raw);
		}
		if (raw_phone) {
			ostr(raw_email ? ",\"phone\":" : "\"phone\":");
			ojson(c->phone_raw);
		}
		oc('}');
	}
	ostr("},\"messages\":[");
	for (i = 0; i < c->nmsg; i++) {
		m = &c->m[i];
		ostr(i ? ",{\"at\":\"" : "{\"at\":\"");
		otime_rfc(m->at);
		ostr("\",\"from\":\"");
		ostr(from_name[m->from]);
		if (m->from == F_AGENT) {
			ostr("\",\"author\":\"");
			ostr(agents[c->region].s[c->agent]);
		}
		ostr("\",\"text\":");
		ojson(c->text + m->off);
		oc('}');
	}
	oc(']');
	if (c->nev) {
		ostr(",\"events\":[");
		for (i = 0; i < c->nev; i++) {
			ostr(i ? ",{\"at\":\"" : "{\"at\":\"");
			otime_rfc(c->ev[i].at);
			ostr("\",\"type\":\"");
			ostr(event_name[c->ev[i].type]);
			ostr("\"}");
		}
		oc(']');
	}
	if (c->agent >= 0) {
		ostr(",\"agent\":\"");
		ostr(agents[c->region].s[c->agent]);
		oc('"');
	}
	if (c->queue >= 0) {
		ostr(",\"queue\":\"");
		ostr(queue_name[c->region][c->queue]);
		oc('"');
	}
	if (c->csat) {
		ostr(",\"csat\":");
		ou((uint64_t)c->csat);
	}
	if (c->nps >= 0) {
		ostr(",\"nps\":");
		ou((uint64_t)c->nps);
	}
	ostr(c->region == BR ? ",\"region\":\"BR\"" : ",\"region\":\"US\"");
	ostr(",\"attrs\":{\"person\":\"");
	person_id(c->pi);
	ostr("\"}}\n");
}

static const char csv_header[] =
    "ticket,canal,cliente,email,telefone,data_hora,remetente,mensagem,"
    "fila,agente,pessoa\n";

/* A raw helpdesk export: one row per message, local time. */
static void
write_csv(const struct conv *c)
{
	unsigned i;

	for (i = 0; i < c->nmsg; i++) {
		ticket(c->k);
		oc(',');
		ostr(channel_csv[c->channel][c->spelling]);
		oc(',');
		ocsv(c->name);
		oc(',');
		ocsv(c->email_raw);
		oc(',');
		ocsv(c->phone_raw);
		oc(',');
		otime_dmy(c->m[i].at, 1);
		oc(',');
		ostr(from_csv[c->m[i].from]);
		oc(',');
		ocsv(c->text + c->m[i].off);
		oc(',');
		if (c->queue >= 0)
			ostr(queue_name[c->region][c->queue]);
		oc(',');
		if (c->agent >= 0)
			ocsv(agents[c->region].s[c->agent]);
		oc(',');
		person_id(c->pi);
		oc('\n');
	}
}

/* ------------------------------------------------------------- twcs */

static const char twcs_header[] =
    "tweet_id,author_id,inbound,created_at,text,response_tweet_id,"
    "in_response_to_tweet_id\n";
static const char *const twcs_brand[2][4] = {
	{ "LojaBelaVista", "NubankAjuda", "MagaluResolve", "VivoEmpresas" },
	{ "AcmeHelp", "AskShopCo", "AirlineCares", "TelcoSupport" },
};

/* Tue Oct 31 22:10:47 +0000 2017 (UTC). */
static void
otime_twitter(int64_t t)
{
	static const char wday[] = "ThuFriSatSunMonTueWed";	/* 1970-01-01 */
	static const char mon[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	struct tm6 x = split(t);

	oput(wday + t / 86400 % 7 * 3, 3);
	oc(' ');
	oput(mon + (x.mo - 1) * 3, 3);
	oc(' ');
	ouw(x.d, 2);
	oc(' ');
	ouw(x.h, 2);
	oc(':');
	ouw(x.mi, 2);
	oc(':');
	ouw(x.s, 2);
	ostr(" +0000 ");
	ouw((uint64_t)x.y, 4);
}

/* A conversation's messages as tweets: ids k * 20 + 1.. (at most 20
 * messages), the customer as a numeric user id, the brand by queue. */
static void
write_twcs(const struct conv *c)
{
	const char *brand = twcs_brand[c->region][(c->queue >= 0 ? c->queue : 0) % 4];
	char text[8300];
	unsigned i;

	for (i = 0; i < c->nmsg; i++) {
		uint64_t id = c->k * 20 + 1 + i;
		struct sb b;

		ou(id);
		oc(',');
		if (c->m[i].from == F_CUSTOMER)
			ou(100000 + (uint64_t)c->pi);
		else
			ostr(brand);
		ostr(c->m[i].from == F_CUSTOMER ? ",True," : ",False,");
		otime_twitter(c->m[i].at);
		oc(',');
		sb_init(&b, text, sizeof text);
		sb_str(&b, "@");
		if (c->m[i].from == F_CUSTOMER)
			sb_str(&b, brand);
		else
			sb_u(&b, 100000 + (uint64_t)c->pi);
		sb_str(&b, " ");
		sb_str(&b, c->text + c->m[i].off);
		ocsv(text);
		oc(',');
		if (i + 1 < c->nmsg)
			ou(id + 1);
		oc(',');
		if (i > 0) {
			ou(id - 1);
			ostr(".0");
		}
		oc('\n');
	}
}

static void
ojson_list_start(const char *key, int *first)
{
	ostr(",\"");
	ostr(key);
	ostr("\":[");
	*first = 1;
}

static void
ojson_list_item(const char *s, int *first)
{
	if (!*first)
		oc(',');
	*first = 0;
	ojson(s);
}

/* The truth table, one person a line, after all conversations ran. */
static void
write_people(void)
{
	uint32_t i;
	unsigned ch;
	int first;
	struct person *p;
	char area[4], sub[10], num[24], cpf[12], wa[24];
	struct sb b;

	for (i = 0; i < npeople; i++) {
		p = &people[i];
		ostr("{\"person\":\"");
		person_id(i);
		ostr("\",\"name\":");
		{
			char name[96];
			struct sb nb;

			sb_init(&nb, name, sizeof name);
			sb_str(&nb, first_names[p->region].s[p->first]);
			sb_str(&nb, " ");
			sb_str(&nb, last_names[p->region].s[p->last]);
			ojson(name);
		}
		ostr(p->region == BR ? ",\"region\":\"BR\"" :
		    ",\"region\":\"US\"");
		ostr(",\"records\":");
		ou(p->nrec);
		ojson_list_start("channels", &first);
		for (ch = 0; ch < p->nch; ch++)
			if (p->chseen & (1u << p->ch[ch]))
				ojson_list_item(channel_name[p->ch[ch]], &first);
		oc(']');

		ojson_list_start("emails", &first);
		if (p->email)
			ojson_list_item(p->email, &first);
		if (p->alt)
			ojson_list_item(p->alt, &first);
		oc(']');

		ojson_list_start("phones", &first);
		if (p->flags & P_MOBILE) {
			mobile_nsn(p, i, area, sub);
			e164(p->region, area, sub, num, sizeof num);
			ojson_list_item(num, &first);
		}
		if ((p->flags & P_LANDLINE) && !(p->flags & P_FAMILY)) {
			landline_nsn(p, area, sub);
			e164(p->region, area, sub, num, sizeof num);
			ojson_list_item(num, &first);
		}
		oc(']');

		ostr(",\"ids\":{");
		first = 1;
		if (p->chseen & (1u << CH_WHATSAPP)) {
			if (p->flags & P_MOBILE)
				mobile_nsn(p, i, area, sub);
			else
				landline_nsn(p, area, sub);
			sb_init(&b, wa, sizeof wa);
			sb_str(&b, p->region == BR ? "55" : "1");
			sb_str(&b, area);
			sb_str(&b, (p->flags & P_OLDWA) ? sub + 1 : sub);
			ostr("\"whatsapp\":");
			ojson(wa);
			first = 0;
		}
		{
			static const struct {
				int ch;
				const char *ns;
				uint64_t (*id)(uint32_t);
			} plat[] = {
				{ CH_TWITTER, "twitter", twitter_id },
				{ CH_INSTAGRAM, "instagram", instagram_id },
				{ CH_FACEBOOK, "facebook", facebook_id },
				{ CH_TELEGRAM, "telegram", telegram_id },
			};
			unsigned q;

			for (q = 0; q < NELEM(plat); q++) {
				if (!(p->chseen & (1u << plat[q].ch)))
					continue;
				ostr(first ? "\"" : ",\"");
				ostr(plat[q].ns);
				ostr("\":\"");
				ou(plat[q].id(i));
				oc('"');
				first = 0;
			}
		}
		if (p->flags & P_CPF) {
			cpf_digits(i, cpf);
			ostr(first ? "\"cpf\":\"" : ",\"cpf\":\"");
			ostr(cpf);
			oc('"');
			first = 0;
		}
		if (p->flags & P_CRM) {
			ostr(first ? "\"crm\":\"C-" : ",\"crm\":\"C-");
			ou(crm_id(i));
			oc('"');
		}
		oc('}');

		ojson_list_start("shared", &first);
		if (p->flags & P_FAMILY) {
			landline_nsn(p, area, sub);
			e164(p->region, area, sub, num, sizeof num);
			ojson_list_item(num, &first);
		}
		if (p->used & U_COMPANY)
			ojson_list_item(company_emails[p->company], &first);
		if (p->used & U_STORE) {
			e164(p->region, store_phones[p->store][0],
			    store_phones[p->store][1], num, sizeof num);
			ojson_list_item(num, &first);
		}
		oc(']');
		ojson_list_start("typos", &first);
		if (p->used & U_TYPO)
			ojson_list_item(p->typo, &first);
		ostr("]}\n");
	}
}

/* ------------------------------------------------------------ whatsapp */

static const char wa_notice[] =
    "As mensagens e as chamadas são protegidas com a criptografia de ponta "
    "a ponta e ficam somente entre você e os participantes desta conversa. "
    "Nem mesmo o WhatsApp pode ler ou ouvir o conteúdo delas. "
    "Toque para saber mais.";
static const char *const wa_autoreply[] = {
	"Olá! Obrigado por entrar em contato com a Loja Bela Vista. Em breve um atendente vai te responder.",
	"Oi! Recebemos sua mensagem. Nosso horário de atendimento é de segunda a sábado, das 9h às 18h.",
};
static const struct list wa_autoreplies = LIST(wa_autoreply);

static void
wa_line(int64_t t, const char *who, const char *text)
{
	otime_dmy(t, 0);
	ostr(" - ");
	if (who != NULL) {
		ostr(who);
		ostr(": ");
	}
	ostr(text);
	oc('\n');
}

/*
 * An Android export of one business account chatting with one customer:
 * "dd/mm/yyyy HH:MM - Name: text", continuation lines for multi-line
 * messages, a gap of more than 24 hours between conversations.
 */
static void
gen_whatsapp(uint64_t seed, uint64_t nconv)
{
	static const char business[] = "Loja Bela Vista";
	const struct generic_text *g = &generic_text[BR];
	const struct intent_text *it;
	struct rng r;
	struct ctx x;
	struct sb b;
	char customer[96], text[2048];
	uint64_t k;
	unsigned n, i, A;
	int64_t t;
	int neg;

	rseed(&r, seed, 3, 0);
	x.region = BR;
	x.first = br_first[rbelow(&r, NELEM(br_first))];
	sb_init(&b, customer, sizeof customer);
	sb_str(&b, x.first);
	sb_str(&b, " ");
	sb_str(&b, br_last[rbelow(&r, NELEM(br_last))]);
	t = T0 + 12 * 3600 + rrange(&r, 0, 7200);	/* 09:00 local */
	wa_line(t - rrange(&r, 60, 600), NULL, wa_notice);

	for (k = 0; k < nconv; k++) {
		it = &intent_text[BR][rweighted(&r, intent_w, NINTENT)];
		neg = chance(&r, 250);
		n = message_count(&r, CH_WHATSAPP);
		x.agent = br_agents[rbelow(&r, NELEM(br_agents))];
		x.t = t;

		sb_init(&b, text, sizeof text);
		expand(&b, &r, &x, pick(&r, &it->open));
		decorate(&b, &r, &x, neg, &it->detail);
		wa_line(t, customer, text);
		if (chance(&r, 400)) {
			t += rrange(&r, 1, 30);
			wa_line(t, business, pick(&r, &wa_autoreplies));
		}
		A = n / 2;
		for (i = 1; i < n; i++) {
			sb_init(&b, text, sizeof text);
			if (i % 2) {		/* business */
				unsigned a = i / 2;

				t += rrange(&r, 30, 3600);
				expand(&b, &r, &x, pick(&r, a == 0 ?
				    &g->agent_greet : a + 1 == A ?
				    (chance(&r, 500) ? &g->agent_close :
				    &it->resolve) : a == 1 ? &it->ask :
				    chance(&r, 500) ? &it->resolve :
				    &g->agent_wait));
				if (chance(&r, 20)) {
					sb_str(&b, "\n\n");
					expand(&b, &r, &x, pick(&r,
					    &g->agent_close));
				}
				wa_line(t, business, text);
			} else {		/* customer */
				t += rrange(&r, 10, 1800);
				if (chance(&r, 50))
					sb_str(&b, "<Mídia oculta>");
				else if (chance(&r, 10))
					sb_str(&b, "Esta mensagem foi apagada");
				else {
					expand(&b, &r, &x, pick(&r, i + 1 == n ?
					    &g->thanks : neg && chance(&r, 400) ?
					    &g->negative : i == 2 ? &g->provide :
					    chance(&r, 500) ? &it->detail :
					    &g->filler));
					decorate(&b, &r, &x, neg, &it->detail);
				}
				wa_line(t, customer, text);
			}
		}
		t += 24 * 3600 + rrange(&r, 3600, 30 * 3600);
		{
			/* People write in the day: 08:00-21:59 local. */
			int64_t lh = (t + TZ_OFFSET) % 86400 / 3600;

			if (lh < 8)
				t += (8 - lh) * 3600 + rrange(&r, 0, 3 * 3600);
			else if (lh >= 22)
				t += (32 - lh) * 3600 + rrange(&r, 0, 3 * 3600);
		}
	}
}

/* ---------------------------------------------------------------- main */

static void
usage(void)
{
	fprintf(stderr, "usage: gencorpus [-n records] [-s seed] "
	    "[-f ndjson|csv|whatsapp|twcs|people]\n");
	exit(2);
}

static uint64_t
number(const char *s, const char *what, uint64_t lo, uint64_t hi)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s == '-' || *s == '\0' || *end != '\0' || errno != 0 ||
	    v < lo || v > hi) {
		fprintf(stderr, "gencorpus: %s must be %llu..%llu: %s\n", what,
		    (unsigned long long)lo, (unsigned long long)hi, s);
		exit(2);
	}
	return v;
}

int
main(int argc, char **argv)
{
	uint64_t nrec = 1000, seed = 1, k;
	int fmt = FMT_NDJSON, ch;
	struct conv *c;
	struct clk clk;

	signal(SIGPIPE, SIG_DFL);
	while ((ch = getopt(argc, argv, "n:s:f:")) != -1) {
		switch (ch) {
		case 'n':
			nrec = number(optarg, "records", 1, MAX_RECORDS);
			break;
		case 's':
			seed = number(optarg, "seed", 0, UINT64_MAX);
			break;
		case 'f':
			if (strcmp(optarg, "ndjson") == 0)
				fmt = FMT_NDJSON;
			else if (strcmp(optarg, "csv") == 0)
				fmt = FMT_CSV;
			else if (strcmp(optarg, "whatsapp") == 0)
				fmt = FMT_WHATSAPP;
			else if (strcmp(optarg, "twcs") == 0)
				fmt = FMT_TWCS;
			else if (strcmp(optarg, "people") == 0)
				fmt = FMT_PEOPLE;
			else {
				fprintf(stderr, "gencorpus: unknown format: %s\n",
				    optarg);
				usage();
			}
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	if (fmt == FMT_WHATSAPP) {
		gen_whatsapp(seed, nrec);
	} else {
		make_people(seed, nrec);
		clk_init(&clk, nrec);
		c = xcalloc(1, sizeof *c);
		if (fmt == FMT_CSV)
			ostr(csv_header);
		else if (fmt == FMT_TWCS)
			ostr(twcs_header);
		for (k = 0; k < nrec; k++) {
			make_conv(c, seed, k, &clk);
			if (fmt == FMT_NDJSON)
				write_ndjson(c);
			else if (fmt == FMT_CSV)
				write_csv(c);
			else if (fmt == FMT_TWCS)
				write_twcs(c);
		}
		free(c);
		if (fmt == FMT_PEOPLE)
			write_people();
	}
	oflush();
	/* Bytes per conversation, or per person for the truth table. */
	fprintf(stderr, "gencorpus: %llu %s, %llu bytes, %.1f bytes/%s\n",
	    (unsigned long long)(fmt == FMT_PEOPLE ? npeople : nrec),
	    fmt == FMT_PEOPLE ? "people" : fmt == FMT_WHATSAPP ?
	    "conversations" : "records", (unsigned long long)obytes,
	    (double)obytes / (double)(fmt == FMT_PEOPLE ? npeople : nrec),
	    fmt == FMT_PEOPLE ? "person" : fmt == FMT_WHATSAPP ?
	    "conversation" : "record");
	return 0;
}
