/*
 * Fuzz target: the validating scanner and the record layer.  Whatever the
 * scanner accepts must build as jv with all its members, splice back, and
 * scan again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "rec.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cim_rec r = { 0 };
	struct cim_jscan sc = { 0 };
	struct cim_buf out = { 0 };
	char *s = malloc(size + 1);	/* NUL-terminated, as lines are */
	const char *why;
	size_t at, len, i;

	memcpy(s, data, size);
	s[size] = '\0';
	(void)cim_json_valid(s, size, &why, &at);
	(void)cim_json_scan_array(s, size, &sc, &why, &at);
	(void)cim_json_value_len(s, size, &len, &why, &at);
	if (cim_rec_parse(&r, s, size, &why, &at) == 0) {
		/* No duplicate key got past the scan: the object built from the
		 * line (where a repeated key would collapse) has every member. */
		jv whole = cim_json_build(s, size);

		if (jv_get_kind(whole) == JV_KIND_OBJECT &&
		    (size_t)jv_object_length(jv_copy(whole)) != r.sc.n)
			abort();
		jv_free(whole);
		for (i = 0; i < r.sc.n; i++) {
			jv v = cim_json_build(r.sc.m[i].val, r.sc.m[i].vlen);

			if (!cim_jv_too_deep(v, CIM_JSON_MAX_DEPTH))
				cim_jv_dump(&out, jv_copy(v));
			jv_free(v);
		}
		out.len = 0;
		cim_rec_set(&r, "x", jv_number(1));
		if (r.sc.n > 0)
			cim_rec_del(&r, "id");
		cim_rec_write(&r, &out);
		/* What we write must scan again. */
		if (cim_json_scan(out.p, out.len - 1, &sc, &why, &at) != 0)
			abort();
	}
	cim_rec_free(&r);
	cim_jscan_free(&sc);
	cim_buf_free(&out);
	free(s);
	return 0;
}
