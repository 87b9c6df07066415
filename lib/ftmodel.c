/*
 * ftmodel.c: training, prediction and the file format of the hashed
 * n-gram classifier (see ftmodel.h).
 *
 * File layout, all integers unsigned 32-bit little-endian and floats as
 * their IEEE 754 bits in the same way:
 *   "CIMFTMDL"  magic (8 bytes)
 *   version     CIM_FT_VERSION
 *   dim buckets minn maxn wordng nlabels nrows
 *   nlabels x { length, bytes }        label names
 *   nlabels x dim floats               output matrix
 *   nrows x { bucket, dim floats }     the input rows training touched
 *   crc32                              of every byte before it (zlib)
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "err.h"
#include "ftmodel.h"
#include "tmpclean.h"

struct cim_ft {
	struct cim_ft_opts	 o;
	int			 nlabels;
	char			**labels;
	float			*out;		/* nlabels x dim */
	float			*in;		/* rows x dim */
	/* loaded models keep only touched rows: bucket -> row by open addressing */
	uint32_t		*rowkey;
	int32_t			*slot;
	uint32_t		 nrows, slotcap;
	int			 dense;		/* in is buckets x dim (training) */
	unsigned char		*seen;		/* training: rows touched */
};

static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

#define H_WORD	1469598103934665603ULL
#define H_BI	0x9ae16a3b2f90404fULL
#define H_CHAR	0xc3a5c85c97cb3127ULL

static void
push(uint32_t **f, size_t *cap, size_t *n, uint64_t h, uint32_t buckets)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*f = cim_xrealloc(*f, *cap * sizeof(**f));
	}
	h ^= h >> 29;
	(*f)[(*n)++] = (uint32_t)(h % buckets);
}

size_t
cim_ft_features(const struct cim_ft_opts *o, struct cim_toks *tt,
    const char *s, size_t n, uint32_t **f, size_t *cap, size_t **uni, size_t *ucap)
{
	size_t nf = 0, i, k, len, prev = (size_t)-1;
	char w[CIM_TOK_MAX + 3];

	cim_toks_run(tt, s, n);
	if (uni != NULL && *ucap < tt->n + 1) {
		*ucap = tt->n + 1;
		*uni = cim_xrealloc(*uni, *ucap * sizeof(**uni));
	}
	for (i = 0; i < tt->n; i++) {
		const struct cim_tok *t = &tt->t[i];
		const char *txt = t->text;

		if (uni != NULL)
			(*uni)[i] = (size_t)-1;

		if (t->kind == CIM_TOK_PUNCT) {
			/* '?' and '!' say something about intent; other marks not. */
			if (t->nquest) txt = "?";
			else if (t->nexcl) txt = "!";
			else continue;
		} else if (t->kind == CIM_TOK_LAUGH) {
			txt = "<laugh>";
		}
		len = strlen(txt);
		if (uni != NULL)
			(*uni)[i] = nf;
		push(f, cap, &nf, fnv(H_WORD, txt, len), o->buckets);
		if (o->wordng >= 2 && prev != (size_t)-1) {
			const char *pt = tt->t[prev].kind == CIM_TOK_PUNCT ?
			    (tt->t[prev].nquest ? "?" : "!") : tt->t[prev].kind == CIM_TOK_LAUGH ?
			    "<laugh>" : tt->t[prev].text;
			uint64_t h = fnv(H_BI, pt, strlen(pt));

			h = fnv(h, " ", 1);
			push(f, cap, &nf, fnv(h, txt, len), o->buckets);
		}
		prev = i;
		if (o->minn > 0 && t->kind == CIM_TOK_WORD && len >= 2) {
			size_t wl = len + 2, a, b;

			w[0] = '<';
			memcpy(w + 1, txt, len);
			w[len + 1] = '>';
			for (a = 0; a < wl; a++) {
				if ((w[a] & 0xC0) == 0x80)
					continue;	/* start n-grams on characters */
				for (b = a + 1, k = 1; b <= wl && k <= (size_t)o->maxn; b++) {
					if (b < wl && (w[b] & 0xC0) == 0x80)
						continue;
					if (k >= (size_t)o->minn && !(a == 0 && b == wl))
						push(f, cap, &nf, fnv(H_CHAR, w + a, b - a), o->buckets);
					k++;
				}
			}
		}
	}
	return nf;
}

/* xorshift64*: small, fast and the same everywhere. */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static const float *
row(const struct cim_ft *m, uint32_t b)
{
	uint32_t i;

	if (m->dense)
		return m->in + (size_t)b * (size_t)m->o.dim;
	for (i = (b * 2654435761u) & (m->slotcap - 1); m->slot[i] >= 0;
	    i = (i + 1) & (m->slotcap - 1))
		if (m->rowkey[m->slot[i]] == b)
			return m->in + (size_t)m->slot[i] * (size_t)m->o.dim;
	return NULL;
}

/* hidden = mean of the feature rows; logits -> softmax into p. */
static void
forward(const struct cim_ft *m, const uint32_t *f, size_t nf, float *hid, float *p)
{
	int d, j, dim = m->o.dim;
	size_t i;
	float mx = -1e30f, z = 0;

	memset(hid, 0, (size_t)dim * sizeof(*hid));
	for (i = 0; i < nf; i++) {
		const float *r = row(m, f[i]);

		if (r)
			for (d = 0; d < dim; d++)
				hid[d] += r[d];
	}
	if (nf)
		for (d = 0; d < dim; d++)
			hid[d] /= (float)nf;
	for (j = 0; j < m->nlabels; j++) {
		const float *w = m->out + (size_t)j * (size_t)dim;
		float s = 0;

		for (d = 0; d < dim; d++)
			s += w[d] * hid[d];
		p[j] = s;
		if (s > mx)
			mx = s;
	}
	for (j = 0; j < m->nlabels; j++) {
		p[j] = expf(p[j] - mx);
		z += p[j];
	}
	for (j = 0; j < m->nlabels; j++)
		p[j] /= z;
}

struct cim_ft *
cim_ft_train(const struct cim_ft_opts *o, const uint32_t *feats,
    const size_t *off, const int *y, size_t n, char *const *labels, int nlabels)
{
	struct cim_ft *m = cim_xcalloc(1, sizeof(*m));
	size_t i, k, *order, total, step = 0;
	uint64_t s = o->seed * 0x9E3779B97F4A7C15ULL + 1;
	float *hid, *p, *grad;
	int d, j, dim = o->dim, ep;

	m->o = *o;
	m->nlabels = nlabels;
	m->labels = cim_xcalloc((size_t)nlabels, sizeof(char *));
	for (j = 0; j < nlabels; j++)
		m->labels[j] = cim_xstrdup(labels[j]);
	m->dense = 1;
	m->in = cim_xmalloc((size_t)o->buckets * (size_t)dim * sizeof(float));
	m->out = cim_xcalloc((size_t)nlabels * (size_t)dim, sizeof(float));
	m->seen = cim_xcalloc(o->buckets, 1);
	for (k = 0; k < (size_t)o->buckets * (size_t)dim; k++)
		m->in[k] = (float)(((double)(rnd(&s) >> 11) / 9007199254740992.0 * 2 - 1) / dim);
	hid = cim_xmalloc((size_t)dim * sizeof(float));
	grad = cim_xmalloc((size_t)dim * sizeof(float));
	p = cim_xmalloc((size_t)nlabels * sizeof(float));
	order = cim_xmalloc((n ? n : 1) * sizeof(*order));
	for (i = 0; i < n; i++) {
		order[i] = i;
		for (k = off[i]; k < off[i + 1]; k++)
			m->seen[feats[k]] = 1;
	}
	total = (size_t)o->epochs * n;
	for (ep = 0; ep < o->epochs; ep++) {
		for (i = n; i > 1; i--) {	/* Fisher-Yates */
			size_t r = (size_t)(rnd(&s) % i), t = order[i - 1];

			order[i - 1] = order[r];
			order[r] = t;
		}
		for (i = 0; i < n; i++, step++) {
			size_t e = order[i], nf = off[e + 1] - off[e];
			const uint32_t *f = feats + off[e];
			float lr = (float)(o->lr * (1.0 - (double)step / (double)total));

			if (nf == 0)
				continue;
			forward(m, f, nf, hid, p);
			memset(grad, 0, (size_t)dim * sizeof(float));
			for (j = 0; j < nlabels; j++) {
				float a = lr * ((j == y[e] ? 1.0f : 0.0f) - p[j]);
				float *w = m->out + (size_t)j * (size_t)dim;

				for (d = 0; d < dim; d++) {
					grad[d] += a * w[d];
					w[d] += a * hid[d];
				}
			}
			for (d = 0; d < dim; d++)
				grad[d] /= (float)nf;
			for (k = 0; k < nf; k++) {
				float *r = m->in + (size_t)f[k] * (size_t)dim;

				for (d = 0; d < dim; d++)
					r[d] += grad[d];
			}
		}
	}
	free(hid);
	free(grad);
	free(p);
	free(order);
	return m;
}

int
cim_ft_predict(const struct cim_ft *m, const uint32_t *f, size_t nf,
    double *prob, double *contrib)
{
	float hid[1024], *p = cim_xmalloc((size_t)m->nlabels * sizeof(float));
	int j, best = 0, d;
	size_t i;

	forward(m, f, nf, hid, p);
	for (j = 1; j < m->nlabels; j++)
		if (p[j] > p[best])
			best = j;
	*prob = p[best];
	if (contrib) {
		const float *w = m->out + (size_t)best * (size_t)m->o.dim;

		for (i = 0; i < nf; i++) {
			const float *r = row(m, f[i]);
			double s = 0;

			if (r)
				for (d = 0; d < m->o.dim; d++)
					s += w[d] * r[d];
			contrib[i] = s / (double)nf;
		}
	}
	free(p);
	return best;
}

/* ---- file format ---- */

static void
put32(struct cim_buf *b, uint32_t v)
{
	unsigned char t[4] = { (unsigned char)v, (unsigned char)(v >> 8),
	    (unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	cim_buf_add(b, t, 4);
}

static void
putf(struct cim_buf *b, float f)
{
	uint32_t v;

	memcpy(&v, &f, 4);
	put32(b, v);
}

void
cim_ft_serialize(const struct cim_ft *m, struct cim_buf *b)
{
	uint32_t nrows = 0, bk;
	size_t k;
	int j, d;

	if (m->dense) {
		for (bk = 0; bk < m->o.buckets; bk++)
			nrows += m->seen[bk];
	} else {
		nrows = m->nrows;
	}
	cim_buf_add(b, "CIMFTMDL", 8);
	put32(b, CIM_FT_VERSION);
	put32(b, (uint32_t)m->o.dim);
	put32(b, m->o.buckets);
	put32(b, (uint32_t)m->o.minn);
	put32(b, (uint32_t)m->o.maxn);
	put32(b, (uint32_t)m->o.wordng);
	put32(b, (uint32_t)m->nlabels);
	put32(b, nrows);
	for (j = 0; j < m->nlabels; j++) {
		put32(b, (uint32_t)strlen(m->labels[j]));
		cim_buf_adds(b, m->labels[j]);
	}
	for (k = 0; k < (size_t)m->nlabels * (size_t)m->o.dim; k++)
		putf(b, m->out[k]);
	if (m->dense) {
		for (bk = 0; bk < m->o.buckets; bk++) {
			if (!m->seen[bk])
				continue;
			put32(b, bk);
			for (d = 0; d < m->o.dim; d++)
				putf(b, m->in[(size_t)bk * (size_t)m->o.dim + (size_t)d]);
		}
	} else {
		for (k = 0; k < m->nrows; k++) {
			put32(b, m->rowkey[k]);
			for (d = 0; d < m->o.dim; d++)
				putf(b, m->in[k * (size_t)m->o.dim + (size_t)d]);
		}
	}
	put32(b, (uint32_t)crc32(0L, (const Bytef *)b->p, (uInt)b->len));
}

int
cim_ft_save(const struct cim_ft *m, const char *path)
{
	struct cim_buf b = { 0 };
	char *tmp;
	size_t off = 0;
	ssize_t r;
	int fd, rc = 0, e = 0;

	/* A temporary file beside path, renamed over it when whole: a run
	 * killed midway leaves the old model (and no temporary) behind. */
	cim_ft_serialize(m, &b);
	tmp = cim_xmalloc(strlen(path) + 16);
	sprintf(tmp, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		e = errno;
		free(tmp);
		cim_buf_free(&b);
		errno = e;
		return -1;
	}
	cim_tmpclean_set(tmp);
	(void)fchmod(fd, 0600);
	while (off < b.len) {
		if ((r = write(fd, b.p + off, b.len - off)) < 0) {
			if (errno == EINTR)
				continue;
			rc = -1;
			e = errno;
			break;
		}
		off += (size_t)r;
	}
	if (rc == 0 && fsync(fd) < 0 && errno != EINVAL && errno != EROFS) {
		rc = -1;
		e = errno;
	}
	if (close(fd) < 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	if (rc == 0 && rename(tmp, path) < 0) {
		rc = -1;
		e = errno;
	}
	if (rc < 0)
		unlink(tmp);
	cim_tmpclean_clear();
	free(tmp);
	cim_buf_free(&b);
	errno = e;
	return rc;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static float
getf(const unsigned char *p)
{
	uint32_t v = get32(p);
	float f;

	memcpy(&f, &v, 4);
	return f;
}

/*
 * Reads a weight into *w: 0 when it is not finite or beyond WEIGHT_MAX.
 * Training keeps weights small (a few units); a forged or damaged file
 * with huge ones would make the softmax overflow into NaN probabilities,
 * written as invalid JSON.  With |w| <= 1e6 and dim <= 1024 a score is
 * at most ~1e15, far inside a float.
 */
#define WEIGHT_MAX 1e6f

static int
weight(float *w, const unsigned char *p)
{
	*w = getf(p);
	return *w >= -WEIGHT_MAX && *w <= WEIGHT_MAX;
}

struct cim_ft *
cim_ft_load_mem(const unsigned char *p, size_t n, struct cim_buf *why)
{
	struct cim_ft *m;
	const unsigned char *q, *end;
	uint32_t v, nl, nrows, dim, k, d;
	size_t need;
	const char *reason = "corrupt model (sizes do not match)";

	if (n < 12 || memcmp(p, "CIMFTMDL", 8) != 0) {
		cim_buf_adds(why, "not a cim-classify model");
		return NULL;
	}
	if ((v = get32(p + 8)) != CIM_FT_VERSION) {
		cim_buf_printf(why, "model version %u is not supported (this is version %d)",
		    v, CIM_FT_VERSION);
		return NULL;
	}
	if (n < 48 || get32(p + n - 4) != (uint32_t)crc32(0L, p, (uInt)(n - 4))) {
		cim_buf_adds(why, "corrupt model (checksum mismatch)");
		return NULL;
	}
	q = p + 12;
	end = p + n - 4;
	dim = get32(q);
	nl = get32(q + 20);
	nrows = get32(q + 24);
	if (dim == 0 || dim > 1024 || nl == 0 || nl > 100000 || get32(q + 4) == 0 ||
	    get32(q + 8) > 64 || get32(q + 12) > 64 || get32(q + 16) > 8) {
		cim_buf_adds(why, "corrupt model (bad header)");
		return NULL;
	}
	m = cim_xcalloc(1, sizeof(*m));
	m->o.dim = (int)dim;
	m->o.buckets = get32(q + 4);
	m->o.minn = (int)get32(q + 8);
	m->o.maxn = (int)get32(q + 12);
	m->o.wordng = (int)get32(q + 16);
	m->nlabels = (int)nl;
	q += 28;
	m->labels = cim_xcalloc(nl, sizeof(char *));
	for (k = 0; k < nl; k++) {
		if (end - q < 4 || (size_t)(end - q - 4) < get32(q))
			goto bad;
		if (memchr(q + 4, '\0', get32(q)) != NULL) {
			reason = "corrupt model (NUL byte in a label)";
			goto bad;
		}
		m->labels[k] = cim_xstrndup((const char *)q + 4, get32(q));
		q += 4 + get32(q);
	}
	need = (size_t)nl * dim * 4 + (size_t)nrows * (4 + (size_t)dim * 4);
	if ((size_t)(end - q) != need)
		goto bad;
	m->out = cim_xmalloc((size_t)nl * dim * sizeof(float));
	for (k = 0; k < nl * dim; k++, q += 4)
		if (!weight(&m->out[k], q))
			goto badw;
	m->nrows = nrows;
	m->in = cim_xmalloc(((size_t)nrows * dim + 1) * sizeof(float));
	m->rowkey = cim_xmalloc(((size_t)nrows + 1) * sizeof(uint32_t));
	for (m->slotcap = 16; m->slotcap < nrows * 2; m->slotcap *= 2)
		;
	m->slot = cim_xmalloc(m->slotcap * sizeof(int32_t));
	memset(m->slot, 0xff, m->slotcap * sizeof(int32_t));
	for (k = 0; k < nrows; k++) {
		uint32_t i;

		m->rowkey[k] = get32(q);
		q += 4;
		for (d = 0; d < dim; d++, q += 4)
			if (!weight(&m->in[(size_t)k * dim + d], q))
				goto badw;
		for (i = (m->rowkey[k] * 2654435761u) & (m->slotcap - 1); m->slot[i] >= 0;
		    i = (i + 1) & (m->slotcap - 1))
			;
		m->slot[i] = (int32_t)k;
	}
	return m;
badw:
	reason = "corrupt model (weight out of range)";
bad:
	cim_buf_adds(why, reason);
	cim_ft_free(m);
	return NULL;
}

struct cim_ft *
cim_ft_load(const char *path, struct cim_buf *why)
{
	struct cim_buf b = { 0 };
	struct cim_ft *m;
	FILE *f = fopen(path, "rb");
	char tmp[65536];
	size_t n;

	if (f == NULL) {
		cim_buf_adds(why, strerror(errno));
		return NULL;
	}
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		cim_buf_add(&b, tmp, n);
	if (ferror(f)) {
		cim_buf_adds(why, strerror(errno));
		fclose(f);
		cim_buf_free(&b);
		return NULL;
	}
	fclose(f);
	m = cim_ft_load_mem((const unsigned char *)b.p, b.len, why);
	cim_buf_free(&b);
	return m;
}

const struct cim_ft_opts *cim_ft_opts(const struct cim_ft *m) { return &m->o; }
int cim_ft_nlabels(const struct cim_ft *m) { return m->nlabels; }
const char *cim_ft_label(const struct cim_ft *m, int k) { return m->labels[k]; }

void
cim_ft_free(struct cim_ft *m)
{
	int j;

	if (m == NULL)
		return;
	for (j = 0; j < m->nlabels && m->labels; j++)
		free(m->labels[j]);
	free(m->labels);
	free(m->out);
	free(m->in);
	free(m->rowkey);
	free(m->slot);
	free(m->seen);
	free(m);
}
