/*
 * Fuzz target: timestamp parsing in every date order, and the round trip
 * of what it accepts through the canonical form.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tstamp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum cim_date_order orders[] = { CIM_ORDER_AUTO,
		CIM_ORDER_DMY, CIM_ORDER_MDY, CIM_ORDER_YMD };
	char *s = malloc(size ? size : 1), buf[CIM_TIME_BUFLEN];
	size_t i, k;
	int64_t ms, back;

	if (size)
		memcpy(s, data, size);	/* exactly size bytes: over-reads show */
	for (i = 0; i < 4; i++)
		if (cim_time_parse(s, size, orders[i], NULL, &ms) == CIM_TIME_OK) {
			k = cim_time_format(ms, buf);
			if (cim_time_parse_canonical(buf, k, &back) != 0 || back != ms)
				abort();
		}
	(void)cim_time_parse_canonical(s, size, &ms);
	free(s);
	return 0;
}
