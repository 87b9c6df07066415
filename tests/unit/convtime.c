/*
 * Unit tests for convtime.c: the service facts of one conversation, from
 * a compact timeline.  Messages "c30" (customer at second 30), "a" agent,
 * "b" bot, "s" system; events "h" handoff, "r" resolved, "o" reopened,
 * "x" abandoned; seconds from 2026-01-05T00:00:00Z.
 */
#include <stdio.h>
#include <stdlib.h>

#include "convtime.h"
#include "rec.h"
#include "tstamp.h"
#include "unit.h"

static const struct {
	const char *msgs, *events, *status;
	int ended;	/* seconds, -1 none */
	/* expected: frt seconds (-1 not answered), unanswered, escalated,
	 * resolved, resolution s, abandoned, contained, replies, reply sum,
	 * bot span, human span (-1 none) */
	int frt, unans, esc, res, res_s, aband, cont, nrep, repsum, bot, hum;
} cases[] = {
	/* plain: customer, agent, customer, agent; the human handles from
	 * the first agent message to ended_at */
	{ "c0 a30 c60 a180", "r300", "resolved", 300, 30, 0, 0, 1, 300, 0, 0, 2, 150, -1, 270 },
	/* bot first, handoff event: frt from the handoff */
	{ "c0 b5 c30 a180", "h60", "resolved", 600, 120, 0, 1, 1, 600, 0, 0, 1, 150, 60, 420 },
	/* bot first, no handoff event: from the bot's last word */
	{ "c0 b5 c30 b40 a100", "", "open", -1, 60, 0, 1, 0, 0, 0, 0, 0, 0, 40, 0 },
	/* a bot reply is never a first human response */
	{ "c0 b1", "", "open", -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1 },
	/* bot, handoff, nobody came: unanswered */
	{ "c0 b1", "h10", "open", -1, -1, 1, 1, 0, 0, 0, 0, 0, 0, 1, -1 },
	/* no reply at all, conversation ended: unanswered and abandoned */
	{ "c0", "", "closed", 50, -1, 1, 0, 1, 50, 1, 0, 0, 0, -1, -1 },
	/* no reply, still open: unanswered, not abandoned */
	{ "c0", "", "open", -1, -1, 1, 0, 0, 0, 0, 0, 0, 0, -1, -1 },
	/* reopened and not resolved again */
	{ "c0 a10", "r20 o30", "open", -1, 10, 0, 0, 0, 0, 0, 0, 1, 10, -1, 0 },
	/* reopened and resolved again: the last resolution */
	{ "c0 a10 c40 a50", "r20 o30 r60", "resolved", 60, 10, 0, 0, 1, 60, 0, 0, 2, 20, -1, 50 },
	/* several handoffs: the last before the first human reply */
	{ "c0 b5 a100 c200 a260", "h20 h50 h300", "resolved", 400, 50, 0, 1, 1, 400, 0, 0, 1, 60, 50, 300 },
	/* messages out of order are sorted first */
	{ "a30 c0 a90 c60", "", "open", -1, 30, 0, 0, 0, 0, 0, 0, 2, 60, -1, 60 },
	/* outbound: no customer message, no frt, not abandoned */
	{ "a0", "", "closed", 100, -1, 0, 0, 1, 100, 0, 0, 0, 0, -1, 100 },
	/* bot only, resolved: contained */
	{ "c0 b2 c30 b35", "", "resolved", 60, -1, 0, 0, 1, 60, 0, 1, 0, 0, 60, -1 },
	/* abandoned event on a call the agent never took */
	{ "c0", "x40", "abandoned", 40, -1, 1, 0, 0, 0, 1, 0, 0, 0, -1, -1 },
	/* system messages are nobody's reply */
	{ "c0 s1 a20", "", "open", -1, 20, 0, 0, 0, 0, 0, 0, 1, 20, -1, 0 },
	/* customer writes twice: the reply counts from the oldest */
	{ "c0 c10 a40", "", "open", -1, 40, 0, 0, 0, 0, 0, 0, 1, 40, -1, 0 },
};

static void
iso(struct cim_buf *b, int s)
{
	char t[CIM_TIME_BUFLEN];

	cim_time_format(cim_time_days_from_civil(2026, 1, 5) * 86400000LL + s * 1000LL, t);
	cim_buf_printf(b, "\"%s\"", t);
}

static void
items(struct cim_buf *b, const char *spec, int events)
{
	const char *p = spec;
	int first = 1;

	while (*p) {
		char k = *p++;
		int s = (int)strtol(p, (char **)&p, 10);
		const char *name = "";

		while (*p == ' ')
			p++;
		switch (k) {
		case 'c': name = "customer"; break;
		case 'a': name = "agent"; break;
		case 'b': name = "bot"; break;
		case 's': name = "system"; break;
		}
		if (events)
			name = k == 'h' ? "handoff" : k == 'r' ? "resolved" : k == 'o' ? "reopened" : "abandoned";
		cim_buf_adds(b, first ? "{\"at\":" : ",{\"at\":");
		iso(b, s);
		cim_buf_printf(b, ",\"%s\":\"%s\"}", events ? "type" : "from", name);
		first = 0;
	}
}

int
main(void)
{
	struct cim_timeline t = { 0 };
	struct cim_convfacts f = { 0 };
	struct cim_rec r = { 0 };
	struct cim_buf b = { 0 }, why = { 0 };
	size_t i, k;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *w;
		size_t at;
		char ctx[64];
		int64_t sum = 0;

		snprintf(ctx, sizeof(ctx), "case %zu (%s | %s)", i, cases[i].msgs, cases[i].events);
		b.len = 0;
		cim_buf_adds(&b, "{\"started_at\":");
		iso(&b, 0);
		if (cases[i].ended >= 0) {
			cim_buf_adds(&b, ",\"ended_at\":");
			iso(&b, cases[i].ended);
		}
		cim_buf_printf(&b, ",\"status\":\"%s\",\"messages\":[", cases[i].status);
		items(&b, cases[i].msgs, 0);
		cim_buf_adds(&b, "],\"events\":[");
		items(&b, cases[i].events, 1);
		cim_buf_adds(&b, "]}");
		cim_buf_str(&b);
		CHECK(cim_rec_parse(&r, b.p, b.len, &w, &at) == 0, "%s: parse: %s", ctx, w);
		why.len = 0;
		CHECK(cim_timeline_read(&t, &r, 1, &why) == 0, "%s: read: %s", ctx, cim_buf_str(&why));
		cim_convfacts_compute(&f, &t);
		CHECK_INT(f.answered ? (f.frt.to - f.frt.from) / 1000 : -1, cases[i].frt, ctx);
		CHECK_INT(f.unanswered, cases[i].unans, ctx);
		CHECK_INT(f.escalated, cases[i].esc, ctx);
		CHECK_INT(f.resolved, cases[i].res, ctx);
		CHECK_INT(f.resolved ? (f.resolution.to - f.resolution.from) / 1000 : 0, cases[i].res_s, ctx);
		CHECK_INT(f.abandoned, cases[i].aband, ctx);
		CHECK_INT(f.contained, cases[i].cont, ctx);
		CHECK_INT(f.nreply, cases[i].nrep, ctx);
		for (k = 0; k < f.nreply; k++)
			sum += f.reply[k].to - f.reply[k].from;
		CHECK_INT(sum / 1000, cases[i].repsum, ctx);
		CHECK_INT(f.has_bot_span ? (f.bot_span.to - f.bot_span.from) / 1000 : -1, cases[i].bot, ctx);
		CHECK_INT(f.has_human_span ? (f.human_span.to - f.human_span.from) / 1000 : -1, cases[i].hum, ctx);
	}

	/* What a record must not hold. */
	{
		static const struct { const char *json, *why; } bad[] = {
			{ "{\"messages\":[{\"at\":\"2026-01-05T00:00:00Z\",\"from\":\"robot\"}]}",
			  "messages[0].from is not customer, agent, bot or system" },
			{ "{\"messages\":[{\"from\":\"agent\"}]}", "messages[0] has no at" },
			{ "{\"messages\":[{\"at\":\"2026-01-05T00:00:00Z\"}]}", "messages[0] has no from" },
			{ "{\"messages\":[1]}", "messages[0] is not an object" },
			{ "{\"messages\":[{\"at\":\"2026-01-05\",\"from\":\"bot\"}]}",
			  "messages[0].at is not an RFC 3339 UTC time" },
			{ "{\"messages\":[{\"at\":\"2026-01-05T00:00:00Z\",\"from\":\"bot\",\"text\":3}]}",
			  "messages[0].text is not a string" },
			{ "{\"messages\":[],\"events\":[{\"at\":\"x\",\"type\":\"resolved\"}]}",
			  "events[0].at is not an RFC 3339 UTC time" },
			{ "{\"messages\":[],\"events\":[{\"at\":\"2026-01-05T00:00:00Z\",\"type\":1}]}",
			  "events[0].type is not a string" },
		};

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			const char *w;
			size_t at;

			b.len = 0;
			cim_buf_adds(&b, bad[i].json);
			cim_buf_str(&b);
			why.len = 0;
			CHECK(cim_rec_parse(&r, b.p, b.len, &w, &at) == 0, "bad %zu: parse", i);
			CHECK(cim_timeline_read(&t, &r, 1, &why) == -1, "bad %zu: accepted", i);
			CHECK_STR(cim_buf_str(&why), bad[i].why, bad[i].json);
		}
	}
	cim_timeline_free(&t);
	cim_convfacts_free(&f);
	cim_rec_free(&r);
	cim_buf_free(&b);
	cim_buf_free(&why);
	return unit_done();
}
