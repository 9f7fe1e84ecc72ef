import type { Lang } from '@faro/core'

/** What Faro writes, by template. Parameters are folios, counts, dates and links: never a name. */
export const TEMPLATES = {
  case_assigned: {
    es: { subject: 'Nuevo caso {folio} para su dependencia', text: 'Programa Paisano turnó a su dependencia el caso {folio} ({category}).\nDebe acusar recibo antes del {acknowledgeBy} y responder antes del {answerBy}.\n\nÁbralo en Faro: {link}\n' },
    en: { subject: 'New case {folio} for your agency', text: 'Programa Paisano sent your agency case {folio} ({category}).\nAcknowledge it before {acknowledgeBy} and answer before {answerBy}.\n\nOpen it in Faro: {link}\n' },
  },
  case_reminder: {
    es: { subject: 'Recordatorio: el caso {folio} vence el {due}', text: 'El caso {folio} sigue pendiente en su dependencia y vence el {due}.\n\nÁbralo en Faro: {link}\n' },
    en: { subject: 'Reminder: case {folio} is due on {due}', text: 'Case {folio} is still pending with your agency and is due on {due}.\n\nOpen it in Faro: {link}\n' },
  },
  case_overdue: {
    es: { subject: 'Caso {folio} vencido en {body}', text: 'El caso {folio} venció el {due} sin {missing} de {body}.\n\nÁbralo en Faro: {link}\n' },
    en: { subject: 'Case {folio} overdue at {body}', text: 'Case {folio} passed its deadline of {due} without {missing} from {body}.\n\nOpen it in Faro: {link}\n' },
  },
  trace_candidate: {
    es: { subject: 'Posible hallazgo para la solicitud {folio}', text: 'Llegó un registro que puede corresponder a la persona {person} de la solicitud de localización {folio} (coincidencia {band}).\nRevíselo antes de decir nada a quien la presentó.\n\nÁbrala en Faro: {link}\n' },
    en: { subject: 'Possible finding for request {folio}', text: 'A record arrived that may be person {person} of location request {folio} ({band} match).\nReview it before telling the requester anything.\n\nOpen it in Faro: {link}\n' },
  },
  // To the person who filed a case: the folio and the public status only. Never the PIN (an
  // e-mail is not a safe place for it), never a body, a member of staff or another person.
  case_received: {
    es: { subject: 'Programa Paisano: su folio {folio}', text: 'Recibimos su {kind} ({category}) con el folio {folio}.\n\nGuarde este folio y el NIP de seis dígitos que le dieron al presentarla: con los dos puede consultar cómo va. Por su seguridad, el NIP nunca se envía por correo.\n\nLe escribiremos a esta dirección cada vez que cambie de estado.\n' },
    en: { subject: 'Programa Paisano: your folio {folio}', text: 'We received your {kind} ({category}) with folio {folio}.\n\nKeep this folio and the six-digit PIN you were given when you filed it: with both you can see how it is going. For your safety, the PIN is never sent by e-mail.\n\nWe will write to this address each time its status changes.\n' },
  },
  case_status: {
    es: { subject: 'Programa Paisano: su folio {folio} está «{status}»', text: 'Su {kind} con folio {folio} ({category}) cambió de estado: {status}.\n{detail}\nPara consultarla, tenga a la mano su folio y su NIP.\n' },
    en: { subject: 'Programa Paisano: your folio {folio} is "{status}"', text: 'Your {kind} with folio {folio} ({category}) changed status: {status}.\n{detail}\nTo look it up, have your folio and PIN at hand.\n' },
  },
} as const satisfies Record<string, Record<Lang, { subject: string; text: string }>>

export type Template = keyof typeof TEMPLATES

/** The subject and text of a message in a language, with its parameters filled in. */
export function render(template: Template, lang: Lang, params: Readonly<Record<string, string>>): { subject: string; text: string } {
  const t = TEMPLATES[template][lang]
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
  return { subject: fill(t.subject), text: fill(t.text) }
}
