/*
 * langid_text.h: what langid.c builds its language profiles from: for
 * each language a word list, most frequent first, and sample text in it.
 * Plain text, so that a profile is changed by editing readable words and
 * sentences, never numbers.  Not for: lexicons of meaning (lex.h).
 */
#ifndef CIM_LANGID_TEXT_H
#define CIM_LANGID_TEXT_H

/* The languages, in the order of the tables below. */
enum { CIM_LANGID_PT, CIM_LANGID_EN, CIM_LANGID_ES, CIM_LANGID_N };

/* Words separated by one space, the most frequent first: a word's prior
 * follows Zipf's law by its rank.  Lower case, accents kept. */
extern const char *const cim_langid_words[CIM_LANGID_N];
/* Sample text of each language, everyday and customer-service writing,
 * one paragraph a string (NULL after the last): its words and trigrams,
 * by count, are the other half of a profile. */
extern const char *const *const cim_langid_text[CIM_LANGID_N];
/* Words written alike in all three (laughter, interjections): no
 * evidence of any, and not counted as words. */
extern const char cim_langid_neutral[];
#endif
