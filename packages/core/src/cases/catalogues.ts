import { z } from 'zod'

/**
 * What a case is: a complaint, a request for help, or a request to locate missing migrants (from a
 * family, a consulate, the call centre or a group). Information-only calls are call logs.
 */
export const CaseKind = z.enum(['complaint', 'help_request', 'location_request'])
export type CaseKind = z.infer<typeof CaseKind>

/** Complaint categories of Programa Paisano. */
export const ComplaintCategory = z.enum([
  'extortion',
  'theft',
  'abuse_of_authority',
  'mistreatment',
  'misuse_of_procedure',
  'seizure_of_vehicle_or_goods',
  'other_complaint',
])
export type ComplaintCategory = z.infer<typeof ComplaintCategory>

/** Requests for help a national (or a relative) brings to Paisano. */
export const HelpCategory = z.enum([
  'locate_migrant',
  'recover_seized_vehicle_or_goods',
  'check_vehicle_import_documents',
  'obtain_documents',
  'transport_of_remains',
  'other_help',
])
export type HelpCategory = z.infer<typeof HelpCategory>

/** A location request seeks one or several missing migrants: one category, for deadlines and routing. */
export const TracingCategory = z.enum(['missing_migrant'])
export type TracingCategory = z.infer<typeof TracingCategory>

export const CaseCategory = z.union([ComplaintCategory, HelpCategory, TracingCategory])
export type CaseCategory = z.infer<typeof CaseCategory>

/** The kind a category belongs to. */
export function kindOfCategory(category: CaseCategory): CaseKind {
  if ((ComplaintCategory.options as readonly string[]).includes(category)) {
    return 'complaint'
  }
  return (TracingCategory.options as readonly string[]).includes(category) ? 'location_request' : 'help_request'
}

/** What an information-only call was about (the call centre logs every call). */
export const InfoTopic = z.enum(['passports_and_documents', 'goods_allowed', 'taxes_and_baggage_allowance', 'vehicle_import', 'other_information'])
export type InfoTopic = z.infer<typeof InfoTopic>

/** Where a case came in. */
export const CaseChannel = z.enum(['module', 'observation_point', 'call_centre', 'web', 'field', 'partner_api', 'consulate'])
export type CaseChannel = z.infer<typeof CaseChannel>

/** Kinds of places on the road home, for incidents that happen in transit. */
export const JourneyPlaceKind = z.enum(['port_of_entry', 'customs', 'immigration_checkpoint', 'toll_plaza', 'airport', 'bus_terminal', 'module', 'highway', 'city', 'unknown'])
export type JourneyPlaceKind = z.infer<typeof JourneyPlaceKind>

/** How a complainant wants to hear about the case. */
export const ContactChannel = z.enum(['email', 'phone', 'none'])
export type ContactChannel = z.infer<typeof ContactChannel>

/** How a case ended, as the handling body proposes and the national office accepts. */
export const CaseOutcome = z.enum(['resolved', 'not_resolved', 'withdrawn', 'referred_outside', 'no_jurisdiction'])
export type CaseOutcome = z.infer<typeof CaseOutcome>

/** The categories in words, for e-mails and partner systems (the staff app has its own catalogue). */
export const CATEGORY_NAMES: Record<CaseCategory, { es: string; en: string }> = {
  extortion: { es: 'Extorsión', en: 'Extortion' },
  theft: { es: 'Robo', en: 'Theft' },
  abuse_of_authority: { es: 'Abuso de autoridad', en: 'Abuse of authority' },
  mistreatment: { es: 'Maltrato o prepotencia', en: 'Mistreatment or arrogance' },
  misuse_of_procedure: { es: 'Mal uso de un trámite', en: 'Misuse of procedure' },
  seizure_of_vehicle_or_goods: { es: 'Retención de vehículo o mercancía', en: 'Seizure of vehicle or goods' },
  other_complaint: { es: 'Otra queja', en: 'Other complaint' },
  locate_migrant: { es: 'Localizar a una persona migrante', en: 'Locate a migrant' },
  recover_seized_vehicle_or_goods: { es: 'Recuperar vehículo o mercancía retenidos', en: 'Recover a seized vehicle or goods' },
  check_vehicle_import_documents: { es: 'Revisar documentos de importación del vehículo', en: 'Check vehicle import documents' },
  obtain_documents: { es: 'Obtener documentos', en: 'Obtain documents' },
  transport_of_remains: { es: 'Traslado de restos o cenizas', en: 'Transport of remains or ashes' },
  other_help: { es: 'Otra ayuda', en: 'Other help' },
  missing_migrant: { es: 'Persona migrante no localizada', en: 'Missing migrant' },
}

/** What the person who filed a case is told about where it stands, in words. */
export const PUBLIC_STATUS_NAMES: Record<'received' | 'in_progress' | 'info_requested' | 'answered' | 'closed', { es: string; en: string }> = {
  received: { es: 'Recibida', en: 'Received' },
  in_progress: { es: 'En atención', en: 'Being handled' },
  info_requested: { es: 'Se pidió información a quien la presentó', en: 'More information was asked of the person who filed it' },
  answered: { es: 'Respondida', en: 'Answered' },
  closed: { es: 'Cerrada', en: 'Closed' },
}

/** How a case ended, in words. */
export const OUTCOME_NAMES: Record<CaseOutcome, { es: string; en: string }> = {
  resolved: { es: 'Resuelta', en: 'Resolved' },
  not_resolved: { es: 'No resuelta', en: 'Not resolved' },
  withdrawn: { es: 'Retirada por quien la presentó', en: 'Withdrawn by the person who filed it' },
  referred_outside: { es: 'Turnada a una instancia fuera del programa', en: 'Referred to a body outside the programme' },
  no_jurisdiction: { es: 'Fuera de la competencia de las dependencias', en: 'Outside the agencies\' jurisdiction' },
}
