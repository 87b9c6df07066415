/*
 * Fuzz target: the TZif reader, through $TZDIR and a file it writes, and
 * conversions in whatever zone it accepts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tstamp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[64];
	char path[96], err[128];
	struct cim_tz *tz;
	FILE *f;

	if (dir[0] == '\0') {
		snprintf(dir, sizeof(dir), "%s/cim-fuzz-tz.%ld",
		    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
		mkdir(dir, 0700);
		setenv("TZDIR", dir, 1);
	}
	snprintf(path, sizeof(path), "%s/Fuzz", dir);
	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if ((tz = cim_tz_load("Fuzz", err, sizeof(err))) != NULL) {
		int64_t t;

		for (t = -4000000000LL; t < 8000000000LL; t += 987654321LL)
			(void)cim_tz_local_to_utc(tz, t + cim_tz_offset_at(tz, t));
		cim_tz_free(tz);
	}
	return 0;
}
