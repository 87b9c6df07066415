/*
 * ftmodel.h: a trainable text classifier over hashed features in the
 * fastText tradition (Joulin et al. 2016): word unigrams and bigrams,
 * character n-grams of words (with boundary marks) and character n-grams
 * across word boundaries; since version 4 those of the first of several
 * messages also as features of their own.  Each text is a sublinear
 * TF-IDF vector, L2-normalized.  The core is linear, as in the strong
 * TF-IDF baselines of text classification: one weight vector per label,
 * trained with the
 * multi-class hinge loss (Crammer and Singer 2001) by SGD with averaged
 * weights, class-balanced updates and the number of epochs chosen on a
 * held-out tenth of the examples.  Since version 3 three small
 * hidden-layer networks (ftmlp.h) learn from the other nine tenths, and
 * the mean of their log-probabilities is added to the linear scores with
 * the weight that does best on that tenth (0 drops them); deterministic
 * for a seed.  Banking77: version 1 (a 50-dimension embedding, no
 * non-linearity) 88.3%, version 2 (linear) 90.0%, version 3 91.1%
 * (version 4 the same: its texts are single messages); B2W reviews as
 * title and text, three classes, macro-F1 0.733 -> 0.742.  The
 * model file is versioned, checksummed (CRC-32) and written
 * little-endian byte by byte, so it reads the same on any machine.
 * Not for: the built-in rules (classify.h).
 */
#ifndef CIM_FTMODEL_H
#define CIM_FTMODEL_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "tok.h"

#define CIM_FT_VERSION 4	/* 3: no first-message features; 2: linear
				 * only; 1: fastText-like */

struct cim_ft_opts {
	int		 epochs;	/* at most this many passes, default 30 */
	uint32_t	 buckets;	/* hash buckets, default 2097152 */
	int		 minn, maxn;	/* character n-grams, default 3..5 (0: none) */
	int		 wordng;	/* word n-grams, default 2 */
	double		 lr;		/* SGD step, default 0.1 */
	uint64_t	 seed;		/* default 1 */
	int		 first;		/* the first message's words and n-grams
					 * also as features of their own */
};

struct cim_ft;

/* The features of s[0..n), tokenized into tt: bucket ids written to *f
 * (grown as needed, *cap its size); returns their count.  When o->first
 * is set and first < n, s[0..first) is the first message of several: its
 * words, word pairs and character n-grams are also counted as features
 * of another kind, since what a customer says first (a review's title, an
 * opening request) weighs apart from the rest.  When uni is not
 * NULL, (*uni)[i] is set for each token i of tt to the index in *f of its
 * unigram feature, or (size_t)-1 (grown as needed, *ucap its size). */
size_t cim_ft_features(const struct cim_ft_opts *o, struct cim_toks *tt,
    const char *s, size_t n, size_t first, uint32_t **f, size_t *cap,
    size_t **uni, size_t *ucap);

/* Trains on n examples: feats[off[i]..off[i+1]) are example i's features,
 * y[i] its label in 0..nlabels-1.  labels are copied.  With 50 examples
 * or more, every tenth is held out to choose the number of epochs (up to
 * o->epochs; the best macro-F1 on them), then all are trained on for that
 * many; with fewer, o->epochs.  *epochs_used (when not NULL) gets the
 * number.  Cannot fail. */
struct cim_ft *cim_ft_train(const struct cim_ft_opts *o, const uint32_t *feats,
    const size_t *off, const int *y, size_t n, char *const *labels, int nlabels,
    int *epochs_used);

/* Writes the model to path, mode 0600, through a temporary file beside it
 * renamed over path (a run killed midway leaves the old model): 0, or -1
 * with errno set. */
int cim_ft_save(const struct cim_ft *m, const char *path);
/* Reads a model: NULL with the reason in why (a foreign, corrupt,
 * truncated or newer-version file). */
struct cim_ft *cim_ft_load(const char *path, struct cim_buf *why);
/* The same from memory (for tests). */
struct cim_ft *cim_ft_load_mem(const unsigned char *p, size_t n, struct cim_buf *why);
/* Serializes the model to out (what cim_ft_save writes). */
void cim_ft_serialize(const struct cim_ft *m, struct cim_buf *out);

const struct cim_ft_opts *cim_ft_opts(const struct cim_ft *m);
int cim_ft_nlabels(const struct cim_ft *m);
const char *cim_ft_label(const struct cim_ft *m, int k);

/*
 * Predicts the label of a text from its features: returns the label
 * index and sets *prob to its share of the softmax over the label
 * scores.  When contrib is not NULL, it gets (nf entries) each feature's
 * contribution to the winning label's linear score (the networks' part
 * of the score is not split among the features).
 */
int cim_ft_predict(const struct cim_ft *m, const uint32_t *f, size_t nf,
    double *prob, double *contrib);
void cim_ft_free(struct cim_ft *m);
#endif
