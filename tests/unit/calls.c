/* Unit tests for lib/calls.c: durations, flags and column names. */
#include <string.h>

#include "calls.h"
#include "preset.h"
#include "unit.h"

int
main(void)
{
	static const struct { const char *in; long long ms; } dur[] = {
		{ "109", 109000 }, { "109.5", 109500 }, { "0:02:23", 143000 }, { "2:23", 143000 },
		{ "1:00:00", 3600000 }, { " 45 ", 45000 }, { "1,25", 1250 },
		{ "", -1 }, { "abc", -1 }, { "1:75", -1 }, { "1:2:3:4", -1 }, { ":30", -1 }, { "-5", -1 },
	};
	static const struct { const char *in; int want; } flags[] = {
		{ "Y", 1 }, { "y", 1 }, { "Yes", 1 }, { "TRUE", 1 }, { "1", 1 }, { "Sim", 1 },
		{ "N", 0 }, { "no", 0 }, { "false", 0 }, { "0", 0 }, { "N\xc3\xa3o", 0 }, { "nao", 0 },
		{ "", -1 }, { "maybe", -1 },
	};
	static char *hdr[] = { "Call Id", "Speed of answer in seconds", "AvgTalkDuration",
		"Answered (Y/N)", "Dura\xc3\xa7\xc3\xa3o", "Data", "Column1" };
	size_t i;

	for (i = 0; i < sizeof(dur) / sizeof(dur[0]); i++)
		CHECK_INT(cim_calls_duration(dur[i].in, strlen(dur[i].in)), dur[i].ms, dur[i].in);
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		CHECK_INT(cim_preset_flag(flags[i].in, strlen(flags[i].in)), flags[i].want, flags[i].in);
	{
		struct cim_calls *c = cim_calls_new(hdr, 7);

		CHECK_INT(cim_calls_usable(c), 1, "a Data column is a date");
		cim_calls_free(c);
		c = cim_calls_new(hdr, 5);
		CHECK_INT(cim_calls_usable(c), 0, "no start and no date");
		cim_calls_free(c);
	}
	return unit_done();
}
