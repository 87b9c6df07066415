/*
 * channel.c: canonical channel, role and status names (see channel.h).
 *
 * Each name has an alias table of folded spellings: lower case, accents
 * removed, no separators.  Folding first keeps the tables short and makes
 * "Ligação", "ligacao" and "LIGAÇÃO" one entry.
 */
#include <string.h>

#include "channel.h"

#define FOLD_MAX 32	/* longer than any alias: such input is unknown */

struct alias {
	const char	*folded;
	const char	*canon;
};

/*
 * The canonical names, one object each, so that a result can also be
 * compared by pointer and every table shares the same strings.
 */
static const char C_WHATSAPP[] = "whatsapp";
static const char C_CHAT[] = "chat";
static const char C_EMAIL[] = "email";
static const char C_PHONE[] = "phone";
static const char C_SMS[] = "sms";
static const char C_TWITTER[] = "twitter";
static const char C_INSTAGRAM[] = "instagram";
static const char C_FACEBOOK[] = "facebook";
static const char C_TELEGRAM[] = "telegram";
static const char C_STORE[] = "store";
static const char C_OTHER[] = "other";

static const char C_CUSTOMER[] = "customer";
static const char C_AGENT[] = "agent";
static const char C_BOT[] = "bot";
static const char C_SYSTEM[] = "system";

static const char C_OPEN[] = "open";
static const char C_PENDING[] = "pending";
static const char C_RESOLVED[] = "resolved";
static const char C_CLOSED[] = "closed";
static const char C_ABANDONED[] = "abandoned";

static const char *const channel_names[] = {
	C_WHATSAPP, C_CHAT, C_EMAIL, C_PHONE, C_SMS, C_TWITTER, C_INSTAGRAM,
	C_FACEBOOK, C_TELEGRAM, C_STORE, C_OTHER, NULL
};
static const char *const role_names[] = {
	C_CUSTOMER, C_AGENT, C_BOT, C_SYSTEM, NULL
};
static const char *const status_names[] = {
	C_OPEN, C_PENDING, C_RESOLVED, C_CLOSED, C_ABANDONED, NULL
};

/*
 * Aliases from helpdesk and chat-platform exports and hand-typed
 * spreadsheets, English and pt-BR.  Brazilian usage worth a note:
 * "zap"/"zapzap"/"wpp" are WhatsApp, "torpedo" is an SMS, "direct" is an
 * Instagram direct message, "face" is Facebook, "URA" (unidade de
 * resposta audivel) is the IVR, "balcao" the shop counter.  "messenger"
 * is Facebook Messenger, not a web chat.
 */
static const struct alias channels[] = {
	{ "whatsapp", C_WHATSAPP }, { "wa", C_WHATSAPP },
	{ "whats", C_WHATSAPP }, { "whatsap", C_WHATSAPP },
	{ "zap", C_WHATSAPP }, { "zapzap", C_WHATSAPP },
	{ "wpp", C_WHATSAPP }, { "wapp", C_WHATSAPP },
	{ "whatsappbusiness", C_WHATSAPP }, { "wabusiness", C_WHATSAPP },
	{ "chat", C_CHAT }, { "webchat", C_CHAT }, { "livechat", C_CHAT },
	{ "chatonline", C_CHAT }, { "onlinechat", C_CHAT },
	{ "site", C_CHAT }, { "web", C_CHAT }, { "widget", C_CHAT },
	{ "email", C_EMAIL }, { "mail", C_EMAIL },
	{ "correioeletronico", C_EMAIL },
	{ "phone", C_PHONE }, { "voice", C_PHONE }, { "call", C_PHONE },
	{ "phonecall", C_PHONE }, { "telephone", C_PHONE },
	{ "telefone", C_PHONE }, { "telefonia", C_PHONE },
	{ "ligacao", C_PHONE }, { "fone", C_PHONE }, { "voz", C_PHONE },
	{ "voip", C_PHONE }, { "ura", C_PHONE }, { "ivr", C_PHONE },
	{ "sms", C_SMS }, { "text", C_SMS }, { "texto", C_SMS },
	{ "torpedo", C_SMS },
	{ "twitter", C_TWITTER }, { "tw", C_TWITTER }, { "x", C_TWITTER },
	{ "instagram", C_INSTAGRAM }, { "ig", C_INSTAGRAM },
	{ "insta", C_INSTAGRAM }, { "instagramdm", C_INSTAGRAM },
	{ "instagramdirect", C_INSTAGRAM }, { "direct", C_INSTAGRAM },
	{ "facebook", C_FACEBOOK }, { "fb", C_FACEBOOK },
	{ "face", C_FACEBOOK }, { "messenger", C_FACEBOOK },
	{ "facebookmessenger", C_FACEBOOK }, { "fbmessenger", C_FACEBOOK },
	{ "telegram", C_TELEGRAM }, { "tg", C_TELEGRAM },
	{ "store", C_STORE }, { "loja", C_STORE }, { "lojafisica", C_STORE },
	{ "presencial", C_STORE }, { "instore", C_STORE },
	{ "walkin", C_STORE }, { "balcao", C_STORE },
	{ "other", C_OTHER }, { "outro", C_OTHER }, { "outros", C_OTHER },
	{ "outra", C_OTHER }, { "outras", C_OTHER },
	{ NULL, NULL }
};

/*
 * "true"/"false" and "inbound"/"outbound" are how exports flag "sent by
 * the customer" (a boolean is_customer / from_customer column, or the
 * message direction seen from the company).  A "note" is an internal
 * agent note, not a system event, so it is left unknown on purpose.
 */
static const struct alias roles[] = {
	{ "customer", C_CUSTOMER }, { "cliente", C_CUSTOMER },
	{ "client", C_CUSTOMER }, { "user", C_CUSTOMER },
	{ "usuario", C_CUSTOMER }, { "requester", C_CUSTOMER },
	{ "enduser", C_CUSTOMER }, { "contact", C_CUSTOMER },
	{ "contato", C_CUSTOMER }, { "consumer", C_CUSTOMER },
	{ "consumidor", C_CUSTOMER }, { "inbound", C_CUSTOMER },
	{ "true", C_CUSTOMER },
	{ "agent", C_AGENT }, { "agente", C_AGENT }, { "atendente", C_AGENT },
	{ "operator", C_AGENT }, { "operador", C_AGENT },
	{ "attendant", C_AGENT }, { "staff", C_AGENT }, { "admin", C_AGENT },
	{ "support", C_AGENT }, { "suporte", C_AGENT }, { "human", C_AGENT },
	{ "humano", C_AGENT }, { "outbound", C_AGENT }, { "false", C_AGENT },
	{ "bot", C_BOT }, { "robo", C_BOT }, { "chatbot", C_BOT },
	{ "automation", C_BOT }, { "automacao", C_BOT },
	{ "virtualassistant", C_BOT }, { "assistentevirtual", C_BOT },
	{ "system", C_SYSTEM }, { "sistema", C_SYSTEM },
	{ NULL, NULL }
};

static const struct alias statuses[] = {
	{ "open", C_OPEN }, { "new", C_OPEN }, { "novo", C_OPEN },
	{ "nova", C_OPEN }, { "aberto", C_OPEN }, { "aberta", C_OPEN },
	{ "pending", C_PENDING }, { "onhold", C_PENDING },
	{ "hold", C_PENDING }, { "waiting", C_PENDING },
	{ "aguardando", C_PENDING }, { "emespera", C_PENDING },
	{ "pendente", C_PENDING },
	{ "resolved", C_RESOLVED }, { "solved", C_RESOLVED },
	{ "resolvido", C_RESOLVED }, { "resolvida", C_RESOLVED },
	{ "done", C_RESOLVED }, { "finished", C_RESOLVED },
	{ "closed", C_CLOSED }, { "fechado", C_CLOSED },
	{ "fechada", C_CLOSED }, { "encerrado", C_CLOSED },
	{ "encerrada", C_CLOSED },
	{ "abandoned", C_ABANDONED }, { "abandonado", C_ABANDONED },
	{ "abandonada", C_ABANDONED }, { "abandon", C_ABANDONED },
	{ "missed", C_ABANDONED }, { "perdida", C_ABANDONED },
	{ "perdido", C_ABANDONED },
	{ NULL, NULL }
};

/*
 * Base letters of U+00C0..U+00DF; the lower-case letters U+00E0..U+00FF
 * sit 0x20 above.  0 where there is no plain letter (AE, eth, thorn...).
 */
static const char latin1_base[32] = {
	'a', 'a', 'a', 'a', 'a', 'a', 0, 'c',		/* C0-C7 */
	'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',		/* C8-CF */
	0, 'n', 'o', 'o', 'o', 'o', 'o', 0,		/* D0-D7 */
	'o', 'u', 'u', 'u', 'u', 'y', 0, 0,		/* D8-DF */
};

static int
is_sep(int c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '_' || c == '.';
}

/*
 * Folds s[0..n) into buf (FOLD_MAX bytes, NUL-terminated): ASCII lower
 * case, Latin-1 letters to their base letter, separators and NBSP
 * dropped.  Returns 0, or -1 when the result would not fit or s has a
 * byte that no alias can contain.
 */
static int
fold(const char *s, size_t n, char buf[FOLD_MAX])
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j = 0;
	int c;

	if (s == NULL)
		return -1;
	while (i < n) {
		if (is_sep(u[i]) || u[i] == '\r' || u[i] == '\n') {
			i++;
			continue;
		}
		if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0xA0) {
			i += 2;
			continue;
		}
		if (u[i] == 0xC3 && i + 1 < n && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0xBF) {
			if ((c = latin1_base[(u[i + 1] - 0x80) & 0x1F]) == 0)
				return -1;
			i += 2;
		} else if (u[i] >= 'A' && u[i] <= 'Z') {
			c = u[i++] - 'A' + 'a';
		} else if ((u[i] >= 'a' && u[i] <= 'z') ||
		    (u[i] >= '0' && u[i] <= '9')) {
			c = u[i++];
		} else {
			return -1;
		}
		if (j == FOLD_MAX - 1)
			return -1;
		buf[j++] = (char)c;
	}
	buf[j] = '\0';
	return 0;
}

static const char *
lookup(const struct alias *t, const char *s, size_t n)
{
	char buf[FOLD_MAX];

	if (fold(s, n, buf) < 0 || buf[0] == '\0')
		return NULL;
	for (; t->folded != NULL; t++)
		if (strcmp(t->folded, buf) == 0)
			return t->canon;
	return NULL;
}

/* Exact match, no folding: records carry names already normalized. */
static int
is_canon(const char *const *names, const char *s, size_t n)
{
	if (s == NULL)
		return 0;
	for (; *names != NULL; names++)
		if (strlen(*names) == n && memcmp(*names, s, n) == 0)
			return 1;
	return 0;
}

const char *
cim_channel_norm(const char *s, size_t n)
{
	return lookup(channels, s, n);
}

int
cim_channel_valid(const char *s, size_t n)
{
	return is_canon(channel_names, s, n);
}

const char *
cim_role_norm(const char *s, size_t n)
{
	return lookup(roles, s, n);
}

int
cim_role_valid(const char *s, size_t n)
{
	return is_canon(role_names, s, n);
}

const char *
cim_status_norm(const char *s, size_t n)
{
	return lookup(statuses, s, n);
}

int
cim_status_valid(const char *s, size_t n)
{
	return is_canon(status_names, s, n);
}
