import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestEnv, testDialects, type TestEnv } from '../test/harness.ts'
import { runCompiledOnce } from './compiled-once.ts'

for (const dialect of testDialects()) {
  describe(`${dialect}: queries compiled once`, () => {
    let env: TestEnv

    beforeEach(async () => {
      env = await makeTestEnv(dialect)
    })

    afterEach(async () => {
      await env.close()
    })

    const byIds = (ids: string[]) => runCompiledOnce(env.db.db, `test.orgUnitsByIds:${ids.length}`, ids, () => env.db.db.selectFrom('orgUnits').select(['id', 'kind']).where('id', 'in', ids).orderBy('id'))

    it('runs the text compiled for the first values with the next ones, rows in camelCase', async () => {
      const first = await byIds(['beta-tijuana', 'beta-tecate'])
      expect(first.map((r) => r.id)).toEqual(['beta-tecate', 'beta-tijuana'])
      const again = await byIds(['inm', 'beta-tijuana'])
      expect(again.map((r) => r.id)).toEqual(['beta-tijuana', 'inm'])
      expect(await byIds(['nowhere', 'none'])).toEqual([])
    })

    it('refuses parameters in another order than the query binds them', async () => {
      const query = () => env.db.db.selectFrom('orgUnits').select('id').where('kind', '=', 'beta_group').where('id', 'in', ['beta-tijuana'])
      await expect(runCompiledOnce(env.db.db, 'test.misordered', ['beta-tijuana', 'beta_group'], query)).rejects.toThrow(/not the ones its query binds/)
      expect(await runCompiledOnce(env.db.db, 'test.ordered', ['beta_group', 'beta-tijuana'], query)).toEqual([{ id: 'beta-tijuana' }])
    })
  })
}
