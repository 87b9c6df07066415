/*
 * utf8.h: UTF-8 validation and repair, transcoding of the legacy
 * encodings Windows exports use (Latin-1, CP1252, common in Brazil), and
 * the text clean-ups every reader needs: invisible marks around names and
 * phone numbers, HTML entities, HTML bodies to plain text.
 * Pure functions over byte ranges; the appending ones cannot fail.
 * Not for: Unicode normalization, case folding, or width computation.
 */
#ifndef CIM_UTF8_H
#define CIM_UTF8_H
#include <stddef.h>

#include "buf.h"

/*
 * Length (2..4) of the valid UTF-8 sequence that starts at s[0] >= 0x80,
 * looking at no more than n bytes; 0 when it is not a valid sequence
 * (overlong, surrogate, above U+10FFFF, truncated, stray continuation).
 */
size_t cim_utf8_seqlen(const unsigned char *s, size_t n);

/*
 * Length of the longest valid UTF-8 prefix of s: n when all of s is valid.
 * ASCII runs are checked eight bytes at a time.  Cannot fail.
 */
size_t cim_utf8_valid(const char *s, size_t n);

/*
 * Appends s to out with each invalid part replaced by U+FFFD (EF BF BD),
 * one per maximal subpart (Unicode 15 section 3.9, "U+FFFD Substitution
 * of Maximal Subparts", the WHATWG decoder's rule): "\xE2\x82" is one
 * replacement, "\xC0\xAF" two.  Returns the number of replacements.
 */
size_t cim_utf8_repair(const char *s, size_t n, struct cim_buf *out);

enum cim_encoding { CIM_ENC_UTF8, CIM_ENC_LATIN1, CIM_ENC_CP1252 };

/*
 * "utf-8", "utf8", "latin1", "latin-1", "iso-8859-1", "cp1252",
 * "windows-1252", ASCII case-insensitive.  Sets *e and returns 0, or
 * returns -1 for an unknown name (*e untouched).
 */
int cim_encoding_parse(const char *name, enum cim_encoding *e);

/*
 * Appends s, read in encoding e, to out as UTF-8 and returns the number of
 * U+FFFD substituted.  UTF-8 input goes through cim_utf8_repair.  Latin-1
 * maps every byte to the code point of the same value.  CP1252 maps
 * 0x80-0x9F to its characters (euro sign, curly quotes, dashes...) and
 * its five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D to U+FFFD.
 */
size_t cim_transcode(enum cim_encoding e, const char *s, size_t n,
    struct cim_buf *out);

/*
 * Appends s to out without the invisible marks real exports put around
 * names and numbers (WhatsApp headers, phone numbers): U+FEFF (BOM),
 * U+200B-U+200F, U+202A-U+202E, U+2066-U+2069 are dropped; U+00A0 and
 * U+202F (no-break spaces) become ' ', U+2011 (non-breaking hyphen)
 * becomes '-'.  Everything else, invalid bytes included, is copied.
 */
void cim_text_strip_marks(const char *s, size_t n, struct cim_buf *out);

/*
 * Appends s to out with HTML character references decoded: &amp; &lt;
 * &gt; &quot; &apos; &nbsp;, the Latin-1 names (&atilde; &ccedil;
 * &eacute; ...), a few typographic ones (&euro; &hellip; &rsquo; &ndash;
 * ...), and numeric &#39; &#x27;.  As in HTML5, numeric 0x80-0x9F are
 * read as CP1252, and 0, surrogates and values above U+10FFFF give
 * U+FFFD.  The terminating ';' is required; unknown or malformed
 * references are copied as written.
 */
void cim_html_unescape(const char *s, size_t n, struct cim_buf *out);

/*
 * Appends the plain text of an HTML body (Intercom, Zendesk) to out: tags
 * and comments dropped, <script> and <style> contents dropped, entities
 * decoded, runs of source whitespace (newlines included, as a browser
 * does) collapsed to one space, except inside <pre>.  <br> is a line
 * break; block elements (p, div, li, tr, h1-h6, blockquote, ul, ol,
 * table, pre, hr) start and end on their own line; table cells are
 * separated by a space; at most one blank line in a row; leading and
 * trailing whitespace trimmed.  Plain text that is not HTML loses its
 * line breaks: callers decide which bodies are HTML.
 */
void cim_html_to_text(const char *s, size_t n, struct cim_buf *out);
#endif
