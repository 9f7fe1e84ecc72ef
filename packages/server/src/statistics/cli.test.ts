import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-stats-cli-'))

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

function faro(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, FARO_DATA_DIR: dir, FARO_LOG_LEVEL: 'silent' }
  delete env.DATABASE_URL
  return spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120_000 })
}

describe('faro stats', () => {
  it('says the summary matches the records, names a cell that does not, and rebuilds it', () => {
    expect(faro(['seed']).status).toBe(0)
    const file = path.join(dir, 'faro.sqlite')
    const db = new Database(file)
    // A record written by the batch has its cells; one more cell that no record gives is a difference.
    db.prepare("insert into stat_cells (fact, day, unit_id, sex, age_band, nationality, kind, outcome, channel, body, timing, n) values ('attended', '2026-11-20', 'beta-tijuana', 'female', '18-29', 'HN', '', '', '', '', '', 4)").run()
    // The months and the margins are checked on their own: each names its table.
    db.prepare("insert into stat_months (fact, month, unit_id, sex, age_band, nationality, kind, outcome, channel, body, timing, n) values ('rescued', '2019-02', 'beta-nogales', 'male', '', '', 'dehydration', 'first_aid', '', '', '', 2)").run()
    db.prepare("insert into stat_margins (grain, fact, dim, period, unit_id, value, n) values ('day', 'attended', 'sex', '2019-02-03', 'beta-tapachula', 'female', 7)").run()
    db.close()
    const broken = faro(['stats', 'verify'])
    expect(broken.status).toBe(1)
    expect(broken.stdout).toContain('differ from a recount of the records in 3 places')
    expect(broken.stdout).toContain('stat_cells: attended 2026-11-20 beta-tijuana female 18-29 HN: stored 4, recounted 0')
    expect(broken.stdout).toContain('stat_months: rescued 2019-02 beta-nogales male dehydration first_aid: stored 2, recounted 0')
    expect(broken.stdout).toContain('stat_margins: attended 2019-02-03 beta-tapachula sex=female: stored 7, recounted 0')
    const rebuilt = faro(['stats', 'rebuild'])
    expect(rebuilt.status).toBe(0)
    expect(rebuilt.stdout).toContain('summary tables rebuilt from the records: 0 cells')
    const again = faro(['stats', 'verify'])
    expect(again.status).toBe(0)
    expect(again.stdout.trim()).toBe('summary tables match a recount of the records')
    expect(faro(['stats']).status).toBe(2)
  }, 120_000)
})
