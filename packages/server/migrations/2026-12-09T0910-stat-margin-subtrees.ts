import { sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// The people's margins by day for every unit's subtree, under the unit's path (`/inm/beta/`),
// counting the units strictly below it: what a home's week reads for a coordinator's or the
// country's units, a few hundred rows instead of five thousand. Filled here from the units' own
// day margins; kept with them from now on.

export async function up(db: Kysely<any>): Promise<void> {
  // Each unit with each of its ancestors' paths, made once (a few hundred pairs), then joined to
  // the margins by unit.
  await sql`with below as materialized (
      select u.id as unit_id, a.path as ancestor from org_units u join org_units a on a.id <> u.id and substr(u.path, 1, length(a.path)) = a.path
    )
    insert into stat_margins (grain, fact, dim, period, unit_id, value, n)
    select 'day', m.fact, m.dim, m.period, below.ancestor, m.value, sum(m.n)
    from stat_margins m join below on below.unit_id = m.unit_id
    where m.grain = 'day' and ((m.fact in ('attended', 'rescued') and m.dim in ('sex', 'ageBand', 'nationality')) or (m.fact in ('attended_vulnerable', 'rescued_vulnerable') and m.dim = 'kind'))
    group by m.fact, m.dim, m.period, below.ancestor, m.value having sum(m.n) <> 0`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from stat_margins where unit_id like '/%'`.execute(db)
}
