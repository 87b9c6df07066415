/*
 * langid.h: the language of a text, Portuguese, English or Spanish, by a
 * naive Bayes model over words and character trigrams whose profiles are
 * built, at first use, from frequency-ranked word lists and sample text
 * compiled into the binary (langid_text.c).  Links, sizes, laughter and
 * other tokens that no language owns are not read as words.  It abstains
 * ("und") on text too short to tell, and on text where too few words are
 * known to any of the three (another language).
 * Not for: tokenizing for classification (tok.h).
 */
#ifndef CIM_LANGID_H
#define CIM_LANGID_H
#include <stddef.h>

/* "pt", "en", "es" or "und" for s[0..n) (UTF-8).  *conf, when not NULL,
 * gets the margin of the best language over the next (0..1).  Reads at
 * most the first 240 bytes.  Cannot fail. */
const char *cim_langid(const char *s, size_t n, double *conf);
#endif
