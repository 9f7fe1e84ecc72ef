import type { ConvoyStatus } from '@faro/core'
import type { PublicLang } from './languages.ts'

/**
 * The words of the published convoy schedule (`/<lang>/convoys`), apart from `messages.ts`, typed
 * the same way: every key in every language; `{…}` marks what is filled in. Spanish says
 * "caravana", as the Paisano guide's pages do.
 */
export interface ConvoyMessages {
  title: string
  summary: string
  intro: string
  changes: string
  none: string
  /** The departure's time and whose clock it is. */
  localTime: string
  when: string
  status: string
  route: string
  destinations: string
  escort: string
  notes: string
  statuses: Record<ConvoyStatus, string>
}

export const CONVOY_MESSAGES: Readonly<Record<PublicLang, ConvoyMessages>> = {
  es: {
    title: 'Caravanas Paisano',
    summary: 'Fechas, lugares de salida y rutas de las caravanas con escolta.',
    intro: 'Durante los operativos Paisano puedes viajar en caravana, con otros vehículos y con escolta de las autoridades. Viajar en caravana es gratis.',
    changes: 'Las fechas y las horas pueden cambiar. Revisa esta página el día antes de salir.',
    none: 'Por ahora no hay caravanas programadas. Revisa esta página antes de viajar.',
    localTime: '{time} (hora de {state})',
    when: 'Salida',
    status: 'Estado',
    route: 'Ruta',
    destinations: 'Va hacia',
    escort: 'Escolta',
    notes: 'Para los viajeros',
    statuses: { scheduled: 'Programada', departed: 'En camino', arrived: 'Ya llegó', cancelled: 'Cancelada' },
  },
  en: {
    title: 'Paisano convoys',
    summary: 'Dates, departure points and routes of the escorted convoys.',
    intro: 'During Paisano operations you can travel in a convoy, with other vehicles and an escort from the authorities. Travelling in a convoy is free.',
    changes: 'Dates and times may change. Check this page the day before you leave.',
    none: 'No convoys are scheduled for now. Check this page before you travel.',
    localTime: '{time} ({state} time)',
    when: 'Departure',
    status: 'Status',
    route: 'Route',
    destinations: 'Going to',
    escort: 'Escort',
    notes: 'For travellers',
    statuses: { scheduled: 'Scheduled', departed: 'On the road', arrived: 'Arrived', cancelled: 'Cancelled' },
  },
  fr: {
    title: 'Convois Paisano',
    summary: 'Dates, lieux de départ et itinéraires des convois escortés.',
    intro: 'Pendant les opérations Paisano, vous pouvez voyager en convoi, avec d’autres véhicules et une escorte des autorités. Voyager en convoi est gratuit.',
    changes: 'Les dates et les heures peuvent changer. Consultez cette page la veille de votre départ.',
    none: 'Aucun convoi n’est prévu pour l’instant. Consultez cette page avant de partir.',
    localTime: '{time} (heure de l’État {state})',
    when: 'Départ',
    status: 'État',
    route: 'Itinéraire',
    destinations: 'Destination',
    escort: 'Escorte',
    notes: 'Pour les voyageurs',
    statuses: { scheduled: 'Prévu', departed: 'En route', arrived: 'Arrivé', cancelled: 'Annulé' },
  },
  ht: {
    title: 'Konvwa Paisano',
    summary: 'Dat, kote depa ak wout konvwa ki gen eskòt yo.',
    intro: 'Pandan operasyon Paisano yo, ou ka vwayaje nan yon konvwa, ak lòt machin ak yon eskòt otorite yo. Vwayaje nan konvwa a gratis.',
    changes: 'Dat ak lè yo ka chanje. Gade paj sa a jou anvan ou pati.',
    none: 'Pou kounye a pa gen konvwa ki pwograme. Gade paj sa a anvan ou vwayaje.',
    localTime: '{time} (lè {state})',
    when: 'Depa',
    status: 'Sitiyasyon',
    route: 'Wout',
    destinations: 'Ap ale nan',
    escort: 'Eskòt',
    notes: 'Pou vwayajè yo',
    statuses: { scheduled: 'Pwograme', departed: 'Sou wout', arrived: 'Rive', cancelled: 'Anile' },
  },
  pt: {
    title: 'Comboios Paisano',
    summary: 'Datas, locais de saída e rotas dos comboios com escolta.',
    intro: 'Durante as operações Paisano você pode viajar em comboio, com outros veículos e com escolta das autoridades. Viajar em comboio é gratuito.',
    changes: 'As datas e os horários podem mudar. Confira esta página no dia anterior à saída.',
    none: 'Por enquanto não há comboios programados. Confira esta página antes de viajar.',
    localTime: '{time} (horário de {state})',
    when: 'Saída',
    status: 'Situação',
    route: 'Rota',
    destinations: 'Vai para',
    escort: 'Escolta',
    notes: 'Para os viajantes',
    statuses: { scheduled: 'Programado', departed: 'Na estrada', arrived: 'Chegou', cancelled: 'Cancelado' },
  },
}
