/*
 * Fuzz target: the model file reader of cim-classify (ftmodel.h
 * cim_ft_load_mem).  The input is loaded as it is, then with its CRC-32
 * made right (so the fuzzer reaches the reader past the checksum).  A
 * model that loads predicts without reading out of bounds: the label is
 * one of its labels, the probability finite and in [0, 1], the
 * contributions finite; and it serializes back to the same bytes (a
 * version 3 file to its version 4 form).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "ftmodel.h"
#include "tok.h"

/* Messages are joined by newlines; the first one's length is passed. */
static const char *const texts[] = {
	"meu boleto venceu e a entrega não chegou!!!",
	"kkkk obrigado, ótimo atendimento?",
	"",
	"a",
	"procon procon procon cancelar cancelamento reembolso urgente",
	"Péssimo\nnão recomendo, veio quebrado\nkkk",
};

/*
 * What serializing the model loaded from data must give: the same bytes,
 * or for a version 3 file the version 4 layout, which has a 4-byte
 * first-message flag (0) after the 48 bytes of magic, version and header.
 */
static void
expected(struct cim_buf *b, const uint8_t *data, size_t size)
{
	uint32_t crc;

	cim_buf_add(b, data, size - 4);
	if (data[8] == 3) {
		b->p[8] = CIM_FT_VERSION;
		b->len = 48;
		cim_buf_add(b, "\0\0\0\0", 4);
		cim_buf_add(b, data + 48, size - 52);
	}
	crc = (uint32_t)crc32(0L, (const Bytef *)b->p, (uInt)b->len);
	for (int k = 0; k < 4; k++)
		cim_buf_addc(b, (char)(crc >> (8 * k)));
}

static void
use(struct cim_ft *m, const uint8_t *data, size_t size)
{
	static struct cim_toks tt;
	static uint32_t *f;
	static size_t cap, *uni, ucap;
	const struct cim_ft_opts *o = cim_ft_opts(m);
	struct cim_buf ser = { 0 }, want = { 0 };
	size_t i, k, nf;
	int nl = cim_ft_nlabels(m), j;

	for (j = 0; j < nl; j++)
		if (cim_ft_label(m, j) == NULL)
			abort();
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		double prob, *contrib;
		int y;

		nf = cim_ft_features(o, &tt, texts[i], strlen(texts[i]),
		    strcspn(texts[i], "\n"), &f, &cap, &uni, &ucap);
		for (k = 0; k < nf; k++)
			if (f[k] >= o->buckets)
				abort();
		contrib = malloc((nf ? nf : 1) * sizeof(*contrib));
		y = cim_ft_predict(m, f, nf, &prob, contrib);
		if (y < 0 || y >= nl || !(prob >= 0 && prob <= 1))
			abort();
		for (k = 0; k < nf; k++)
			if (!isfinite(contrib[k]))
				abort();
		free(contrib);
	}
	cim_ft_serialize(m, &ser);
	expected(&want, data, size);
	if (ser.len != want.len || memcmp(ser.p, want.p, want.len) != 0)
		abort();	/* what loads is what was written */
	cim_buf_free(&ser);
	cim_buf_free(&want);
}

static void
load(const uint8_t *data, size_t size)
{
	struct cim_buf why = { 0 };
	struct cim_ft *m = cim_ft_load_mem(data, size, &why);

	if (m == NULL) {
		if (why.len == 0)
			abort();
	} else {
		use(m, data, size);
		cim_ft_free(m);
	}
	cim_buf_free(&why);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	load(data, size);
	if (size >= 48) {
		uint8_t *d = malloc(size);
		uint32_t crc;

		memcpy(d, data, size);
		crc = (uint32_t)crc32(0L, d, (uInt)(size - 4));
		d[size - 4] = (uint8_t)crc;
		d[size - 3] = (uint8_t)(crc >> 8);
		d[size - 2] = (uint8_t)(crc >> 16);
		d[size - 1] = (uint8_t)(crc >> 24);
		load(d, size);
		free(d);
	}
	return 0;
}
