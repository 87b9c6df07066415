# Zendesk ticket -> cim record; voice tickets are left out.
select(.via.channel != "voice")
| {id: (.id|tostring), channel: .via.channel, customer: {email: .requester.email},
   started_at: .created_at,
   messages: [.comments[] | {at: .created_at,
                             from: (if .author_id == 1 then "customer" else "agent" end),
                             text: .body}]}
