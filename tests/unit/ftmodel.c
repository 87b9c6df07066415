/* Unit tests for lib/ftmodel.c: deterministic training, the file format
 * round trip (serialize, load, serialize again: the same bytes, the same
 * predictions), little-endian layout, and rejection of damaged files. */
#include <stdlib.h>
#include <zlib.h>

#include "ftmodel.h"
#include "unit.h"

static const struct { const char *text; int y; } data[] = {
	{ "minha fatura veio errada", 0 }, { "o boleto não foi gerado", 0 },
	{ "segunda via do boleto", 0 }, { "cobrança na fatura", 0 },
	{ "meu pedido não chegou", 1 }, { "a entrega atrasou", 1 },
	{ "cadê minha encomenda", 1 }, { "entrega não chegou ainda", 1 },
};

int
main(void)
{
	struct cim_ft_opts o = { 30, 4096, 3, 5, 2, 0.1, 3 };
	struct cim_toks tt = { 0 };
	uint32_t *f = NULL, *all = NULL;
	size_t cap = 0, off[9], n = 0, i, nf;
	int y[8];
	char *labels[] = { "billing", "delivery" };
	struct cim_ft *m, *m2, *m3;
	struct cim_buf a = { 0 }, b = { 0 }, c = { 0 }, why = { 0 };
	double p1, p2;

	for (i = 0; i < 8; i++) {
		nf = cim_ft_features(&o, &tt, data[i].text, strlen(data[i].text), &f, &cap, NULL, NULL);
		all = realloc(all, (n + nf) * sizeof(*all));
		memcpy(all + n, f, nf * sizeof(*f));
		off[i] = n;
		n += nf;
		y[i] = data[i].y;
	}
	off[8] = n;
	m = cim_ft_train(&o, all, off, y, 8, labels, 2, NULL);
	m2 = cim_ft_train(&o, all, off, y, 8, labels, 2, NULL);
	cim_ft_serialize(m, &a);
	cim_ft_serialize(m2, &b);
	CHECK(a.len == b.len && memcmp(a.p, b.p, a.len) == 0, "same seed, same bytes");
	CHECK(memcmp(a.p, "CIMFTMDL\002\000\000\000\000\020\000\000", 16) == 0,
	    "magic, version 2 and 4096 buckets, little-endian");

	m3 = cim_ft_load_mem((const unsigned char *)a.p, a.len, &why);
	CHECK(m3 != NULL, "load: %s", cim_buf_str(&why));
	if (m3 != NULL) {
		cim_ft_serialize(m3, &c);
		CHECK(c.len == a.len && memcmp(c.p, a.p, a.len) == 0, "round trip");
		for (i = 0; i < 8; i++) {
			nf = cim_ft_features(&o, &tt, data[i].text, strlen(data[i].text), &f, &cap, NULL, NULL);
			CHECK_INT(cim_ft_predict(m, f, nf, &p1, NULL), data[i].y, data[i].text);
			CHECK_INT(cim_ft_predict(m3, f, nf, &p2, NULL), data[i].y, data[i].text);
			CHECK(p1 == p2, "%s: same probability after loading", data[i].text);
		}
		CHECK_STR(cim_ft_label(m3, 1), "delivery", "label");
		cim_ft_free(m3);
	}
	/* damaged files */
	{
		static const struct { size_t at; const char *want; } bad[] = {
			{ 0, "not a cim-classify model" },
			{ 8, "model version" },
			{ 40, "checksum mismatch" },
		};

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			char *copy = malloc(a.len);

			memcpy(copy, a.p, a.len);
			copy[bad[i].at] ^= 0x10;
			why.len = 0;
			CHECK(cim_ft_load_mem((unsigned char *)copy, a.len, &why) == NULL &&
			    strstr(cim_buf_str(&why), bad[i].want) != NULL, "byte %zu: %s",
			    bad[i].at, why.p);
			free(copy);
		}
		why.len = 0;
		CHECK(cim_ft_load_mem((const unsigned char *)a.p, a.len - 7, &why) == NULL,
		    "truncated");
	}
	/* Forged files: the checksum is right, the contents impossible.  An
	 * infinite or huge weight or idf would turn scores into NaN, and a NUL
	 * in a label would cut it short.  Layout: 12 bytes of magic and
	 * version, 24 of header, the labels (length + bytes), then rows of
	 * key, idf and one weight per label; a CRC-32 last. */
	{
		static const struct { const char *name; size_t at; uint32_t bits; const char *want; } forged[] = {
			{ "infinite weight", 8, 0x7f800000u, "weight out of range" },
			{ "huge weight", 12, 0x7149f2cau, "weight out of range" },
			{ "NaN idf", 4, 0x7fc00000u, "weight out of range" },
			{ "NUL in a label", (size_t)-1, 0, "NUL byte in a label" },
		};
		size_t row = 12 + 24 + (4 + strlen(labels[0])) + (4 + strlen(labels[1]));

		for (i = 0; i < sizeof(forged) / sizeof(forged[0]); i++) {
			unsigned char *copy = malloc(a.len);
			uint32_t crc;
			size_t at;

			memcpy(copy, a.p, a.len);
			if (forged[i].at == (size_t)-1) {
				copy[12 + 24 + 4 + 2] = '\0';
			} else {
				at = row + forged[i].at;
				copy[at] = (unsigned char)forged[i].bits;
				copy[at + 1] = (unsigned char)(forged[i].bits >> 8);
				copy[at + 2] = (unsigned char)(forged[i].bits >> 16);
				copy[at + 3] = (unsigned char)(forged[i].bits >> 24);
			}
			crc = (uint32_t)crc32(0L, copy, (uInt)(a.len - 4));
			copy[a.len - 4] = (unsigned char)crc;
			copy[a.len - 3] = (unsigned char)(crc >> 8);
			copy[a.len - 2] = (unsigned char)(crc >> 16);
			copy[a.len - 1] = (unsigned char)(crc >> 24);
			why.len = 0;
			CHECK(cim_ft_load_mem(copy, a.len, &why) == NULL &&
			    strstr(cim_buf_str(&why), forged[i].want) != NULL, "%s: %s",
			    forged[i].name, why.len ? why.p : "accepted");
			free(copy);
		}
	}
	cim_ft_free(m);
	cim_ft_free(m2);
	cim_toks_free(&tt);
	free(f);
	free(all);
	cim_buf_free(&a);
	cim_buf_free(&b);
	cim_buf_free(&c);
	cim_buf_free(&why);
	return unit_done();
}
