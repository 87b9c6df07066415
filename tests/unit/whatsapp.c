/* Unit tests for lib/whatsapp.c: header variants, times, order, classifiers. */
#include <stdint.h>
#include <string.h>

#include "tstamp.h"
#include "unit.h"
#include "whatsapp.h"

static const struct {
	const char	*line;
	enum cim_date_order order;
	const char	*at;	/* NULL: not a header */
	const char	*name;	/* "" for a system line */
	const char	*text;
} hdr[] = {
	{ "6/21/22, 13:31 - Daniella: Oi", CIM_ORDER_MDY, "2022-06-21T13:31:00Z", "Daniella", "Oi" },
	{ "21/06/2022, 1:31 pm - Ana: oi", CIM_ORDER_DMY, "2022-06-21T13:31:00Z", "Ana", "oi" },
	{ "21/06/2022, 12:05 am - Ana: oi", CIM_ORDER_DMY, "2022-06-21T00:05:00Z", "Ana", "oi" },
	{ "2019-08-06, 7:03 a.m. - Akshay Shah: <Media omitted>", CIM_ORDER_DMY,
	  "2019-08-06T07:03:00Z", "Akshay Shah", "<Media omitted>" },
	{ "2019-08-06, 7:03 p.m. - A: x", CIM_ORDER_DMY, "2019-08-06T19:03:00Z", "A", "x" },
	{ "2019/08/06, 19:03 - A: x", CIM_ORDER_MDY, "2019-08-06T19:03:00Z", "A", "x" },
	{ "[21/06/2022, 13:31:05] Ana: oi", CIM_ORDER_DMY, "2022-06-21T13:31:05Z", "Ana", "oi" },
	{ "[3/18/22, 2:56:01 PM] Bob: hi", CIM_ORDER_MDY, "2022-03-18T14:56:01Z", "Bob", "hi" },
	{ "[3/18/22, 2:56:01\xe2\x80\xafPM] Bob: hi", CIM_ORDER_MDY, "2022-03-18T14:56:01Z", "Bob", "hi" },
	{ "3/18/22, 2:56\xe2\x80\xafPM - Bob: hi", CIM_ORDER_MDY, "2022-03-18T14:56:00Z", "Bob", "hi" },
	{ "[3/18/22 14.56.01] Bob: hi", CIM_ORDER_MDY, "2022-03-18T14:56:01Z", "Bob", "hi" },
	{ "[14:56:01, 3/18/22] Bob: hi", CIM_ORDER_MDY, "2022-03-18T14:56:01Z", "Bob", "hi" },
	{ "[3/18/2565 BE, 14:56:01] Bob: hi", CIM_ORDER_MDY, "2022-03-18T14:56:01Z", "Bob", "hi" },
	{ "[3/18/R4, 14:56:01] Bob: hi", CIM_ORDER_MDY, "2022-03-18T14:56:01Z", "Bob", "hi" },
	{ "\xef\xbb\xbf[29.01.18, 12:24:03] Mallory: Hey!", CIM_ORDER_DMY, "2018-01-29T12:24:03Z", "Mallory", "Hey!" },
	{ "[\xef\xbb\xbf" "29.01.18, 12:24:03 PM] Mallory: Hey!", CIM_ORDER_DMY, "2018-01-29T12:24:03Z", "Mallory", "Hey!" },
	{ "29.01.18, 12:24 PM - Du hast Mallory entfernt.", CIM_ORDER_DMY, "2018-01-29T12:24:00Z", "", "Du hast Mallory entfernt." },
	{ "23-03-2022 13:31 - Dmitry S: Hello", CIM_ORDER_DMY, "2022-03-23T13:31:00Z", "Dmitry S", "Hello" },
	{ "3/3/19 4:55 AM - Johan created the group \"The Good: Bad\"", CIM_ORDER_MDY,
	  "2019-03-03T04:55:00Z", "", "Johan created the group \"The Good: Bad\"" },
	{ "7/1/16, 4:56:55 PM: Sophia H.: So hier", CIM_ORDER_MDY, "2016-07-01T16:56:55Z", "Sophia H.", "So hier" },
	{ "4/26/16, 16:23:03: \xe2\x80\xaa+55\xc2\xa0" "61\xc2\xa0" "8121\xe2\x80\x91" "3457\xe2\x80\xac: oi",
	  CIM_ORDER_MDY, "2016-04-26T16:23:03Z",
	  "+55\xc2\xa0" "61\xc2\xa0" "8121\xe2\x80\x91" "3457\xe2\x80\xac", "oi" },
	{ "19:23, 28 Aug 2013 - Tanay: hi", CIM_ORDER_DMY, "2013-08-28T19:23:00Z", "Tanay", "hi" },
	{ "18 Mar 12:14 - Sadie was added", CIM_ORDER_DMY, "2000-03-18T12:14:00Z", "", "Sadie was added" },
	{ "Mar 5, 8:11 PM - Aravind: Whoa", CIM_ORDER_DMY, "2000-03-05T20:11:00Z", "Aravind", "Whoa" },
	{ "03/01/2021, 9:15 in the morning - Wolfgang: Lorem", CIM_ORDER_DMY, "2021-01-03T09:15:00Z", "Wolfgang", "Lorem" },
	{ "03/01/2021, 3:15 in the afternoon - W: x", CIM_ORDER_DMY, "2021-01-03T15:15:00Z", "W", "x" },
	{ "[\xd9\xa1\xd9\xa8\xe2\x80\x8f/\xd9\xa3\xe2\x80\x8f/\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa2\xd8\x8c "
	  "\xd9\xa2:\xd9\xa5\xd9\xa6:\xd9\xa0\xd9\xa0\xc2\xa0\xd9\x85] Dmitry S: Hello", CIM_ORDER_DMY,
	  "2022-03-18T14:56:00Z", "Dmitry S", "Hello" },
	{ "12/09/2020, 8:08 pm - You joined using this group's invite link", CIM_ORDER_DMY,
	  "2020-09-12T20:08:00Z", "", "You joined using this group's invite link" },
	{ "1/30/18, 00:04:03 AM - Bob: late", CIM_ORDER_MDY, "2018-01-30T00:04:03Z", "Bob", "late" },
	{ "5/16/19, 0:13 PM - Rom: x", CIM_ORDER_MDY, "2019-05-16T12:13:00Z", "Rom", "x" },
	{ "Carol:", CIM_ORDER_DMY, NULL, NULL, NULL },
	{ "Tomorrow 14.30 - training at the hotel", CIM_ORDER_DMY, NULL, NULL, NULL },
	{ "12/3 vou chegar", CIM_ORDER_DMY, NULL, NULL, NULL },
	{ "2605", CIM_ORDER_DMY, NULL, NULL, NULL },
	{ "21/06/2022 o pedido", CIM_ORDER_DMY, NULL, NULL, NULL },
	{ "[21/06/2022, 13:31:05 Ana: oi", CIM_ORDER_DMY, NULL, NULL, NULL },
	{ "21/06/2022, 25:31 - Ana: oi", CIM_ORDER_DMY, NULL, NULL, NULL },
	{ "", CIM_ORDER_DMY, NULL, NULL, NULL },
};

static void
test_headers(void)
{
	size_t i;

	for (i = 0; i < sizeof(hdr) / sizeof(hdr[0]); i++) {
		struct cim_wa_head h;
		const char *s = hdr[i].line;
		int is = cim_wa_header(s, strlen(s), &h);
		char t[CIM_TIME_BUFLEN] = "";
		int64_t secs;

		CHECK_INT(is, hdr[i].at != NULL, s);
		if (!is || hdr[i].at == NULL)
			continue;
		if (cim_wa_local_time(&h, hdr[i].order, 2000, &secs) == 0)
			cim_time_format(secs * 1000, t);
		CHECK_STR(t, hdr[i].at, s);
		{
			char name[128], text[128];

			snprintf(name, sizeof(name), "%.*s", (int)h.name_len, s + h.name);
			snprintf(text, sizeof(text), "%s", s + h.text);
			CHECK_STR(name, hdr[i].name, s);
			CHECK_STR(text, hdr[i].text, s);
		}
	}
}

/* The day/month order of a file, from the dates of its headers. */
static void
test_order(void)
{
	static const struct {
		const char *lines[4];
		enum cim_date_order want;
	} t[] = {
		{ { "3/18/22, 14:56 - A: x", "3/19/22, 14:56 - A: x" }, CIM_ORDER_MDY },
		{ { "18/3/22, 14:56 - A: x", "3/4/22, 14:56 - A: x" }, CIM_ORDER_DMY },
		/* Only ambiguous dates: which order keeps time going forward. */
		{ { "1/2/22, 10:00 - A: x", "2/1/22, 10:00 - A: x", "3/1/22, 10:00 - A: x" }, CIM_ORDER_MDY },
		{ { "2/1/22, 10:00 - A: x", "3/1/22, 10:00 - A: x", "1/2/22, 10:00 - A: x" }, CIM_ORDER_DMY },
		/* Nothing tells: the fallback (the region's custom). */
		{ { "5/5/22, 10:00 - A: x" }, CIM_ORDER_YMD },
		{ { "2022/05/06, 10:00 - A: x" }, CIM_ORDER_YMD },
	};
	size_t i, j;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct cim_wa_order w = { 0 };

		for (j = 0; j < 4 && t[i].lines[j]; j++) {
			struct cim_wa_head h;

			if (cim_wa_header(t[i].lines[j], strlen(t[i].lines[j]), &h))
				cim_wa_order_add(&w, &h);
		}
		CHECK_INT(cim_wa_order_pick(&w, CIM_ORDER_YMD), t[i].want, t[i].lines[0]);
	}
}

static void
test_classify(void)
{
	static const struct { const char *s; int media, notice, phone; } t[] = {
		{ "<Media omitted>", 1, 0, 0 },
		{ "<M\xc3\xad" "dia oculta>", 1, 0, 0 },
		{ "image omitted", 1, 0, 0 },
		{ "imagem n\xc3\xa3o revelada", 1, 0, 0 },
		{ "<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>", 1, 0, 0 },
		{ "IMG-20190903-WA0000.jpg (file attached)", 1, 0, 0 },
		{ "\xe7\x94\xbb\xe5\x83\x8f\xe3\x81\xaf\xe5\x90\xab\xe3\x81\xbe\xe3\x82\x8c\xe3\x81\xa6"
		  "\xe3\x81\x84\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", 1, 0, 0 },
		{ "I omitted the details", 0, 0, 0 },
		{ "<3", 0, 0, 0 },
		{ "Messages and calls are end-to-end encrypted. No one outside", 0, 1, 0 },
		{ "As mensagens e chamadas s\xc3\xa3o protegidas com a criptografia de ponta a ponta", 0, 1, 0 },
		{ "+55 11 98765-4321", 0, 0, 1 },
		{ "\xe2\x80\xaa+55\xc2\xa0" "61\xc2\xa0" "8121\xe2\x80\x91" "3457\xe2\x80\xac", 0, 0, 1 },
		{ "+91 80774 39639", 0, 0, 1 },
		{ "Maria 2", 0, 0, 0 },
		{ "123", 0, 0, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		size_t n = strlen(t[i].s);

		CHECK_INT(cim_wa_is_media(t[i].s, n), t[i].media, t[i].s);
		CHECK_INT(cim_wa_is_notice(t[i].s, n), t[i].notice, t[i].s);
		CHECK_INT(cim_wa_is_phone(t[i].s, n), t[i].phone, t[i].s);
	}
}

int
main(void)
{
	test_headers();
	test_order();
	test_classify();
	return unit_done();
}
