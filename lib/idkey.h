/*
 * idkey.h: match keys for customer identifiers, the strings that
 * cim-merge-identity links records on.  A key is "namespace:value" with
 * the value normalized so that two spellings of one identifier give one
 * key ("email:anasilva@gmail.com", "phone:+5511981234567",
 * "cpf:52998224725", "twitter:115712").  Pure functions over byte ranges,
 * no allocation.  Not for: display or sending (a key is for matching only;
 * the record keeps what was seen), or linking records (cmd/).
 */
#ifndef CIM_IDKEY_H
#define CIM_IDKEY_H
#include <stddef.h>

/* Longest key any function here writes, with its NUL. */
#define CIM_IDKEY_MAX 512

/*
 * Each function writes the key of s[0..n) (untrusted, any length, not
 * NUL-terminated) into out (outlen bytes, CIM_IDKEY_MAX is always enough)
 * and returns its length; -1 (out empty) when the value is not an
 * identifier: invalid, a placeholder, or too long.
 */

/* "email:" + cim_email_key() of the normalized address. */
int cim_idkey_email(const char *s, size_t n, char *out, size_t outlen);
/*
 * "phone:" + E.164 (cim_phone_e164, numbers without a country prefix read
 * in region, NULL meaning BR).  Brazilian mobiles with and without the
 * ninth digit give one key, written in the nine-digit form.
 */
int cim_idkey_phone(const char *s, size_t n, const char *region,
    char *out, size_t outlen);
/* A WhatsApp id ("5511912345678@s.whatsapp.net" or its digits, always
 * international): the same "phone:" key as the number. */
int cim_idkey_whatsapp(const char *s, size_t n, char *out, size_t outlen);
/*
 * "cpf:" + 11 digits.  The CPF may be written with dots, hyphen or
 * blanks; its two check digits must hold (Receita Federal modulo 11), and
 * repeated digits (000.000.000-00, 111.111.111-11 ...) and well-known
 * placeholders that pass the check (123.456.789-09 ...) are refused.
 */
int cim_idkey_cpf(const char *s, size_t n, char *out, size_t outlen);
/* 1 when d[0..11) are 11 digits whose check digits hold. */
int cim_cpf_check(const char *d);
/*
 * The key of value s[0..n) in namespace ns[0..nslen) (customer.ids, or a
 * --key name): email, phone, whatsapp and cpf use the functions above;
 * any other namespace gives "ns:value" with the namespace lower-cased and
 * the value trimmed of blanks, refusing empty values and placeholders
 * ("null", "none", "n/a", "0", "-", "undefined").  A namespace must be
 * 1..32 bytes of ASCII letters, digits, "_" and "-".
 */
int cim_idkey_ns(const char *ns, size_t nslen, const char *s, size_t n,
    const char *region, char *out, size_t outlen);
/*
 * A hint of who wrote a record, from customer.name, for telling apart the
 * people behind a shared identifier: a hash of the given name (the first
 * word, or the first word after the comma of "Surname, Given"), ASCII
 * letters lower-cased, anything but letters dropped.  0 when there is none.
 * Not an identifier: many people share a given name.
 */
unsigned cim_idkey_name_hint(const char *s, size_t n);
#endif
