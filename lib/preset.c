/*
 * preset.c: reading a whole operand for the format presets (preset.h).
 */
#include "preset.h"

static void
add_line(const char *s, size_t n, long line, enum cim_encoding enc,
    const struct cim_sink *sink, struct cim_buf *out)
{
	if (enc == CIM_ENC_UTF8 && cim_utf8_valid(s, n) == n) {
		cim_buf_add(out, s, n);
	} else {
		size_t nbad = cim_transcode(enc, s, n, out);

		if (nbad > 0 && sink->repaired != NULL)
			sink->repaired(line, nbad, sink->arg);
	}
	cim_buf_addc(out, '\n');
}

int
cim_preset_slurp(struct cim_lines *l, const char *first, size_t flen,
    enum cim_encoding enc, const struct cim_sink *sink, struct cim_buf *out,
    long *lineno)
{
	char *line;
	size_t len;
	int rc;

	*lineno = l->lineno;
	add_line(first, flen, l->lineno, enc, sink, out);
	while ((rc = cim_lines_next(l, &line, &len)) == 1)
		add_line(line, len, l->lineno, enc, sink, out);
	return rc < 0 ? -1 : 0;
}
