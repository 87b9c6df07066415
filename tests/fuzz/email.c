/*
 * Fuzz target: e-mail normalization and match keys; normalizing twice
 * changes nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "email.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1), out[CIM_EMAIL_MAX], again[CIM_EMAIL_MAX], key[CIM_EMAIL_MAX];

	if (size)
		memcpy(s, data, size);
	if (cim_email_norm(s, size, out, sizeof(out)) == 0) {
		if (cim_email_norm(out, strlen(out), again, sizeof(again)) != 0 ||
		    strcmp(out, again) != 0)
			abort();
		(void)cim_email_key(out, key, sizeof(key));
	}
	free(s);
	return 0;
}
