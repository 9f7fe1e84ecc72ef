import type { PublicLang } from '../public/languages.ts'

/**
 * The words of the published tables in every language of the public site: their dimensions'
 * names and the names of their values (typed like the site's other catalogues: every key in
 * every language). A value with no word here (a state's name) is shown as it is.
 */

export type Words = Readonly<Record<PublicLang, string>>

/** The name of each dimension a published table uses, as its column head. */
export const DIMENSION_WORDS = {
  border: { es: 'Frontera', en: 'Border', fr: 'Frontière', ht: 'Fwontyè', pt: 'Fronteira' },
  state: { es: 'Estado', en: 'State', fr: 'État', ht: 'Eta', pt: 'Estado' },
  nationality: { es: 'Nacionalidad', en: 'Nationality', fr: 'Nationalité', ht: 'Nasyonalite', pt: 'Nacionalidade' },
  sex: { es: 'Sexo', en: 'Sex', fr: 'Sexe', ht: 'Sèks', pt: 'Sexo' },
  ageBand: { es: 'Edad', en: 'Age', fr: 'Âge', ht: 'Laj', pt: 'Idade' },
  service: { es: 'Servicio', en: 'Service', fr: 'Service', ht: 'Sèvis', pt: 'Serviço' },
  emergency: { es: 'Emergencia', en: 'Emergency', fr: 'Urgence', ht: 'Ijans', pt: 'Emergência' },
  patrolKind: { es: 'Tipo de patrullaje', en: 'Kind of patrol', fr: 'Type de patrouille', ht: 'Kalite patwouy', pt: 'Tipo de patrulha' },
  condition: { es: 'Estado de los restos', en: 'Condition of the remains', fr: 'État des restes', ht: 'Eta kò yo', pt: 'Estado dos restos' },
  tallyKind: { es: 'Qué se contó', en: 'What was counted', fr: 'Ce qui a été compté', ht: 'Sa ki te konte', pt: 'O que foi contado' },
} as const satisfies Record<string, Words>

export type Dimension = keyof typeof DIMENSION_WORDS

const UNKNOWN: Words = { es: 'Sin dato', en: 'Not recorded', fr: 'Non renseigné', ht: 'Pa gen enfòmasyon', pt: 'Sem dado' }

/** The names of the values, by dimension; `unknown` and an empty value say "not recorded". */
export const VALUE_WORDS: Readonly<Partial<Record<Dimension, Readonly<Record<string, Words>>>>> = {
  border: {
    north: { es: 'Frontera norte', en: 'Northern border', fr: 'Frontière nord', ht: 'Fwontyè nò', pt: 'Fronteira norte' },
    south: { es: 'Frontera sur', en: 'Southern border', fr: 'Frontière sud', ht: 'Fwontyè sid', pt: 'Fronteira sul' },
    central: { es: 'Centro', en: 'Centre', fr: 'Centre', ht: 'Sant', pt: 'Centro' },
  },
  sex: {
    female: { es: 'Mujeres', en: 'Women and girls', fr: 'Femmes et filles', ht: 'Fanm ak tifi', pt: 'Mulheres e meninas' },
    male: { es: 'Hombres', en: 'Men and boys', fr: 'Hommes et garçons', ht: 'Gason ak tigason', pt: 'Homens e meninos' },
    other: { es: 'Otro', en: 'Other', fr: 'Autre', ht: 'Lòt', pt: 'Outro' },
  },
  ageBand: {
    '0-5': { es: '0 a 5 años', en: '0 to 5 years', fr: '0 à 5 ans', ht: '0 a 5 an', pt: '0 a 5 anos' },
    '6-11': { es: '6 a 11 años', en: '6 to 11 years', fr: '6 à 11 ans', ht: '6 a 11 an', pt: '6 a 11 anos' },
    '12-17': { es: '12 a 17 años', en: '12 to 17 years', fr: '12 à 17 ans', ht: '12 a 17 an', pt: '12 a 17 anos' },
    '18-29': { es: '18 a 29 años', en: '18 to 29 years', fr: '18 à 29 ans', ht: '18 a 29 an', pt: '18 a 29 anos' },
    '30-44': { es: '30 a 44 años', en: '30 to 44 years', fr: '30 à 44 ans', ht: '30 a 44 an', pt: '30 a 44 anos' },
    '45-59': { es: '45 a 59 años', en: '45 to 59 years', fr: '45 à 59 ans', ht: '45 a 59 an', pt: '45 a 59 anos' },
    '60+': { es: '60 años o más', en: '60 years or more', fr: '60 ans ou plus', ht: '60 an oswa plis', pt: '60 anos ou mais' },
  },
  service: {
    orientation: { es: 'Orientación', en: 'Guidance', fr: 'Orientation', ht: 'Oryantasyon', pt: 'Orientação' },
    water: { es: 'Agua', en: 'Water', fr: 'Eau', ht: 'Dlo', pt: 'Água' },
    food: { es: 'Alimentos', en: 'Food', fr: 'Nourriture', ht: 'Manje', pt: 'Alimentos' },
    medicine: { es: 'Medicamentos', en: 'Medicine', fr: 'Médicaments', ht: 'Medikaman', pt: 'Remédios' },
    first_aid: { es: 'Primeros auxilios', en: 'First aid', fr: 'Premiers secours', ht: 'Premye swen', pt: 'Primeiros socorros' },
    hospital_transfer: { es: 'Traslado a hospital', en: 'Taken to hospital', fr: 'Transfert à l’hôpital', ht: 'Mennen lopital', pt: 'Levado ao hospital' },
    shelter_transfer: { es: 'Traslado a albergue', en: 'Taken to a shelter', fr: 'Transfert en foyer', ht: 'Mennen nan yon abri', pt: 'Levado a um abrigo' },
    phone_call: { es: 'Llamada telefónica', en: 'Phone call', fr: 'Appel téléphonique', ht: 'Apèl telefòn', pt: 'Ligação telefônica' },
    bus_fare_discount: { es: 'Descuento en pasaje', en: 'Bus fare discount', fr: 'Réduction sur le billet de bus', ht: 'Rabè sou tikè bis', pt: 'Desconto na passagem' },
    legal_advice: { es: 'Asesoría legal', en: 'Legal advice', fr: 'Conseil juridique', ht: 'Konsèy legal', pt: 'Orientação jurídica' },
    complaint_taken: { es: 'Queja recibida', en: 'Complaint taken', fr: 'Plainte reçue', ht: 'Plent resevwa', pt: 'Queixa recebida' },
  },
  emergency: {
    lost_in_desert: { es: 'Extravío en el desierto', en: 'Lost in the desert', fr: 'Perdu dans le désert', ht: 'Pèdi nan dezè a', pt: 'Perdido no deserto' },
    heat_stroke: { es: 'Golpe de calor', en: 'Heat stroke', fr: 'Coup de chaleur', ht: 'Kou chalè', pt: 'Insolação' },
    dehydration: { es: 'Deshidratación', en: 'Dehydration', fr: 'Déshydratation', ht: 'Dezidratasyon', pt: 'Desidratação' },
    hypothermia: { es: 'Hipotermia', en: 'Hypothermia', fr: 'Hypothermie', ht: 'Ipotèmi', pt: 'Hipotermia' },
    drowning_river: { es: 'Riesgo de ahogamiento en el río', en: 'Near drowning in the river', fr: 'Noyade dans la rivière', ht: 'Prèske nwaye nan rivyè a', pt: 'Afogamento no rio' },
    train_accident: { es: 'Accidente en el tren', en: 'Train accident', fr: 'Accident de train', ht: 'Aksidan tren', pt: 'Acidente de trem' },
    fall_injury: { es: 'Lesión por caída', en: 'Injured in a fall', fr: 'Blessure par chute', ht: 'Blese nan yon tonbe', pt: 'Lesão por queda' },
    crime_victim: { es: 'Víctima de delito', en: 'Victim of a crime', fr: 'Victime d’un délit', ht: 'Viktim yon krim', pt: 'Vítima de crime' },
    other: { es: 'Otra', en: 'Other', fr: 'Autre', ht: 'Lòt', pt: 'Outra' },
  },
  patrolKind: {
    preventive: { es: 'Preventivo', en: 'Preventive', fr: 'Préventive', ht: 'Prevansyon', pt: 'Preventiva' },
    reconnaissance: { es: 'Reconocimiento', en: 'Reconnaissance', fr: 'Reconnaissance', ht: 'Rekonesans', pt: 'Reconhecimento' },
  },
  condition: {
    recent: { es: 'Recientes', en: 'Recent', fr: 'Récents', ht: 'Resan', pt: 'Recentes' },
    decomposed: { es: 'En descomposición', en: 'Decomposed', fr: 'En décomposition', ht: 'Pouri', pt: 'Em decomposição' },
    skeletal: { es: 'Osamenta', en: 'Skeletal', fr: 'Squelette', ht: 'Zosman', pt: 'Ossada' },
  },
  tallyKind: {
    guidance: { es: 'Personas orientadas', en: 'People given guidance', fr: 'Personnes orientées', ht: 'Moun ki resevwa oryantasyon', pt: 'Pessoas orientadas' },
    guides: { es: 'Guías entregadas', en: 'Guides handed out', fr: 'Guides remis', ht: 'Gid yo bay', pt: 'Guias entregues' },
    complaintReferrals: { es: 'Canalizadas a queja', en: 'Referred to file a complaint', fr: 'Orientées vers une plainte', ht: 'Voye pou fè plent', pt: 'Encaminhadas para queixa' },
    helpReferrals: { es: 'Canalizadas a ayuda', en: 'Referred for help', fr: 'Orientées vers une aide', ht: 'Voye pou jwenn èd', pt: 'Encaminhadas para ajuda' },
    otherReferrals: { es: 'Otras canalizaciones', en: 'Other referrals', fr: 'Autres orientations', ht: 'Lòt referans', pt: 'Outros encaminhamentos' },
  },
}

const TOTAL: Words = { es: 'Total', en: 'Total', fr: 'Total', ht: 'Total', pt: 'Total' }

/** "Total", for the totals' row and column. */
export function totalWord(lang: PublicLang): string {
  return TOTAL[lang]
}

/** A value's name in a language: its word, a country's name for a nationality, else itself. */
export function valueWord(dimension: Dimension, value: string, lang: PublicLang): string {
  if (value === '' || value === 'unknown') {
    return UNKNOWN[lang]
  }
  const word = VALUE_WORDS[dimension]?.[value]?.[lang]
  if (word !== undefined) {
    return word
  }
  if (dimension === 'nationality' && /^[A-Z]{2}$/.test(value)) {
    // No country names in Haitian Creole in the runtime's data: French ones are the nearest.
    return new Intl.DisplayNames([lang === 'ht' ? 'fr' : lang], { type: 'region' }).of(value) ?? value
  }
  return value
}
