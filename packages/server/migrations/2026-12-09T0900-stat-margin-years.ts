import { sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// The margins by year: a year's margins of a unit are a dozen times fewer rows than its months',
// which is what a home page's year reads. Filled here from the months' margins; kept with them
// from now on.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`insert into stat_margins (grain, fact, dim, period, unit_id, value, n)
    select 'year', fact, dim, substr(period, 1, 4), unit_id, value, sum(n) from stat_margins where grain = 'month'
    group by fact, dim, substr(period, 1, 4), unit_id, value having sum(n) <> 0`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from stat_margins where grain = 'year'`.execute(db)
}
