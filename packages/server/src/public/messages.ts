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
  pictogram: Record<'water' | 'danger' | 'emergency' | 'help' | 'phone', string>
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
    pictogram: { water: 'Agua', danger: 'Peligro', emergency: 'Emergencia', help: 'Punto de ayuda', phone: 'Teléfono' },
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
    pictogram: { water: 'Water', danger: 'Danger', emergency: 'Emergency', help: 'Help point', phone: 'Phone' },
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
    pictogram: { water: 'Eau', danger: 'Danger', emergency: 'Urgence', help: 'Point d’aide', phone: 'Téléphone' },
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
    pictogram: { water: 'Dlo', danger: 'Danje', emergency: 'Ijans', help: 'Kote pou jwenn èd', phone: 'Telefòn' },
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
    pictogram: { water: 'Água', danger: 'Perigo', emergency: 'Emergência', help: 'Ponto de ajuda', phone: 'Telefone' },
  },
}
