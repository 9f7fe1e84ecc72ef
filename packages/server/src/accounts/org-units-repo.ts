import type { Kysely, Selectable } from 'kysely'
import type { OrgUnit } from '@faro/core'
import { runCompiledOnce } from '../db/compiled-once.ts'
import { decodePath, encodePath } from '../db/dialect.ts'
import type { Database, OrgUnitsTable } from '../db/schema.ts'

type Row = Selectable<OrgUnitsTable>

export async function insertOrgUnit(db: Kysely<Database>, unit: OrgUnit, createdAt: string): Promise<void> {
  await db
    .insertInto('orgUnits')
    .values({
      id: unit.id,
      parentId: unit.parentId,
      kind: unit.kind,
      name: unit.name,
      code: unit.code ?? null,
      state: unit.state ?? null,
      city: unit.city ?? null,
      border: unit.border ?? null,
      lat: unit.lat ?? null,
      lon: unit.lon ?? null,
      path: encodePath(unit.path),
      demo: unit.demo ? 1 : 0,
      createdAt,
    })
    .execute()
}

export async function findOrgUnit(db: Kysely<Database>, id: string): Promise<OrgUnit | undefined> {
  const row = await db.selectFrom('orgUnits').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toOrgUnit(row)
}

export async function findOrgUnits(db: Kysely<Database>, ids: readonly string[]): Promise<OrgUnit[]> {
  if (ids.length === 0) {
    return []
  }
  const rows = await runCompiledOnce(db, `orgUnits.byIds:${ids.length}`, ids, () => db.selectFrom('orgUnits').selectAll().where('id', 'in', [...ids]))
  return rows.map(toOrgUnit)
}

/** The unit and every unit below it, by id (the unit itself even when it does not exist). */
export async function findUnitIdsUnder(db: Kysely<Database>, id: string): Promise<string[]> {
  const rows = await db.selectFrom('orgUnits').select('id').where('path', 'like', `%/${id}/%`).execute()
  return [...new Set([id, ...rows.map((r) => r.id)])]
}

export async function listOrgUnits(db: Kysely<Database>): Promise<OrgUnit[]> {
  const rows = await db.selectFrom('orgUnits').selectAll().orderBy('path').execute()
  return rows.map(toOrgUnit)
}

export async function countOrgUnits(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('orgUnits').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

function toOrgUnit(row: Row): OrgUnit {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind as OrgUnit['kind'],
    name: row.name,
    ...(row.code === null ? {} : { code: row.code }),
    ...(row.state === null ? {} : { state: row.state }),
    ...(row.city === null ? {} : { city: row.city }),
    ...(row.border === null ? {} : { border: row.border as NonNullable<OrgUnit['border']> }),
    ...(row.lat === null ? {} : { lat: row.lat }),
    ...(row.lon === null ? {} : { lon: row.lon }),
    path: decodePath(row.path),
    demo: row.demo === 1,
  }
}
