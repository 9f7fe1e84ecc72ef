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
} as const satisfies Record<string, Record<Lang, { subject: string; text: string }>>

export type Template = keyof typeof TEMPLATES

/** The subject and text of a message in a language, with its parameters filled in. */
export function render(template: Template, lang: Lang, params: Readonly<Record<string, string>>): { subject: string; text: string } {
  const t = TEMPLATES[template][lang]
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
  return { subject: fill(t.subject), text: fill(t.text) }
}
