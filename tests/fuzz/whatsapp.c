/*
 * Fuzz target: WhatsApp exports (whatsapp.h).  Each line goes through the
 * header parser (offsets it returns stay inside the line), the local time
 * in every date order and the text classifiers; then the whole input is
 * read by cim_wa_read as cim-ingest does, its rows assembled into records
 * that must pass the schema check, every row written or rejected.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzsink.h"
#include "whatsapp.h"

static void
one_line(const char *s, size_t n, struct cim_wa_order *w)
{
	struct cim_wa_head h;
	int64_t t;
	int o;

	(void)cim_wa_is_media(s, n);
	(void)cim_wa_is_notice(s, n);
	(void)cim_wa_is_phone(s, n);
	if (!cim_wa_header(s, n, &h))
		return;
	if (h.text > n || h.name > n || h.name_len > n - h.name ||
	    (h.name_len > 0 && h.name + h.name_len > h.text) ||
	    (h.nf != 2 && h.nf != 3) || h.ampm < 0 || h.ampm > 2)
		abort();
	cim_wa_order_add(w, &h);
	for (o = CIM_ORDER_AUTO; o <= CIM_ORDER_YMD; o++)
		(void)cim_wa_local_time(&h, (enum cim_date_order)o, 2022, &t);
	(void)cim_wa_is_media(s + h.text, n - h.text);
	(void)cim_wa_is_phone(s + h.name, h.name_len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	struct cim_wa_order w = { 0 };
	struct cim_norm nm = { .region = "BR", .source = "whatsapp" };
	char *agents[] = { "Loja" };
	struct cim_wa_opts o = { .norm = &nm, .enc = CIM_ENC_UTF8 };
	struct fuzz_count c;
	struct cim_sink sink;
	struct cim_lines *l;
	char *line;
	size_t len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		one_line(p, n, &w);
		p += n + 1;
	}
	(void)cim_wa_order_pick(&w, CIM_ORDER_DMY);
	(void)cim_wa_order_pick(&w, CIM_ORDER_MDY);

	/* The whole export, as cim-ingest reads it; with --agent on odd
	 * sizes, with the first sender as the customer on even ones. */
	if (size & 1) {
		o.agents = agents;
		o.nagents = 1;
	}
	if ((l = fuzz_lines(data, size, &line, &len)) == NULL)
		return 0;
	nm.learned = CIM_ORDER_AUTO;
	sink = fuzz_sink(&c, &nm);
	if (cim_wa_read(l, line, len, &o, &sink) < 0)
		abort();	/* no read error on a plain file */
	fuzz_sink_end(&c);
	cim_lines_close(l);
	return 0;
}
