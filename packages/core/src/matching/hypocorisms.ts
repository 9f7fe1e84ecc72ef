import { foldText } from './text.ts'

/**
 * Hypocorisms and short forms in Mexico and Central America, Kreyòl spellings of Haitian
 * names, and the abbreviations clerks use, each with the formal given names it may stand for.
 * Curated by hand (public knowledge of naming customs); one nickname may stand for several
 * names (Beto: Alberto, Roberto, Humberto…), and a compound nickname for two words (Chema: José
 * María). Keys and values are folded (see foldText).
 */
const TABLE: Readonly<Record<string, readonly string[]>> = {
  // José, Jesús, Francisco and the other names nearly every family has.
  pepe: ['jose'], pepito: ['jose'], chepe: ['jose'], chepo: ['jose'], pepin: ['jose'], cheo: ['jose'],
  chema: ['jose', 'maria'], josema: ['jose', 'maria'],
  chuy: ['jesus'], chucho: ['jesus'], chuyin: ['jesus'], chus: ['jesus'],
  pancho: ['francisco'], paco: ['francisco'], panchito: ['francisco'], paquito: ['francisco'], kiko: ['francisco', 'enrique'], curro: ['francisco'],
  pancha: ['francisca'], paquita: ['francisca'],
  lupe: ['guadalupe'], lupita: ['guadalupe'], lupillo: ['guadalupe'],
  memo: ['guillermo'], guille: ['guillermo'], guillo: ['guillermo'],
  nacho: ['ignacio'], nachito: ['ignacio'],
  lalo: ['eduardo'], edu: ['eduardo'],
  beto: ['alberto', 'roberto', 'humberto', 'gilberto', 'norberto', 'heriberto', 'adalberto'],
  tito: ['alberto', 'roberto', 'hector', 'ernesto'],
  tono: ['antonio'], tonio: ['antonio'], tony: ['antonio'], tonito: ['antonio'], tona: ['antonia'],
  quique: ['enrique'], kike: ['enrique'],
  goyo: ['gregorio'], chente: ['vicente'], chano: ['luciano', 'mariano', 'feliciano', 'sebastian'],
  chalo: ['gonzalo', 'rosalio'], lencho: ['lorenzo'], poncho: ['alfonso'], nando: ['fernando', 'hernando'],
  fer: ['fernando'], rafa: ['rafael'], tavo: ['gustavo', 'octavio'], manolo: ['manuel'], manu: ['manuel'],
  licho: ['luis'], wicho: ['luis'], juancho: ['juan'], juanito: ['juan'], juanca: ['juan', 'carlos'],
  nico: ['nicolas'], santi: ['santiago'], mundo: ['edmundo', 'raymundo', 'segismundo'], moncho: ['ramon'],
  checo: ['sergio'], neto: ['ernesto'], tacho: ['anastasio', 'eustaquio'], chilo: ['isidro', 'marcelino'],
  alex: ['alejandro', 'alexander', 'alexis'], dani: ['daniel'], dany: ['daniel'], migue: ['miguel'],
  fito: ['adolfo', 'rodolfo'], efra: ['efrain'], gabo: ['gabriel'], leo: ['leonardo', 'leonel'], tomy: ['tomas'],
  chava: ['salvador'], chavo: ['salvador'], chepito: ['jose'], cayo: ['macario'], pedrito: ['pedro'],
  chuma: ['jesus'], toncho: ['antonio'], chencho: ['crescencio', 'inocencio'],
  // Women's names.
  chayo: ['rosario'], charo: ['rosario'], concha: ['concepcion'], conchita: ['concepcion'], meche: ['mercedes'],
  lola: ['dolores'], lolita: ['dolores'], loli: ['dolores'], pili: ['pilar'], maru: ['maria', 'eugenia'],
  marilu: ['maria', 'luisa'], malu: ['maria', 'luisa'], maite: ['maria', 'teresa'], mayte: ['maria', 'teresa'], majo: ['maria', 'jose'],
  tere: ['teresa'], chela: ['graciela', 'marcela', 'angela'], chabela: ['isabel'], isa: ['isabel'], chabe: ['isabel'],
  cuca: ['refugio'], cuco: ['refugio'], pati: ['patricia'], paty: ['patricia'], vero: ['veronica'], lety: ['leticia'],
  ale: ['alejandra', 'alejandro'], gaby: ['gabriela'], gabi: ['gabriela'], rosy: ['rosa'], chio: ['rocio'],
  sofi: ['sofia'], caro: ['carolina'], coco: ['socorro'], mari: ['maria', 'marie'], nati: ['natalia'], yola: ['yolanda'],
  lucha: ['luz'], licha: ['alicia'], chelo: ['consuelo'], male: ['maria', 'elena'], cris: ['cristina', 'cristian'],
  adri: ['adriana', 'adrian'], kari: ['karina'], pepa: ['josefa'], juanita: ['juana'], betty: ['beatriz', 'elizabeth'],
  bety: ['beatriz', 'elizabeth'], mela: ['carmen'], carmelita: ['carmen'], chepa: ['josefa'], nena: ['magdalena'],
  yoli: ['yolanda'], vicky: ['victoria'], susi: ['susana'], ceci: ['cecilia'], elo: ['eloisa'], tina: ['cristina', 'agustina', 'martina'],
  // Abbreviations on forms.
  ma: ['maria'], mma: ['maria'], fco: ['francisco'], jse: ['jose'], gpe: ['guadalupe'], jes: ['jesus'],
  // Haitian names: Kreyòl and Spanish-ear spellings, and the Spanish form a clerk may write.
  jan: ['jean'], yan: ['jean'], yean: ['jean'], pyer: ['pierre'], pier: ['pierre'], pierr: ['pierre'], jozef: ['joseph'],
  yosef: ['joseph'], josef: ['joseph'], jozeph: ['joseph'], lwi: ['louis'], jak: ['jacques'], yak: ['jacques'],
  jil: ['gilles'], jorj: ['georges'], jeraldin: ['geraldine'], woodly: ['woodley'], wilne: ['wilner'],
  fritznel: ['fritzner'], jinet: ['ginette'], anit: ['annette'], mariz: ['marie'],
}

/** The same person's name in Haitian French and in the Spanish a Mexican clerk may write. */
const SAME_NAME: readonly (readonly [string, string])[] = [
  ['jean', 'juan'], ['pierre', 'pedro'], ['joseph', 'jose'], ['marie', 'maria'], ['louis', 'luis'],
  ['jacques', 'jaime'], ['jeanne', 'juana'], ['michel', 'miguel'], ['paul', 'pablo'], ['andre', 'andres'],
]

const FORMAL: ReadonlyMap<string, readonly string[]> = buildFormal()

/**
 * The formal given names a folded given-name word may stand for, without the word itself;
 * empty when it is not a known short form.
 * @example formalNames('chuy') // ['jesus']
 * @example formalNames('Beto') // ['alberto', 'roberto', 'humberto', 'gilberto', 'norberto', 'heriberto', 'adalberto']
 */
export function formalNames(word: string): readonly string[] {
  return FORMAL.get(foldText(word)) ?? []
}

function buildFormal(): Map<string, readonly string[]> {
  const map = new Map<string, string[]>()
  const add = (from: string, to: string) => {
    if (from === to) {
      return
    }
    const list = map.get(from) ?? []
    if (!list.includes(to)) {
      list.push(to)
    }
    map.set(from, list)
  }
  for (const [nick, formals] of Object.entries(TABLE)) {
    for (const formal of formals) {
      add(nick, formal)
    }
  }
  for (const [a, b] of SAME_NAME) {
    add(a, b)
    add(b, a)
  }
  return map
}
