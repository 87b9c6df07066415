/* Unit tests for lib/helpdesk.c: the built-in programs compile, and HTML
 * bodies of messages and events become text. */
#include <string.h>

#include "helpdesk.h"
#include "jqprog.h"
#include "unit.h"

int
main(void)
{
	static const struct { const char *in, *want; } t[] = {
		{ "{\"messages\":[{\"html\":\"<p>Hi &amp; bye</p>\",\"from\":\"agent\"}]}",
		  "{\"messages\":[{\"from\":\"agent\",\"text\":\"Hi & bye\"}]}" },
		{ "{\"events\":[{\"type\":\"note\",\"html\":\"<p>a</p><p>b</p>\"}]}",
		  "{\"events\":[{\"text\":\"a\\nb\",\"type\":\"note\"}]}" },
		{ "{\"messages\":[{\"text\":\"plain <b>kept</b>\"}]}",
		  "{\"messages\":[{\"text\":\"plain <b>kept</b>\"}]}" },
		{ "{\"messages\":[{\"html\":\"<p></p>\"}]}", "{\"messages\":[{}]}" },
		{ "[1,2]", "[1,2]" },
		{ "{\"messages\":\"x\"}", "{\"messages\":\"x\"}" },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		jv out = cim_helpdesk_text(jv_parse(t[i].in));
		jv s = jv_dump_string(out, JV_PRINT_SORTED);

		CHECK_STR(jv_string_value(s), t[i].want, t[i].in);
		jv_free(s);
	}
	CHECK(cim_helpdesk_program("zendesk") != NULL, "zendesk program");
	CHECK(cim_helpdesk_program("intercom") != NULL, "intercom program");
	CHECK(cim_helpdesk_program("freshdesk") == NULL, "no freshdesk program");
	/* Both compile (a compile error would exit 2 here). */
	cim_jq_free(cim_jq_compile(cim_helpdesk_program("zendesk"), "zendesk", jv_invalid()));
	cim_jq_free(cim_jq_compile(cim_helpdesk_program("intercom"), "intercom", jv_invalid()));
	return unit_done();
}
