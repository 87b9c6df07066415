/* Unit tests for lib/ftmodel.c: deterministic training, the file format
 * round trip (serialize, load, serialize again: the same bytes, the same
 * predictions), little-endian layout, version 3 files, and rejection of
 * damaged files; with and without the hidden-layer networks; the
 * first-message features. */
#include <stdio.h>
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

/* Puts v at p little-endian and sums the file of n bytes again. */
static void
forge(unsigned char *p, size_t at, uint32_t v, size_t n)
{
	uint32_t crc;

	p[at] = (unsigned char)v;
	p[at + 1] = (unsigned char)(v >> 8);
	p[at + 2] = (unsigned char)(v >> 16);
	p[at + 3] = (unsigned char)(v >> 24);
	crc = (uint32_t)crc32(0L, p, (uInt)(n - 4));
	p[n - 4] = (unsigned char)crc;
	p[n - 3] = (unsigned char)(crc >> 8);
	p[n - 2] = (unsigned char)(crc >> 16);
	p[n - 1] = (unsigned char)(crc >> 24);
}

/*
 * Exclusive-or in words: "azul" or "verde", then "gato" or "cão", then a
 * filler; the label is 1 when exactly one of "verde" and "cão" is there.
 * Over word unigrams alone no linear model separates it, the hidden
 * layer does: the held-out tenth must turn the networks on, and they
 * must travel through the file.
 */
static void
hidden_layer(void)
{
	struct cim_ft_opts o = { 30, 4096, 0, 0, 1, 0.1, 1, 0 };
	struct cim_toks tt = { 0 };
	char text[64], *labels[] = { "same", "differ" };
	uint32_t *f = NULL, *all = NULL;
	size_t cap = 0, off[81], n = 0, i, nf;
	int y[80], ok = 0;
	struct cim_ft *m, *m2;
	struct cim_buf a = { 0 }, b = { 0 }, why = { 0 };
	double p;

	for (i = 0; i < 80; i++) {
		int u = (int)(i & 1), v = (int)((i >> 1) & 1);

		snprintf(text, sizeof(text), "%s %s w%zu", u ? "verde" : "azul",
		    v ? "cão" : "gato", i % 7);
		nf = cim_ft_features(&o, &tt, text, strlen(text), strlen(text), &f, &cap,
		    NULL, NULL);
		all = realloc(all, (n + nf) * sizeof(*all));
		memcpy(all + n, f, nf * sizeof(*f));
		off[i] = n;
		n += nf;
		y[i] = u ^ v;
	}
	off[80] = n;
	m = cim_ft_train(&o, all, off, y, 80, labels, 2, NULL);
	cim_ft_serialize(m, &a);
	CHECK(a.len > 48 && a.p[12 + 24] == 3 && a.p[12 + 28] == 64,
	    "3 networks of 64 units kept");
	for (i = 0; i < 80; i++)
		ok += cim_ft_predict(m, all + off[i], off[i + 1] - off[i], &p, NULL) == y[i];
	CHECK(ok >= 76, "exclusive-or: %d of 80 right", ok);
	m2 = cim_ft_load_mem((const unsigned char *)a.p, a.len, &why);
	CHECK(m2 != NULL, "load: %s", cim_buf_str(&why));
	if (m2 != NULL) {
		cim_ft_serialize(m2, &b);
		CHECK(b.len == a.len && memcmp(b.p, a.p, a.len) == 0, "round trip");
		cim_ft_free(m2);
	}
	/* Forged: networks without units, too many networks, a huge
	 * weight in the last network's output bias. */
	{
		static const struct { const char *name; size_t at; uint32_t v; const char *want; } forged[] = {
			{ "networks of 0 units", 12 + 28, 0, "bad header" },
			{ "17 networks", 12 + 24, 17, "bad header" },
			{ "huge output bias", (size_t)-8, 0x7149f2cau, "weight out of range" },
		};

		for (i = 0; i < sizeof(forged) / sizeof(forged[0]); i++) {
			unsigned char *copy = malloc(a.len);

			memcpy(copy, a.p, a.len);
			forge(copy, forged[i].at == (size_t)-8 ? a.len - 8 : forged[i].at,
			    forged[i].v, a.len);
			why.len = 0;
			CHECK(cim_ft_load_mem(copy, a.len, &why) == NULL &&
			    strstr(cim_buf_str(&why), forged[i].want) != NULL, "%s: %s",
			    forged[i].name, why.len ? why.p : "accepted");
			free(copy);
		}
	}
	cim_ft_free(m);
	cim_toks_free(&tt);
	free(f);
	free(all);
	cim_buf_free(&a);
	cim_buf_free(&b);
	cim_buf_free(&why);
}

/*
 * First-message features: "sim" or "nao" as the first of three messages,
 * the other word as the last and a filler between; the label is the
 * first word.  Over word unigrams both orders are the same bag of words,
 * so without o.first no model tells them apart; with it the first
 * message's words are features of their own.  The check texts' fillers
 * were never seen in training.
 */
static void
first_message(void)
{
	static const char *const w[] = { "sim", "nao" };
	struct cim_ft_opts o = { 30, 4096, 0, 0, 1, 0.1, 1, 0 };
	struct cim_toks tt = { 0 };
	char text[64], *labels[] = { "sim", "nao" };
	uint32_t *f = NULL, *all = NULL;
	size_t cap = 0, off[61], n, i, nf, len, nf1;
	int y[60], ok, pass;
	struct cim_ft *m;
	double p;

	len = (size_t)snprintf(text, sizeof(text), "sim\nw1\nnao");
	nf = cim_ft_features(&o, &tt, text, len, 3, &f, &cap, NULL, NULL);
	o.first = 1;
	nf1 = cim_ft_features(&o, &tt, text, len, 3, &f, &cap, NULL, NULL);
	CHECK(nf1 == nf + 1, "one word in the first message: one feature more (%zu, %zu)",
	    nf, nf1);
	CHECK_INT((int)cim_ft_features(&o, &tt, text, len, len, &f, &cap, NULL, NULL),
	    (int)nf, "one message: no first-message features");
	for (pass = 0; pass < 2; pass++) {
		o.first = pass;
		for (i = n = 0; i < 60; i++) {
			y[i] = (int)(i & 1);
			len = (size_t)snprintf(text, sizeof(text), "%s\nw%zu\n%s", w[y[i]], i,
			    w[!y[i]]);
			nf = cim_ft_features(&o, &tt, text, len, 3, &f, &cap, NULL, NULL);
			all = realloc(all, (n + nf) * sizeof(*all));
			memcpy(all + n, f, nf * sizeof(*f));
			off[i] = n;
			n += nf;
		}
		off[60] = n;
		m = cim_ft_train(&o, all, off, y, 60, labels, 2, NULL);
		for (i = 0, ok = 0; i < 20; i++) {
			len = (size_t)snprintf(text, sizeof(text), "%s\nz%zu\n%s", w[i & 1], i,
			    w[!(i & 1)]);
			nf = cim_ft_features(&o, &tt, text, len, 3, &f, &cap, NULL, NULL);
			ok += cim_ft_predict(m, f, nf, &p, NULL) == (int)(i & 1);
		}
		if (pass)
			CHECK(ok == 20, "first-message features: %d of 20 right", ok);
		else
			CHECK(ok == 10, "without them, one label for both orders: %d of 20", ok);
		cim_ft_free(m);
	}
	cim_toks_free(&tt);
	free(f);
	free(all);
}

int
main(void)
{
	struct cim_ft_opts o = { 30, 4096, 3, 5, 2, 0.1, 3, 0 };
	struct cim_toks tt = { 0 };
	uint32_t *f = NULL, *all = NULL;
	size_t cap = 0, off[9], n = 0, i, nf;
	int y[8];
	char *labels[] = { "billing", "delivery" };
	struct cim_ft *m, *m2, *m3;
	struct cim_buf a = { 0 }, b = { 0 }, c = { 0 }, why = { 0 };
	double p1, p2;

	for (i = 0; i < 8; i++) {
		nf = cim_ft_features(&o, &tt, data[i].text, strlen(data[i].text),
		    strlen(data[i].text), &f, &cap, NULL, NULL);
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
	CHECK(memcmp(a.p, "CIMFTMDL\004\000\000\000\000\020\000\000", 16) == 0,
	    "magic, version 4 and 4096 buckets, little-endian");
	CHECK(a.p[12 + 24] == 0 && a.p[12 + 28] == 0, "8 examples: no networks");

	m3 = cim_ft_load_mem((const unsigned char *)a.p, a.len, &why);
	CHECK(m3 != NULL, "load: %s", cim_buf_str(&why));
	if (m3 != NULL) {
		cim_ft_serialize(m3, &c);
		CHECK(c.len == a.len && memcmp(c.p, a.p, a.len) == 0, "round trip");
		for (i = 0; i < 8; i++) {
			nf = cim_ft_features(&o, &tt, data[i].text, strlen(data[i].text),
		    strlen(data[i].text), &f, &cap, NULL, NULL);
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
	 * version, 40 of header, the labels (length + bytes), then rows of
	 * key, idf and one weight per label (no networks here); a CRC-32
	 * last. */
	{
		static const struct { const char *name; size_t at; uint32_t bits; const char *want; } forged[] = {
			{ "infinite weight", 8, 0x7f800000u, "weight out of range" },
			{ "huge weight", 12, 0x7149f2cau, "weight out of range" },
			{ "NaN idf", 4, 0x7fc00000u, "weight out of range" },
			{ "NUL in a label", (size_t)-1, 0, "NUL byte in a label" },
			{ "first-message flag 2", (size_t)-2, 2, "bad header" },
		};
		size_t row = 12 + 40 + (4 + strlen(labels[0])) + (4 + strlen(labels[1]));

		for (i = 0; i < sizeof(forged) / sizeof(forged[0]); i++) {
			unsigned char *copy = malloc(a.len);

			memcpy(copy, a.p, a.len);
			if (forged[i].at == (size_t)-1)	/* "bill" -> "bi\0l" */
				forge(copy, 12 + 40 + 4, 0x6c006962u, a.len);
			else if (forged[i].at == (size_t)-2)
				forge(copy, 12 + 36, forged[i].bits, a.len);
			else
				forge(copy, row + forged[i].at, forged[i].bits, a.len);
			why.len = 0;
			CHECK(cim_ft_load_mem(copy, a.len, &why) == NULL &&
			    strstr(cim_buf_str(&why), forged[i].want) != NULL, "%s: %s",
			    forged[i].name, why.len ? why.p : "accepted");
			free(copy);
		}
	}
	/* The same model as a version 3 file (no first-message flag) loads,
	 * with the flag clear, and is written back as version 4. */
	{
		struct cim_buf v3 = { 0 }, v4 = { 0 };
		struct cim_ft *m4;

		cim_buf_add(&v3, a.p, 48);
		v3.p[8] = 3;
		cim_buf_add(&v3, a.p + 52, a.len - 52);
		/* forged at the checksum itself: only sums the file again */
		forge((unsigned char *)v3.p, v3.len - 4, 0, v3.len);
		m4 = cim_ft_load_mem((const unsigned char *)v3.p, v3.len, &why);
		CHECK(m4 != NULL, "version 3: %s", cim_buf_str(&why));
		if (m4 != NULL) {
			CHECK_INT(cim_ft_opts(m4)->first, 0, "version 3: no first-message features");
			cim_ft_serialize(m4, &v4);
			CHECK(v4.len == a.len && memcmp(v4.p, a.p, a.len) == 0,
			    "version 3 written back as version 4");
			cim_ft_free(m4);
		}
		v3.p[8] = 2;
		forge((unsigned char *)v3.p, v3.len - 4, 0, v3.len);
		why.len = 0;
		CHECK(cim_ft_load_mem((const unsigned char *)v3.p, v3.len, &why) == NULL &&
		    strstr(cim_buf_str(&why), "train it again") != NULL, "version 2: %s",
		    cim_buf_str(&why));
		cim_buf_free(&v3);
		cim_buf_free(&v4);
	}
	hidden_layer();
	first_message();
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
