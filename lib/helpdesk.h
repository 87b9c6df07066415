/*
 * helpdesk.h: the zendesk and intercom presets of cim-ingest.  Each is a
 * jq program compiled into the binary (the --jq machinery: a preset is a
 * mapping, not a parser), plus the one step jq cannot do well: HTML
 * bodies to plain text.
 *
 * zendesk: a ticket object with its comments ("comments", as exporters
 * and the API's ticket + comments calls give), {"ticket": ..,
 * "comments": ..}, {"tickets": [..]}, or an Airbyte record of the tickets
 * stream.  via.channel -> channel, requester -> customer, public comments
 * -> messages (the requester's are the customer's), private comments ->
 * events of type "note", satisfaction_rating.score -> csat (good 5, bad
 * 1, a number as is), status, group -> queue, assignee -> agent,
 * created_at / updated_at / solved_at -> events queued / updated /
 * resolved; a ticket without comments has its description as the first
 * message.
 *
 * intercom: a conversation with its conversation_parts (API shape), or an
 * Airbyte record of the conversations stream.  Epoch times, HTML bodies,
 * authors user/lead/contact -> customer, bot or the Operator and Fin bots
 * -> bot (never a human reply), admin -> agent; note parts -> events
 * "note", close -> "resolved", assignment -> "transfer"; state closed ->
 * resolved, snoozed -> pending; conversation_rating.rating -> csat.
 * Not for: other helpdesks (write a --jq program; these are examples).
 */
#ifndef CIM_HELPDESK_H
#define CIM_HELPDESK_H
#include <jv.h>

/* The jq program of preset name ("zendesk", "intercom"), or NULL. */
const char *cim_helpdesk_program(const char *name);

/*
 * Replaces the "html" member of each message and event of record rec
 * (consumed; returned) by "text", its plain text (cim_html_to_text).
 * Anything that is not such an object is returned as it came.
 */
jv cim_helpdesk_text(jv rec);
#endif
