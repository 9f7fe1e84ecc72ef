import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// The summary's cells by month: every dimension of a cell, its day cut to the month. At ten
// million records a national year of people attended by state, sex and age band is some 800,000
// day cells and about 70,000 month cells. Filled here from the cells; kept with them from now on.

const DIMS = ['unit_id', 'sex', 'age_band', 'nationality', 'kind', 'outcome', 'channel', 'body', 'timing'] as const

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('stat_months')
    .addColumn('fact', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('timing', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_months_pk', ['fact', 'month', ...DIMS])
    // On SQLite the rows live in the key's B-tree, so a read never leaves it for the count.
    .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
    .execute()
  const dims = sql.join(DIMS.map((d) => sql.ref(d)))
  await sql`insert into stat_months (fact, month, ${dims}, n)
    select fact, substr(day, 1, 7), ${dims}, sum(n) from stat_cells group by fact, substr(day, 1, 7), ${dims} having sum(n) <> 0`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_months').execute()
}
