import type { PublicLang } from './languages.ts'

/**
 * The words of the open-data page (`/<lang>/datos`) and its downloads, apart from `messages.ts`,
 * typed the same way: every key in every language; `{…}` marks what is filled in. The tables'
 * own titles and labels are the statistics' (`statistics/published-words.ts`).
 */
export interface OpenDataMessages {
  title: string
  summary: string
  intro: string
  protection: string
  none: string
  /** The marker's legend; `{k}` the table's threshold, `{noun}` what it counts. */
  legend: string
  nouns: Record<'people' | 'patrols' | 'remains', string>
  published: string
  revised: string
  download: string
  csv: string
  xlsx: string
  earlier: string
  periodYear: string
  /** An operation by its season and the year it starts. */
  periodOperation: string
  seasons: Record<'easter' | 'summer' | 'winter', string>
  notFound: string
}

export const OPEN_DATA_MESSAGES: Readonly<Record<PublicLang, OpenDataMessages>> = {
  es: {
    title: 'Datos abiertos',
    summary: 'Cifras de Grupos Beta y del Programa Paisano, aprobadas y listas para descargar.',
    intro: 'Estas son las cifras que los Grupos Beta y el Programa Paisano publican por año y por operativo. Cada tabla la aprueban primero las coordinaciones y después la oficina nacional. Puedes descargarlas en CSV o en Excel.',
    protection: 'Para proteger a las personas, ninguna cifra deja reconocer a alguien: las cifras pequeñas se reservan, y también otras cuando hace falta para que no se puedan calcular restando.',
    none: 'Todavía no hay cifras publicadas.',
    legend: 'x: reservado — menos de {k} {noun}, o reservado para que otra cifra pequeña no pueda calcularse. 0 quiere decir ninguno.',
    nouns: { people: 'personas', patrols: 'patrullajes', remains: 'hallazgos' },
    published: 'Publicado el {date}.',
    revised: 'Revisado el {date} (revisión {revision}).',
    download: 'Descargar',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    earlier: 'Periodos anteriores',
    periodYear: 'Año {year}',
    periodOperation: 'Operativo de {season} {year}',
    seasons: { easter: 'Semana Santa', summer: 'verano', winter: 'invierno' },
    notFound: 'No hay cifras publicadas para ese periodo.',
  },
  en: {
    title: 'Open data',
    summary: 'Figures from Grupos Beta and the Paisano Programme, approved and ready to download.',
    intro: 'These are the figures Grupos Beta and the Paisano Programme publish by year and by operation. Each table is approved first by the coordinators and then by the national office. You can download them as CSV or Excel.',
    protection: 'To protect people, no figure lets anyone be recognised: small figures are withheld, and others too when needed so that they cannot be worked out by subtraction.',
    none: 'No figures have been published yet.',
    legend: 'x: withheld — fewer than {k} {noun}, or withheld so that another small figure cannot be worked out. 0 means none.',
    nouns: { people: 'people', patrols: 'patrols', remains: 'findings' },
    published: 'Published on {date}.',
    revised: 'Revised on {date} (revision {revision}).',
    download: 'Download',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    earlier: 'Earlier periods',
    periodYear: 'Year {year}',
    periodOperation: '{season} operation {year}',
    seasons: { easter: 'Easter', summer: 'Summer', winter: 'Winter' },
    notFound: 'No figures are published for that period.',
  },
  fr: {
    title: 'Données ouvertes',
    summary: 'Chiffres des Grupos Beta et du Programme Paisano, approuvés et prêts à télécharger.',
    intro: 'Voici les chiffres que les Grupos Beta et le Programme Paisano publient par année et par opération. Chaque tableau est approuvé d’abord par les coordinations, puis par le bureau national. Vous pouvez les télécharger en CSV ou en Excel.',
    protection: 'Pour protéger les personnes, aucun chiffre ne permet de reconnaître quelqu’un : les petits chiffres sont masqués, et d’autres aussi quand il le faut pour qu’on ne puisse pas les retrouver par soustraction.',
    none: 'Aucun chiffre n’a encore été publié.',
    legend: 'x : masqué — moins de {k} {noun}, ou masqué pour qu’un autre petit chiffre ne puisse pas être calculé. 0 veut dire aucun.',
    nouns: { people: 'personnes', patrols: 'patrouilles', remains: 'découvertes' },
    published: 'Publié le {date}.',
    revised: 'Révisé le {date} (révision {revision}).',
    download: 'Télécharger',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    earlier: 'Périodes précédentes',
    periodYear: 'Année {year}',
    periodOperation: 'Opération {season} {year}',
    seasons: { easter: 'de Pâques', summer: 'd’été', winter: 'd’hiver' },
    notFound: 'Aucun chiffre n’est publié pour cette période.',
  },
  ht: {
    title: 'Done ouvè',
    summary: 'Chif Grupos Beta ak Pwogram Paisano, yo apwouve epi yo pare pou telechaje.',
    intro: 'Men chif Grupos Beta ak Pwogram Paisano pibliye pa ane ak pa operasyon. Chak tablo, kowòdinasyon yo apwouve l anvan, answit biwo nasyonal la. Ou ka telechaje yo an CSV oswa an Excel.',
    protection: 'Pou pwoteje moun, okenn chif pa kite yo rekonèt pèsonn: yo kache ti chif yo, e lòt chif tou lè sa nesesè pou yo pa ka jwenn yo lè yo fè soustraksyon.',
    none: 'Pa gen chif ki pibliye ankò.',
    legend: 'x: kache — mwens pase {k} {noun}, oswa kache pou yo pa ka kalkile yon lòt ti chif. 0 vle di pa gen okenn.',
    nouns: { people: 'moun', patrols: 'patwouy', remains: 'kò yo jwenn' },
    published: 'Pibliye {date}.',
    revised: 'Revize {date} (revizyon {revision}).',
    download: 'Telechaje',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    earlier: 'Peryòd anvan yo',
    periodYear: 'Ane {year}',
    periodOperation: 'Operasyon {season} {year}',
    seasons: { easter: 'Pak', summer: 'ete', winter: 'ivè' },
    notFound: 'Pa gen chif ki pibliye pou peryòd sa a.',
  },
  pt: {
    title: 'Dados abertos',
    summary: 'Números dos Grupos Beta e do Programa Paisano, aprovados e prontos para baixar.',
    intro: 'Estes são os números que os Grupos Beta e o Programa Paisano publicam por ano e por operação. Cada tabela é aprovada primeiro pelas coordenações e depois pelo escritório nacional. Você pode baixá-las em CSV ou Excel.',
    protection: 'Para proteger as pessoas, nenhum número permite reconhecer alguém: os números pequenos são reservados, e outros também quando é preciso, para que não possam ser calculados por subtração.',
    none: 'Ainda não há números publicados.',
    legend: 'x: reservado — menos de {k} {noun}, ou reservado para que outro número pequeno não possa ser calculado. 0 quer dizer nenhum.',
    nouns: { people: 'pessoas', patrols: 'patrulhas', remains: 'achados' },
    published: 'Publicado em {date}.',
    revised: 'Revisado em {date} (revisão {revision}).',
    download: 'Baixar',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    earlier: 'Períodos anteriores',
    periodYear: 'Ano {year}',
    periodOperation: 'Operação de {season} {year}',
    seasons: { easter: 'Páscoa', summer: 'verão', winter: 'inverno' },
    notFound: 'Não há números publicados para esse período.',
  },
}
