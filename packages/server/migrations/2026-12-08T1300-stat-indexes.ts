import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// The summary's one-way margins: each fact's count by unit and day and by unit and month, in
// total and by each single dimension. At ten million records a national year of people attended
// is about a million cells (every sex × age band × nationality of every unit and day); read as
// margins it is some thousands of rows, so the field summary and one-way tables answer in
// milliseconds. Filled here from the cells; kept with them from now on.

const DIMS = [['sex', 'sex'], ['ageBand', 'age_band'], ['nationality', 'nationality'], ['kind', 'kind'], ['outcome', 'outcome'], ['channel', 'channel'], ['body', 'body'], ['timing', 'timing']] as const

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('stat_margins')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('fact', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    // Key order is read order: a fact's one dimension over a run of periods for a set of units.
    .addPrimaryKeyConstraint('stat_margins_pk', ['grain', 'fact', 'dim', 'period', 'unit_id', 'value'])
    // On SQLite the rows live in the key's B-tree, so a read never leaves it for the count.
    .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
    .execute()
  for (const [grain, period] of [['day', sql`day`], ['month', sql`substr(day, 1, 7)`]] as const) {
    await sql`insert into stat_margins (grain, fact, dim, period, unit_id, value, n)
      select ${grain}, fact, '', ${period}, unit_id, '', sum(n) from stat_cells group by fact, ${period}, unit_id having sum(n) <> 0`.execute(db)
    for (const [dim, column] of DIMS) {
      await sql`insert into stat_margins (grain, fact, dim, period, unit_id, value, n)
        select ${grain}, fact, ${dim}, ${period}, unit_id, ${sql.ref(column)}, sum(n) from stat_cells where ${sql.ref(column)} <> '' group by fact, ${period}, unit_id, ${sql.ref(column)} having sum(n) <> 0`.execute(db)
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_margins').execute()
}
