/*
 * utf8.h: UTF-8 validation and repair, and transcoding of the legacy
 * encodings Windows exports use (Latin-1, CP1252, common in Brazil).
 * Pure functions over byte ranges.
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
