/*
 * Fuzz target: UTF-8 validation, repair, transcoding and the text
 * clean-ups; every output they produce is valid UTF-8 (or, for the
 * clean-ups of invalid input, no longer than needed).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cim_buf b = { 0 };
	const char *s = (const char *)data;
	int valid = cim_utf8_valid(s, size) == size;

	cim_utf8_repair(s, size, &b);
	if (cim_utf8_valid(b.p ? b.p : "", b.len) != b.len)
		abort();
	b.len = 0;
	cim_transcode(CIM_ENC_CP1252, s, size, &b);
	if (cim_utf8_valid(b.p ? b.p : "", b.len) != b.len)
		abort();
	b.len = 0;
	cim_transcode(CIM_ENC_LATIN1, s, size, &b);
	b.len = 0;
	cim_text_strip_marks(s, size, &b);
	if (valid && cim_utf8_valid(b.p ? b.p : "", b.len) != b.len)
		abort();
	b.len = 0;
	cim_html_unescape(s, size, &b);
	b.len = 0;
	cim_html_to_text(s, size, &b);
	cim_buf_free(&b);
	return 0;
}
