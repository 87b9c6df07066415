/*
 * Unit tests for lib/channel: spelling -> canonical channel, role and
 * status name or unknown (NULL), and the exact-name validators.
 */
#include <stdio.h>
#include <string.h>

#include "channel.h"
#include "unit.h"

static const struct {
	const char	*in;
	const char	*want;	/* NULL means unknown */
} channel[] = {
	{ "whatsapp", "whatsapp" },
	{ "WhatsApp", "whatsapp" },
	{ "  WHATSAPP \n", "whatsapp" },
	{ "\xc2\xa0WhatsApp\xc2\xa0", "whatsapp" },
	{ "Whats App", "whatsapp" },
	{ "whatsapp_business", "whatsapp" },
	{ "WhatsApp Business", "whatsapp" },
	{ "wa", "whatsapp" },
	{ "Whats", "whatsapp" },
	{ "zap", "whatsapp" },
	{ "ZapZap", "whatsapp" },
	{ "wpp", "whatsapp" },
	{ "e-mail", "email" },
	{ "E-Mail", "email" },
	{ "e mail", "email" },
	{ "mail", "email" },
	{ "Correio Eletr\xc3\xb4nico", "email" },
	{ "CORREIO ELETR\xc3\x94NICO", "email" },
	{ "webchat", "chat" },
	{ "Web Chat", "chat" },
	{ "live-chat", "chat" },
	{ "Chat Online", "chat" },
	{ "site", "chat" },
	{ "web", "chat" },
	{ "chat", "chat" },
	{ "voice", "phone" },
	{ "call", "phone" },
	{ "Telefone", "phone" },
	{ "telefonia", "phone" },
	{ "Liga\xc3\xa7\xc3\xa3o", "phone" },
	{ "LIGA\xc3\x87\xc3\x83O", "phone" },
	{ "ligacao", "phone" },
	{ "fone", "phone" },
	{ "telephone", "phone" },
	{ "phone call", "phone" },
	{ "VoIP", "phone" },
	{ "URA", "phone" },
	{ "IVR", "phone" },
	{ "text", "sms" },
	{ "Texto", "sms" },
	{ "torpedo", "sms" },
	{ "SMS", "sms" },
	{ "tw", "twitter" },
	{ "X", "twitter" },
	{ "Twitter", "twitter" },
	{ "ig", "instagram" },
	{ "Insta", "instagram" },
	{ "Instagram DM", "instagram" },
	{ "Direct", "instagram" },
	{ "fb", "facebook" },
	{ "Messenger", "facebook" },
	{ "Facebook Messenger", "facebook" },
	{ "tg", "telegram" },
	{ "Telegram", "telegram" },
	{ "loja", "store" },
	{ "Presencial", "store" },
	{ "in-store", "store" },
	{ "in store", "store" },
	{ "Walk-in", "store" },
	{ "Balc\xc3\xa3o", "store" },
	{ "store", "store" },
	{ "other", "other" },
	{ "Outro", "other" },
	{ "outros", "other" },
	/* unknown */
	{ "", NULL },
	{ "   ", NULL },
	{ "-", NULL },
	{ "fax", NULL },
	{ "whatsapp2", NULL },
	{ "whatsapp!", NULL },
	{ "e/mail", NULL },
	{ "zap zap zap", NULL },
	{ "Liga\xc3\xa7\xc3", NULL },			/* truncated UTF-8 */
	{ "\xc3\x86", NULL },				/* AE ligature */
	{ "\xe2\x80\x8bsms", NULL },			/* zero-width space */
	{ "whatsappwhatsappwhatsappwhatsappwhatsapp", NULL },
};

static const struct {
	const char	*in;
	const char	*want;
} role[] = {
	{ "customer", "customer" }, { "Cliente", "customer" },
	{ "client", "customer" }, { "user", "customer" },
	{ "Usu\xc3\xa1rio", "customer" }, { "usuario", "customer" },
	{ "requester", "customer" }, { "end-user", "customer" },
	{ "End User", "customer" }, { "contact", "customer" },
	{ "Contato", "customer" }, { "consumer", "customer" },
	{ "inbound", "customer" }, { "TRUE", "customer" },
	{ "agent", "agent" }, { "Agente", "agent" },
	{ "atendente", "agent" }, { "Operator", "agent" },
	{ "operador", "agent" }, { "staff", "agent" }, { "admin", "agent" },
	{ "Support", "agent" }, { "suporte", "agent" }, { "human", "agent" },
	{ "Humano", "agent" }, { "outbound", "agent" }, { "false", "agent" },
	{ "bot", "bot" }, { "Rob\xc3\xb4", "bot" }, { "robo", "bot" },
	{ "chatbot", "bot" }, { "Chat Bot", "bot" }, { "automation", "bot" },
	{ "Automa\xc3\xa7\xc3\xa3o", "bot" },
	{ "virtual assistant", "bot" }, { "Assistente Virtual", "bot" },
	{ "system", "system" }, { "Sistema", "system" },
	{ "note", NULL }, { "nota", NULL }, { "", NULL }, { "1", NULL },
	{ "yes", NULL },
};

static const struct {
	const char	*in;
	const char	*want;
} status[] = {
	{ "open", "open" }, { "New", "open" }, { "novo", "open" },
	{ "Aberto", "open" }, { "aberta", "open" },
	{ "pending", "pending" }, { "on-hold", "pending" },
	{ "On Hold", "pending" }, { "hold", "pending" },
	{ "waiting", "pending" }, { "Aguardando", "pending" },
	{ "em espera", "pending" }, { "Pendente", "pending" },
	{ "resolved", "resolved" }, { "Solved", "resolved" },
	{ "resolvido", "resolved" }, { "done", "resolved" },
	{ "finished", "resolved" },
	{ "closed", "closed" }, { "Fechado", "closed" },
	{ "encerrado", "closed" }, { "Encerrada", "closed" },
	{ "abandoned", "abandoned" }, { "Abandonado", "abandoned" },
	{ "abandon", "abandoned" }, { "missed", "abandoned" },
	{ "Perdida", "abandoned" },
	{ "reopened", NULL }, { "", NULL }, { "spam", NULL },
};

static const struct {
	int		(*fn)(const char *, size_t);
	const char	*in;
	int		 want;
} valid[] = {
	{ cim_channel_valid, "whatsapp", 1 },
	{ cim_channel_valid, "chat", 1 },
	{ cim_channel_valid, "email", 1 },
	{ cim_channel_valid, "phone", 1 },
	{ cim_channel_valid, "sms", 1 },
	{ cim_channel_valid, "twitter", 1 },
	{ cim_channel_valid, "instagram", 1 },
	{ cim_channel_valid, "facebook", 1 },
	{ cim_channel_valid, "telegram", 1 },
	{ cim_channel_valid, "store", 1 },
	{ cim_channel_valid, "other", 1 },
	{ cim_channel_valid, "WhatsApp", 0 },
	{ cim_channel_valid, "e-mail", 0 },
	{ cim_channel_valid, " sms", 0 },
	{ cim_channel_valid, "wa", 0 },
	{ cim_channel_valid, "", 0 },
	{ cim_role_valid, "customer", 1 },
	{ cim_role_valid, "agent", 1 },
	{ cim_role_valid, "bot", 1 },
	{ cim_role_valid, "system", 1 },
	{ cim_role_valid, "cliente", 0 },
	{ cim_role_valid, "Agent", 0 },
	{ cim_status_valid, "open", 1 },
	{ cim_status_valid, "pending", 1 },
	{ cim_status_valid, "resolved", 1 },
	{ cim_status_valid, "closed", 1 },
	{ cim_status_valid, "abandoned", 1 },
	{ cim_status_valid, "solved", 0 },
	{ cim_status_valid, "opened", 0 },
};

int
main(void)
{
	char ctx[128];
	size_t i;

	for (i = 0; i < sizeof channel / sizeof channel[0]; i++) {
		snprintf(ctx, sizeof ctx, "channel(\"%s\")", channel[i].in);
		CHECK_STR(cim_channel_norm(channel[i].in, strlen(channel[i].in)),
		    channel[i].want, ctx);
	}
	for (i = 0; i < sizeof role / sizeof role[0]; i++) {
		snprintf(ctx, sizeof ctx, "role(\"%s\")", role[i].in);
		CHECK_STR(cim_role_norm(role[i].in, strlen(role[i].in)),
		    role[i].want, ctx);
	}
	for (i = 0; i < sizeof status / sizeof status[0]; i++) {
		snprintf(ctx, sizeof ctx, "status(\"%s\")", status[i].in);
		CHECK_STR(cim_status_norm(status[i].in, strlen(status[i].in)),
		    status[i].want, ctx);
	}
	for (i = 0; i < sizeof valid / sizeof valid[0]; i++) {
		snprintf(ctx, sizeof ctx, "valid(\"%s\")", valid[i].in);
		CHECK_INT(valid[i].fn(valid[i].in, strlen(valid[i].in)),
		    valid[i].want, ctx);
	}

	/* Byte ranges, NULL, and one pointer per canonical name. */
	CHECK_STR(cim_channel_norm("smsXYZ", 3), "sms", "byte range");
	CHECK_INT(cim_channel_valid("smsXYZ", 3), 1, "valid byte range");
	CHECK_INT(cim_channel_valid("sms", 2), 0, "valid prefix");
	CHECK_STR(cim_channel_norm(NULL, 0), NULL, "channel NULL");
	CHECK_INT(cim_role_valid(NULL, 0), 0, "role_valid NULL");
	CHECK(cim_channel_norm("zap", 3) == cim_channel_norm("wa", 2),
	    "one pointer per name");
	return unit_done();
}
