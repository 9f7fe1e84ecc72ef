import { createHash } from 'node:crypto'
import { decide, DomainError, message, presentFields, PROBLEM_TITLES, type ActionInput, type ImportPreview, type ImportResult, type ImportSource, type OrgUnit } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { findOrgUnit } from '../accounts/org-units-repo.ts'
import { encodePath } from '../db/dialect.ts'
import { ActionBatch } from '../log/action-batch.ts'
import { audit } from '../log/audit.ts'
import { inTransaction, type Ctx } from '../log/context.ts'
import { lockLog } from '../log/log.ts'
import type { Keyring } from '../protection/keyring.ts'
import { insertPerson, replaceNameIndex } from '../protection/people/people-repo.ts'
import { encryptNew, indexEntries } from '../protection/people/vault.ts'
import { readList } from './import-file.ts'

/** Problems listed in a preview; the count says how many there are in all. */
const LISTED_ISSUES = 100
const SAMPLE_ROWS = 5

/** The unit a list is imported into, where the caller may create registry entries; else forbidden. */
async function importingUnit(ctx: Ctx, orgUnitId: string | undefined): Promise<OrgUnit> {
  const unit = await findOrgUnit(ctx.db.db, orgUnitId ?? ctx.actor.orgUnitId)
  if (unit === undefined) {
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'orgUnitId', code: 'unknown_org_unit', message: message('faro.unknown_org_unit', ctx.lang) }] })
  }
  if (!decide(ctx.actor, 'registry_entry.create', { orgUnitPath: unit.path, ownerId: ctx.actor.userId }).allowed) {
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  return unit
}

/** What an import would do, without storing anything: the columns' mapping, a sample, every problem. */
export async function previewImport(ctx: Ctx, source: ImportSource): Promise<ImportPreview> {
  await importingUnit(ctx, source.orgUnitId)
  const list = readList(source, ctx.lang)
  return {
    rows: list.total,
    columns: list.columns,
    sample: list.raw.slice(0, SAMPLE_ROWS),
    issues: list.issues.slice(0, LISTED_ISSUES),
    issueCount: list.issues.length,
  }
}

/**
 * Brings a partner's list into the registry, all or nothing: each row's identity sealed into the
 * vault (on the basis of vital interest, for family tracing) and a `registry_entry` record naming
 * it, in one transaction with the import's own row; a list with any bad row stores nothing and is
 * refused with every problem by line and column. The same import id again with the same list is
 * the same import; with another list, a conflict. The
 * new entries reach the open location requests through the search job, like any registry record.
 */
export async function runImport(ctx: Ctx, keyring: Keyring, input: ImportSource & { id: string }, options: { demo?: boolean } = {}): Promise<ImportResult> {
  const unit = await importingUnit(ctx, input.orgUnitId)
  const sha256 = createHash('sha256').update(input.content).digest('hex')
  const prior = await ctx.db.db.selectFrom('registryImports').select(['id', 'rows', 'sha256', 'source']).where('id', '=', input.id).executeTakeFirst()
  if (prior !== undefined) {
    if (prior.sha256 !== sha256 || prior.source !== input.source) {
      throw new DomainError('conflict', message('faro.id_reused', ctx.lang), { reason: 'id_reused' })
    }
    return { status: 'duplicate', importId: prior.id, rows: prior.rows }
  }
  const list = readList(input, ctx.lang)
  if (list.issues.length > 0) {
    const lines = new Set(list.issues.map((i) => i.line)).size
    throw new DomainError('invalid', message('faro.import_rejected', ctx.lang, { count: lines }), {
      issues: list.issues.slice(0, LISTED_ISSUES).map((i) => ({ field: `line.${i.line}${i.column ? `.${i.column}` : ''}`, code: 'bad_row', message: i.message })),
    })
  }
  // Sealing before the transaction, which holds the log lock.
  const sealed = list.rows.map((row) => {
    const personId = uuidv7()
    return { row, personId, ...encryptNew(keyring, personId, row.identity), index: indexEntries(keyring, row.identity) }
  })
  const now = ctx.clock.now().toISOString()
  return inTransaction(ctx, async (trx) => {
    await lockLog(trx, ctx)
    for (const s of sealed) {
      await insertPerson(
        trx,
        { id: s.personId, orgUnitId: unit.id, orgUnitPath: encodePath(unit.path), status: 'active', ciphertext: s.ciphertext, presentFields: JSON.stringify(presentFields(s.row.identity)), createdBy: ctx.actor.userId, createdAt: now, updatedAt: now },
        { wrappedKey: s.wrappedKey, keyVersion: keyring.version },
      )
      await replaceNameIndex(trx, s.personId, s.index)
    }
    const actions: ActionInput[] = sealed.map((s) => ({
      id: uuidv7(),
      recordType: 'registry_entry',
      recordId: uuidv7(),
      type: 'RegistryEntryImported',
      payload: {
        orgUnitId: unit.id,
        at: `${s.row.eventDate}T12:00:00.000Z`,
        source: input.source,
        kind: s.row.kind,
        ...(s.row.place ? { place: s.row.place } : {}),
        ...(s.row.sourceRef ? { sourceRef: s.row.sourceRef } : {}),
        importId: input.id,
        personIds: [s.personId],
      },
    }))
    const batch = new ActionBatch(trx, ctx, { demo: options.demo === true })
    await batch.load(actions)
    for (const action of actions) {
      await batch.stage(action)
    }
    await batch.flush()
    await trx
      .insertInto('registryImports')
      .values({ id: input.id, source: input.source, orgUnitId: unit.id, actorId: ctx.actor.userId, format: input.format, rows: sealed.length, sha256, importedAt: now })
      .execute()
    await audit(trx, ctx, { action: 'registry.import', recordType: 'registry_import', recordId: input.id, decision: 'allowed' })
    return { status: 'imported', importId: input.id, rows: sealed.length }
  })
}
