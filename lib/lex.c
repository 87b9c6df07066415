/*
 * lex.c: the built-in tables of cim-classify and their index (see lex.h).
 * Weights are hand-set: 2 for a phrase that alone says the intent, 1 for
 * a word that leans to it, less for words that many intents share.
 * Sentiment valences follow VADER's -4..+4 scale (Hutto & Gilbert 2014),
 * the Portuguese ones set by analogy with its English entries.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lex.h"
#include "smap.h"

const char *const cim_intent_name[CIM_I_COUNT] = {
	"billing", "refund", "cancellation", "delivery", "order_status",
	"technical_issue", "account_access", "complaint", "purchase",
	"information", "praise", "other"
};
const char *const cim_urg_name[CIM_U_COUNT] = {
	"legal_threat", "repeat_contact", "outage", "charged_twice", "explicit"
};
const char *const cim_churn_name[CIM_C_COUNT] = {
	"cancel_service", "portability", "switch_provider", "never_again",
	"competitor"
};

#define I(c, w, p)	{ p, CIM_LEX_INTENT, CIM_I_##c, w }
#define U(c, w, p)	{ p, CIM_LEX_URGENCY, CIM_U_##c, w }
#define C(c, w, p)	{ p, CIM_LEX_CHURN, CIM_C_##c, w }
#define S(w, p)		{ p, CIM_LEX_SENT, 0, w }
#define NEG(p)		{ p, CIM_LEX_NEG, 0, 0 }
#define BOOST(w, p)	{ p, CIM_LEX_BOOST, 0, w }
#define BUT(p)		{ p, CIM_LEX_CONTRAST, 0, 0 }
#define HEDGE(p)	{ p, CIM_LEX_HEDGE, 0, 0 }
/* Words of one language that are common words of the other: English "no"
 * and "so" are Portuguese "in the" and "only" (so), Portuguese "show",
 * "top" and "legal" (great, cool) are English "show me", "top up" and
 * "legal action".  cls says the language they count in (senti.c). */
#define SPT(w, p)	{ p, CIM_LEX_SENT, CIM_LEX_PT, w }
#define NEGEN(p)	{ p, CIM_LEX_NEG, CIM_LEX_EN, 0 }
#define BOOSTEN(w, p)	{ p, CIM_LEX_BOOST, CIM_LEX_EN, w }

static const struct cim_lex_entry table[] = {
	/* ---- intents, Portuguese ---- */
	I(BILLING, 1.5, "fatura*"), I(BILLING, 1.5, "boleto*"),
	I(BILLING, 1.5, "cobranca*"), I(BILLING, 2, "cobr* indevid*"),
	I(BILLING, 1.2, "cobrad*|cobraram|cobrando|cobrou"),
	I(BILLING, 1.2, "mensalidade*"), I(BILLING, 0.8, "pagamento*"),
	I(BILLING, 0.6, "paguei|pagar"), I(BILLING, 1.5, "nota fiscal"),
	I(BILLING, 1, "debit*"), I(BILLING, 1.2, "juros"), I(BILLING, 1, "taxa*"),
	I(BILLING, 1.2, "tarifa*"), I(BILLING, 1, "valor .. cobrado"),
	I(BILLING, 0.6, "pix"), I(BILLING, 0.8, "parcela*"),
	I(REFUND, 2, "reembols*"), I(REFUND, 2, "estorn*"),
	I(REFUND, 2, "dinheiro de volta"), I(REFUND, 2, "devolv* .. dinheiro|valor"),
	I(REFUND, 2, "devolucao do dinheiro|valor"), I(REFUND, 2, "ressarc*"),
	I(REFUND, 1, "devolucao"), I(REFUND, 0.8, "devolver"),
	I(CANCELLATION, 2, "cancel*"), I(CANCELLATION, 1.5, "desist* .. compra|pedido"),
	I(CANCELLATION, 1.5, "encerrar|rescindir|rescisao"),
	I(DELIVERY, 1.5, "entrega*"), I(DELIVERY, 1.2, "entregue|entregar"),
	I(DELIVERY, 2, "nao chegou|veio"), I(DELIVERY, 0.8, "chegou|chegar|chega"),
	I(DELIVERY, 1, "nao recebi"), I(DELIVERY, 0.4, "recebi|receber"),
	I(DELIVERY, 1.5, "transportadora"), I(DELIVERY, 1.5, "correios"),
	I(DELIVERY, 1.2, "frete"), I(DELIVERY, 2, "extraviad*"),
	I(DELIVERY, 1, "atras*"), I(DELIVERY, 0.8, "endereco"),
	I(DELIVERY, 1, "prazo"),
	I(ORDER_STATUS, 2, "status .. pedido"), I(ORDER_STATUS, 1, "meu pedido"),
	I(ORDER_STATUS, 0.5, "pedido"), I(ORDER_STATUS, 1.5, "rastre*"),
	I(ORDER_STATUS, 1.5, "onde esta"), I(ORDER_STATUS, 1.2, "cade"),
	I(ORDER_STATUS, 1, "acompanhar"), I(ORDER_STATUS, 1.5, "previsao"),
	I(TECHNICAL, 2, "nao funciona*"), I(TECHNICAL, 2, "parou de funcionar"),
	I(TECHNICAL, 1.5, "erro"), I(TECHNICAL, 1.5, "bug"),
	I(TECHNICAL, 2, "fora do ar"), I(TECHNICAL, 1.2, "trava*"),
	I(TECHNICAL, 0.8, "aplicativo|app"), I(TECHNICAL, 0.6, "site"),
	I(TECHNICAL, 1.2, "internet|sinal|conexao|wifi"),
	I(TECHNICAL, 1, "lent*"), I(TECHNICAL, 1.2, "caiu|queda"),
	I(TECHNICAL, 1, "defeito"),
	I(ACCOUNT, 2, "senha*"), I(ACCOUNT, 2, "login"), I(ACCOUNT, 1.5, "logar"),
	I(ACCOUNT, 2, "acess* .. conta"), I(ACCOUNT, 1, "acesso|acessar"),
	I(ACCOUNT, 1.2, "bloquead*"), I(ACCOUNT, 2, "conta bloqueada"),
	I(ACCOUNT, 1.5, "codigo de verificacao"), I(ACCOUNT, 1, "cadastro"),
	I(COMPLAINT, 1.5, "reclama*"), I(COMPLAINT, 1, "absurdo"),
	I(COMPLAINT, 1.5, "descaso"), I(COMPLAINT, 2, "pessimo atendimento"),
	I(COMPLAINT, 0.5, "atendimento"), I(COMPLAINT, 1.5, "desrespeito"),
	I(COMPLAINT, 1, "gerente|supervisor"), I(COMPLAINT, 1, "vergonha"),
	I(PURCHASE, 1.2, "comprar"), I(PURCHASE, 2, "quero|gostaria|queria comprar"),
	I(PURCHASE, 1.5, "orcamento"), I(PURCHASE, 1, "preco*"),
	I(PURCHASE, 2, "quanto custa"), I(PURCHASE, 1, "disponivel"),
	I(PURCHASE, 1.2, "estoque"), I(PURCHASE, 1, "promoca*|desconto"),
	I(PURCHASE, 1.5, "contratar"), I(PURCHASE, 1.2, "adquirir"),
	I(INFORMATION, 1.5, "gostaria|queria de? saber"), I(INFORMATION, 1.5, "duvida*"),
	I(INFORMATION, 1.5, "informaca*"), I(INFORMATION, 1.5, "como faco|funciona"),
	I(INFORMATION, 1.5, "horario*"), I(INFORMATION, 1, "qual"),
	I(PRAISE, 2, "parabens"), I(PRAISE, 1, "obrigado"), I(PRAISE, 1.2, "agradec*"),
	I(PRAISE, 1.5, "excelente"), I(PRAISE, 1.2, "otimo|otima"),
	I(PRAISE, 1.5, "adorei|amei"), I(PRAISE, 1.5, "muito bom|boa"),
	I(PRAISE, 1.2, "recomendo"), I(PRAISE, 2, "elogi*"),
	/* ---- intents, English ---- */
	I(BILLING, 1.5, "invoice*"), I(BILLING, 1.5, "bill|bills|billing|billed"),
	I(BILLING, 1.5, "charged"), I(BILLING, 1.2, "charge|charges"),
	I(BILLING, 1, "payment*"), I(BILLING, 1.2, "fee|fees"),
	I(BILLING, 0.8, "paid|pay"), I(BILLING, 1, "statement"),
	I(BILLING, 1, "transaction*"),
	I(REFUND, 2, "refund*"), I(REFUND, 2, "money back"), I(REFUND, 2, "reimburs*"),
	I(REFUND, 1, "return .. item|product|order"),
	I(CANCELLATION, 2, "cancel*"), I(CANCELLATION, 1.5, "unsubscribe"),
	I(CANCELLATION, 1, "terminate"), I(CANCELLATION, 1.2, "close .. account"),
	I(DELIVERY, 1.5, "delivery|deliveries|deliver|delivered"),
	I(DELIVERY, 1.5, "shipping|shipment|shipped|ship"),
	I(DELIVERY, 1.2, "arrive|arrived|arrival"), I(DELIVERY, 1.5, "courier"),
	I(DELIVERY, 1.2, "package|parcel"), I(DELIVERY, 1, "address"),
	I(DELIVERY, 1.5, "never arrived|came"),
	I(ORDER_STATUS, 2, "order status"), I(ORDER_STATUS, 1, "my order"),
	I(ORDER_STATUS, 0.5, "order"), I(ORDER_STATUS, 1.5, "track|tracking"),
	I(ORDER_STATUS, 1.2, "where is"),
	I(TECHNICAL, 2, "not working"), I(TECHNICAL, 2, "doesnt|dont|isnt|wont work*|load*"),
	I(TECHNICAL, 1.5, "error*"), I(TECHNICAL, 1.5, "crash*"),
	I(TECHNICAL, 1.5, "bug|bugs|glitch*"), I(TECHNICAL, 2, "outage"),
	I(TECHNICAL, 1, "broken"), I(TECHNICAL, 1.5, "freez*"),
	I(TECHNICAL, 1.2, "connection|wifi|signal"), I(TECHNICAL, 0.6, "update"),
	I(ACCOUNT, 2, "password*"), I(ACCOUNT, 2, "log|sign in"), I(ACCOUNT, 2, "locked out"),
	I(ACCOUNT, 1.2, "locked"), I(ACCOUNT, 1.5, "username"),
	I(ACCOUNT, 1.5, "verification code"), I(ACCOUNT, 1.5, "two factor|2fa"),
	I(ACCOUNT, 0.6, "account"), I(ACCOUNT, 1.2, "access .. account"),
	I(COMPLAINT, 1.5, "complain*"), I(COMPLAINT, 2, "terrible|worst|awful service"),
	I(COMPLAINT, 1.5, "speak|talk to .. manager|supervisor"),
	I(COMPLAINT, 1.2, "unacceptable"), I(COMPLAINT, 1, "ridiculous"),
	I(PURCHASE, 1.2, "buy"), I(PURCHASE, 1.2, "purchase"),
	I(PURCHASE, 1, "price|pricing"), I(PURCHASE, 1.5, "how much"),
	I(PURCHASE, 1.5, "in stock"), I(PURCHASE, 0.8, "available"),
	I(PURCHASE, 1, "discount"), I(PURCHASE, 1, "upgrade"),
	I(INFORMATION, 1.5, "how do|can i"), I(INFORMATION, 1, "what is|are"),
	I(INFORMATION, 1.2, "question"), I(INFORMATION, 1.5, "info|information"),
	I(INFORMATION, 1, "hours"), I(INFORMATION, 1.2, "is it possible"),
	I(PRAISE, 1, "thank you"), I(PRAISE, 0.8, "thanks"), I(PRAISE, 1, "great"),
	I(PRAISE, 1.5, "excellent|awesome|amazing"), I(PRAISE, 1.5, "love"),
	I(PRAISE, 2, "kudos"), I(PRAISE, 2, "well done"), I(PRAISE, 2, "good job"),
	I(PRAISE, 1.2, "appreciate"),

	/* ---- urgency: legal and regulator threats ---- */
	U(LEGAL, 3, "procon"), U(LEGAL, 3, "reclame aqui"), U(LEGAL, 3, "reclameaqui"),
	U(LEGAL, 3, "consumidor gov"), U(LEGAL, 3, "anatel"), U(LEGAL, 3, "bacen"),
	U(LEGAL, 3, "banco central"), U(LEGAL, 3, "ouvidoria"), U(LEGAL, 3, "advogad*"),
	U(LEGAL, 3, "vou|irei|vamos processar"),
	U(LEGAL, 3, "processar .. voces|empresa|loja|banco"),
	U(LEGAL, 3, "entrar|entrarei|entro|mover com .. processo|acao"),
	U(LEGAL, 3, "processo|acao judicial"), U(LEGAL, 3, "justica"),
	U(LEGAL, 3, "juizado"), U(LEGAL, 3, "danos morais"), U(LEGAL, 3, "pequenas causas"),
	U(LEGAL, 3, "defesa do consumidor"), U(LEGAL, 3, "idec"),
	U(LEGAL, 3, "lawyer*"), U(LEGAL, 3, "attorney*"), U(LEGAL, 3, "sue|suing"),
	U(LEGAL, 3, "lawsuit"), U(LEGAL, 3, "legal action"), U(LEGAL, 3, "bbb"),
	U(LEGAL, 3, "better business bureau"), U(LEGAL, 3, "chargeback"),
	U(LEGAL, 3, "small claims"), U(LEGAL, 3, "cfpb|fcc|ftc"), U(LEGAL, 3, "ombudsman"),
	/* repeated contact */
	U(REPEAT, 2, "ja liguei|reclamei|falei|entrei"), U(REPEAT, 2, "liguei .. vezes"),
	U(REPEAT, 2, "de novo"), U(REPEAT, 2, "denovo"), U(REPEAT, 2, "novamente"),
	U(REPEAT, 2, "ate hoje|agora"), U(REPEAT, 2, "protocolo*"),
	U(REPEAT, 2, "varias|diversas vezes"), U(REPEAT, 2, "mais uma vez"),
	U(REPEAT, 2, "segunda|terceira|quarta|quinta vez"),
	U(REPEAT, 2, "second|third|fourth|fifth time"), U(REPEAT, 2, "again"),
	U(REPEAT, 2, "still waiting"), U(REPEAT, 2, "still havent|hasnt|not|no"),
	U(REPEAT, 2, "multiple|several|many times"), U(REPEAT, 2, "called .. times"),
	U(REPEAT, 2, "reference|ticket|case number"), U(REPEAT, 2, "ninguem .. resolve|responde"),
	/* outages */
	U(OUTAGE, 2, "fora do ar"), U(OUTAGE, 2, "sem internet|sinal|luz|servico|linha"),
	U(OUTAGE, 2, "internet|sinal|sistema|site|app|aplicativo caiu"),
	U(OUTAGE, 2, "outage"), U(OUTAGE, 2, "is|are|went down"),
	U(OUTAGE, 2, "no service|internet|signal|power"),
	/* charged twice */
	U(DOUBLE, 2, "cobr* duas|2 vezes"), U(DOUBLE, 2, "cobr* em dobro"),
	U(DOUBLE, 2, "cobranca* duplicad*"), U(DOUBLE, 2, "charged twice"),
	U(DOUBLE, 2, "double charged"), U(DOUBLE, 2, "charged .. twice"),
	U(DOUBLE, 2, "duplicate charge*"), U(DOUBLE, 2, "debitad* duas|2 vezes"),
	/* explicit urgency */
	U(EXPLICIT, 2, "urgent*"), U(EXPLICIT, 2, "emergencia"), U(EXPLICIT, 2, "imediatamente"),
	U(EXPLICIT, 2, "o mais rapido"), U(EXPLICIT, 2, "asap"), U(EXPLICIT, 2, "emergency"),
	U(EXPLICIT, 2, "immediately"), U(EXPLICIT, 2, "right now"),

	/* ---- churn cues ---- */
	C(CANCEL, 0.6, "cancel*|encerrar .. conta|plano|assinatura|servico|linha|contrato|cartao"),
	C(CANCEL, 0.6, "cancel*|close .. account|subscription|plan|membership|service|contract|card"),
	C(PORT, 0.7, "portabilidade"), C(PORT, 0.6, "portar .. numero"),
	C(SWITCH, 0.6, "trocar|mudar|migrar de operadora|banco|empresa|provedor"),
	C(SWITCH, 0.6, "switch|switching|moving to"), C(SWITCH, 0.6, "go|going elsewhere"),
	C(SWITCH, 0.6, "business elsewhere"), C(SWITCH, 0.6, "switch|change provider|carrier|bank"),
	C(NEVER, 0.7, "nunca mais .. compr*|volto|uso|usar"), C(NEVER, 0.7, "never .. again"),
	C(NEVER, 0.7, "last time i"),
	C(COMPETITOR, 0.6, "concorrente|concorrencia"), C(COMPETITOR, 0.6, "competitor*"),
	C(COMPETITOR, 0.6, "vou|irei|vamos para .. claro|vivo|tim|oi|nubank|inter|net|sky"),

	/* ---- sentiment, Portuguese ---- */
	S(3, "otimo|otima|otimos|otimas|otimu"), S(3.4, "excelente*|exelente"),
	S(3.2, "maravilhos*"), S(3, "perfeit*"), S(2, "bom|boa|bons|boas"),
	S(2.2, "gostei"), S(1.5, "gosto"),
	S(3, "adorei|amei|amo|amou|amaram|amamos|adorando|amando"), S(2.4, "recomendo"),
	S(2, "recomendad*"), S(2.2, "satisfeit*"), S(2.5, "feliz|felizes"),
	S(2.2, "contente"), S(1.5, "rapid*"), S(1.8, "rapidez"), S(1.5, "agil"),
	S(2, "eficien*"), S(2.5, "lind*"), SPT(2, "show"), SPT(2, "top"),
	S(3, "sensacional|incrivel|fantastic*|espetacular"),
	S(1.5, "obrigado"), S(1.8, "agradec*"), S(2.8, "parabens"), S(1, "bem"),
	S(1.5, "certinho"), S(1, "correto|corretamente"), S(0.8, "conforme"),
	S(2, "dentro do prazo"), S(2.5, "antes do prazo"), S(1.8, "pratic*"),
	S(1.8, "confortave*"), S(2.2, "bonit*"), S(1.2, "resolvid*|resolveu"),
	S(1.2, "funciona|funcionou|funcionando"), S(1.5, "facil"), S(2.2, "vale|valeu|valem a pena"),
	S(1.5, "custo beneficio"), S(0.8, "ok"), S(1, "beleza"), S(1.5, "valeu"),
	S(1.5, "no prazo"), S(2, "atencios*"), S(1.5, "educad*"), S(2, "prestativ*"),
	SPT(1.8, "legal"), S(1.2, "qualidade"), S(0, "a|da|na qualidade"),
	S(2.5, "boa|alta qualidade"), S(3.2, "otima|excelente qualidade"),
	S(2, "super indico|recomendo"),
	S(1.5, "indico"), S(2, "bacana"), S(1.5, "tranquil*"), S(1.2, "seguro"),
	S(2, "sucesso"), S(1.5, "adequad*"), S(2, "excelencia"),
	S(-3.5, "pessim*"), S(-3.5, "horrivel|horriveis"), S(-3.2, "horroros*"),
	S(-2.5, "ruim|ruins"), S(-3, "pior|piores"), S(-3.4, "terrivel"),
	S(-3, "lixo"), S(-3, "porcaria"), S(-2.8, "decepcion*|decepcao"),
	S(-2.5, "insatisfeit*"), S(-2, "triste"), S(-3, "raiva"), S(-3, "absurd*"),
	S(-2.8, "vergonha*"), S(-2.8, "lamentavel"), S(-3, "descaso"),
	S(-3, "desrespeit*"), S(-2, "atraso*|atrasad*|atrasou"), S(-1.5, "demor*"),
	S(-2.5, "defeito*|defeituos*"), S(-2.3, "quebrad*|quebrou"),
	S(-2.3, "danificad*|amassad*|rasgad*"), S(-1.8, "errad*"), S(-1.5, "erro"),
	S(-1.8, "problema*"), S(-1.5, "reclamaca*"), S(-3, "golpe"),
	S(-3, "enganad*|enganacao|enganosa|enganoso|enganar|enganam|enganaram|enganou"),
	S(-3, "fraude"), S(-3, "roubo|ladr*|roubad*"),
	S(-2.5, "mentira*|mentiros*"),
	S(-2.5, "nao funciona*"), S(-3, "nao recomendo"), S(-2.2, "nao gostei"),
	S(-1, "ate agora"), S(-1.2, "ate hoje"), S(-1.5, "ainda nao"),
	S(-1, "falta"), S(-1.5, "faltando|faltou"), S(-3, "dinheiro jogado fora"),
	S(-2.2, "a desejar"), S(-1.5, "fragil"), S(-2, "fraco|fraca"),
	S(-1.5, "mal"), S(-3.2, "odiei|odeio"), S(-3, "detestei"), S(-2.2, "chatead*"),
	S(-2.5, "irritad*|irritante"), S(-2.5, "frustrad*|frustrante"), S(-1.5, "cansad*"),
	S(-1.2, "caro"), S(-2.5, "arrepend*"), S(-2, "nao vale"),
	S(-2.5, "nunca mais"), S(-3, "nao presta"), S(-2, "nao serve"), S(-3, "nojo*"),
	S(-2.5, "inutil"), S(-2.8, "ridicul*"), S(-2, "desorganiza*"),
	S(-2, "sem resposta|retorno"), S(-3, "palhacada|sacanagem"), S(-3, "merda"),
	S(-2, "porra"), S(-3, "inadmissivel|inaceitavel"), S(-3, "revoltad*|revoltante"),
	S(-3, "indignad*"), S(-1.8, "incomplet*"), S(-1, "diferente"),
	S(-2, "diferente|diferentes .. anuncio*|foto|fotos|descri*|imagem|imagens|site|pedido|"
	    "pedi|comprei"),
	S(-1.5, "sumiu"),
	S(-2.5, "extraviad*"), S(-2.5, "nao entrega*"),
	S(-2, "nao veio"), S(-1.5, "veio errado|quebrado|faltando"), S(-2, "dificil"),
	S(-1.5, "dificuldade*"),
	S(-2.2, "complicad*"), S(-1.5, "pessima"), S(-2, "prejuizo"), S(-1.5, "esperando"),
	S(-2, "nenhum|nenhuma retorno|resposta|satisfacao|posicao|posicionamento|informacao|"
	    "comunicado"),
	S(-1.2, "devolv*"), S(-1, "cancelad*"),
	S(-2.5, "descontent*"), S(-2, "preocupad*"), S(-2, "medo"), S(-2, "pessimo"),
	S(-1.5, "duvidos*"), S(-2, "falso|falsa|falsificad*"), S(-2.5, "estrag*"),
	S(-2, "vazand*|vazou"), S(-1.5, "barulho*"), S(-1.5, "nao consigo|consegui"),
	S(-1.5, "esquenta*"),
	/* review vocabulary */
	S(2.5, "melhor|melhores"), S(1.5, "expectativa*"), S(3, "superou|superaram .. expectativa*"),
	S(-2.5, "abaixo .. expectativa*"),
	S(-2.5, "nao atende*|correspond*|supr* .. expectativa*|necessidade*"),
	S(1.2, "certo|certa|certos|certas"),
	S(1.5, "facilidade"), S(0.8, "simples"), S(2, "divert*"), S(1.5, "potente"),
	S(1.5, "resistente"), S(1, "macio|macia"), S(1.2, "funcional"), S(1.2, "economic*"),
	S(1.2, "silencios*"), S(1.2, "barato|barata"), S(1, "acessivel"),
	S(-1.5, "impossivel"), S(-1.5, "confus*"), S(-1.5, "interferencia*"),
	S(-1.5, "adiad*"), S(-2, "vaza|vazamento"), S(-1.5, "nao consegue"),
	S(-2.5, "ninguem me? atende|responde|resolve|retorna"), S(-1, "nao houve"), S(-1.5, "desabona"),
	S(-1, "escorrega*"), S(-1.5, "e nada"), S(-2, "nao atende*"),
	S(-2, "nao condiz|condizem|confere|conferem|corresponde*"),
	S(-1.5, "ruido*"), S(-1.8, "barulhent*"), S(-1.5, "travou|travando|travado|trava"),
	S(-1.2, "cade"),
	/* "poderia ser melhor": a wish, not praise (the phrase covers "melhor") */
	S(-1.5, "poderia|podia|deveria|poderiam|deveriam ser melhor|melhores"),
	S(-1.5, "esperava mais|melhor"), S(-1.5, "could|should be better"), S(0.9, "okay"),
	S(3, "adorou|adoraram|adoro|adoramos"), S(2.2, "gostou|gostaram|gostamos"),
	S(1.5, "gosta|gostam"),
	S(1.5, "util|uteis|utilidade"), S(2, "agradavel|agradaveis"), S(1.5, "cheiros*"),
	S(2, "cumpre|cumpriu o que promete"), S(2, "confiavel|confiaveis|confianca"), S(3, "maravilha"),
	S(3, "excepcional|impecavel"), S(2.5, "encantad*"), S(2, "surpreendeu"),
	S(-2.5, "nao funcionou"), S(-2.5, "nao recomendaria"),
	S(-1.5, "inferior"), S(-2, "descasca*"), S(-1.5, "furad*|furos"), S(-2, "bugad*"),
	S(-1.8, "desconfortave*"), S(-2.5, "nao entregou|entregaram"), S(-1.5, "decaiu"),
	/* an order partly or wrongly delivered, a customer left waiting */
	S(-2, "recebi|chegou|chegaram|veio|vieram|entregue|entregaram|enviaram apenas|so|somente"),
	S(-2, "apenas|so|somente foi|foram? recebi|chegou|chegaram|veio|vieram|entregaram|"
	    "entregou|enviaram|mandaram|entregue|entregues|enviad*"),
	S(-2, "recebi|chegou|veio metade"),
	S(-2, "veio|vieram|chegou|chegaram|enviaram|mandaram|entregaram|entregou|entrega|entregam|"
	    "recebi outro|outra"),
	S(-2, "veio|vieram|chegou|chegaram|enviaram|mandaram|entregaram|recebi .. no|ao|em lugar|"
	    "inves|vez"),
	S(-2, "veio|vieram|chegou|chegaram|enviaram|mandaram|entregaram|enviou|mandou|"
	    "recebi .. errad*|diferente*|trocad*"),
	S(-2.5, "avariad*"), S(-2, "manchad*"),
	S(-1.5, "riscad*|arranhad*"), S(-2, "sinal|sinais|marcas de uso"),
	S(-1.5, "aguardando"), S(-1.5, "no aguardo"), S(-1.2, "ate o momento"),
	S(-2, "nao obtive|tive|tivemos|recebi|recebemos nenhuma|nenhum? resposta|retorno|"
	    "satisfacao|posicao|posicionamento"),
	S(-2.5, "propaganda enganosa"),
	/* greetings are not praise: a phrase of valence 0 covers their words */
	S(0, "bom|boa dia|tarde|noite"), S(0, "good morning|afternoon|evening"),
	/* nor are idioms that hold a negator: "sem fio" (wireless), "do nada"
	 * (out of the blue), "de nada" (you are welcome) negate nothing */
	S(0, "sem fio|fios"), S(0, "do|de nada"), S(0, "no doubt"),
	S(-2.5, "ma|mau|pessima|baixa|pouca qualidade|atendimento|acabamento|durabilidade"),
	S(-2.5, "qualidade baixa|ruim|inferior|duvidosa|pessima|fraca"), S(-2.5, "baixo nivel"),
	/* a service not rendered: negative, not a negated complaint */
	S(-2.5, "nao devolveu|devolveram|reembolsou|reembolsaram|estornou|estornaram"),
	S(-2.5, "nao|nem|nunca resolveu|resolveram|respondeu|responderam|retornou|retornaram"),
	S(-2, "nao liga|ligou|acende|acendeu|carrega|carregou|encaixa|corta|cortou"),
	S(-2, "queimou|queimad*"), S(-1.5, "emperr*"),
	S(-2.5, "parou|pararam|para|param de funcionar"), S(-2.5, "nao esta|estava|ta funciona*"),
	S(-1.5, "soltando|soltou|descosturou|descosturando"), S(-2.5, "mofad*"),
	S(-2, "trincad*"), S(-1.5, "lascad*"), S(-2, "nao dura"), S(-1.5, "nao pega"),
	S(1.5, "conforto"), S(-2.5, "gato por lebre"),
	S(-2.5, "sem condicoes de uso"),
	S(2, "gostando"), S(1.5, "obrigada|obrigados|obrigadas"), S(1.5, "pronto atendimento"),
	S(2, "cumpr* .. prazo|prazos|combinado|prometido|previsto"),
	S(2.5, "antes do tempo|previsto|esperado|combinado"), S(1, "correta|corretas|corretos"),
	/* not yet tried: a reservation (a hedge), not a complaint */
	S(0, "ainda nao usei|utilizei|testei|instalei|montei|pude|experimentei"),
	/* a delivery not made, late, or the customer left without an answer */
	S(-2.5, "nao|nunca|nem chegou|chega|chegaram|chegam|chego|recebi|recebemos|recebido|"
	    "recebida|entregue|entregues"),
	S(-2.5, "nao|nunca foi|foram entregue|entregues|enviado|enviada|enviados|recebido|recebida"),
	S(-2.5, "nao me? entregou|entregaram|enviou|enviaram|mandou|mandaram|emitiu|emitiram"),
	S(-2, "passou|passaram|ultrapassou|ultrapassaram|estourou do|o|a|da|dos|das prazo|prazos|"
	    "data|previst*|combinad*|dias|limite"),
	S(-2, "prazo .. passou|expirou|venceu|estourou"),
	S(-2, "fora|apos|depois do prazo"),
	S(-1.5, "aguardo|espero um|uma|algum|alguma? retorno|resposta|posicionamento|posicao|"
	    "providencia*|solucao"),
	S(-2.5, "nao me? responde|respondem|retorna|retornam|resolve|resolvem"),
	S(-1.2, "cancelaram|cancelou|cancelei|cancelamento"),
	S(-2, "nao tinha|tinham|havia|tem .. estoque"),
	S(-1.5, "sem|fora de? estoque"), S(-2, "em desacordo"),
	S(-1.5, "faltante*|faltaram|faltava|faltavam"),
	/* the wrong item, or not the one announced */
	S(-2, "nao e|era|eram|foi|sao|veio o|a|os|as? .. que|como|conforme eu? pedi|comprei|"
	    "encomendei|esperava|escolhi|solicitei|anunciad*|descrit*"),
	S(-2, "nao e|era|eram|foi|sao|veio o|a|os|as? .. anunciad*|descrit*|mostrad*"),
	S(-1.5, "nao se? parece|parecem"), S(-2, "nao e|era|eram|sao|parece|parecem original|originais"),
	S(-1.5, "replica|pirata"), S(-2, "violad*"),
	S(-1.5, "nao foi|foram informad*|avisad*|comunicad*"),
	S(-1.5, "poderia|poderiam|podia|deveria|deveriam|precisa|precisam melhorar|agilizar"),
	/* a product that fails, and a customer who will not buy again */
	S(-2.5, "desapont*"), S(-2.5, "insastifeit*|insatifeit*"),
	S(-1.5, "descol*|desbot*|oxid*|empenad*"),
	S(-2, "enferruj*|rachad*|rachou|deformad*"), S(-1.5, "dura|durou|durabilidade pouco|pouca"),
	S(-2.5, "nao compre|comprem|comprarei|compraria|compro"), S(-2, "nao teria comprado"),
	S(-2.5, "dor de cabeca"), S(-1.5, "burocracia"), S(-2, "enrola|enrolando|enrolacao|enrolad*"),
	/* a delivery on time or early, a shop to buy from again */
	S(2, "pontual|pontuais|pontualidade"), S(2.5, "tempo recorde|record"),
	S(2, "voltarei|voltaria|volto|voltar|voltaremos a comprar"),
	S(2, "comprarei|compraria|compraremos|compro novamente|denovo|sempre"),
	S(2, "continue|continuem assim"), S(2, "supera|superou|superaram|superando"),
	S(1.5, "como|conforme o? combinado|anunciado|anunciada|descrito|descrita|esperado|"
	    "prometido|solicitado"),
	S(1.5, "atende|atendeu|atendem|atenderam .. necessidade*|propoe"), S(1.5, "preco|valor justo"),
	S(2, "testado e aprovado"), S(2, "prazo|prazos .. cumprido|cumpridos|respeitado"),
	S(2, "bem embalad*|acondicionad*|protegid*|embrulhad*"), S(2, "recomendaria"),
	S(2, "cada centavo"),
	S(3, "nota|loja|vendedor|empresa 10|dez|mil|1000|100"), S(3.4, "execelent*|excelentes"),
	/* ---- sentiment, English ---- */
	S(3.1, "great"), S(1.9, "good"), S(3.2, "excellent"), S(2.8, "amazing"),
	S(3.1, "awesome"), S(3.2, "love|loved|loves|loving"), S(0.8, "like|liked"),
	S(2.7, "happy"), S(1.8, "satisfied"), S(1.9, "thanks|thank"), S(2, "appreciate*"),
	S(2, "helpful"), S(2.7, "perfect*"), S(1, "fast|quick|quickly"), S(1.5, "easy"),
	S(1.8, "nice"), S(2.7, "wonderful"), S(2.6, "fantastic"), S(3.2, "best"),
	S(1.5, "recommend*"), S(1.9, "pleased"), S(2, "glad"), S(1.2, "resolved"),
	S(1, "works"), S(1.2, "fixed"), S(0.9, "worth"), S(2, "excited"),
	S(-2.5, "bad"), S(-2.9, "terrible"), S(-2.5, "horrible"), S(-2, "awful"),
	S(-3.1, "worst"), S(-2.7, "hate|hated"), S(-2.3, "angry"), S(-1.6, "upset"),
	S(-1.9, "disappointed"), S(-2.2, "disappointing"), S(-2.2, "frustrated|frustrating"),
	S(-2, "annoyed|annoying"), S(-1.8, "useless"), S(-1.8, "broken"),
	S(-2.5, "scam|fraud"), S(-2.1, "ridiculous"), S(-2, "unacceptable"),
	S(-1.5, "sucks"), S(-2.1, "poor"), S(-1.2, "slow"), S(-1, "late"),
	S(-1.5, "delay|delayed"), S(-2.1, "wrong"), S(-1.5, "error"), S(-1.7, "problem*"),
	S(-1, "issue|issues"), S(-2, "fail*"), S(-1.8, "crash*"), S(-1.4, "stuck"),
	S(-1.8, "waste|wasted"), S(-1.3, "lost"), S(-1.2, "missing"),
	S(-2, "damaged|defective"), S(-1.6, "complaint"), S(-2, "rude"),
	S(-2.5, "incompetent|pathetic|disgusting"), S(-2, "shame"), S(-2.5, "wtf"),
	S(-1.5, "ugh"), S(-2.1, "sad"), S(-2.2, "unhappy"), S(-1.8, "still waiting"),
	S(-2.5, "never|not|didnt|hasnt|havent|wasnt|werent arrived|received|delivered|shipped|"
	    "arrive|receive|deliver|ship|came"),
	S(-2, "doesnt|dont|didnt|not|isnt work*"), S(-2, "charged twice"),
	S(-2.5, "ripoff|rip off"), S(-2, "horrendous"), S(-2.3, "furious|livid"),
	S(-1.5, "confused|confusing"), S(-1.5, "worried"), S(-1.5, "hassle"), S(-1.2, "unable"),
	/* counterparts of the Portuguese delivery and review families */
	S(-2, "missed|past|passed|after the? deadline|due"), S(1.5, "on time"),
	S(2.5, "ahead of schedule|time"), S(2, "arrived|came|delivered early"), S(2.5, "record time"),
	S(2, "punctual"), S(-2, "not as|what .. described|pictured|advertised|expected|ordered|shown"),
	S(1.5, "as described|pictured|advertised|expected|promised"),
	S(-1.5, "sent|received|got|came|shipped|delivered .. instead"),
	S(-2, "only received|delivered|shipped|came|arrived"),
	S(-1.5, "waiting for|awaiting"), S(-2, "no response|reply|answer|update"),
	S(-2.5, "dont|never buy|order"), S(2, "buy|order|shop|purchase .. again"),
	S(2, "reliable|trustworthy"), S(-2.5, "fell apart"), S(-2.5, "stopped|quit working"),
	S(-1.5, "peeling|faded|rusted|rusty|cracked"), S(-1.2, "cancelled|canceled"),
	S(-1.5, "out of stock"), S(-2, "tampered"), S(-1.5, "needs|need to? improve|improvement"),
	S(-1.5, "difficult|difficulty"), S(1.5, "meets|met .. needs|expectations"), S(1.5, "fair price"),
	S(-2.5, "nobody|no one answers|responds|replies|helps"), S(2, "keep it up"),
	S(2, "keep up the good work"),
	S(-2.5, "low|poor quality"), S(-1.5, "arrived|came damaged|broken|late"),
	/* ---- negators, intensifiers, dampeners, contrast ---- */
	NEG("nao"), NEG("nunca"), NEG("nem"), NEG("jamais"), NEG("nenhum|nenhuma"),
	NEG("sem"), NEG("ninguem"), NEG("nada"),
	NEG("not"), NEG("never"), NEGEN("no"), NEG("nothing|nobody|none|neither|nor"),
	NEG("dont|doesnt|didnt|cant|cannot|wont|isnt|wasnt|arent|werent"),
	NEG("havent|hasnt|hadnt|shouldnt|wouldnt|couldnt|aint|without"),
	BOOST(0.293, "muito|muita|muitos|muitas"), BOOST(0.293, "super|mega|hiper"),
	BOOST(0.293, "demais|bastante|extremamente|totalmente|completamente"),
	BOOST(0.293, "realmente|tao|absolutamente|incrivelmente|bem"),
	BOOST(0.293, "very|really|extremely|totally|absolutely|completely"),
	BOOSTEN(0.293, "so"),
	BOOST(0.293, "incredibly|super|too|most|truly|highly"),
	BOOST(-0.293, "pouco|meio|quase|ligeiramente|razoavelmente"),
	BOOST(-0.293, "barely|slightly|somewhat|kinda|little|fairly|partly|almost|hardly"),
	BUT("mas"), BUT("porem"), BUT("entretanto"), BUT("contudo"), BUT("todavia"),
	BUT("no entanto"), BUT("but"), BUT("however"),
	/* ---- hedges: a middling verdict, or a reservation beside praise ---- */
	HEDGE("razoavel|razoaveis|regular|mediano|mediana|medio|media|aceitavel"),
	HEDGE("satisfatori*"), HEDGE("normal|comum"), HEDGE("mais ou menos"),
	HEDGE("a desejar"), HEDGE("poderia|podia|deveria|deveriam ser|vir|ter"),
	HEDGE("esperava mais|melhor"), HEDGE("nada demais|especial|excepcional"),
	HEDGE("nada de mais|especial|excepcional"), HEDGE("pena que"), HEDGE("so que"),
	HEDGE("apesar"), HEDGE("unico|unica problema|defeito|detalhe|ponto|porem|coisa"),
	HEDGE("so achei|acho"), HEDGE("achei .. pequen*|grande|fin*|car*"),
	HEDGE("ponto fraco|negativo"), HEDGE("dentro do esperado"),
	HEDGE("por enquanto"), HEDGE("ainda nao usei|utilizei|testei|instalei|montei|pude|experimentei"),
	HEDGE("vamos|vou ver"), HEDGE("pelo preco|valor"), HEDGE("nao e|sao das|dos melhores"),
	HEDGE("okay|average|decent|mediocre|meh"), HEDGE("so so"), HEDGE("not bad"),
	HEDGE("could|should be better"), HEDGE("expected more|better"),
	HEDGE("only problem|issue|downside"), HEDGE("although|though")
};

#define NTABLE (sizeof(table) / sizeof(table[0]))
#define MAXW 8
#define MAXALT 12

struct alt {
	const char	*s;
	size_t		 n;
	int		 prefix;
};

struct pword {
	struct alt	 alt[MAXALT];
	int		 nalt;
	int		 gap;		/* words allowed before this one */
	int		 optional;	/* written "x?" */
};

struct pattern {
	struct pword	 w[MAXW];
	int		 nw;
	char		*buf;
};

static struct pattern *pats;
/* First word -> head + 1 of a chain of postings (an entry can be posted
 * under several words: one node per word). */
static struct cim_smap exact;
static int prefix_head[26 * 26 * 26];	/* stems by their first three letters, head + 1 */
static struct posting { int entry, next; } *post_t;
static size_t npost, postcap;
static int inited;

#define PFX 3	/* prefix index key length: stems are at least this long */

static void
compile(const char *src, struct pattern *p)
{
	char *s, *tok, *save = NULL;
	int gap = 0;

	p->buf = s = cim_xstrdup(src);
	p->nw = 0;
	for (tok = strtok_r(s, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		struct pword *w;
		char *a, *as = NULL;

		if (strcmp(tok, "..") == 0) {
			gap = 3;
			continue;
		}
		if (p->nw == MAXW)
			cim_die(1, "built-in pattern too long: %s", src);
		w = &p->w[p->nw++];
		w->gap = gap;
		w->nalt = 0;
		w->optional = 0;
		gap = 0;
		if (tok[strlen(tok) - 1] == '?') {
			w->optional = 1;
			tok[strlen(tok) - 1] = '\0';
		}
		for (a = strtok_r(tok, "|", &as); a; a = strtok_r(NULL, "|", &as)) {
			struct alt *al;

			if (w->nalt == MAXALT)
				cim_die(1, "built-in pattern has too many alternatives: %s", src);
			al = &w->alt[w->nalt++];
			al->s = a;
			al->n = strlen(a);
			al->prefix = al->n > 0 && a[al->n - 1] == '*';
			if (al->prefix && --al->n < PFX)
				cim_die(1, "built-in stem shorter than %d bytes: %s", PFX, src);
		}
	}
	if (p->nw == 0 || p->w[0].optional)
		cim_die(1, "built-in pattern empty: %s", src);
}

/* The prefix table slot of three folded letters, or -1. */
static int
pfx_slot(const char *s)
{
	int k, v = 0;

	for (k = 0; k < PFX; k++) {
		if (s[k] < 'a' || s[k] > 'z')
			return -1;
		v = v * 26 + (s[k] - 'a');
	}
	return v;
}

static void
post_node(int entry, int next)
{
	if (npost == postcap) {
		postcap = postcap ? postcap * 2 : 1024;
		post_t = cim_xrealloc(post_t, postcap * sizeof(*post_t));
	}
	post_t[npost].entry = entry;
	post_t[npost].next = next;
	npost++;
}

static void
post(struct cim_smap *m, const char *key, size_t n, int entry)
{
	int isnew;
	struct cim_smap_ent *e = cim_smap_put(m, key, n, &isnew);

	if (npost == postcap) {
		postcap = postcap ? postcap * 2 : 1024;
		post_t = cim_xrealloc(post_t, postcap * sizeof(*post_t));
	}
	post_t[npost].entry = entry;
	post_t[npost].next = isnew ? -1 : (int)e->val - 1;
	e->val = (long)++npost;
}

void
cim_lex_init(void)
{
	size_t i;
	int k;

	if (inited)
		return;
	inited = 1;
	pats = cim_xcalloc(NTABLE, sizeof(*pats));
	for (i = 0; i < NTABLE; i++)
		compile(table[i].pat, &pats[i]);
	/* Index in reverse so each chain lists entries in table order. */
	for (i = NTABLE; i-- > 0; ) {
		for (k = 0; k < pats[i].w[0].nalt; k++) {
			const struct alt *a = &pats[i].w[0].alt[k];

			/* Two stems of one entry under one key: post once. */
			if (a->prefix) {
				int dup = 0;

				for (int k2 = 0; k2 < k; k2++)
					dup |= pats[i].w[0].alt[k2].prefix &&
					    memcmp(pats[i].w[0].alt[k2].s, a->s, PFX) == 0;
				if (!dup) {
					int sl = pfx_slot(a->s);

					if (sl < 0)
						cim_die(1, "built-in stem not in a-z: %s", table[i].pat);
					post_node((int)i, prefix_head[sl] - 1);
					prefix_head[sl] = (int)npost;
				}
			} else {
				post(&exact, a->s, a->n, (int)i);
			}
		}
	}
}

static int
word_is(const struct pword *w, const struct cim_tok *t)
{
	int k;

	for (k = 0; k < w->nalt; k++) {
		const struct alt *a = &w->alt[k];

		if (a->prefix ? t->len >= a->n && memcmp(t->text, a->s, a->n) == 0 :
		    t->len == a->n && memcmp(t->text, a->s, a->n) == 0)
			return 1;
	}
	return 0;
}

/* Matches pattern words j.. from word i on; the end of the match or 0. */
static size_t
match_from(const struct pattern *p, int j, const struct cim_tok *const *w,
    size_t nw, size_t i)
{
	size_t k, r;

	if (j == p->nw)
		return i;
	for (k = i; k < nw && k <= i + (size_t)p->w[j].gap; k++)
		if (word_is(&p->w[j], w[k]) && (r = match_from(p, j + 1, w, nw, k + 1)) > 0)
			return r;
	if (p->w[j].optional)
		return match_from(p, j + 1, w, nw, i);
	return 0;
}

static size_t
collect(int head, const struct cim_tok *const *w, size_t nw,
    size_t i, unsigned mask, struct cim_lex_hit *hits, size_t nh, size_t max)
{
	int p, e;
	size_t end;

	for (p = head; p >= 0 && nh < max; p = post_t[p].next) {
		e = post_t[p].entry;
		if (!(mask & (1u << table[e].kind)))
			continue;
		if (!word_is(&pats[e].w[0], w[i]))
			continue;
		if ((end = match_from(&pats[e], 1, w, nw, i + 1)) == 0)
			continue;
		hits[nh].e = &table[e];
		hits[nh].end = end;
		nh++;
	}
	return nh;
}

size_t
cim_lex_match(const struct cim_tok *const *w, size_t nw, size_t i,
    unsigned mask, struct cim_lex_hit *hits, size_t max)
{
	const struct cim_smap_ent *e;
	size_t nh = 0;

	if (i >= nw)
		return 0;
	if (exact.n && (e = cim_smap_get(&exact, w[i]->text, w[i]->len)) != NULL)
		nh = collect((int)e->val - 1, w, nw, i, mask, hits, nh, max);
	if (w[i]->len >= PFX) {
		int sl = pfx_slot(w[i]->text);

		if (sl >= 0 && prefix_head[sl] > 0)
			nh = collect(prefix_head[sl] - 1, w, nw, i, mask, hits, nh, max);
	}
	return nh;
}
