/*
 * Fuzz target: the match keys of idkey.h (CPF, e-mail, phone, WhatsApp
 * id, any namespace).  A key's value gives the same key again (the
 * normalizers are idempotent; for e-mail, the key function: the key's
 * value need not be a valid address), a CPF key is 11 digits whose check digits
 * hold, and a short output buffer is never overrun.  An input "NS:VALUE"
 * (the first ":" or NUL) is also read as namespace and value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "email.h"
#include "idkey.h"

static void
check_key(int r, const char *out, const char *prefix)
{
	size_t pn = strlen(prefix);

	if (r < 0) {
		if (out[0] != '\0')
			abort();	/* out empty on refusal */
		return;
	}
	if ((size_t)r != strlen(out) || r >= CIM_IDKEY_MAX ||
	    strncmp(out, prefix, pn) != 0 || (size_t)r == pn)
		abort();
}

/* The key again from the value part of key: must be key. */
static void
again(const char *key, size_t pn, int which, const char *region)
{
	char k2[CIM_IDKEY_MAX];
	const char *v = key + pn;
	int r;

	switch (which) {
	case 0: r = cim_idkey_cpf(v, strlen(v), k2, sizeof(k2)); break;
	case 1:	/* the key function of the value; the value need not be a
		 * valid address again ("a.+x@proton.me" gives "a.@proton.me") */
		r = cim_email_key(v, k2 + pn, sizeof(k2) - pn) < 0 ? -1 : 0;
		memcpy(k2, key, pn);
		break;
	default: r = cim_idkey_phone(v, strlen(v), region, k2, sizeof(k2)); break;
	}
	if (r < 0 || strcmp(k2, key) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const regions[] = { NULL, "BR", "US", "PT" };
	const char *s = (const char *)data;
	char out[CIM_IDKEY_MAX], *small;
	size_t i, slen;
	int r;

	r = cim_idkey_cpf(s, size, out, sizeof(out));
	check_key(r, out, "cpf:");
	if (r >= 0) {
		if (r != 15 || strspn(out + 4, "0123456789") != 11 ||
		    !cim_cpf_check(out + 4))
			abort();
		again(out, 4, 0, NULL);
	}
	if (size >= 11) {
		int ok = cim_cpf_check(s);

		for (i = 0; i < 11 && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (ok && i < 11)
			abort();
	}
	r = cim_idkey_email(s, size, out, sizeof(out));
	check_key(r, out, "email:");
	if (r >= 0)
		again(out, 6, 1, NULL);
	for (i = 0; i < 4; i++) {
		r = cim_idkey_phone(s, size, regions[i], out, sizeof(out));
		check_key(r, out, "phone:+");
		if (r >= 0)
			again(out, 6, 2, regions[i]);
	}
	r = cim_idkey_whatsapp(s, size, out, sizeof(out));
	check_key(r, out, "phone:+");
	if (r >= 0)
		again(out, 6, 2, "US");	/* international: any region */
	(void)cim_idkey_name_hint(s, size);

	/* NS:VALUE through cim_idkey_ns: the namespace's key, and the
	 * value of that key gives it again. */
	for (i = 0; i < size && s[i] != ':' && s[i] != '\0'; i++)
		;
	if (i < size) {
		const char *v = s + i + 1;
		size_t vn = size - i - 1, nsl;

		r = cim_idkey_ns(s, i, v, vn, "BR", out, sizeof(out));
		if (r >= 0) {
			char k2[CIM_IDKEY_MAX];
			const char *colon = memchr(out, ':', (size_t)r);

			/* (a value may hold NUL bytes: the key is out[0..r)) */
			if (colon == NULL || out[r] != '\0')
				abort();
			nsl = (size_t)(colon - out);
			if (cim_idkey_ns(out, nsl, colon + 1, (size_t)r - nsl - 1, "BR",
			    k2, sizeof(k2)) != r || memcmp(out, k2, (size_t)r) != 0)
				abort();
		} else if (out[0] != '\0')
			abort();
	}

	/* Short buffers: every length up to the key's own. */
	slen = size ? data[0] % 40 : 0;
	small = malloc(slen ? slen : 1);
	(void)cim_idkey_cpf(s, size, small, slen);
	(void)cim_idkey_email(s, size, small, slen);
	(void)cim_idkey_phone(s, size, "BR", small, slen);
	(void)cim_idkey_whatsapp(s, size, small, slen);
	if (i < size)
		(void)cim_idkey_ns(s, i, s + i + 1, size - i - 1, NULL, small, slen);
	free(small);
	return 0;
}
