/*
 * langid_text.c: the word lists and sample text of the language profiles
 * (see langid_text.h).  Written for this project: general and
 * customer-service language, no text taken from any data set.
 */
#include "langid_text.h"

const char *const cim_langid_words[CIM_LANGID_N] = {
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

const char cim_langid_neutral[] =
	"ok okay oki haha hehe hihi huhu ahah aha lol lmao xd omg wow uau";
