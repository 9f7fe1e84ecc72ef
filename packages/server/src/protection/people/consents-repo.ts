import type { Insertable, Selectable } from 'kysely'
import type { Consent, Purpose } from '@faro/core'
import type { ConsentsTable, DisclosuresTable } from '../../db/schema.ts'
import type { Executor } from '../../log/context.ts'

export type ConsentRow = Selectable<ConsentsTable>
export type DisclosureRow = Selectable<DisclosuresTable>

export async function insertConsent(db: Executor, row: Insertable<ConsentsTable>): Promise<void> {
  await db.insertInto('consents').values(row).execute()
}

export function consentsOf(db: Executor, personId: string): Promise<ConsentRow[]> {
  return db.selectFrom('consents').selectAll().where('personId', '=', personId).orderBy('givenAt').execute()
}

export function findConsent(db: Executor, id: string): Promise<ConsentRow | undefined> {
  return db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function withdrawConsent(db: Executor, id: string, at: string, by: string): Promise<void> {
  await db.updateTable('consents').set({ withdrawnAt: at, withdrawnBy: by }).where('id', '=', id).execute()
}

export function toConsent(r: ConsentRow): Consent {
  return {
    id: r.id,
    personId: r.personId,
    recipient: { class: r.recipientClass as Consent['recipient']['class'], ...(r.recipientName ? { name: r.recipientName } : {}), ...(r.recipientCountry ? { country: r.recipientCountry } : {}) },
    purpose: r.purpose as Purpose,
    legalBasis: r.legalBasis as Consent['legalBasis'],
    givenAt: r.givenAt,
    expiresAt: r.expiresAt,
    withdrawnAt: r.withdrawnAt,
    recordedBy: r.recordedBy,
    explainedIn: r.explainedIn,
  }
}

export async function insertDisclosure(db: Executor, row: Insertable<DisclosuresTable>): Promise<void> {
  await db.insertInto('disclosures').values(row).execute()
}

export function disclosuresOf(db: Executor, personId: string): Promise<DisclosureRow[]> {
  return db.selectFrom('disclosures').selectAll().where('personId', '=', personId).orderBy('at').execute()
}

export async function opposedPurposes(db: Executor, personId: string): Promise<Purpose[]> {
  const rows = await db.selectFrom('oppositions').select('purpose').where('personId', '=', personId).execute()
  return rows.map((r) => r.purpose as Purpose)
}
