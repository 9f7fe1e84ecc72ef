import { alertsOf, CATEGORY_NAMES, type CaseAlert, type CaseState, type Hop, type Lang } from '@faro/core'
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
