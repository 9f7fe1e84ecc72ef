import { alertsOf, CATEGORY_NAMES, OUTCOME_NAMES, PUBLIC_STATUS_NAMES, publicStatusOf, REOPEN_WINDOW_DAYS, type CaseAlert, type CaseKind, type CaseState, type Hop, type Lang } from '@faro/core'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/schema.ts'
import { findOrgUnits } from '../accounts/org-units-repo.ts'
import { enqueue, recipientsIn, type NewMessage } from '../mail/outbox.ts'

/** Who is written to about a body's hops: its liaisons, or the national office for its own. */
const BODY_ROLES = ['agency_liaison', 'paisano_coordinator']
/** Who hears when a hop is overdue, besides the body. */
const ESCALATION_UNIT = 'paisano'

export interface NoticeSettings {
  /** The address of the staff app in links, e.g. https://faro.example.org; unset, links are paths. */
  publicUrl?: string | undefined
}

function when(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'es-MX', { timeZone: 'America/Mexico_City', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

function link(settings: NoticeSettings, recordId: string): string {
  return `${settings.publicUrl?.replace(/\/$/, '') ?? ''}/app/cases/${recordId}`
}

/** Messages to the liaisons of each new hop's body: a case for them, with its deadlines. */
export async function assignmentNotices(db: Kysely<Database>, state: CaseState, recordId: string, hops: readonly Hop[], settings: NoticeSettings): Promise<NewMessage[]> {
  const out: NewMessage[] = []
  for (const hop of hops) {
    for (const user of await recipientsIn(db, [hop.bodyId], BODY_ROLES)) {
      out.push({
        key: `case:${recordId}:${hop.hopId}:assigned:${user.id}`,
        recipient: { kind: 'user', id: user.id },
        template: 'case_assigned',
        lang: 'es',
        params: { folio: state.folio, category: CATEGORY_NAMES[state.category].es, acknowledgeBy: when(hop.acknowledgeBy, 'es'), answerBy: when(hop.answerBy, 'es'), link: link(settings, recordId) },
      })
    }
  }
  return out
}

const KIND_WORDS: Record<CaseKind, Record<Lang, string>> = {
  complaint: { es: 'queja', en: 'complaint' },
  help_request: { es: 'solicitud de ayuda', en: 'request for help' },
  location_request: { es: 'solicitud de localización', en: 'location request' },
}

/** What the new public status means for the person, in a sentence or two. */
function statusDetail(after: CaseState, lang: Lang, question: string | undefined): string {
  const es = lang === 'es'
  switch (publicStatusOf(after.status)) {
    case 'received':
      return es ? 'Se volvió a abrir y se turnó de nuevo.' : 'It was opened again and sent on again.'
    case 'in_progress':
      return es ? 'La dependencia responsable acusó recibo y la está atendiendo.' : 'The agency in charge acknowledged it and is handling it.'
    case 'info_requested': {
      const asked = question === undefined ? '' : es ? `\nLa pregunta: «${question}»` : `\nThe question: "${question}"`
      return (es ? 'Le piden más información para seguir. Responda con su folio en el centro de atención telefónica de Programa Paisano o en un módulo.' : 'More information is needed to go on. Answer with your folio at the Programa Paisano call centre or at a module.') + asked
    }
    case 'answered':
      return es ? 'La dependencia ya respondió. Consulte la respuesta con su folio y NIP.' : 'The agency has answered. Look the answer up with your folio and PIN.'
    case 'closed': {
      const outcome = after.outcome === undefined ? '' : `${es ? 'Resultado' : 'Outcome'}: ${OUTCOME_NAMES[after.outcome][lang]}.\n`
      return outcome + (es ? `Si no está de acuerdo, puede pedir que se reabra en los próximos ${REOPEN_WINDOW_DAYS} días.` : `If you disagree, you may ask for it to be reopened within the next ${REOPEN_WINDOW_DAYS} days.`)
    }
  }
}

/**
 * What the person who filed the case hears, when they asked to be written to by e-mail: the
 * folio when it is taken (`before` undefined), then each change of the public status. Written in
 * their language where Faro has one (Spanish or English), in Spanish otherwise. `key` names the
 * action, so a retried step writes once.
 */
export function complainantNotices(before: CaseState | undefined, after: CaseState, recordId: string, key: string, question?: string): NewMessage[] {
  if (after.contactChannel !== 'email' || after.personId === undefined) {
    return []
  }
  const lang: Lang = after.language === 'en' ? 'en' : 'es'
  const recipient = { kind: 'person', id: after.personId } as const
  const params = { folio: after.folio, kind: KIND_WORDS[after.kind][lang], category: CATEGORY_NAMES[after.category][lang] }
  if (before === undefined) {
    return [{ key: `case:${recordId}:complainant:received`, recipient, template: 'case_received', lang, params }]
  }
  const status = publicStatusOf(after.status)
  if (status === publicStatusOf(before.status) && before.closedAt === after.closedAt) {
    return []
  }
  return [{ key: `case:${recordId}:complainant:${key}`, recipient, template: 'case_status', lang, params: { ...params, status: PUBLIC_STATUS_NAMES[status][lang], detail: statusDetail(after, lang, question) } }]
}

/**
 * The deadline sweep: the cases whose next alert has come (by the `alert_at` index), their due
 * reminders and deadlines as messages — only the latest of each hop's step, so a sweep that ran
 * late does not send a 50% reminder of something already overdue — and the case's next alert.
 * Idempotency keys make a second sweep of the same alert send nothing.
 */
export async function sweepCases(db: Kysely<Database>, clock: Clock, settings: NoticeSettings, limit = 500): Promise<{ cases: number; messages: number }> {
  const now = clock.now().toISOString()
  const rows = await db.selectFrom('records').select(['recordId', 'state', 'version']).where('recordType', '=', 'case').where('alertAt', '<=', now).orderBy('alertAt').limit(limit).execute()
  let messages = 0
  // Looked up once per sweep: many due cases share a body.
  const recipients = new Map<string, { id: string; orgUnitId: string }[]>()
  const recipientsOf = async (units: readonly string[]) => {
    const key = units.join('\u0000')
    let found = recipients.get(key)
    if (found === undefined) {
      found = await recipientsIn(db, units, BODY_ROLES)
      recipients.set(key, found)
    }
    return found
  }
  const names = new Map<string, string>()
  for (const row of rows) {
    const state = JSON.parse(row.state) as CaseState
    const alerts = alertsOf(state)
    const due = latestPerStep(alerts.filter((a) => a.at <= now))
    const next = alerts.find((a) => a.at > now)?.at ?? null
    const out: NewMessage[] = []
    const unnamed = [...new Set(due.map((a) => a.bodyId))].filter((id) => !names.has(id))
    for (const unit of await findOrgUnits(db, unnamed)) {
      names.set(unit.id, unit.name)
    }
    for (const alert of due) {
      const overdue = alert.kind.endsWith('_overdue')
      const units = overdue ? [alert.bodyId, ESCALATION_UNIT] : [alert.bodyId]
      for (const user of await recipientsOf(units)) {
        out.push({
          key: `case:${row.recordId}:${alert.hopId}:${alert.kind}:${user.id}`,
          recipient: { kind: 'user', id: user.id },
          template: overdue ? 'case_overdue' : 'case_reminder',
          lang: 'es',
          params: { folio: state.folio, due: when(alert.due, 'es'), missing: alert.kind.startsWith('acknowledge') ? 'acuse de recibo' : 'respuesta', body: names.get(alert.bodyId) ?? '', link: link(settings, row.recordId) },
        })
      }
    }
    await db.transaction().execute(async (trx) => {
      await enqueue(trx, out, clock.now())
      // Only if no action changed the case meanwhile: its own write has set the next alert.
      await trx.updateTable('records').set({ alertAt: next }).where('recordType', '=', 'case').where('recordId', '=', row.recordId).where('version', '=', row.version).execute()
    })
    messages += out.length
  }
  return { cases: rows.length, messages }
}

function latestPerStep(alerts: readonly CaseAlert[]): CaseAlert[] {
  const latest = new Map<string, CaseAlert>()
  for (const a of alerts) {
    const key = `${a.hopId}:${a.kind.split('_')[0] ?? ''}`
    const seen = latest.get(key)
    if (seen === undefined || seen.at <= a.at) {
      latest.set(key, a)
    }
  }
  return [...latest.values()]
}
