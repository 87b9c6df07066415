/*
 * channel.h: canonical names for the channel of a conversation, the role
 * of a message's author and the status of a conversation, from the many
 * spellings helpdesk exports use in English and Brazilian Portuguese.
 * Pure functions over byte ranges; a returned name is a static string,
 * always the same pointer for the same name.
 * Not for: guessing a channel from free text or from contact fields.
 *
 * Matching is case-insensitive (ASCII), ignores surrounding whitespace
 * (ASCII and NBSP), folds the Latin-1 accents of Portuguese and Spanish
 * (a-with-acute to a, c-cedilla to c, ...) and ignores "-", "_", "." and
 * inner spaces, so "E-mail", "e mail" and "EMAIL" are one name.
 */
#ifndef CIM_CHANNEL_H
#define CIM_CHANNEL_H
#include <stddef.h>

/*
 * One of whatsapp, chat, email, phone, sms, twitter, instagram, facebook,
 * telegram, store, other; NULL when s[0..n) is no known alias.
 */
const char *cim_channel_norm(const char *s, size_t n);
/* 1 when s[0..n) is exactly a canonical channel name, else 0. */
int cim_channel_valid(const char *s, size_t n);

/* One of customer, agent, bot, system; NULL when unknown. */
const char *cim_role_norm(const char *s, size_t n);
/* 1 when s[0..n) is exactly a canonical role name, else 0. */
int cim_role_valid(const char *s, size_t n);

/* One of open, pending, resolved, closed, abandoned; NULL when unknown. */
const char *cim_status_norm(const char *s, size_t n);
/* 1 when s[0..n) is exactly a canonical status name, else 0. */
int cim_status_valid(const char *s, size_t n);
#endif
