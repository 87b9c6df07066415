/*
 * sim.h: an event-driven simulation of a contact centre, to answer "can
 * this roster take these conversations?", and Erlang C, to say what
 * queueing theory expects of the same load.
 *
 * Model: conversations arrive at their recorded time (plus resampled
 * copies under --scale); each waits in its priority order (1 first, then
 * longest waiting) until an agent who has every skill it needs, is on
 * shift and has room takes it, or until its patience runs out.  An agent
 * holds up to `concurrency` chats at once; a voice call takes the whole
 * agent.  Service times are given, not drawn.  Deterministic: the same
 * jobs, roster, options and seed give the same results.
 * Not for: reading records (cmd/cim-route.c builds the jobs).
 */
#ifndef CIM_SIM_H
#define CIM_SIM_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "region.h"

enum cim_sim_strategy { CIM_SIM_SKILLS, CIM_SIM_ROUND_ROBIN, CIM_SIM_LEAST_BUSY };

struct cim_sim_opts {
	enum cim_sim_strategy	 strategy;
	long			 patience_s;	/* < 0: never abandon */
	long			 sl_target_s;	/* < 0: 20 s voice, 60 s other */
	double			 scale;		/* >= 1 */
	uint64_t		 seed;
	const char		*agents_file;	/* for messages */
	const struct cim_region	*default_tz;	/* zone of shifts without one */
	const char		*overflow;	/* queue of jobs no agent can take */
};

struct cim_sim_job {
	int64_t		 arrive_ms;
	double		 service_s;
	int		 priority;	/* 1..5 */
	const char	*queue;
	const char	*const *skills;
	size_t		 nskills;
	int		 voice;		/* a call: takes the whole agent */
	int		 bot;		/* not offered to agents */
};

struct cim_sim;

/*
 * Reads the roster (NDJSON, one agent a line: name, skills, languages,
 * concurrency as a number or {"phone": 1, "chat": 3}, shifts as
 * "mon-fri 08:00-17:00" strings, zone).  NULL with "file:line: reason"
 * in why.
 */
struct cim_sim *cim_sim_new(const struct cim_sim_opts *o, const char *roster,
    size_t n, struct cim_buf *why);
/* 1 when some agent of the roster has skill (or language) name. */
int cim_sim_has_skill(const struct cim_sim *s, const char *name);
/* Adds a job (copied); results are indexed in the order of adding. */
void cim_sim_add(struct cim_sim *s, const struct cim_sim_job *j);
/* Runs the simulation; skills no agent has are reported to stderr and
 * their jobs go to the overflow queue, served by any agent. */
void cim_sim_run(struct cim_sim *s);
/* Job i's result: {"wait_s","agent","abandoned"} (and "bot", "overflow"). */
void cim_sim_result_json(const struct cim_sim *s, size_t i, struct cim_buf *out);
/* Job i's wait in seconds, agent index or -1, abandoned flag. */
void cim_sim_result(const struct cim_sim *s, size_t i, double *wait_s,
    int *agent, int *abandoned);
/* NDJSON lines, one per queue then "all": offered, answered, abandoned,
 * wait_mean_s, wait_p50_s, wait_p90_s, service_level, occupancy. */
void cim_sim_summary(struct cim_sim *s, struct cim_buf *out);
/* NDJSON lines per queue and local hour: the agents Erlang C wants for
 * 80% within the target beside what the simulation gave. */
void cim_sim_staffing(struct cim_sim *s, struct cim_buf *out);
void cim_sim_free(struct cim_sim *s);

/* Erlang C: probability that a call waits with n agents and a erlangs
 * offered (1 when a >= n). */
double cim_erlang_c(int n, double a);
/* Mean wait in seconds (infinite when a >= n). */
double cim_erlang_wait(int n, double a, double aht_s);
/* Share answered within t seconds. */
double cim_erlang_sl(int n, double a, double aht_s, double t);
/* Fewest agents reaching service level sl within t seconds. */
int cim_erlang_agents(double a, double aht_s, double t, double sl);
#endif
