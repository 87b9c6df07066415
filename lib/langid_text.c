/*
 * langid_text.c: the word lists and sample text of the language profiles
 * (see langid_text.h).  Written for this project: general and
 * customer-service language, no text taken from any data set.
 */
#include <stddef.h>

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
	"ok okay oki haha hehe hihi huhu ahah aha lol lmao xd omg wow";

static const char *const pt_text[] = {
	"Oi, boa tarde! Tudo bem com você? Eu fiz uma compra no site na "
	"semana passada e até agora não recebi nenhuma informação sobre a "
	"entrega. O pedido aparece como aprovado, mas o código de "
	"rastreamento não funciona. Vocês podem verificar para mim, por "
	"favor? Já mandei e-mail duas vezes e ninguém respondeu.",
	"Olá, bom dia. Gostaria de saber se ainda dá para cancelar o "
	"pedido, porque comprei o tamanho errado. Se não der, quero trocar "
	"por um número maior. Como faço para devolver? Preciso pagar o "
	"frete de volta ou a loja cobre?",
	"O produto chegou antes do prazo, muito bem embalado e exatamente "
	"como na descrição. Estou muito satisfeita com a compra, recomendo "
	"a todos. A qualidade é ótima e o preço estava bem abaixo das "
	"outras lojas.",
	"Comprei esse celular para minha mãe e ela adorou. A bateria dura o "
	"dia todo, a câmera tira fotos lindas e a tela é bem grande. Só "
	"achei o carregador um pouco lento, mas nada que atrapalhe.",
	"Péssimo atendimento. Esperei mais de uma hora no telefone e a "
	"ligação caiu. Quando consegui falar com alguém, a atendente disse "
	"que não podia fazer nada e que eu tinha que abrir outra "
	"reclamação. Estou muito decepcionado e não vou comprar mais aqui.",
	"Não gostei. O material é fraco, parece de plástico barato, e a cor "
	"é diferente da foto. Vou pedir o reembolso. Não recomendo, "
	"dinheiro jogado fora.",
	"Chegou tudo certinho, obrigado! Entrega rápida, vendedor "
	"atencioso. Voltaria a comprar com certeza.",
	"Meu cartão foi cobrado duas vezes pela mesma compra. Quero que "
	"estornem o valor o quanto antes, porque isso está me atrapalhando. "
	"Já paguei a fatura e o limite ficou bloqueado.",
	"Bom dia, pessoal! Alguém sabe se a reunião de amanhã continua às "
	"nove ou mudou para a tarde? Eu não vi a mensagem do grupo ontem à "
	"noite.",
	"Gente, tô chegando, me esperem aí. O trânsito está horrível hoje, "
	"mas já estou perto. Desculpa o atraso!",
	"Vc viu o jogo ontem? Foi muito bom, o time jogou demais. Pena que "
	"o juiz anulou aquele gol kkkkk",
	"Mãe, vou dormir na casa da Ana hoje, tá bom? Amanhã cedo eu volto "
	"pra casa. Te amo, beijos.",
	"Não consigo entrar no aplicativo. Toda vez que coloco a senha "
	"aparece uma mensagem de erro dizendo que o usuário não existe. Já "
	"tentei redefinir a senha mas o e-mail de confirmação nunca chega.",
	"Qual é o horário de funcionamento da loja no sábado? E no domingo "
	"vocês abrem? Queria passar lá para ver os modelos pessoalmente "
	"antes de comprar.",
	"Fiquei sabendo da promoção pelo anúncio, mas quando fui finalizar "
	"a compra o desconto não apareceu. O cupom está válido até quando?",
	"Recebi a mercadoria com defeito. A caixa estava amassada e o "
	"aparelho não liga. Quero a troca por um novo ou o dinheiro de "
	"volta. Aguardo retorno.",
	"Obrigada pela ajuda, vocês foram muito atenciosos. O problema foi "
	"resolvido rapidinho e agora está funcionando perfeitamente.",
	"Eu acho que a gente devia sair mais cedo amanhã, senão vamos pegar "
	"muito trânsito na estrada. O que vocês acham? Podemos tomar café "
	"no caminho.",
	"Faz três semanas que estou esperando e nada. Ninguém me dá uma "
	"resposta, cada atendente fala uma coisa diferente. É um absurdo, "
	"vou registrar uma reclamação no Procon.",
	"Produto excelente, superou minhas expectativas. Fácil de montar, "
	"veio com todas as peças e o manual é bem explicativo. Nota dez.",
	"Eu queria saber se o seguro cobre roubo do celular fora de casa, "
	"ou só dentro da residência. Também preciso saber quanto tempo "
	"demora para liberar o pagamento depois que eu mandar os "
	"documentos.",
	"Boa noite, estou com dúvida sobre a minha conta. Apareceu uma "
	"tarifa que eu não reconheço e gostaria de entender do que se "
	"trata. Podem me explicar?",
	"Adorei o perfume, o cheiro é maravilhoso e fixa bastante. Minha "
	"esposa também gostou muito. Com certeza vou comprar de novo.",
	"O fone parou de funcionar depois de duas semanas de uso. Um lado "
	"não sai som nenhum. Isso está dentro da garantia? O que eu preciso "
	"fazer?",
	"Cadê meu pedido? Já passou da data prevista e o status continua em "
	"separação. Isso é falta de respeito com o cliente.",
	"Tudo ótimo, chegou antes do previsto. O tecido é macio, a costura "
	"é bem feita e o tamanho ficou perfeito. Amei!",
	"Oi amiga, tudo bem? Que saudade! Vamos marcar alguma coisa essa "
	"semana? Pode ser um almoço na quinta ou um cinema no fim de "
	"semana, o que for melhor pra você.",
	"Não sei se entendi direito. Vocês vão mandar outro produto ou eu "
	"tenho que ir até a agência dos Correios para devolver este "
	"primeiro?",
	"Meu filho usa todo dia para ir à escola e até agora não deu nenhum "
	"problema. A mochila é resistente, tem vários bolsos e é bem "
	"confortável nas costas.",
	"Preciso atualizar meu endereço de cobrança, porque mudei de cidade "
	"no mês passado. Onde eu faço isso no site? Não encontrei essa "
	"opção no meu cadastro.",
	"Não vale o preço. Esperava muito mais pela marca. Ruim demais, a "
	"tampa quebrou no primeiro dia e o atendimento nem respondeu minha "
	"mensagem.",
	"Valeu, cara! Depois eu te pago o que devo. Tamo junto.",
	"Professor, a prova vai ser na sexta mesmo? Eu faltei na última "
	"aula e não sei qual matéria vai cair. Alguém pode me mandar o "
	"resumo?",
	"Estou gostando bastante do serviço, mas acho que poderiam melhorar "
	"o tempo de resposta do suporte. Às vezes demora dias para alguém "
	"responder.",
	"Quanto custa o frete para o interior de São Paulo? E qual é o "
	"prazo de entrega para lá? Se for rápido eu já fecho a compra hoje.",
	"Olha, eu não tenho certeza, mas acho que ele já foi embora. Liga "
	"pra ele e pergunta, é mais fácil.",
	"Muito bom, recomendo. Bonito, prático e funciona bem. Só demorou "
	"um pouquinho para chegar, mas valeu a pena esperar.",
	"Eles disseram que iam me ligar de volta ainda hoje, mas até agora "
	"nada. Sempre a mesma coisa com essa empresa, nunca cumprem o que "
	"prometem.",
	"Estou tentando pagar o boleto mas o código de barras não é aceito "
	"pelo banco. Vocês podem gerar outro, por favor? Ele vence amanhã.",
	"Bem que eu queria ir, mas tenho que trabalhar no sábado. Fica para "
	"a próxima, me chamem de novo.",
	"A geladeira chegou com um amassado na porta. O entregador falou "
	"para eu recusar, mas eu só vi depois que ele foi embora. Como faço "
	"agora?",
	"Meu nome está errado na nota fiscal. Podem corrigir e emitir "
	"outra? Preciso dela para a empresa me reembolsar.",
	"Que lindo! Ficou perfeito na sala, combinou com tudo. Obrigado "
	"pela dica, eu não ia pensar nisso sozinho.",
	"Infelizmente vou ter que desmarcar a consulta de amanhã, surgiu um "
	"imprevisto no trabalho. Tem algum horário disponível na semana que "
	"vem?",
	"nao gostei do produto, veio faltando peça e a cor nao e a mesma do "
	"anuncio. quero devolver e receber meu dinheiro de volta o mais "
	"rapido possivel",
	"ja fiz o pagamento ontem, mas ainda nao caiu. quanto tempo demora "
	"pra compensar? preciso que libere logo pq vou viajar",
	"Por que a minha encomenda está parada no centro de distribuição há "
	"cinco dias? Ninguém explica nada e o rastreio não atualiza.",
	"Chegou rapidinho e em perfeito estado. Meus filhos estão adorando "
	"o brinquedo, brincam o dia inteiro.",
	"rsrs verdade, ele é muito engraçado. Amanhã a gente conversa "
	"melhor, agora vou dormir que estou morta de cansaço.",
	"O técnico veio aqui em casa, olhou a máquina de lavar e disse que "
	"a peça precisa ser trocada. Vocês vão mandar a peça ou eu tenho "
	"que comprar?",
	"Eu sempre compro nessa loja e nunca tive problema. Dessa vez "
	"também foi tudo tranquilo, entrega dentro do prazo e produto "
	"original.",
	"Se puder, me manda a foto do comprovante que eu confirmo aqui no "
	"sistema. Depois disso a liberação é automática.",
	"Hoje está muito calor, acho que vou na praia depois do almoço. "
	"Quem quiser ir junto me avisa.",
	"Cuidado com esse vendedor, ele mandou um produto usado no lugar de "
	"um novo. Fiquei muito chateada com essa situação.",
	"Deu tudo certo, muito obrigado pela paciência! Vocês são demais.",
	"Eu sou cliente de vocês há mais de cinco anos e nunca tinha "
	"passado por isso. Fui ao banco, falei com o gerente e ele me disse "
	"que o problema era no sistema de vocês. Quem vai resolver?",
	"Ela estava doente ontem, por isso não veio trabalhar. Hoje já está "
	"melhor, mas o médico pediu para ela ficar em casa descansando mais "
	"uns dias.",
	"Nós fomos ao supermercado e compramos arroz, feijão, carne, frutas "
	"e legumes. Gastamos bem mais do que esperávamos, tudo está caro "
	"demais.",
	"Se eu soubesse que ia demorar tanto, teria comprado em outro "
	"lugar. Agora não adianta reclamar, só me resta esperar.",
	"Seria possível adiantar a entrega? Vou viajar na próxima segunda e "
	"queria levar o presente comigo.",
	"Eles nunca atendem o telefone. Já liguei umas dez vezes hoje e "
	"ninguém atende. Onde eu consigo falar com uma pessoa de verdade?",
	"Meu computador está muito lento desde a última atualização. Demora "
	"uns cinco minutos para ligar e os programas travam o tempo todo.",
	"A comida estava deliciosa, o garçom foi simpático e o ambiente é "
	"muito agradável. Só achei a conta um pouco salgada.",
	"Tenho que levar as crianças na escola, depois passo no mercado e à "
	"tarde tenho reunião. Hoje o dia vai ser corrido.",
	"Pode deixar que eu resolvo. Assim que tiver alguma novidade eu te "
	"aviso, fica tranquilo.",
	"Achei que seria maior, mas o tamanho é bom. Serve direitinho para "
	"o que eu precisava e cabe na gaveta.",
	"Vcs sabem se ainda tem vaga pro curso de inglês? Eu queria me "
	"inscrever mas o site tá fora do ar desde ontem.",
	"Tô sem internet desde sábado. Já reiniciei o modem várias vezes e "
	"nada. Vocês podem mandar um técnico aqui?",
	"Poxa, que pena que você não pôde vir. A festa estava ótima, todo "
	"mundo perguntou de você. Da próxima vez não tem desculpa, hein!",
	"Quero cancelar minha assinatura. Não uso mais o serviço e continuo "
	"sendo cobrado todo mês. Como faço?",
	"Minha filha nasceu semana passada, estamos muito felizes. Ela é "
	"linda, parece com o pai.",
	"Eles vão se mudar para outra cidade no fim do ano. Vamos sentir "
	"muita falta, são vizinhos maravilhosos.",
	"O ônibus atrasou de novo e eu perdi a hora. O chefe não ficou nada "
	"contente, mas expliquei o que aconteceu.",
	"Na minha opinião, vale muito a pena. Uso há seis meses e continua "
	"como novo. Já indiquei para vários amigos.",
	"Fala sério, que filme chato! Dormi na metade. Da próxima vez quem "
	"escolhe sou eu.",
	"Comprei dois pares, um para mim e outro para minha irmã. Os dois "
	"serviram bem e o material parece ser bom.",
	"Ontem choveu muito e alagou a rua toda. Não deu para sair de casa, "
	"ficamos assistindo série o dia inteiro.",
	"Estou procurando um apartamento de dois quartos perto do metrô. "
	"Vocês têm alguma indicação?",
	"Ele disse que vinha às oito, mas já são nove e meia e nada. Sempre "
	"atrasado, não muda nunca.",
	"O aplicativo fecha sozinho toda vez que tento abrir o extrato. Meu "
	"celular é novo e está atualizado.",
	"Sinceramente, esperava mais. O produto é bonito, mas a qualidade "
	"deixa a desejar e o acabamento é ruim.",
	"A internet cai toda hora e o sinal do celular está péssimo aqui no "
	"bairro. Já reiniciei o roteador, troquei o cabo e continua caindo. "
	"Pago caro por um serviço que não funciona.",
	"Claro, pode sim! Só me passa o número do protocolo e o CPF do "
	"titular que eu verifico agora mesmo.",
	"Como funciona a garantia estendida? Se o aparelho quebrar depois "
	"de um ano, vocês consertam ou trocam por outro?",
	"Sim, claro, com certeza. Pode mandar que eu confirmo aqui.",
	"Mano, cê viu o que aconteceu ontem? Eu não acreditei quando me "
	"contaram. Depois te mando o vídeo, é muito engraçado kkkkk",
	"Bora tomar um açaí depois da aula? Eu pago dessa vez, fica "
	"tranquila. Só não posso demorar muito porque tenho que buscar meu "
	"irmão.",
	"Nossa, que lindo! Parabéns pela formatura, você merece demais. Tô "
	"muito orgulhosa de você, amiga.",
	"Alguém sabe se amanhã tem aula? Vi no grupo que o professor ia "
	"faltar, mas ninguém confirmou nada.",
	"Eita, esqueci completamente! Desculpa, juro que amanhã eu levo sem "
	"falta.",
	"Ô gente, quem pegou meu carregador? Deixei em cima da mesa e "
	"sumiu.",
	"Que saudade dessa época, a gente era feliz e não sabia. Bora "
	"marcar um churrasco com a turma toda?",
	"Tá bom, combinado então. Te espero lá embaixo às sete, não se "
	"atrasa hein.",
	"Valeu pela força, galera! Sem vocês eu não teria conseguido. Bom "
	"fim de semana pra todo mundo.",
	"Cadê todo mundo? O grupo tá parado hoje. Tô aqui morrendo de tédio "
	"no trabalho rsrs",
	NULL
};

static const char *const en_text[] = {
	"Hi there, I placed an order last week and I still haven't received "
	"any update about the delivery. The tracking number you sent me "
	"doesn't work. Could you please check what's going on? I've already "
	"emailed you twice and nobody has replied.",
	"Hello, good morning. I'd like to know if I can still cancel my "
	"order, because I bought the wrong size. If not, I want to exchange "
	"it for a bigger one. How do I return it, and do I have to pay for "
	"the return shipping?",
	"The product arrived early, well packed and exactly as described. "
	"I'm really happy with my purchase and would recommend it to "
	"anyone. The quality is great and the price was much lower than in "
	"other stores.",
	"I bought this phone for my mom and she loves it. The battery lasts "
	"all day, the camera takes beautiful pictures and the screen is "
	"nice and big. The charger is a bit slow, but that's not a big "
	"deal.",
	"Terrible customer service. I waited on hold for over an hour and "
	"then the call dropped. When I finally got through to someone, she "
	"said there was nothing she could do and that I had to open another "
	"complaint. I'm very disappointed and won't be shopping here again.",
	"I didn't like it. The material feels cheap and flimsy, and the "
	"color is different from the picture. I'm going to ask for a "
	"refund. Wouldn't recommend, total waste of money.",
	"Everything arrived in perfect condition, thanks! Fast shipping and "
	"a very helpful seller. Would definitely buy again.",
	"My card was charged twice for the same purchase. I want the extra "
	"payment refunded as soon as possible, because it's causing me "
	"problems. I already paid my bill and now my balance is blocked.",
	"Morning everyone! Does anybody know if tomorrow's meeting is still "
	"at nine or was it moved to the afternoon? I missed the message in "
	"the group last night.",
	"Guys, I'm on my way, wait for me. Traffic is awful today but I'm "
	"almost there. Sorry for being late!",
	"Did you watch the game last night? It was so good, the team played "
	"really well. Too bad the referee took back that goal haha",
	"Mom, I'm staying over at Anna's tonight, okay? I'll be back home "
	"early tomorrow morning. Love you.",
	"I can't log in to the app. Every time I enter my password I get an "
	"error message saying the user doesn't exist. I tried to reset my "
	"password but the confirmation email never arrives.",
	"What are your opening hours on Saturday? Are you open on Sunday "
	"too? I wanted to stop by and see the models in person before "
	"buying.",
	"I saw the sale in an ad, but when I went to check out the discount "
	"didn't show up. How long is the coupon valid for?",
	"The item I received is defective. The box was crushed and the "
	"device won't turn on. I want a replacement or my money back. "
	"Waiting for your reply.",
	"Thank you for your help, you were very kind. The problem was "
	"solved quickly and now everything works perfectly.",
	"I think we should leave earlier tomorrow, otherwise we'll hit a "
	"lot of traffic on the highway. What do you think? We can grab "
	"breakfast on the way.",
	"I've been waiting for three weeks and still nothing. No one gives "
	"me an answer, and every agent tells me something different. This "
	"is ridiculous, I'm going to file a formal complaint.",
	"Excellent product, it exceeded my expectations. Easy to put "
	"together, all the parts were included and the instructions are "
	"very clear. Ten out of ten.",
	"I wanted to know whether the insurance covers my phone being "
	"stolen outside the house or only at home. I also need to know how "
	"long it takes to release the payment after I send the documents.",
	"Good evening, I have a question about my account. There's a fee I "
	"don't recognize and I'd like to understand what it is. Can you "
	"explain it to me?",
	"I love this perfume, it smells wonderful and lasts a long time. My "
	"wife liked it a lot too. I'll definitely buy it again.",
	"The headphones stopped working after two weeks. There's no sound "
	"at all on one side. Is that covered by the warranty? What do I "
	"need to do?",
	"Where is my order? It's past the expected date and the status "
	"still says processing. This is no way to treat a customer.",
	"All good, it came sooner than expected. The fabric is soft, the "
	"stitching is well done and the size fits perfectly. Love it!",
	"Hey, how are you? I miss you! Should we get together this week? "
	"Maybe lunch on Thursday or a movie over the weekend, whatever "
	"works best for you.",
	"I'm not sure I understood. Are you sending me another item, or do "
	"I have to go to the post office to send this one back first?",
	"My son uses it every day for school and there haven't been any "
	"problems so far. The backpack is sturdy, has lots of pockets and "
	"is really comfortable.",
	"I need to update my billing address because I moved to another "
	"city last month. Where can I do that on the website? I couldn't "
	"find the option in my profile.",
	"Not worth the price. I expected a lot more from this brand. The "
	"lid broke on the first day and customer support never answered my "
	"message.",
	"Thanks, man! I'll pay you back later. I owe you one.",
	"Is the exam still on Friday? I missed the last class and I don't "
	"know which topics will be on it. Can someone send me their notes?",
	"I'm enjoying the service, but I think the support team could "
	"answer faster. Sometimes it takes days for anyone to get back to "
	"me.",
	"How much is shipping to the countryside, and how long does "
	"delivery take? If it's quick I'll go ahead and place the order "
	"today.",
	"Honestly I'm not sure, but I think he already left. Just call him "
	"and ask, it's easier.",
	"Really good, I recommend it. Nice looking, practical and it works "
	"well. It took a little while to arrive, but it was worth the wait.",
	"They said they would call me back today, but nothing so far. It's "
	"always the same with this company, they never do what they "
	"promise.",
	"I'm trying to pay the bill but the bank won't accept the barcode. "
	"Could you please generate a new one? It's due tomorrow.",
	"I wish I could go, but I have to work on Saturday. Maybe next "
	"time, let me know when you're going again.",
	"The fridge arrived with a dent in the door. The driver told me to "
	"refuse it, but I only noticed after he'd gone. What should I do "
	"now?",
	"My name is spelled wrong on the invoice. Can you correct it and "
	"issue a new one? I need it so my company can reimburse me.",
	"How beautiful! It looks perfect in the living room and goes with "
	"everything. Thanks for the tip, I wouldn't have thought of that "
	"myself.",
	"Unfortunately I have to cancel tomorrow's appointment, something "
	"came up at work. Do you have anything available next week?",
	"i want to transfer money to my friend but the app keeps saying the "
	"transaction failed. why is my transfer still pending? what's wrong "
	"with my account?",
	"how do i top up my card with cash? can i use apple pay or google "
	"pay? is there a limit on how much i can add per day?",
	"Why has my package been stuck at the distribution center for five "
	"days? Nobody explains anything and the tracking isn't updating.",
	"Arrived quickly and in great shape. My kids love the toy, they "
	"play with it all day long.",
	"lol true, he's so funny. Let's talk tomorrow, I'm going to bed "
	"now, I'm exhausted.",
	"The technician came over, looked at the washing machine and said "
	"the part needs to be replaced. Are you going to send the part or "
	"do I have to buy it?",
	"I always buy from this store and I've never had a problem. This "
	"time everything went smoothly too, delivered on time and genuine "
	"product.",
	"If you can, send me a picture of the receipt and I'll confirm it "
	"in the system. After that the approval is automatic.",
	"It's so hot today, I think I'll go to the beach after lunch. Let "
	"me know if anyone wants to come along.",
	"Be careful with this seller, they sent a used item instead of a "
	"new one. I was really upset about the whole thing.",
	"It all worked out, thank you so much for your patience! You guys "
	"are awesome.",
	"I was charged a fee for a card payment abroad and I don't "
	"understand why. What exchange rate did you use? Can I get a "
	"virtual card for online shopping?",
	"Please help me change my shipping address, I entered the wrong "
	"one. I also want to check the status of my refund and get a copy "
	"of my invoice.",
	"I've been a customer of yours for more than five years and this "
	"has never happened before. I went to the bank, spoke to the "
	"manager and he told me the problem was on your end. Who is going "
	"to fix it?",
	"She was sick yesterday, so she didn't come to work. She's feeling "
	"better today, but the doctor told her to stay home and rest for a "
	"few more days.",
	"We went to the supermarket and bought rice, beans, meat, fruit and "
	"vegetables. We spent a lot more than we expected, everything is so "
	"expensive.",
	"If I had known it would take this long, I would have bought it "
	"somewhere else. There's no point complaining now, all I can do is "
	"wait.",
	"Would it be possible to deliver it sooner? I'm traveling next "
	"Monday and I wanted to take the gift with me.",
	"They never pick up the phone. I've called about ten times today "
	"and nobody answers. Where can I talk to a real person?",
	"My computer has been really slow since the last update. It takes "
	"about five minutes to start and programs freeze all the time.",
	"The food was delicious, the waiter was friendly and the place has "
	"a really nice atmosphere. The bill was a bit steep though.",
	"I have to take the kids to school, then stop at the store, and I "
	"have a meeting in the afternoon. Today is going to be busy.",
	"Don't worry, I'll take care of it. As soon as I hear anything I'll "
	"let you know.",
	"I thought it would be bigger, but the size is fine. It's just "
	"right for what I needed and it fits in the drawer.",
	"Do you guys know if there are still spots in the English course? I "
	"wanted to sign up but the website has been down since yesterday.",
	"I've had no internet since Saturday. I restarted the router "
	"several times and nothing. Can you send a technician over?",
	"Aw, too bad you couldn't make it. The party was great, everyone "
	"asked about you. No excuses next time!",
	"I want to cancel my subscription. I don't use the service anymore "
	"and I keep getting charged every month. How do I do that?",
	"Our daughter was born last week, we're so happy. She's beautiful "
	"and looks just like her dad.",
	"They're moving to another city at the end of the year. We're going "
	"to miss them a lot, they're wonderful neighbors.",
	"The bus was late again and I overslept anyway. My boss wasn't "
	"happy at all, but I explained what happened.",
	"In my opinion it's totally worth it. I've been using it for six "
	"months and it's still like new. I've already recommended it to "
	"several friends.",
	"Seriously, what a boring movie! I fell asleep halfway through. "
	"Next time I'm choosing.",
	"I bought two pairs, one for me and one for my sister. Both fit "
	"well and the material seems good.",
	"It rained a lot yesterday and the whole street flooded. We "
	"couldn't leave the house so we watched shows all day.",
	"I'm looking for a two bedroom apartment near the subway. Do you "
	"have any suggestions?",
	"He said he'd be here at eight, but it's already half past nine and "
	"still nothing. Always late, he'll never change.",
	"The app closes by itself every time I try to open my statement. My "
	"phone is new and fully updated.",
	"Honestly, I expected more. It looks nice, but the quality isn't "
	"great and the finish is poor.",
	"idk if u saw my message but can u call me back asap? it's kinda "
	"urgent, gotta sort this out before friday. thx",
	"btw i'm gonna be late tonight, wanna grab dinner after? lmk",
	"The internet keeps dropping all the time and the phone signal is "
	"terrible in this neighborhood. I restarted the router, changed the "
	"cable and it still cuts out. I pay a lot for a service that "
	"doesn't work.",
	"Sure, of course! Just send me the ticket number and the account "
	"holder's details and I'll check it right now.",
	"How does the extended warranty work? If the device breaks after a "
	"year, do you repair it or replace it with a new one?",
	"Yes, of course, absolutely. Go ahead and send it and I'll confirm "
	"it here.",
	NULL
};

static const char *const es_text[] = {
	"Hola, buenas tardes. Hice un pedido en la web la semana pasada y "
	"todavía no he recibido ninguna información sobre el envío. El "
	"pedido aparece como confirmado, pero el número de seguimiento no "
	"funciona. ¿Podéis revisarlo, por favor? Ya os he escrito dos "
	"correos y nadie me ha contestado.",
	"Buenos días. Quería saber si todavía puedo cancelar el pedido, "
	"porque me equivoqué de talla. Si no se puede, quiero cambiarlo por "
	"una más grande. ¿Cómo hago la devolución? ¿Tengo que pagar yo el "
	"envío o lo cubre la tienda?",
	"El producto llegó antes de lo previsto, muy bien embalado y tal "
	"cual la descripción. Estoy muy contenta con la compra y lo "
	"recomiendo a todo el mundo. La calidad es buenísima y el precio "
	"era mucho más bajo que en otras tiendas.",
	"Le compré este móvil a mi madre y le encanta. La batería le dura "
	"todo el día, la cámara hace fotos preciosas y la pantalla es bien "
	"grande. El cargador es un poco lento, pero nada grave.",
	"Un servicio pésimo. Estuve más de una hora esperando al teléfono y "
	"se cortó la llamada. Cuando por fin me atendieron, la chica me "
	"dijo que no podía hacer nada y que tenía que abrir otra "
	"reclamación. Estoy muy decepcionado y no pienso volver a comprar "
	"aquí.",
	"No me ha gustado. El material es muy flojo, parece plástico "
	"barato, y el color no tiene nada que ver con la foto. Voy a pedir "
	"que me devuelvan el dinero. No lo recomiendo, es tirar el dinero.",
	"Ha llegado todo perfecto, ¡gracias! Envío rápido y el vendedor muy "
	"amable. Sin duda volvería a comprar.",
	"Me han cobrado dos veces la misma compra en la tarjeta. Quiero que "
	"me devuelvan el importe cuanto antes, porque me está causando "
	"problemas. Ya pagué el recibo y ahora tengo el saldo bloqueado.",
	"¡Buenos días a todos! ¿Alguien sabe si la reunión de mañana sigue "
	"siendo a las nueve o la han pasado a la tarde? Anoche no vi el "
	"mensaje del grupo.",
	"Chicos, ya voy, esperadme. Hay un tráfico horrible hoy, pero ya "
	"estoy cerca. ¡Perdón por el retraso!",
	"¿Viste el partido ayer? Fue buenísimo, el equipo jugó genial. Qué "
	"pena que el árbitro anulara ese gol jajaja",
	"Mamá, esta noche me quedo a dormir en casa de Ana, ¿vale? Mañana "
	"temprano vuelvo a casa. Te quiero, besos.",
	"No puedo entrar en la aplicación. Cada vez que pongo la contraseña "
	"me sale un error que dice que el usuario no existe. Ya intenté "
	"cambiar la contraseña, pero nunca me llega el correo de "
	"confirmación.",
	"¿Cuál es el horario de la tienda los sábados? ¿Y los domingos "
	"abrís? Quería pasarme a ver los modelos en persona antes de "
	"comprar.",
	"Vi la oferta en un anuncio, pero al terminar la compra no me "
	"aparecía el descuento. ¿Hasta cuándo es válido el cupón?",
	"Me llegó el artículo con un defecto. La caja venía aplastada y el "
	"aparato no enciende. Quiero que me lo cambien por uno nuevo o que "
	"me devuelvan el dinero. Espero vuestra respuesta.",
	"Muchas gracias por la ayuda, habéis sido muy atentos. El problema "
	"se solucionó enseguida y ahora funciona perfectamente.",
	"Creo que deberíamos salir antes mañana, si no vamos a pillar mucho "
	"tráfico en la autopista. ¿Qué os parece? Podemos desayunar por el "
	"camino.",
	"Llevo tres semanas esperando y nada. Nadie me da una respuesta y "
	"cada persona que me atiende me dice una cosa distinta. Es una "
	"vergüenza, voy a poner una reclamación.",
	"Un producto excelente, ha superado mis expectativas. Fácil de "
	"montar, venían todas las piezas y las instrucciones se entienden "
	"muy bien. Un diez.",
	"Quería saber si el seguro cubre el robo del móvil fuera de casa o "
	"solo dentro de la vivienda. También necesito saber cuánto tardan "
	"en hacer el pago después de enviar los papeles.",
	"Buenas noches, tengo una duda con mi cuenta. Me ha aparecido una "
	"comisión que no reconozco y me gustaría entender de qué se trata. "
	"¿Me lo podéis explicar?",
	"Me encanta el perfume, huele de maravilla y dura muchísimo. A mi "
	"mujer también le ha gustado mucho. Seguro que lo vuelvo a comprar.",
	"Los auriculares dejaron de funcionar a las dos semanas. Por un "
	"lado no se oye nada. ¿Eso lo cubre la garantía? ¿Qué tengo que "
	"hacer?",
	"¿Dónde está mi pedido? Ya ha pasado la fecha prevista y el estado "
	"sigue diciendo en preparación. Así no se trata a un cliente.",
	"Todo genial, llegó antes de lo esperado. La tela es suave, las "
	"costuras están bien hechas y la talla me queda perfecta. ¡Me "
	"encanta!",
	"¡Hola guapa! ¿Qué tal? ¡Te echo de menos! ¿Quedamos esta semana? "
	"Podemos comer el jueves o ir al cine el finde, lo que mejor te "
	"venga.",
	"No sé si lo he entendido bien. ¿Me vais a mandar otro producto o "
	"tengo que ir a correos a devolver este primero?",
	"Mi hijo lo usa todos los días para ir al colegio y de momento no "
	"ha dado ningún problema. La mochila es resistente, tiene muchos "
	"bolsillos y es muy cómoda.",
	"Necesito cambiar mi dirección de facturación porque me mudé de "
	"ciudad el mes pasado. ¿Dónde lo hago en la web? No encuentro esa "
	"opción en mi perfil.",
	"No vale lo que cuesta. Esperaba mucho más de esta marca. La tapa "
	"se rompió el primer día y en atención al cliente ni contestaron.",
	"¡Gracias, tío! Luego te pago lo que te debo. Te debo una.",
	"Profe, ¿el examen sigue siendo el viernes? Falté a la última clase "
	"y no sé qué temas entran. ¿Alguien me pasa los apuntes?",
	"Me está gustando mucho el servicio, pero creo que podrían mejorar "
	"el tiempo de respuesta. A veces tardan días en contestar.",
	"¿Cuánto cuesta el envío a un pueblo? ¿Y cuánto tarda en llegar? Si "
	"es rápido hago el pedido hoy mismo.",
	"Mira, no estoy seguro, pero creo que ya se ha ido. Llámale y "
	"pregúntale, es más fácil.",
	"Muy bueno, lo recomiendo. Bonito, práctico y funciona bien. Tardó "
	"un poquito en llegar, pero mereció la pena esperar.",
	"Me dijeron que me llamarían hoy mismo y todavía nada. Siempre lo "
	"mismo con esta empresa, nunca cumplen lo que prometen.",
	"Estoy intentando pagar la factura pero el banco no acepta el "
	"código. ¿Me podéis generar otro, por favor? Vence mañana.",
	"Ojalá pudiera ir, pero el sábado me toca trabajar. Para la "
	"próxima, avisadme otra vez.",
	"La nevera llegó con un golpe en la puerta. El repartidor me dijo "
	"que la rechazara, pero yo me di cuenta cuando ya se había ido. "
	"¿Qué hago ahora?",
	"Mi nombre está mal escrito en la factura. ¿Podéis corregirlo y "
	"hacer una nueva? La necesito para que la empresa me lo pague.",
	"¡Qué bonito! Queda perfecto en el salón, pega con todo. Gracias "
	"por la idea, a mí no se me habría ocurrido.",
	"Por desgracia tengo que anular la cita de mañana, me ha surgido "
	"algo en el trabajo. ¿Tenéis algún hueco la semana que viene?",
	"no me gusto el producto, faltaba una pieza y el color no es el del "
	"anuncio. quiero devolverlo y que me devuelvan el dinero lo antes "
	"posible",
	"ya hice el pago ayer pero todavia no me aparece. cuanto tarda? "
	"necesito que lo liberen ya porque me voy de viaje",
	"¿Por qué mi paquete lleva cinco días parado en el centro de "
	"distribución? Nadie explica nada y el seguimiento no se actualiza.",
	"Llegó rapidísimo y en perfecto estado. A mis hijos les encanta el "
	"juguete, juegan con él todo el día.",
	"jajaja es verdad, es muy gracioso. Mañana hablamos mejor, que "
	"ahora me voy a dormir, estoy muerta de sueño.",
	"El técnico vino a casa, miró la lavadora y dijo que hay que "
	"cambiar la pieza. ¿Me la mandáis vosotros o la tengo que comprar "
	"yo?",
	"Siempre compro en esta tienda y nunca he tenido problemas. Esta "
	"vez también fue todo bien, entrega a tiempo y producto original.",
	"Si puedes, mándame una foto del justificante y lo confirmo en el "
	"sistema. Después de eso se libera solo.",
	"Hoy hace muchísimo calor, creo que iré a la playa después de "
	"comer. Si alguien se quiere venir que me avise.",
	"Cuidado con este vendedor, me mandó un producto usado en vez de "
	"uno nuevo. Me ha sentado fatal todo esto.",
	"¡Ha salido todo bien, muchas gracias por la paciencia! Sois los "
	"mejores.",
	"Oye, ¿sabes si la biblioteca abre el domingo? Tengo que devolver "
	"dos libros y no quiero que me pongan una multa.",
	"Yo creo que la práctica hay que entregarla el lunes, pero no estoy "
	"segura. ¿Alguien lo ha mirado en el campus?",
	"Bueno, pues nada, nos vemos luego en la cafetería. Si llegáis "
	"antes pedidme un café con leche, porfa.",
	"Vale, perfecto, pues entonces quedamos a las siete en la puerta. "
	"Traed los apuntes de estadística que tenemos que repasar para el "
	"parcial.",
	"Soy cliente vuestro desde hace más de cinco años y nunca me había "
	"pasado esto. Fui al banco, hablé con el director y me dijo que el "
	"problema era de vuestro sistema. ¿Quién lo va a solucionar?",
	"Ella estuvo enferma ayer, por eso no vino a trabajar. Hoy ya está "
	"mejor, pero el médico le ha dicho que se quede en casa descansando "
	"unos días más.",
	"Fuimos al supermercado y compramos arroz, lentejas, carne, fruta y "
	"verdura. Gastamos mucho más de lo que pensábamos, todo está "
	"carísimo.",
	"Si hubiera sabido que iba a tardar tanto, lo habría comprado en "
	"otro sitio. Ahora ya no vale la pena quejarse, solo me queda "
	"esperar.",
	"¿Sería posible adelantar la entrega? Me voy de viaje el lunes que "
	"viene y quería llevarme el regalo.",
	"Nunca cogen el teléfono. He llamado unas diez veces hoy y no "
	"contesta nadie. ¿Dónde puedo hablar con una persona de verdad?",
	"Mi ordenador va lentísimo desde la última actualización. Tarda "
	"unos cinco minutos en encenderse y los programas se cuelgan todo "
	"el rato.",
	"La comida estaba riquísima, el camarero fue muy simpático y el "
	"sitio es muy agradable. Eso sí, la cuenta fue un poco cara.",
	"Tengo que llevar a los niños al cole, luego paso por el súper y "
	"por la tarde tengo reunión. Hoy va a ser un día de locos.",
	"Tranquilo, yo me encargo. En cuanto sepa algo te aviso.",
	"Pensaba que sería más grande, pero el tamaño está bien. Me sirve "
	"justo para lo que necesitaba y cabe en el cajón.",
	"¿Sabéis si todavía quedan plazas para el curso de inglés? Me "
	"quería apuntar pero la web no funciona desde ayer.",
	"Estoy sin internet desde el sábado. He reiniciado el router varias "
	"veces y nada. ¿Podéis mandar a un técnico?",
	"Jo, qué pena que no pudieras venir. La fiesta estuvo genial, todo "
	"el mundo preguntó por ti. ¡La próxima vez no hay excusa!",
	"Quiero darme de baja. Ya no uso el servicio y me siguen cobrando "
	"todos los meses. ¿Cómo lo hago?",
	"Nuestra hija nació la semana pasada, estamos muy felices. Es "
	"preciosa, se parece a su padre.",
	"Se van a mudar a otra ciudad a final de año. Los vamos a echar "
	"mucho de menos, son unos vecinos estupendos.",
	"El autobús llegó tarde otra vez y encima me quedé dormido. Al jefe "
	"no le hizo ninguna gracia, pero le expliqué lo que había pasado.",
	"En mi opinión merece mucho la pena. Lo uso desde hace seis meses y "
	"sigue como nuevo. Ya se lo he recomendado a varios amigos.",
	"En serio, ¡qué película más aburrida! Me dormí a la mitad. La "
	"próxima vez elijo yo.",
	"Compré dos pares, uno para mí y otro para mi hermana. A las dos "
	"nos quedan bien y el material parece bueno.",
	"Ayer llovió muchísimo y se inundó toda la calle. No pudimos salir "
	"de casa, así que nos pasamos el día viendo series.",
	"Busco un piso de dos habitaciones cerca del metro. ¿Conocéis "
	"alguno?",
	"Dijo que venía a las ocho, pero ya son las nueve y media y nada. "
	"Siempre llega tarde, no cambia nunca.",
	"La aplicación se cierra sola cada vez que intento abrir los "
	"movimientos. Mi móvil es nuevo y está actualizado.",
	"Sinceramente, esperaba más. Es bonito, pero la calidad deja mucho "
	"que desear y los acabados son malos.",
	"q tal? xq no me contestas? tmb te escribí ayer. bueno, cuando "
	"puedas me dices algo, porfa",
	"¿Me dejas tus apuntes de historia? Es que no entiendo nada de lo "
	"que explicó la profesora y el martes hay que entregar el trabajo.",
	"Ha sido un placer, de verdad. Si necesitáis cualquier cosa ya "
	"sabéis dónde estoy. Un abrazo a todos.",
	"El internet se cae a cada rato y la señal del móvil es malísima en "
	"este barrio. Ya reinicié el router, cambié el cable y se sigue "
	"cortando. Pago un dineral por un servicio que no funciona.",
	"¡Claro, por supuesto! Pásame el número de incidencia y el DNI del "
	"titular y lo miro ahora mismo.",
	"¿Cómo funciona la garantía ampliada? Si el aparato se rompe "
	"después de un año, ¿lo reparáis o me dais uno nuevo?",
	"Sí, claro, desde luego. Mándamelo y te lo confirmo aquí.",
	"Che, ¿vos sabés a qué hora empieza la clase mañana? Yo pensaba que "
	"era a las diez pero me dijeron que la pasaron a la tarde. Avisame "
	"si te enterás de algo.",
	"Dale, nos vemos en la facu. Si querés te paso a buscar con el "
	"auto, total me queda de camino. ¿Tenés los apuntes de la semana "
	"pasada?",
	"No, boludo, no es así. Tenés que instalar primero la librería y "
	"después correr el script de nuevo. Si no te anda, mandame una "
	"captura y lo vemos.",
	"¿Podés creer que todavía no me devolvieron la plata? Ya hice el "
	"reclamo tres veces y siempre me dicen que lo están viendo. Qué "
	"bronca.",
	"Sos un genio, muchas gracias. Ahora sí me funciona todo. Te debo "
	"un asado.",
	"Ahorita no puedo, estoy en el trabajo, pero al rato te marco y "
	"platicamos con calma. ¿Va?",
	"Oye güey, ¿ya viste lo que subieron al grupo? Está bien chido, "
	"neta. Luego te cuento.",
	"Qué pena con usted, pero el pedido todavía no ha salido de la "
	"bodega. Apenas lo despachen le aviso por este medio.",
	"Buenísimo, quedó re lindo. Lo voy a usar un montón, la verdad que "
	"valió la pena.",
	"¿Alguien sabe si el examen final entra todo o solo la segunda "
	"parte? No encuentro el programa de la materia en el aula virtual.",
	NULL
};

const char *const *const cim_langid_text[CIM_LANGID_N] = { pt_text, en_text, es_text };
