/*
 * Fuzz target: phone normalization in several regions; a normalized number
 * normalizes to itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "phone.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const regions[] = { "BR", "US", "PT", "MX", NULL };
	char *s = malloc(size ? size : 1), out[CIM_PHONE_MAX], again[CIM_PHONE_MAX], key[CIM_PHONE_MAX];
	size_t i;

	if (size)
		memcpy(s, data, size);
	for (i = 0; i < 5; i++)
		if (cim_phone_e164(s, size, regions[i], out) == 0) {
			if (cim_phone_e164(out, strlen(out), regions[i], again) != 0 ||
			    strcmp(out, again) != 0)
				abort();
			(void)cim_phone_br_key(out, key);
		}
	free(s);
	return 0;
}
