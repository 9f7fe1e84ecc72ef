import { DayPart, decide, DomainError, LanguageCode, message, PROBLEM_TITLES, VolunteerTopic, Weekday, type ActionInput, type ImportIssue, type Lang, type OperationOpened } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { findOrgUnits, listOrgUnits } from '../accounts/org-units-repo.ts'
import { newActivationCode, storeActivation } from '../accounts/activations.ts'
import { csvTable, mapColumns, text } from '../http/tables.ts'
import { ActionBatch } from '../log/action-batch.ts'
import { audit } from '../log/audit.ts'
import { inTransaction, type Ctx } from '../log/context.ts'
import { lockLog } from '../log/log.ts'
import { findRecord } from '../log/records-repo.ts'

/**
 * An operation's volunteers, made in bulk from a CSV: one account per row (role
 * `module_volunteer`, at the row's site), which stops working the day after the operation ends,
 * with a one-time activation code shown once, and the volunteer's record (institution, social
 * service, languages, availability, training). Previewed first with every bad row by line and
 * column; imported all or nothing.
 */

export const VOLUNTEER_COLUMNS = {
  name: ['name', 'nombre', 'nombre completo', 'full_name'],
  email: ['email', 'correo', 'correo electronico'],
  site: ['site', 'sitio', 'modulo', 'punto', 'unit', 'unidad'],
  institution: ['institution', 'institucion', 'escuela', 'universidad'],
  social_service: ['social_service', 'servicio social'],
  languages: ['languages', 'idiomas', 'lenguas'],
  days: ['days', 'dias'],
  day_parts: ['day_parts', 'horario', 'turnos'],
  trained_guide: ['trained_guide', 'capacitacion guia', 'guia'],
  trained_rights: ['trained_rights', 'capacitacion derechos', 'derechos'],
  trained_complaints: ['trained_complaints', 'capacitacion quejas', 'quejas'],
} as const
type Field = keyof typeof VOLUNTEER_COLUMNS

const YES = new Set(['si', 'sí', 'yes', 'y', 's', 'true', '1', 'x'])
const NO = new Set(['no', 'n', 'false', '0', ''])
const DAYS: Readonly<Record<string, Weekday>> = { lun: 'mon', mar: 'tue', mie: 'wed', mié: 'wed', jue: 'thu', vie: 'fri', sab: 'sat', sáb: 'sat', dom: 'sun', mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun' }
const PARTS: Readonly<Record<string, DayPart>> = { manana: 'morning', mañana: 'morning', tarde: 'afternoon', noche: 'night', morning: 'morning', afternoon: 'afternoon', night: 'night' }
const TRAININGS: readonly [Field, VolunteerTopic][] = [['trained_guide', 'guide'], ['trained_rights', 'rights'], ['trained_complaints', 'complaints_intake']]

export interface VolunteerRow {
  line: number
  name: string
  email?: string
  siteId: string
  institution: string
  socialService: boolean
  languages: string[]
  days: Weekday[]
  dayParts: DayPart[]
  trainings: { topic: VolunteerTopic; completedOn: string }[]
}

export interface VolunteerList {
  columns: { name: string; field: Field | null }[]
  rows: VolunteerRow[]
  issues: ImportIssue[]
  total: number
}

/** Reads the CSV: every row checked, sites found by id or name among the modules and observation points. */
export async function readVolunteers(ctx: Ctx, content: string): Promise<VolunteerList> {
  const lang: Lang = ctx.lang
  const table = csvTable(content, lang)
  const columns = mapColumns(table.header, VOLUNTEER_COLUMNS)
  const out: VolunteerList = { columns, rows: [], issues: [...table.issues], total: table.rows.length + table.issues.length }
  const columnOf = new Map(columns.flatMap((c) => (c.field === null ? [] : [[c.field, c.name] as const])))
  for (const required of ['name', 'site', 'institution'] as const) {
    if (!columnOf.has(required)) {
      out.issues.push({ line: 1, column: '', message: message('faro.volunteers_column_missing', lang, { column: VOLUNTEER_COLUMNS[required][1] ?? required }) })
    }
  }
  if (out.issues.some((i) => i.line === 1)) {
    return out
  }
  const sites = new Map<string, string>()
  for (const unit of await listOrgUnits(ctx.db.db)) {
    if (unit.kind === 'module' || unit.kind === 'observation_point') {
      sites.set(unit.id.toLowerCase(), unit.id)
      sites.set(unit.name.toLowerCase(), unit.id)
    }
  }
  for (const { line, cells } of table.rows) {
    const issues: ImportIssue[] = []
    const get = (field: Field) => text(cells.get(columnOf.get(field) ?? '') ?? null)
    const fail = (field: Field, key: string) => issues.push({ line, column: columnOf.get(field) ?? field, message: message(key, lang) })
    const list = (field: Field) => (get(field) ?? '').split(/[;,|/]/).map((w) => w.trim().toLowerCase()).filter((w) => w !== '')
    const name = get('name')
    if (name === undefined || name.length > 120) {
      fail('name', name === undefined ? 'faro.volunteers_name' : 'faro.volunteers_too_long')
    }
    const email = get('email')
    if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      fail('email', 'faro.volunteers_email')
    }
    const siteId = sites.get((get('site') ?? '').toLowerCase())
    if (siteId === undefined) {
      fail('site', 'faro.volunteers_site')
    }
    const institution = get('institution')
    if (institution === undefined || institution.length > 160) {
      fail('institution', institution === undefined ? 'faro.volunteers_institution' : 'faro.volunteers_too_long')
    }
    const service = (get('social_service') ?? '').toLowerCase()
    if (!YES.has(service) && !NO.has(service)) {
      fail('social_service', 'faro.volunteers_yes_no')
    }
    const languages = list('languages')
    if (languages.some((l) => !LanguageCode.safeParse(l).success)) {
      fail('languages', 'faro.volunteers_languages')
    }
    const days = list('days').map((d) => DAYS[d.normalize('NFC')] ?? DAYS[d.normalize('NFD').replace(/\p{M}/gu, '')])
    if (days.some((d) => d === undefined)) {
      fail('days', 'faro.volunteers_days')
    }
    const dayParts = list('day_parts').map((p) => PARTS[p] ?? PARTS[p.normalize('NFD').replace(/\p{M}/gu, '')])
    if (dayParts.some((p) => p === undefined)) {
      fail('day_parts', 'faro.volunteers_day_parts')
    }
    const trainings: VolunteerRow['trainings'] = []
    for (const [field, topic] of TRAININGS) {
      const on = get(field)
      if (on !== undefined) {
        if (/^\d{4}-\d{2}-\d{2}$/.test(on) && !Number.isNaN(Date.parse(on))) {
          trainings.push({ topic, completedOn: on })
        } else {
          fail(field, 'faro.import_date')
        }
      }
    }
    if (issues.length > 0 || name === undefined || siteId === undefined || institution === undefined) {
      out.issues.push(...issues)
      continue
    }
    out.rows.push({ line, name, ...(email ? { email } : {}), siteId, institution, socialService: YES.has(service), languages: [...new Set(languages)], days: [...new Set(days as Weekday[])], dayParts: [...new Set(dayParts as DayPart[])], trainings })
  }
  return out
}

/** The first moment an operation's volunteer accounts no longer work: the day after its last, at midnight in Mexico's centre. */
export function accountsEndAt(operation: Pick<OperationOpened, 'endsOn'>): string {
  return new Date(Date.parse(`${operation.endsOn}T00:00:00-06:00`) + 86_400_000).toISOString()
}

export interface MadeAccount {
  line: number
  userId: string
  username: string
  displayName: string
  siteId: string
  /** Shown once: with it the volunteer sets their password the first time. */
  code: string
}

/**
 * The operation a body names (`operationId`): an unknown one is bad input naming the field; with
 * `running`, one that has ended is a conflict (no volunteers for an operation over).
 */
export async function operationOf(ctx: Ctx, operationId: string, opts: { running?: boolean } = {}): Promise<OperationOpened> {
  const row = await findRecord(ctx.db.db, ctx.db.dialect, 'operation', operationId)
  if (row === undefined) {
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'operationId', code: 'unknown_operation', message: message('faro.unknown_operation', ctx.lang) }] })
  }
  const operation = JSON.parse(row.state) as OperationOpened
  if (opts.running === true && Date.parse(accountsEndAt(operation)) <= ctx.clock.now().getTime()) {
    throw new DomainError('conflict', message('faro.operation_ended', ctx.lang), { reason: 'operation_ended' })
  }
  return operation
}

/**
 * Makes the accounts and volunteer records of a list, all or nothing, under the caller (who must
 * be able to create volunteers and manage accounts at each site); returns each account with its
 * activation code, once.
 */
export async function importVolunteers(ctx: Ctx, input: { id: string; operationId: string; content: string }): Promise<{ status: 'imported'; rows: number; accounts: MadeAccount[] }> {
  const operation = await operationOf(ctx, input.operationId, { running: true })
  const list = await readVolunteers(ctx, input.content)
  if (list.issues.length > 0) {
    throw new DomainError('invalid', message('faro.import_rejected', ctx.lang, { count: new Set(list.issues.map((i) => i.line)).size }), {
      issues: list.issues.slice(0, 100).map((i) => ({ field: `line.${i.line}${i.column ? `.${i.column}` : ''}`, code: 'bad_row', message: i.message })),
    })
  }
  const units = new Map((await findOrgUnits(ctx.db.db, [...new Set(list.rows.map((r) => r.siteId))])).map((u) => [u.id, u]))
  for (const unit of units.values()) {
    if (!decide(ctx.actor, 'user.manage', { orgUnitPath: unit.path }).allowed && !decide(ctx.actor, 'volunteer.create', { orgUnitPath: unit.path }).allowed) {
      throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
    }
  }
  const now = ctx.clock.now()
  const expiresAt = accountsEndAt(operation)
  return inTransaction(ctx, async (trx) => {
    await lockLog(trx, ctx)
    // The same import again (a lost answer resent) made its accounts already: nothing to do.
    if ((await trx.selectFrom('actions').select('id').where('id', '=', input.id).executeTakeFirst()) !== undefined) {
      throw new DomainError('conflict', message('faro.volunteers_already_imported', ctx.lang), { reason: 'already_imported' })
    }
    const taken = new Set((await trx.selectFrom('users').select('username').where('username', 'like', 'vol.%').execute()).map((u) => u.username))
    const accounts: MadeAccount[] = []
    const actions: ActionInput[] = []
    for (const [index, row] of list.rows.entries()) {
      const base = `vol.${row.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '').split('.').slice(0, 2).join('.')}`
      let username = base
      for (let n = 2; taken.has(username); n++) {
        username = `${base}${n}`
      }
      taken.add(username)
      const userId = uuidv7()
      await trx.insertInto('users').values({ id: userId, username, displayName: row.name, role: 'module_volunteer', orgUnitId: row.siteId, disabled: 0, demo: 0, createdAt: now.toISOString(), email: row.email ?? null, expiresAt }).execute()
      const code = newActivationCode()
      await storeActivation(trx, userId, code, now)
      accounts.push({ line: row.line, userId, username, displayName: row.name, siteId: row.siteId, code })
      actions.push({
        id: index === 0 ? input.id : uuidv7(),
        recordType: 'volunteer',
        recordId: userId,
        type: 'VolunteerRecruited',
        payload: { orgUnitId: row.siteId, userId, operationId: input.operationId, institution: row.institution, socialService: row.socialService, languages: row.languages, days: row.days, dayParts: row.dayParts, trainings: row.trainings },
      })
    }
    const batch = new ActionBatch(trx, ctx)
    await batch.load(actions)
    for (const action of actions) {
      await batch.stage(action)
    }
    await batch.flush()
    await audit(trx, ctx, { action: 'volunteers.import', recordType: 'operation', recordId: input.operationId, decision: 'allowed' })
    return { status: 'imported' as const, rows: accounts.length, accounts }
  })
}
