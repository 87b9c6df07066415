/*
 * helpdesk.c: the zendesk and intercom presets (see helpdesk.h).
 */
#include <string.h>

#include "buf.h"
#include "helpdesk.h"
#include "utf8.h"

/* Shared: null-free objects, ids as strings, Airbyte envelopes. */
#define COMMON \
"def nonull: with_entries(select(.value != null and .value != \"\" and .value != [] and .value != {}));\n" \
"def idstr: if . == null then null else tostring end;\n" \
"def envelope($stream; $what): if type == \"object\" and has(\"stream\") and has(\"data\") then\n" \
"  (if .stream == $stream then .data else error(\"an Airbyte \\(.stream) record is not \\($what)\") end)\n" \
"  else . end;\n"

static const char zendesk[] = COMMON
"def score: if type == \"number\" then . elif . == \"good\" then 5 elif . == \"bad\" then 1 else null end;\n"
"envelope(\"tickets\"; \"a ticket\")\n"
"| if has(\"tickets\") then .tickets[] elif has(\"ticket\") then .ticket + {comments: (.comments // .ticket.comments)} else . end\n"
"| . as $t | ($t.requester // {}) as $req | ($t.requester_id // $req.id | idstr) as $rid\n"
"| ($t.comments // []) as $cs\n"
"| def who: if (.author_id | idstr) == $rid then \"customer\" else \"agent\" end;\n"
"{\n"
"  id: ($t.id | idstr),\n"
"  channel: ($t.via.channel // \"other\" | tostring),\n"
"  started_at: $t.created_at,\n"
"  status: $t.status,\n"
"  customer: ({name: $req.name, email: $req.email,\n"
"    phone: ($req.phone // (if $t.via.channel == \"voice\" then $t.via.source.from.phone else null end)),\n"
"    ids: ({zendesk: $rid} | nonull)} | nonull),\n"
"  messages: (if ($cs | length) > 0 then\n"
"      [$cs[] | select(.public != false) | {at: .created_at, from: who, author: (.author_id | idstr),\n"
"        html: .html_body, text: (if .html_body then null else (.plain_body // .body) end),\n"
"        id: (.id | idstr)} | nonull]\n"
"    elif $t.description then [{at: $t.created_at, from: \"customer\", author: $rid, text: $t.description} | nonull]\n"
"    else [] end),\n"
"  events: ([{at: $t.created_at, type: \"queued\"}]\n"
"    + [$cs[] | select(.public == false) | {at: .created_at, type: \"note\", author: (.author_id | idstr),\n"
"        html: .html_body, text: (if .html_body then null else (.plain_body // .body) end)} | nonull]\n"
"    + (if $t.solved_at then [{at: $t.solved_at, type: \"resolved\"}] else [] end)\n"
"    + (if $t.updated_at then [{at: $t.updated_at, type: \"updated\"}] else [] end)),\n"
"  csat: ($t.satisfaction_rating.score | score),\n"
"  queue: ($t.group.name // $t.group_id | idstr),\n"
"  agent: ($t.assignee.name // $t.assignee_id | idstr),\n"
"  attrs: ({subject: ($t.subject // $t.raw_subject), priority: $t.priority, type: $t.type, tags: $t.tags,\n"
"    satisfaction: (if ($t.satisfaction_rating.score | score) == null then $t.satisfaction_rating.score else null end),\n"
"    organization_id: ($t.organization_id | idstr), brand_id: ($t.brand_id | idstr)} | nonull)\n"
"} | nonull\n";

static const char intercom[] = COMMON
"def who: if .type == \"user\" or .type == \"lead\" or .type == \"contact\" then \"customer\"\n"
"  elif .type == \"bot\" or .name == \"Operator\" or .name == \"Fin\" then \"bot\" else \"agent\" end;\n"
"def at: if . == null then null else tostring end;\n"
"envelope(\"conversations\"; \"a conversation\")\n"
"| if has(\"conversations\") then .conversations[] else . end\n"
"| . as $c | ($c.conversation_parts | if type == \"object\" then .conversation_parts else . end // []) as $ps\n"
"| ($c.source.type // \"conversation\") as $st\n"
"| {\n"
"  id: ($c.id | idstr),\n"
"  channel: (if $st == \"email\" or $st == \"twitter\" or $st == \"facebook\" or $st == \"whatsapp\"\n"
"    or $st == \"instagram\" or $st == \"sms\" or $st == \"phone\" then $st else \"chat\" end),\n"
"  started_at: ($c.created_at | at),\n"
"  status: (if $c.state == \"closed\" then \"resolved\" elif $c.state == \"snoozed\" then \"pending\" else $c.state end),\n"
"  customer: (($c.source.author | if who == \"customer\" then {name, email} else {} end)\n"
"    + {\n"
"    ids: ({intercom: ($c.contacts | if type == \"object\" then .contacts else . end // [] | .[0].id | idstr)} | nonull)} | nonull),\n"
"  messages: ([$c.source | select(.body != null and .body != \"\") | {at: ($c.created_at | at), from: (.author | who),\n"
"      author: .author.name, html: .body, id: (.id | idstr)} | nonull]\n"
"    + [$ps[] | select((.part_type == \"comment\" or .part_type == null) and .body != null)\n"
"      | {at: (.created_at | at), from: (.author | who), author: .author.name, html: .body, id: (.id | idstr)} | nonull]),\n"
"  events: [$ps[] | (if .part_type == \"note\" then \"note\" elif .part_type == \"close\" then \"resolved\"\n"
"      elif .part_type == \"assignment\" then \"transfer\" elif .part_type == \"open\" then \"reopened\" else null end) as $ty\n"
"    | select($ty != null) | {at: (.created_at | at), type: $ty, author: .author.name, html: .body} | nonull],\n"
"  csat: $c.conversation_rating.rating,\n"
"  agent: ($c.assignee.name // $c.assignee.id | idstr),\n"
"  attrs: ({priority: $c.priority, tags: [$c.tags.tags // [] | .[] | .name], subject: $c.source.subject,\n"
"    delivered_as: $c.source.delivered_as, first_admin_reply_at: ($c.statistics.first_admin_reply_at | at)} | nonull)\n"
"} | nonull\n";

const char *
cim_helpdesk_program(const char *name)
{
	if (strcmp(name, "zendesk") == 0)
		return zendesk;
	if (strcmp(name, "intercom") == 0)
		return intercom;
	return NULL;
}

/* One message or event (consumed): html -> text. */
static jv
item_text(jv it)
{
	jv html;
	struct cim_buf b = { 0 };

	if (jv_get_kind(it) != JV_KIND_OBJECT)
		return it;
	html = jv_object_get(jv_copy(it), jv_string("html"));
	if (jv_get_kind(html) != JV_KIND_STRING) {
		jv_free(html);
		return it;
	}
	cim_html_to_text(jv_string_value(html), (size_t)jv_string_length_bytes(jv_copy(html)), &b);
	jv_free(html);
	it = jv_object_delete(it, jv_string("html"));
	if (b.len > 0)
		it = jv_object_set(it, jv_string("text"), jv_string_sized(b.p, (int)b.len));
	cim_buf_free(&b);
	return it;
}

jv
cim_helpdesk_text(jv rec)
{
	static const char *const arrays[] = { "messages", "events" };

	if (jv_get_kind(rec) != JV_KIND_OBJECT)
		return rec;
	for (int k = 0; k < 2; k++) {
		jv a = jv_object_get(jv_copy(rec), jv_string(arrays[k]));

		if (jv_get_kind(a) == JV_KIND_ARRAY) {
			int n = jv_array_length(jv_copy(a));

			for (int i = 0; i < n; i++)
				a = jv_array_set(a, i, item_text(jv_array_get(jv_copy(a), i)));
			rec = jv_object_set(rec, jv_string(arrays[k]), a);
		} else {
			jv_free(a);
		}
	}
	return rec;
}
