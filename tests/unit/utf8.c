/*
 * Unit tests for lib/utf8.c: validation per the classes of Markus Kuhn's
 * UTF-8 decoder stress test, repair per the maximal-subpart rule
 * (Unicode 15 table 3-8), transcoding, mark stripping, HTML.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "utf8.h"

#define R "\xEF\xBF\xBD"	/* U+FFFD in expected outputs */

static struct cim_buf out;

/* Runs one appending function on a NUL-terminated input, from empty. */
static const char *
run(void (*f)(const char *, size_t, struct cim_buf *), const char *in)
{
	out.len = 0;
	f(in, strlen(in), &out);
	return cim_buf_str(&out);
}

static void
test_seqlen(void)
{
	static const struct {
		const char	*s;
		size_t		 n;
		size_t		 want;
		const char	*what;
	} t[] = {
		{ "\xC2\x80", 2, 2, "first 2-byte U+0080" },
		{ "\xE0\xA0\x80", 3, 3, "first 3-byte U+0800" },
		{ "\xF0\x90\x80\x80", 4, 4, "first 4-byte U+10000" },
		{ "\xDF\xBF", 2, 2, "last 2-byte U+07FF" },
		{ "\xEF\xBF\xBF", 3, 3, "last 3-byte U+FFFF" },
		{ "\xF4\x8F\xBF\xBF", 4, 4, "last U+10FFFF" },
		{ "\xED\x9F\xBF", 3, 3, "U+D7FF below surrogates" },
		{ "\xEE\x80\x80", 3, 3, "U+E000 above surrogates" },
		{ "\xEF\xBF\xBD", 3, 3, "U+FFFD" },
		{ "\xE2\x82\xAC" "abc", 6, 3, "euro sign, more follows" },
		{ "\x80", 1, 0, "stray continuation 80" },
		{ "\xBF\x80", 2, 0, "stray continuation BF" },
		{ "\xC2", 1, 0, "2-byte truncated at end" },
		{ "\xE0\xA0", 2, 0, "3-byte truncated at end" },
		{ "\xF0\x90\x80", 3, 0, "4-byte truncated at end" },
		{ "\xE2\x82\xAC", 2, 0, "n cuts a valid sequence" },
		{ "\xC2\x41", 2, 0, "continuation is ASCII" },
		{ "\xE2\x82\x41", 3, 0, "third byte is ASCII" },
		{ "\xE2\x82\xE2", 3, 0, "third byte is a lead" },
		{ "\xC0\xAF", 2, 0, "overlong '/' C0" },
		{ "\xC1\xBF", 2, 0, "overlong max C1" },
		{ "\xE0\x80\xAF", 3, 0, "overlong '/' 3-byte" },
		{ "\xE0\x9F\xBF", 3, 0, "overlong max 3-byte" },
		{ "\xF0\x80\x80\xAF", 4, 0, "overlong '/' 4-byte" },
		{ "\xF0\x8F\xBF\xBF", 4, 0, "overlong max 4-byte" },
		{ "\xED\xA0\x80", 3, 0, "surrogate U+D800" },
		{ "\xED\xAD\xBF", 3, 0, "surrogate U+DB7F" },
		{ "\xED\xBF\xBF", 3, 0, "surrogate U+DFFF" },
		{ "\xF4\x90\x80\x80", 4, 0, "U+110000" },
		{ "\xF5\x80\x80\x80", 4, 0, "lead F5" },
		{ "\xF7\xBF\xBF\xBF", 4, 0, "lead F7" },
		{ "\xF8\x88\x80\x80\x80", 5, 0, "5-byte form" },
		{ "\xFC\x84\x80\x80\x80\x80", 6, 0, "6-byte form" },
		{ "\xFE", 1, 0, "impossible FE" },
		{ "\xFF", 1, 0, "impossible FF" },
		{ "A", 1, 0, "ASCII is not a multibyte sequence" },
		{ "\xC2\x80", 0, 0, "n == 0" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		CHECK_INT(cim_utf8_seqlen((const unsigned char *)t[i].s, t[i].n),
		    t[i].want, t[i].what);
}

static void
test_valid(void)
{
	static const struct {
		const char	*s;
		size_t		 n;
		size_t		 want;
	} t[] = {
		{ "", 0, 0 },
		{ "Aten\xC3\xA7\xC3\xA3o", 9, 9 },
		{ "emoji \xF0\x9F\x98\x80!", 11, 11 },
		{ "nul \0 inside", 12, 12 },
		{ "abc\xC0\xAF", 5, 3 },
		{ "0123456789abcdef0123\xED\xA0\x80", 23, 20 },
		{ "0123456789abcdef0123456789\xE2\x82", 28, 26 },
		{ "\xC3\xA7\xC3\xA7\xC3\xA7\xC3\xA7\xC3\xA7\xC3\xA7\xC3\xA7"
		  "\xC3\xA7\xC3\xA7\x80", 19, 18 },
	};
	size_t i;
	char what[64];

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		snprintf(what, sizeof what, "valid #%zu", i);
		CHECK_INT(cim_utf8_valid(t[i].s, t[i].n), t[i].want, what);
	}
}

/*
 * One bad byte at every position of a 41-byte ASCII run, so that it falls
 * in each lane of the 16- and 8-byte words and in the byte-wise tail.
 */
static void
test_fast_path(void)
{
	char s[41], what[64];
	size_t pos, n = sizeof s;
	int ok_bad = 1, ok_good = 1, ok_trunc = 1, ok_rep = 1;
	size_t got;

	for (pos = 0; pos < n; pos++) {
		memset(s, 'a', n);
		s[pos] = (char)0x80;
		if ((got = cim_utf8_valid(s, n)) != pos) {
			snprintf(what, sizeof what, "bad byte at %zu", pos);
			CHECK_INT(got, pos, what);
			ok_bad = 0;
		}
		out.len = 0;
		if (cim_utf8_repair(s, n, &out) != 1 || out.len != n + 2)
			ok_rep = 0;
		if (pos + 1 < n) {
			s[pos] = (char)0xC3;
			s[pos + 1] = (char)0xA7;
			if (cim_utf8_valid(s, n) != n)
				ok_good = 0;
		}
		/* A sequence cut off by the end of the range at pos. */
		memset(s, 'a', n);
		s[pos] = (char)0xE2;
		if (pos + 1 < n)
			s[pos + 1] = (char)0x82;
		if (cim_utf8_valid(s, pos + 2 <= n ? pos + 2 : n) != pos)
			ok_trunc = 0;
	}
	CHECK(ok_bad, "bad byte at every position 0..40");
	CHECK(ok_good, "valid 2-byte sequence at every position 0..39");
	CHECK(ok_trunc, "truncated sequence at the end at every position");
	CHECK(ok_rep, "one replacement for a bad byte at every position");
}

/* Random bytes: the fast path agrees with a byte-at-a-time reference, and
 * repair output is always valid. */
static void
test_random(void)
{
	static unsigned char s[300];
	uint32_t x = 12345;
	size_t round, i, n, ref, k;
	int agree = 1, repaired = 1;

	for (round = 0; round < 2000; round++) {
		n = round % sizeof s;
		for (i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			/* Mostly ASCII, some leads and continuations. */
			s[i] = (x >> 16) % 8 ? (x >> 24) & 0x7F : (x >> 24) | 0x80;
		}
		for (ref = 0; ref < n; ref += k)
			if (s[ref] < 0x80)
				k = 1;
			else if ((k = cim_utf8_seqlen(s + ref, n - ref)) == 0)
				break;
		if (cim_utf8_valid((char *)s, n) != ref)
			agree = 0;
		out.len = 0;
		cim_utf8_repair((char *)s, n, &out);
		if (cim_utf8_valid(out.p, out.len) != out.len)
			repaired = 0;
	}
	CHECK(agree, "fast path agrees with byte-wise reference");
	CHECK(repaired, "repair output is valid UTF-8");
}

static void
test_repair(void)
{
	static const struct {
		const char	*s;
		size_t		 n;
		const char	*want;
		size_t		 count;
	} t[] = {
		{ "Aten\xC3\xA7\xC3\xA3o", 9, "Aten\xC3\xA7\xC3\xA3o", 0 },
		/* Unicode 15 table 3-8. */
		{ "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 13,
		  "a" R R R "b" R "c" R R "d", 6 },
		{ "\xC0\xAF", 2, R R, 2 },
		{ "\xE0\x80\xAF", 3, R R R, 3 },
		{ "\xED\xA0\x80", 3, R R R, 3 },
		{ "\xF4\x90\x80\x80", 4, R R R R, 4 },
		{ "\xF5\x80", 2, R R, 2 },
		{ "\xFE\xFF", 2, R R, 2 },
		{ "\x80\x80\x80", 3, R R R, 3 },
		{ "x\xE2\x82", 3, "x" R, 1 },
		{ "\xF0\x9F\x98" "A", 4, R "A", 1 },
		{ "\xF0\x9F\x98\xF0\x9F\x98\x80", 7, R "\xF0\x9F\x98\x80", 1 },
		{ "\xC2\xC2\xA9", 3, R "\xC2\xA9", 1 },
		{ "\xE7\xE3o", 3, R R "o", 2 },
	};
	size_t i, c;
	char what[64];

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		out.len = 0;
		c = cim_utf8_repair(t[i].s, t[i].n, &out);
		snprintf(what, sizeof what, "repair #%zu", i);
		CHECK_STR(cim_buf_str(&out), t[i].want, what);
		CHECK_INT(c, t[i].count, what);
	}
	/* Appends: what out holds already stays. */
	out.len = 0;
	cim_buf_adds(&out, "k=");
	cim_utf8_repair("\xFFv", 2, &out);
	CHECK_STR(cim_buf_str(&out), "k=" R "v", "repair appends");
}

static void
test_encoding_parse(void)
{
	static const struct {
		const char	*name;
		int		 rc;
		enum cim_encoding enc;
	} t[] = {
		{ "utf-8", 0, CIM_ENC_UTF8 }, { "UTF8", 0, CIM_ENC_UTF8 },
		{ "Latin1", 0, CIM_ENC_LATIN1 }, { "latin-1", 0, CIM_ENC_LATIN1 },
		{ "ISO-8859-1", 0, CIM_ENC_LATIN1 },
		{ "cp1252", 0, CIM_ENC_CP1252 },
		{ "Windows-1252", 0, CIM_ENC_CP1252 },
		{ "utf-16", -1, CIM_ENC_UTF8 }, { "", -1, CIM_ENC_UTF8 },
		{ "latin", -1, CIM_ENC_UTF8 }, { "utf-8 ", -1, CIM_ENC_UTF8 },
	};
	enum cim_encoding e;
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		e = CIM_ENC_UTF8;
		CHECK_INT(cim_encoding_parse(t[i].name, &e), t[i].rc, t[i].name);
		CHECK_INT(e, t[i].enc, t[i].name);
	}
}

static void
test_transcode(void)
{
	static const struct {
		enum cim_encoding enc;
		const char	*s;
		const char	*want;
		size_t		 count;
	} t[] = {
		{ CIM_ENC_LATIN1, "Aten\xE7\xE3o", "Atenção", 0 },
		{ CIM_ENC_CP1252, "Aten\xE7\xE3o", "Atenção", 0 },
		{ CIM_ENC_UTF8, "Atenção", "Atenção", 0 },
		{ CIM_ENC_UTF8, "Aten\xE7\xE3o", "Aten" R R "o", 2 },
		{ CIM_ENC_CP1252, "\x80", "€", 0 },
		{ CIM_ENC_LATIN1, "\x80", "\xC2\x80", 0 },
		{ CIM_ENC_CP1252, "\x93" "aspas\x94", "“aspas”", 0 },
		{ CIM_ENC_CP1252, "\x91" "a\x92 \x96 \x97 \x85 \x99",
		  "‘a’ – — … ™", 0 },
		{ CIM_ENC_CP1252, "\x8A\x8C\x8E\x9A\x9C\x9E\x9F\x83\x88\x98",
		  "ŠŒŽšœžŸƒˆ˜", 0 },
		{ CIM_ENC_CP1252, "\x81\x8D\x8F\x90\x9D", R R R R R, 5 },
		{ CIM_ENC_LATIN1, "\xA0\xFF", "\xC2\xA0ÿ", 0 },
		{ CIM_ENC_CP1252, "R$ 10,00 \xB7 n\xBA 5", "R$ 10,00 · nº 5", 0 },
	};
	size_t i, c;
	char what[64];
	unsigned char all[256];
	int b, ok = 1;
	const unsigned char *o;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		out.len = 0;
		c = cim_transcode(t[i].enc, t[i].s, strlen(t[i].s), &out);
		snprintf(what, sizeof what, "transcode #%zu", i);
		CHECK_STR(cim_buf_str(&out), t[i].want, what);
		CHECK_INT(c, t[i].count, what);
	}
	/* Latin-1: every byte becomes the code point of the same value. */
	for (b = 0; b < 256; b++)
		all[b] = (unsigned char)b;
	out.len = 0;
	cim_transcode(CIM_ENC_LATIN1, (char *)all, 256, &out);
	CHECK_INT(out.len, 128 + 2 * 128, "latin-1 all bytes length");
	o = (const unsigned char *)out.p;
	for (b = 128; b < 256; b++) {
		const unsigned char *q = o + 128 + 2 * (b - 128);

		if (((q[0] & 0x1F) << 6 | (q[1] & 0x3F)) != b)
			ok = 0;
	}
	CHECK(ok && memcmp(o, all, 128) == 0, "latin-1 all bytes decode");
	out.len = 0;
	CHECK_INT(cim_transcode(CIM_ENC_CP1252, (char *)all, 256, &out), 5,
	    "cp1252 all bytes: five undefined");
	CHECK_INT(cim_utf8_valid(out.p, out.len), out.len,
	    "cp1252 all bytes valid UTF-8");
}

static void
test_strip_marks(void)
{
	static const struct {
		const char	*s;
		const char	*want;
	} t[] = {
		{ "\u200E[12/01/2024, 10:15:03] \u202A+55 11 98765\u20114321"
		  "\u202C: oi",
		  "[12/01/2024, 10:15:03] +55 11 98765-4321: oi" },
		{ "\uFEFFJoão", "João" },
		{ "R$\u00A0100", "R$ 100" },
		{ "10\u202F000", "10 000" },
		{ "\u2066Maria\u2069 \u2067Ana\u2068", "Maria Ana" },
		{ "a\u200Bb\u200Cc\u200Dd\u200Fe", "abcde" },
		{ "\u202B\u202D\u202E", "" },
		{ "Atenção ©", "Atenção ©" },
		{ "a\u2010b\u2012c", "a\u2010b\u2012c" },	/* real hyphens */
		{ "\u2028\u2030\u206A", "\u2028\u2030\u206A" },
		{ "x\xE2\x80", "x\xE2\x80" },			/* cut: kept */
		{ "x\xC2", "x\xC2" },
		{ "\xEF\xBB", "\xEF\xBB" },
		{ "", "" },
	};
	size_t i;
	char what[64];

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		snprintf(what, sizeof what, "strip #%zu", i);
		CHECK_STR(run(cim_text_strip_marks, t[i].s), t[i].want, what);
	}
}

static void
test_html_unescape(void)
{
	static const struct {
		const char	*s;
		const char	*want;
	} t[] = {
		{ "&amp;", "&" },
		{ "a &lt;b&gt; &quot;c&quot; &apos;d&apos;", "a <b> \"c\" 'd'" },
		{ "&#39;&#x27;&#X27;", "'''" },
		{ "&nbsp;", "\u00A0" },
		{ "Aten&ccedil;&atilde;o", "Atenção" },
		{ "&aacute;&eacute;&ecirc;&iacute;&oacute;&ocirc;&otilde;&uacute;"
		  "&agrave;&acirc;", "áéêíóôõúàâ" },
		{ "&Aacute;&Ccedil;&Atilde;&Eacute;", "ÁÇÃÉ" },
		{ "&euro; &hellip; &ldquo;x&rdquo; &ndash;", "€ … “x” –" },
		{ "&#8364;&#x1F600;", "€\U0001F600" },
		{ "&#146;", "’" },		/* HTML5: read as CP1252 */
		{ "&#0;&#xD800;&#99999999999;&#x110000;", R R R R },
		{ "&foo; &Amp; &amp &#; &#x; & amp; &#12a;",
		  "&foo; &Amp; &amp &#; &#x; & amp; &#12a;" },
		{ "AT&T", "AT&T" },
		{ "&&amp;", "&&" },
		{ "&amp;lt;", "&lt;" },		/* one pass only */
		{ "end&", "end&" },
		{ "&#", "&#" },
		{ "", "" },
	};
	size_t i;
	char what[64];

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		snprintf(what, sizeof what, "unescape #%zu", i);
		CHECK_STR(run(cim_html_unescape, t[i].s), t[i].want, what);
	}
}

static void
test_html_to_text(void)
{
	static const struct {
		const char	*s;
		const char	*want;
	} t[] = {
		{ "<p>Olá,</p><p>Seu pedido foi enviado.</p>",
		  "Olá,\nSeu pedido foi enviado." },
		{ "a<br>b<br/>c<BR />d", "a\nb\nc\nd" },
		{ "a<br><br><br><br>b", "a\n\nb" },
		{ "<p>a</p><p><br></p><p>b</p>", "a\n\nb" },
		{ "<p>a<br></p><p>b</p>", "a\nb" },
		{ "  <div>\n  hello   world \n</div>  ", "hello world" },
		{ "<div><div>a</div></div><div>b</div>", "a\nb" },
		{ "<script>var x = '<p>';</script>ok", "ok" },
		{ "<STYLE type=\"text/css\">p{color:red}</STYLE>ok", "ok" },
		{ "x &lt; y &amp;&amp; z&nbsp;!", "x < y && z\u00A0!" },
		{ "<a href=\"x?a=1&b=2\" title=\"a > b\">link</a>", "link" },
		{ "<!-- comment <p> -->text", "text" },
		{ "<!DOCTYPE html><html><body><p>hi</p></body></html>", "hi" },
		{ "<ul><li>um</li><li>dois</li></ul>depois", "um\ndois\ndepois" },
		{ "Olá <b>Maria</b>, tudo bem?", "Olá Maria, tudo bem?" },
		{ "a < b", "a < b" },
		{ "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr>"
		  "</table>", "a b\nc" },
		{ "<pre>x\n  y</pre>z", "x\n  y\nz" },
		{ "text<div>unterminated", "text\nunterminated" },
		{ "a<b", "a" },
		{ "<script>never closed", "" },
		{ "<p></p>  <br>", "" },
		{ "", "" },
	};
	size_t i;
	char what[64];

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		snprintf(what, sizeof what, "html #%zu", i);
		CHECK_STR(run(cim_html_to_text, t[i].s), t[i].want, what);
	}
	/* Trimming is of this call's output, not of what out held. */
	out.len = 0;
	cim_buf_adds(&out, "body: ");
	cim_html_to_text(" <p>y</p> ", 10, &out);
	CHECK_STR(cim_buf_str(&out), "body: y", "html appends");
}

int
main(void)
{
	test_seqlen();
	test_valid();
	test_fast_path();
	test_random();
	test_repair();
	test_encoding_parse();
	test_transcode();
	test_strip_marks();
	test_html_unescape();
	test_html_to_text();
	cim_buf_free(&out);
	return unit_done();
}
