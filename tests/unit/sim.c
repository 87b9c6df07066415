/*
 * Unit tests of lib/sim: Erlang C against known values, and the
 * simulation against Erlang C on M/M/N queues (Poisson arrivals,
 * exponential service, generated here with a seeded generator).
 * "sim --grid" prints the comparison over a grid of loads (scripts/eval-route).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "unit.h"

static uint64_t rng;

static double
uniform(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	z ^= z >> 31;
	return ((double)(z >> 11) + 0.5) / 9007199254740992.0;
}

/* Simulated mean wait (s) of an M/M/n queue at occupancy rho, aht 300 s. */
static double
mmn(int n, double rho, size_t jobs, uint64_t seed, double *erlang)
{
	struct cim_sim_opts o = { 0 };
	struct cim_buf roster = { 0 }, why = { 0 };
	struct cim_sim *s;
	double aht = 300, lambda = rho * n / aht, t = 0, sum = 0;

	o.patience_s = -1;
	o.sl_target_s = -1;
	o.scale = 1;
	o.agents_file = "roster";
	o.overflow = "overflow";
	o.strategy = CIM_SIM_LEAST_BUSY;
	for (int i = 0; i < n; i++)
		cim_buf_printf(&roster, "{\"name\":\"a%d\"}\n", i);
	s = cim_sim_new(&o, roster.p, roster.len, &why);
	rng = seed;
	for (size_t i = 0; i < jobs; i++) {
		struct cim_sim_job j = { 0 };

		t += -log(uniform()) / lambda;
		j.arrive_ms = (int64_t)(t * 1000);
		j.service_s = -log(uniform()) * aht;
		j.priority = 3;
		j.queue = "q";
		cim_sim_add(s, &j);
	}
	cim_sim_run(s);
	/* The first tenth warms the queue up from empty: leave it out. */
	for (size_t i = jobs / 10; i < jobs; i++) {
		double w;
		int a, ab;

		cim_sim_result(s, i, &w, &a, &ab);
		sum += w;
	}
	*erlang = cim_erlang_wait(n, rho * n, aht);
	cim_sim_free(s);
	cim_buf_free(&roster);
	cim_buf_free(&why);
	return sum / (double)(jobs - jobs / 10);
}

/*
 * The grid of scripts/eval-route.  The mean wait of a simulated queue is
 * a noisy estimate: its relative error grows with occupancy and is large
 * when the wait itself is a fraction of a second, so beside the relative
 * difference the table gives the difference in units of the service time
 * and a verdict: ok when within 5% or within 0.5% of the service time.
 */
static void
grid(void)
{
	static const int agents[] = { 1, 2, 5, 10, 20, 50, 100 };
	static const double occ[] = { 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95 };
	int ok = 0, all = 0;

	printf("%-7s %-9s %12s %12s %8s %10s %s\n", "agents", "occupancy", "erlang_c_s",
	    "sim_s", "diff", "diff/aht", "verdict");
	for (size_t a = 0; a < sizeof(agents) / sizeof(*agents); a++)
		for (size_t k = 0; k < sizeof(occ) / sizeof(*occ); k++) {
			double e, w, rel, abs_;
			/* Heavier loads need longer runs for the mean to settle. */
			size_t jobs = occ[k] >= 0.9 ? 4000000 : 2000000;
			int good;

			w = mmn(agents[a], occ[k], jobs, 42 + a * 10 + k, &e);
			rel = e > 0 ? (w - e) / e : 0;
			abs_ = (w - e) / 300;
			good = fabs(rel) <= 0.05 || fabs(abs_) <= 0.005;
			ok += good;
			all++;
			printf("%-7d %-9.2f %12.2f %12.2f %+7.1f%% %+10.4f %s\n", agents[a],
			    occ[k], e, w, 100 * rel, abs_, good ? "ok" : "off");
			fflush(stdout);
		}
	printf("%d of %d within 5%% (or 0.5%% of the service time)\n", ok, all);
}

int
main(int argc, char **argv)
{
	static const struct { int n; double a, c; } known[] = {
		{ 3, 2, 0.444444 },	/* B = 0.2105 -> C = 4/9 */
		{ 1, 0.5, 0.5 },	/* M/M/1: C = rho */
		{ 2, 1, 0.333333 },
		{ 5, 5, 1 },		/* overloaded */
	};
	double e, w;

	if (argc > 1 && strcmp(argv[1], "--grid") == 0) {
		grid();
		return 0;
	}
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		CHECK(fabs(cim_erlang_c(known[i].n, known[i].a) - known[i].c) < 1e-5,
		    "erlang_c(%d, %g) = %g, want %g", known[i].n, known[i].a,
		    cim_erlang_c(known[i].n, known[i].a), known[i].c);
	CHECK_INT(cim_erlang_agents(10, 300, 20, 0.8), 14, "agents for 10 erlangs, 80/20");
	/* M/M/1 mean wait is rho/(1-rho) * aht. */
	CHECK(fabs(cim_erlang_wait(1, 0.8, 300) - 1200) < 1e-6, "M/M/1 wait");

	/* The simulation agrees with Erlang C within 5% on long runs. */
	w = mmn(10, 0.8, 400000, 7, &e);
	CHECK(fabs(w - e) / e < 0.05, "M/M/10 at 80%%: sim %.2f s, Erlang C %.2f s", w, e);
	w = mmn(1, 0.7, 400000, 8, &e);
	CHECK(fabs(w - e) / e < 0.05, "M/M/1 at 70%%: sim %.2f s, Erlang C %.2f s", w, e);
	w = mmn(50, 0.9, 2000000, 9, &e);
	CHECK(fabs(w - e) / e < 0.05, "M/M/50 at 90%%: sim %.2f s, Erlang C %.2f s", w, e);
	return unit_done();
}
