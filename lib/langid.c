/*
 * langid.c: language identification (see langid.h).  Each language's
 * profile is its word list (most frequent first; a word's prior follows
 * Zipf's law by rank) and the character trigrams of those words, with
 * accents kept: "ção", "ñ", "ll", " th" carry most of the signal.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "langid.h"
#include "smap.h"
#include "tok.h"

enum { L_PT, L_EN, L_ES, NLANG };
static const char *const lname[NLANG] = { "pt", "en", "es" };

static const char *const words[NLANG] = {
	/* pt */
	"de a o que e do da em um para é com não uma os no se na por mais as dos "
	"como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está "
	"eu também só pelo pela até isso ela entre era depois sem mesmo aos ter "
	"seus quem nas me esse eles estão você tinha foram essa num nem suas meu "
	"às minha têm numa pelos elas havia seja qual será nós tenho lhe deles "
	"essas esses pelas este fosse dele tu te vocês meus minhas teu tua nosso "
	"nossa nossos dela esta estes estas aquele aquela isto aquilo estou estava "
	"estamos produto entrega compra recebi chegou pedido comprei bom ótimo "
	"ainda prazo veio hoje quero obrigado obrigada então porque agora dia dias "
	"loja atendimento problema fiz recomendo qualidade bem pra vou vai fazer "
	"nada pode consegui tudo boa ótima gostei excelente chegar antes bastante "
	"certo conta cartão dinheiro cancelar preciso olá oi bom-dia tarde noite "
	"aqui lá mim comigo vez vezes coisa pessoal tá né fica ficou muita ruim "
	"péssimo funciona produtos entregue rápido rápida empresa sempre nunca "
	"cliente serviço valor também responder resposta mensagem falar ligar "
	"você vocês senha acesso nota fiscal devolução trocar troca até então "
	"porém contudo através também informação atualização sobre estão são "
	"foi fui seria poderia gostaria queria deveria isso essa esse meio",
	/* en */
	"the to and a of i is in it you that for my on was this with have be not "
	"are but your me can at so we do they just if what from our all get no has "
	"an or there will when been would how about out up one please help account "
	"card why still need time now did service thanks thank order know any it's "
	"i'm don't can't back new money payment got us who which their them more "
	"some had were by should could like as am he she his her its want make "
	"sure does hi hello where here very good great bad really after before "
	"into over than then these those because been being only also well even "
	"way day days week received customer support phone number email again "
	"never already yet being doing going tried trying cancel refund charged "
	"top up transfer exchange rate pending declined waiting arrived delivery "
	"app using use used work working doesn't didn't isn't wasn't won't "
	"i've i'll you're that's there's what's let other same each every much "
	"many most something anything nothing someone problem issue issues "
	"see check purchase status contact information personal person somebody "
	"assistance claim fees edit",
	/* es */
	"de la que el en y a los se del las un por con no una su para es al lo "
	"como más pero sus le ya o este sí porque esta entre cuando muy sin sobre "
	"también me hasta hay donde quien desde todo nos durante todos uno les ni "
	"contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro "
	"otras otra él tanto esa estos mucho quienes nada muchos cual poco ella "
	"estar estas algunas algo nosotros mi mis tú te ti tu tus ellas vosotros "
	"os mío mía nuestro nuestra vuestro esos esas estoy estás está estamos "
	"están hola gracias pedido compra llegó tengo quiero bien hoy usted "
	"ustedes hacer puedo dinero cuenta tarjeta ayuda necesito mañana ahora "
	"entonces vale bueno claro pues vamos voy va tiene tienen hace hecho "
	"ha he han has hemos sido era eran fue fueron será sería creo sé saber "
	"mejor peor siempre nunca aquí allí así luego después tarde noche día "
	"semana mensaje mensajes llamadas nadie fuera puede pueden eliminó "
	"omitido omitida imagen cambió tu código pulsa obtener información "
	"examen clase gente vale vais podéis tenéis sois habéis hay "
	/* everyday and chat Spanish, spelled unlike Portuguese */
	"dame dime decir decidme sabéis queréis quería quiere "
	"puedes entiendo estuve estaba tenía solo sólo frío "
	"chicos chicas oye buenas buenos días tardes noches lunes martes "
	"miércoles jueves viernes sábado domingo cosa cosas veces verlo mira "
	"tiempo año años trabajo porfa perdón pregunta preguntar "
	"correo correos escribir escriba salir "
	"cambiar alguien alguno alguna aún duda dudas "
	"habrá hablar refieres escucha ahí allá venga "
	"mismo misma nuevo nueva llamar llamo hablamos vemos luego pasa "
	"pasó hecho dicho digo dice dijo sea creéis pensáis tenemos "
	"vosotras ustedes hacia hizo hice puse pongo sigue seguir siguiente "
	"mucha muchas poca pocos ningún ninguna cualquier "
	"alguien ellos nuestras vuestra vuestras cuál cuándo dónde cómo quién"
};

#define TRI_BITS 14
#define TRI_N (1u << TRI_BITS)

static float tri[NLANG][TRI_N];		/* log P(trigram | language) */
static struct cim_smap wmap[NLANG];	/* word -> rank + 1 */
static double wlog[NLANG][600];		/* log P(word | language) by rank */
static int ready;

#define UNK_WORD (-12.0)

static uint32_t
tri_hash(const unsigned *c)
{
	uint32_t h = c[0] * 2654435761u ^ c[1] * 40503u ^ c[2] * 2246822519u;

	return (h ^ (h >> 15)) & (TRI_N - 1);
}

/* Decodes a word's code points lower-cased (accents kept), into cp. */
static size_t
lower_cps(const char *s, size_t n, unsigned *cp, size_t max)
{
	size_t i = 0, k = 0, len;
	unsigned c;

	while (i < n && k < max) {
		if ((len = cim_tok_decode(s + i, n - i, &c)) == 0) {
			i++;
			continue;
		}
		if (c < 0x80 && c >= 'A' && c <= 'Z')
			c |= 0x20;
		else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
			c += 0x20;
		cp[k++] = c;
		i += len;
	}
	return k;
}

static void
add_trigrams(float *t, const unsigned *cp, size_t n, double w)
{
	unsigned buf[64];
	size_t k;

	if (n > 60)
		n = 60;
	buf[0] = ' ';
	memcpy(buf + 1, cp, n * sizeof(*cp));
	buf[n + 1] = ' ';
	for (k = 0; k + 3 <= n + 2; k++)
		t[tri_hash(buf + k)] += (float)w;
}

static void
build(void)
{
	int l;

	for (l = 0; l < NLANG; l++) {
		const char *p = words[l], *e;
		double total = 0, tt = 0;
		size_t rank = 0, i;
		unsigned cp[64];

		for (; *p; p = *e ? e + 1 : e) {
			int isnew;
			size_t n;
			double w;

			e = strchr(p, ' ');
			if (e == NULL)
				e = p + strlen(p);
			if (rank >= sizeof(wlog[l]) / sizeof(wlog[l][0]))
				break;
			w = 1.0 / ((double)rank + 8);
			struct cim_smap_ent *ent = cim_smap_put(&wmap[l], p, (size_t)(e - p), &isnew);
			if (isnew)
				ent->val = (long)rank + 1;
			wlog[l][rank] = w;
			total += w;
			n = lower_cps(p, (size_t)(e - p), cp, 60);
			add_trigrams(tri[l], cp, n, w);
			rank++;
		}
		for (i = 0; i < rank; i++)
			wlog[l][i] = log(wlog[l][i] / total);
		for (i = 0; i < TRI_N; i++)
			tt += tri[l][i];
		for (i = 0; i < TRI_N; i++)
			tri[l][i] = (float)log((tri[l][i] + 0.002) / (tt + 0.002 * TRI_N));
	}
	ready = 1;
}

static int
is_word_cp(unsigned c)
{
	if (c < 0x80)
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '\'';
	return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

const char *
cim_langid(const char *s, size_t n, double *conf)
{
	double score[NLANG] = { 0 }, best, second;
	size_t i = 0, len, letters = 0, nw = 0, known[NLANG] = { 0 };
	int l, bl = 0;
	unsigned c;

	if (!ready)
		build();
	/* A few sentences decide; more only costs time. */
	if (n > 240)
		n = 240;
	while (i < n) {
		size_t start, k;
		unsigned cp[64];
		char wb[256];
		size_t wn = 0;

		if ((len = cim_tok_decode(s + i, n - i, &c)) == 0) { i++; continue; }
		if (!is_word_cp(c) || c == '\'') { i += len; continue; }
		start = i;
		while (i < n && (len = cim_tok_decode(s + i, n - i, &c)) > 0 && is_word_cp(c))
			i += len;
		/* URLs and handles say nothing of the language. */
		if (i < n && (s[i] == ':' || s[i] == '@' || s[i] == '.') && i + 1 < n &&
		    s[i + 1] != ' ' && s[i + 1] != '\n') {
			while (i < n && s[i] != ' ' && s[i] != '\n')
				i++;
			continue;
		}
		k = lower_cps(s + start, i - start, cp, 60);
		letters += k;
		nw++;
		/* The lower-cased word as UTF-8, for the word lists. */
		for (size_t j = 0; j < k && wn + 4 < sizeof(wb); j++) {
			if (cp[j] < 0x80) wb[wn++] = (char)cp[j];
			else { wb[wn++] = (char)(0xC0 | cp[j] >> 6); wb[wn++] = (char)(0x80 | (cp[j] & 0x3F)); }
		}
		{
			unsigned buf[64];
			uint32_t th[64];
			size_t m, nt = 0;

			/* Each trigram hashed once, looked up in the three profiles. */
			buf[0] = ' ';
			memcpy(buf + 1, cp, k * sizeof(*cp));
			buf[k + 1] = ' ';
			for (m = 0; m + 3 <= k + 2; m++)
				th[nt++] = tri_hash(buf + m);
			for (l = 0; l < NLANG; l++) {
				struct cim_smap_ent *e = cim_smap_get(&wmap[l], wb, wn);
				double ts = 0;

				if (e != NULL) {
					score[l] += wlog[l][e->val - 1];
					known[l]++;
				} else {
					score[l] += UNK_WORD;
				}
				for (m = 0; m < nt; m++)
					ts += tri[l][th[m]];
				score[l] += 0.5 * ts;
			}
		}
	}
	if (conf)
		*conf = 0;
	if (letters < 12 || nw < 2)
		return "und";
	for (l = 1; l < NLANG; l++)
		if (score[l] > score[bl])
			bl = l;
	best = score[bl];
	second = -1e300;
	for (l = 0; l < NLANG; l++)
		if (l != bl && score[l] > second)
			second = score[l];
	/* Another language: hardly any of its words are in our lists. */
	if (nw >= 4 && known[bl] * 5 < nw)
		return "und";
	if (conf)
		*conf = 1 - exp((second - best) / (double)nw);
	return lname[bl];
}
