/*
 * calls.h: telephony / ACD call logs (CSV) as conversations on channel
 * phone with events and no messages.  The columns are recognised by their
 * names, compared without case, blanks or punctuation ("Speed of answer
 * in seconds" is speedofanswerinseconds), in English and Portuguese:
 *   id        call id, id, uniqueid, id ligacao
 *   agent     agent, agent id, agent name, operator, atendente
 *   queue     queue, topic, skill, department, fila, assunto
 *   phone     caller, caller id, ani, from, phone, telefone, numero
 *   name      customer, customer name, contact name, booking contact name, cliente
 *   start     start, started at, call start, queued at, timestamp, datetime;
 *             or a date (date, call date, data) and a time (time, call time, hora)
 *   answered  time answered, answered at, answer time (a time alone takes the date)
 *   ended     end time, ended at, hangup
 *   wait      speed of answer in seconds, wait, wait time, queue time, espera
 *   talk      talk time, talk duration, avg talk duration, duration, handle time, duracao
 *   answered? answered, answered (y/n), atendida; abandoned? abandoned, abandonada
 *   outcome   call outcome, outcome, disposition, result, resultado
 *   resolved? resolved, resolvido, fcr
 *   csat      satisfaction rating, csat, rating, nota (0 is "not rated")
 * Durations are seconds or [H:]MM:SS.  Events: queued at the start;
 * answered at the answer time (or start + wait); abandoned (not answered,
 * or an outcome such as "unanswered", "missed", "abandoned") at start +
 * wait; resolved (resolved yes) at the end (or answer + talk).  Status is
 * abandoned, resolved, or closed.  Other columns go to attrs.
 * Not for: call recordings or transcripts.
 */
#ifndef CIM_CALLS_H
#define CIM_CALLS_H
#include <stddef.h>

#include "buf.h"
#include "conv.h"

struct cim_calls;

/* Decides what each of the n header names is.  Cannot fail. */
struct cim_calls *cim_calls_new(char *const *names, size_t n);
/* 1 when the header has what a call needs: a start (or date) column. */
int cim_calls_usable(const struct cim_calls *c);
/*
 * Maps one row (field i is v[i][0..len[i]), n fields as in the header)
 * into r.  Returns 0, or -1 with the reason appended to why.
 */
int cim_calls_row(const struct cim_calls *c, const char *const *v,
    const size_t *len, struct cim_row *r, struct cim_norm *nm,
    struct cim_buf *why);
void cim_calls_free(struct cim_calls *c);

/* A duration: "109", "109.5", "2:23", "0:02:23" -> milliseconds, or -1. */
long long cim_calls_duration(const char *s, size_t n);
#endif
