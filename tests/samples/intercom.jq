# Intercom conversations (API JSON) to canonical records: the way any
# export is mapped without writing C.
def who: if .type == "user" or .type == "lead" then "customer"
         elif .type == "bot" then "bot" else "agent" end;
{
  id: (.id | tostring),
  source: "intercom",
  channel: "chat",
  region: "US",
  started_at: (.created_at | tostring),
  status: (if .state == "closed" then "resolved" else .state end),
  customer: {name: .source.author.name, email: .source.author.email,
             ids: {crm: .contacts[0].external_id, intercom: .contacts[0].id}},
  messages: ([{at: (.created_at | tostring), from: "customer", text: (.source.body | gsub("<[^>]*>"; ""))}]
             + [.conversation_parts[] | {at: (.created_at | tostring), from: (.author | who),
                author: .author.name, text: (.body | gsub("<[^>]*>"; "") | gsub("&amp;"; "&"))}]),
  csat: .conversation_rating.rating
}
