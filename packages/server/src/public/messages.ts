import type { PublicLang } from './languages.ts'

/**
 * The public site's own words around the pages (the pages' text is in content/): short, for
 * people who read little. Every language has every key; `{…}` marks what is filled in.
 */
export interface PublicMessages {
  siteName: string
  tagline: string
  skip: string
  languages: string
  home: string
  menu: string
  transitTitle: string
  transitIntro: string
  paisanoTitle: string
  paisanoIntro: string
  emergencyTitle: string
  emergencyCall: string
  emergencyFree: string
  notTranslated: string
  notFoundTitle: string
  notFoundBody: string
  backHome: string
  footer: string
  /** The link under a page to its one-sheet PDF. */
  leaflet: string
  /** The link to the whole guide as a PDF. */
  guidePdf: string
  /** Said of a page's recording, above its player. */
  listen: string
  pictogram: Record<'water' | 'danger' | 'emergency' | 'help' | 'phone', string>
  help: HelpMessages
}

/** A count's words by the language's plural category (Intl.PluralRules); `{n}` is the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

/** The kinds of help point the public site lists. */
export type HelpKindWords = Record<'group_base' | 'module' | 'observation_point' | 'shelter' | 'hospital' | 'consulate' | 'orientation_tower' | 'other_help_point', string>

/** The words of "find help near you" (`/<lang>/help`). */
export interface HelpMessages {
  title: string
  summary: string
  intro: string
  mapLabel: string
  stateMapLabel: string
  legend: string
  byState: string
  count: PluralForms
  others: string
  othersTitle: string
  stateTitle: string
  allStates: string
  hours: string
  address: string
  call: string
  paisanoOpen: string
  none: string
  kinds: HelpKindWords
}

export const PUBLIC_MESSAGES: Readonly<Record<PublicLang, PublicMessages>> = {
  es: {
    siteName: 'Faro',
    tagline: 'Ayuda e información para migrantes en México',
    skip: 'Ir al contenido',
    languages: 'Idioma',
    home: 'Inicio',
    menu: 'Páginas',
    transitTitle: 'Si viajas por México',
    transitIntro: 'Tus derechos, los riesgos del camino y dónde pedir ayuda. La ayuda es gratis. No tienes que dar tu nombre.',
    paisanoTitle: 'Si regresas de Estados Unidos',
    paisanoIntro: 'La Guía Paisano: documentos, lo que puedes traer, tu vehículo, el viaje seguro y cómo quejarte.',
    emergencyTitle: 'Emergencias',
    emergencyCall: 'Llama al {number}',
    emergencyFree: 'La llamada es gratis, de día y de noche.',
    notTranslated: 'Esta página todavía no está en tu idioma. Aquí está en español.',
    notFoundTitle: 'No encontramos esta página',
    notFoundBody: 'La dirección puede estar mal escrita.',
    backHome: 'Volver al inicio',
    footer: 'Faro informa sobre los Grupos Beta y el Programa Paisano del Instituto Nacional de Migración.',
    leaflet: 'Imprimir esta página en una hoja (PDF)',
    guidePdf: 'Descargar la Guía Paisano completa (PDF)',
    listen: 'Escucha esta página',
    pictogram: { water: 'Agua', danger: 'Peligro', emergency: 'Emergencia', help: 'Punto de ayuda', phone: 'Teléfono' },
    help: {
      title: 'Encuentra ayuda cerca de ti',
      summary: 'Albergues, Grupos Beta, módulos Paisano y otros lugares que ayudan, por estado.',
      intro: 'Estos lugares te ayudan gratis. Elige tu estado para ver la dirección, el horario y el teléfono de cada uno.',
      mapLabel: 'Mapa de México con los puntos de ayuda. La lista por estado dice lo mismo.',
      stateMapLabel: 'Mapa de {state} con los puntos de ayuda, numerados como en la lista.',
      legend: 'Colores del mapa',
      byState: 'Por estado',
      count: { one: '{n} punto de ayuda', other: '{n} puntos de ayuda' },
      others: 'Otros',
      othersTitle: 'Otros puntos de ayuda',
      stateTitle: 'Ayuda en {state}',
      allStates: 'Todos los estados',
      hours: 'Horario',
      address: 'Dirección',
      call: 'Llamar al {phone}',
      paisanoOpen: 'Abierto durante el {operation} hasta el {date}.',
      none: 'Por ahora no hay puntos de ayuda registrados aquí. En una emergencia, llama al 911.',
      kinds: { group_base: 'Base de Grupo Beta', module: 'Módulo Paisano', observation_point: 'Punto de observación Paisano', shelter: 'Albergue', hospital: 'Hospital', consulate: 'Consulado', orientation_tower: 'Torre de orientación', other_help_point: 'Punto de ayuda' },
    },
  },
  en: {
    siteName: 'Faro',
    tagline: 'Help and information for migrants in Mexico',
    skip: 'Skip to content',
    languages: 'Language',
    home: 'Home',
    menu: 'Pages',
    transitTitle: 'If you are travelling through Mexico',
    transitIntro: 'Your rights, the risks of the route and where to ask for help. Help is free. You do not have to give your name.',
    paisanoTitle: 'If you are coming home from the United States',
    paisanoIntro: 'The Paisano Guide: documents, what you may bring, your vehicle, travelling safely and how to complain.',
    emergencyTitle: 'Emergencies',
    emergencyCall: 'Call {number}',
    emergencyFree: 'The call is free, day and night.',
    notTranslated: 'This page is not in your language yet. Here it is in Spanish.',
    notFoundTitle: 'We cannot find this page',
    notFoundBody: 'The address may be misspelled.',
    backHome: 'Back to the home page',
    footer: 'Faro informs about the Grupos Beta and the Paisano Programme of Mexico’s National Migration Institute.',
    leaflet: 'Print this page on one sheet (PDF)',
    guidePdf: 'Download the whole Paisano Guide (PDF)',
    listen: 'Listen to this page',
    pictogram: { water: 'Water', danger: 'Danger', emergency: 'Emergency', help: 'Help point', phone: 'Phone' },
    help: {
      title: 'Find help near you',
      summary: 'Shelters, Grupos Beta, Paisano modules and other places that help, by state.',
      intro: 'These places help you for free. Choose your state to see each one’s address, hours and phone.',
      mapLabel: 'Map of Mexico with the help points. The list by state says the same.',
      stateMapLabel: 'Map of {state} with the help points, numbered as in the list.',
      legend: 'Map colours',
      byState: 'By state',
      count: { one: '{n} help point', other: '{n} help points' },
      others: 'Others',
      othersTitle: 'Other help points',
      stateTitle: 'Help in {state}',
      allStates: 'All states',
      hours: 'Hours',
      address: 'Address',
      call: 'Call {phone}',
      paisanoOpen: 'Open during the {operation} until {date}.',
      none: 'No help points are listed here for now. In an emergency, call 911.',
      kinds: { group_base: 'Grupo Beta base', module: 'Paisano module', observation_point: 'Paisano observation point', shelter: 'Shelter', hospital: 'Hospital', consulate: 'Consulate', orientation_tower: 'Orientation tower', other_help_point: 'Help point' },
    },
  },
  fr: {
    siteName: 'Faro',
    tagline: 'Aide et information pour les migrants au Mexique',
    skip: 'Aller au contenu',
    languages: 'Langue',
    home: 'Accueil',
    menu: 'Pages',
    transitTitle: 'Si vous traversez le Mexique',
    transitIntro: 'Vos droits, les dangers de la route et où demander de l’aide. L’aide est gratuite. Vous n’avez pas à donner votre nom.',
    paisanoTitle: 'Si vous rentrez des États-Unis au Mexique',
    paisanoIntro: 'Le Guide Paisano : documents, ce que vous pouvez apporter, votre véhicule, voyager en sécurité et porter plainte.',
    emergencyTitle: 'Urgences',
    emergencyCall: 'Appelez le {number}',
    emergencyFree: 'L’appel est gratuit, jour et nuit.',
    notTranslated: 'Cette page n’est pas encore dans votre langue. La voici en espagnol.',
    notFoundTitle: 'Nous ne trouvons pas cette page',
    notFoundBody: 'L’adresse est peut-être mal écrite.',
    backHome: 'Retour à l’accueil',
    footer: 'Faro informe sur les Grupos Beta et le Programme Paisano de l’Institut national des migrations du Mexique.',
    leaflet: 'Imprimer cette page sur une feuille (PDF)',
    guidePdf: 'Télécharger tout le Guide Paisano (PDF)',
    listen: 'Écoute cette page',
    pictogram: { water: 'Eau', danger: 'Danger', emergency: 'Urgence', help: 'Point d’aide', phone: 'Téléphone' },
    help: {
      title: 'Trouver de l’aide près de vous',
      summary: 'Refuges, Grupos Beta, modules Paisano et autres lieux d’aide, par État.',
      intro: 'Ces lieux vous aident gratuitement. Choisissez votre État pour voir l’adresse, les horaires et le téléphone de chacun.',
      mapLabel: 'Carte du Mexique avec les points d’aide. La liste par État dit la même chose.',
      stateMapLabel: 'Carte de l’État {state} avec les points d’aide, numérotés comme dans la liste.',
      legend: 'Couleurs de la carte',
      byState: 'Par État',
      count: { one: '{n} point d’aide', other: '{n} points d’aide' },
      others: 'Autres',
      othersTitle: 'Autres points d’aide',
      stateTitle: 'Aide dans l’État {state}',
      allStates: 'Tous les États',
      hours: 'Horaires',
      address: 'Adresse',
      call: 'Appeler le {phone}',
      paisanoOpen: 'Ouvert pendant l’{operation} jusqu’au {date}.',
      none: 'Aucun point d’aide n’est indiqué ici pour l’instant. En cas d’urgence, appelez le 911.',
      kinds: { group_base: 'Base du Grupo Beta', module: 'Module Paisano', observation_point: 'Point d’observation Paisano', shelter: 'Refuge', hospital: 'Hôpital', consulate: 'Consulat', orientation_tower: 'Tour d’orientation', other_help_point: 'Point d’aide' },
    },
  },
  ht: {
    siteName: 'Faro',
    tagline: 'Èd ak enfòmasyon pou migran nan Meksik',
    skip: 'Ale nan kontni an',
    languages: 'Lang',
    home: 'Akèy',
    menu: 'Paj yo',
    transitTitle: 'Si w ap travèse Meksik',
    transitIntro: 'Dwa ou, danje ki sou wout la ak kote pou mande èd. Èd la gratis. Ou pa oblije bay non ou.',
    paisanoTitle: 'Si w ap retounen Meksik soti Etazini',
    paisanoIntro: 'Gid Paisano a: papye, sa ou ka pote, machin ou, vwayaje san danje ak ki jan pou pote plent.',
    emergencyTitle: 'Ijans',
    emergencyCall: 'Rele {number}',
    emergencyFree: 'Apèl la gratis, lajounen kou lannwit.',
    notTranslated: 'Paj sa a poko nan lang ou. Men li an panyòl.',
    notFoundTitle: 'Nou pa jwenn paj sa a',
    notFoundBody: 'Petèt adrès la mal ekri.',
    backHome: 'Retounen nan akèy la',
    footer: 'Faro bay enfòmasyon sou Grupos Beta ak Pwogram Paisano Enstiti Nasyonal Migrasyon Meksik la.',
    leaflet: 'Enprime paj sa a sou yon fèy (PDF)',
    guidePdf: 'Telechaje tout Gid Paisano a (PDF)',
    listen: 'Koute paj sa a',
    pictogram: { water: 'Dlo', danger: 'Danje', emergency: 'Ijans', help: 'Kote pou jwenn èd', phone: 'Telefòn' },
    help: {
      title: 'Jwenn èd toupre w',
      summary: 'Abri, Grupos Beta, modil Paisano ak lòt kote ki bay èd, pa eta.',
      intro: 'Kote sa yo ede w gratis. Chwazi eta w la pou w wè adrès, lè ak telefòn chak kote.',
      mapLabel: 'Kat Meksik ak kote pou jwenn èd yo. Lis pa eta a di menm bagay la.',
      stateMapLabel: 'Kat {state} ak kote pou jwenn èd yo, ak menm nimewo ak lis la.',
      legend: 'Koulè kat la',
      byState: 'Pa eta',
      count: { one: '{n} kote pou jwenn èd', other: '{n} kote pou jwenn èd' },
      others: 'Lòt',
      othersTitle: 'Lòt kote pou jwenn èd',
      stateTitle: 'Èd nan {state}',
      allStates: 'Tout eta yo',
      hours: 'Lè',
      address: 'Adrès',
      call: 'Rele {phone}',
      paisanoOpen: 'Louvri pandan {operation} la jiska {date}.',
      none: 'Pou kounye a pa gen kote pou jwenn èd ki make isit la. Si gen ijans, rele 911.',
      kinds: { group_base: 'Baz Grupo Beta', module: 'Modil Paisano', observation_point: 'Pwen obsèvasyon Paisano', shelter: 'Abri', hospital: 'Lopital', consulate: 'Konsila', orientation_tower: 'Tou oryantasyon', other_help_point: 'Kote pou jwenn èd' },
    },
  },
  pt: {
    siteName: 'Faro',
    tagline: 'Ajuda e informação para migrantes no México',
    skip: 'Ir para o conteúdo',
    languages: 'Idioma',
    home: 'Início',
    menu: 'Páginas',
    transitTitle: 'Se você está atravessando o México',
    transitIntro: 'Seus direitos, os riscos do caminho e onde pedir ajuda. A ajuda é gratuita. Você não precisa dar seu nome.',
    paisanoTitle: 'Se você está voltando dos Estados Unidos para o México',
    paisanoIntro: 'O Guia Paisano: documentos, o que você pode trazer, seu veículo, viajar com segurança e como reclamar.',
    emergencyTitle: 'Emergências',
    emergencyCall: 'Ligue {number}',
    emergencyFree: 'A ligação é gratuita, de dia e de noite.',
    notTranslated: 'Esta página ainda não está no seu idioma. Aqui está em espanhol.',
    notFoundTitle: 'Não encontramos esta página',
    notFoundBody: 'O endereço pode estar escrito errado.',
    backHome: 'Voltar ao início',
    footer: 'Faro informa sobre os Grupos Beta e o Programa Paisano do Instituto Nacional de Migração do México.',
    leaflet: 'Imprimir esta página em uma folha (PDF)',
    guidePdf: 'Baixar o Guia Paisano completo (PDF)',
    listen: 'Ouça esta página',
    pictogram: { water: 'Água', danger: 'Perigo', emergency: 'Emergência', help: 'Ponto de ajuda', phone: 'Telefone' },
    help: {
      title: 'Encontre ajuda perto de você',
      summary: 'Abrigos, Grupos Beta, módulos Paisano e outros lugares que ajudam, por estado.',
      intro: 'Estes lugares ajudam você de graça. Escolha seu estado para ver o endereço, o horário e o telefone de cada um.',
      mapLabel: 'Mapa do México com os pontos de ajuda. A lista por estado diz o mesmo.',
      stateMapLabel: 'Mapa de {state} com os pontos de ajuda, numerados como na lista.',
      legend: 'Cores do mapa',
      byState: 'Por estado',
      count: { one: '{n} ponto de ajuda', other: '{n} pontos de ajuda' },
      others: 'Outros',
      othersTitle: 'Outros pontos de ajuda',
      stateTitle: 'Ajuda em {state}',
      allStates: 'Todos os estados',
      hours: 'Horário',
      address: 'Endereço',
      call: 'Ligar para {phone}',
      paisanoOpen: 'Aberto durante o {operation} até {date}.',
      none: 'Por enquanto não há pontos de ajuda registrados aqui. Em uma emergência, ligue 911.',
      kinds: { group_base: 'Base do Grupo Beta', module: 'Módulo Paisano', observation_point: 'Ponto de observação Paisano', shelter: 'Abrigo', hospital: 'Hospital', consulate: 'Consulado', orientation_tower: 'Torre de orientação', other_help_point: 'Ponto de ajuda' },
    },
  },
}
