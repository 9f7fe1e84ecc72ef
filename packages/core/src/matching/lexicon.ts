/**
 * Small word lists that help split a name written as one string ("HERNANDEZ LOPEZ JUAN
 * CARLOS") and give term frequencies before a registry exists. Only the head of the
 * distributions: the engine must work on names it has never seen, so nothing here is required
 * for a match, only for guessing which word is a surname. Folded (see foldText).
 */

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter((w) => w.length > 0))

/** Given names common among Mexican, Central American and Haitian migrants. */
export const GIVEN_WORDS = words(`
jose juan luis carlos jesus miguel francisco antonio pedro manuel jorge alejandro roberto fernando ricardo
javier eduardo daniel david rafael mario sergio oscar raul arturo enrique alberto hector victor martin andres
angel pablo ramon gerardo alfredo salvador guillermo ignacio armando hugo ruben julio adrian cesar edgar ivan
diego gabriel santiago sebastian mateo emiliano leonardo rodrigo gustavo ernesto felipe rogelio raymundo
alfonso agustin ismael abel efrain isaac israel moises samuel tomas lorenzo benito esteban marco marcos
cristian kevin brayan bryan jonathan jhonatan wilmer walter wilson nelson elmer edwin erick erik henry
mauricio josue elvin selvin denis dennis marvin melvin kelvin alex alexander alexis byron rony ronald william
wilfredo domingo gregorio vicente lucas mariano feliciano anibal arnoldo baltazar candelario cecilio
cirilo crescencio eleazar eliseo emilio ezequiel fabian faustino federico florencio gilberto heriberto
humberto inocencio isidro jacinto jaime joaquin leonel lucio macario marcelino margarito maximino nicolas
noe octavio pascual porfirio rigoberto rosalio rutilio saul silvestre teodoro tiburcio ulises valentin
wenceslao leopoldo adolfo rodolfo edmundo norberto adalberto hernando gonzalo eustaquio anastasio
marcial juventino celestino hilario apolinar bernardo claudio damian dario elias fidel genaro german
horacio irving jair jonas josafat lazaro leandro misael nestor obed omar orlando osvaldo ramiro renato
ronaldo sixto tobias ubaldo uriel wilber yefri yeison jefferson anderson bairon darwin elder ever
everardo fredy freddy gerson herson jose jimmy nery otoniel selvin tito yovani geovany giovanni
jean pierre joseph louis jacques michel paul andre claude frantz fritz wilner woodley jameson peterson
stevenson wilfrid yves emmanuel junior mackenson wisly wesner jn gilles georges fritzner ricot robert
claudy dieuseul jocelyn kervens lovensky roodly ronald wilfrid
maria guadalupe juana margarita rosa ana francisca josefina patricia elizabeth leticia alejandra veronica
gabriela martha marta teresa yolanda adriana silvia laura claudia sandra norma araceli carmen isabel luz
lucia sofia fernanda valeria daniela andrea diana karla karina monica alicia angelica beatriz blanca
carolina cecilia consuelo cristina dolores elena esperanza estela eva gloria graciela irma julia lorena
lourdes manuela mercedes miriam natalia olga paula pilar raquel rocio rosario ruth socorro susana
victoria virginia ximena jimena esmeralda brenda jessica yesenia wendy heidy dayana ingrid iris lesly
nancy xiomara dania suyapa marleny glenda elsa reina dilcia lidia ester sara rebeca abigail berenice
catalina concepcion eugenia luisa magdalena marcela angela refugio josefa antonia agustina martina
candelaria petrona micaela juliana tomasa sebastiana jacinta catarina marie rose nadege guerline
mirlande fabiola marlene nadine roseline sherline widline guerda ketly lovely dieula magalie micheline
ginette annette geraldine jeanne michelle yanet yaneth yesica kenia keila lilian marisol maribel
mayra nayeli noemi perla rosalba rubi sonia tania yadira zulma
`)

/** The head of the surname distribution (Mexico, Central America, Mayan, Haiti). */
export const SURNAME_WORDS = words(`
hernandez garcia martinez lopez gonzalez perez rodriguez sanchez ramirez cruz flores gomez morales vazquez
reyes jimenez torres diaz gutierrez ruiz mendoza aguilar ortiz moreno castillo romero alvarez mendez
chavez rivera juarez ramos dominguez herrera medina castro vargas guzman velazquez munoz rojas contreras
salazar luna ortega santiago guerrero estrada bautista cortes soto alvarado espinoza lara avila rios
cervantes silva delgado vega marquez sandoval fernandez leon carrillo mejia solis nunez rosas valdez
ibarra campos cabrera camacho navarro pena robles fuentes molina cardenas maldonado trejo miranda escobar
zuniga pineda orellana argueta portillo aguirre benitez calderon duarte figueroa galdamez hidalgo lemus
linares mancia murillo osorio padilla quintanilla rivas serrano sosa urbina valle villatoro zelaya zepeda
amaya barahona bonilla caceres cardona carcamo castellanos chinchilla discua euceda ferrera funez galeas
godoy izaguirre lagos maradiaga matute meza montoya moncada ordonez paz ponce sabillon suazo turcios
valladares velasquez ventura tzoc cux aju batz chacach coc choc pop caal tut ixcoy xol quej tzul chiquin yat
tiul cac sicay chun tzunun tuyuc boror cumez sical xoyon ixcot chavajay ajanel quieju chumil xicay cuxil
ajcot tecum tzic coy tum ixchop bol maquin ical pacay xuc cuc yos sajche chuc baptiste jeanbaptiste
saintlouis francois augustin etienne desir dorvil noel toussaint dorsainvil celestin fils aime
`)

/** Words that follow "de", "del", "de la" or "de los" inside a given name: María del Carmen. */
export const GIVEN_CONTINUATIONS = words('carmen jesus angeles luz rosario refugio socorro lourdes guadalupe pilar dolores mercedes fatima montserrat consuelo transito')

/** Real surnames written "de X" that are not a husband's name: De León, De Jesús. */
export const DE_SURNAMES = words('leon jesus dios paz lara luna santiago lima avila gracia anda haro alba leija hoyos ita')

/** Words clerks write where a name is missing or as a suffix: they carry no identity. */
export const NON_NAMES = words('nn n sn desconocido desconocida sin nombre unknown fnu lnu hijo jr junior sr ii iii nd na xx')

/**
 * Approximate share of people who carry each word, as given name or as surname, in the
 * populations the programme serves; used only until the registry's own counts outweigh them.
 * Rounded from public statistics of Mexican and Central American registries.
 */
export const BASE_GIVEN_SHARE: Readonly<Record<string, number>> = {
  jose: 0.045, juan: 0.035, maria: 0.06, luis: 0.02, carlos: 0.018, jesus: 0.012, miguel: 0.012, francisco: 0.01,
  antonio: 0.01, pedro: 0.006, manuel: 0.008, jorge: 0.008, guadalupe: 0.012, ana: 0.01, rosa: 0.006, juana: 0.005,
  santos: 0.004, jean: 0.004, marie: 0.003,
}

/** As BASE_GIVEN_SHARE, for surnames (either slot). */
export const BASE_SURNAME_SHARE: Readonly<Record<string, number>> = {
  hernandez: 0.045, garcia: 0.03, lopez: 0.03, martinez: 0.026, gonzalez: 0.022, perez: 0.022, rodriguez: 0.018,
  sanchez: 0.016, ramirez: 0.016, cruz: 0.014, flores: 0.012, gomez: 0.011, morales: 0.01, reyes: 0.009,
  diaz: 0.008, jimenez: 0.007, torres: 0.007, ruiz: 0.006, mendoza: 0.006, castillo: 0.006, vasquez: 0.005,
}
