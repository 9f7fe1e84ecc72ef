import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ImportPreview, TraceReview } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matchImportCommand } from '../cli/match-import.ts'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'
import { alertNewCandidates } from './alerts.ts'
import { readDate, readList } from './import-file.ts'

const HOSPITAL_CSV = [
  'Folio;Nombre(s);Apellido paterno;Apellido materno;Sexo;Edad;Nacionalidad;Fecha de ingreso;Lugar;Diagnóstico',
  'H-101;Kevin Alexander;Argueta;Rivas;H;19;SV;03/11/2026;Caborca;"deshidratación,',
  'golpe de calor"',
  'H-102;María José;Ajú;Coj;M;;GT;2026-11-04;Caborca;fractura',
  '',
  'H-103;;;;;;;2026-11-05;Caborca;sin datos',
].join('\n')

describe('reading a partner\'s list', () => {
  it('maps Spanish columns by name, reads semicolons, quoted line breaks and Mexican dates, and ignores what it does not know', () => {
    const list = readList({ format: 'csv', content: HOSPITAL_CSV, kind: 'hospitalised' }, 'es')
    expect(list.columns.map((c) => [c.name, c.field])).toEqual([
      ['Folio', 'id'],
      ['Nombre(s)', 'given_names'],
      ['Apellido paterno', 'surname1'],
      ['Apellido materno', 'surname2'],
      ['Sexo', 'sex'],
      ['Edad', 'age_years'],
      ['Nacionalidad', 'nationality'],
      ['Fecha de ingreso', 'event_date'],
      ['Lugar', 'event_place'],
      ['Diagnóstico', null],
    ])
    expect(list.rows[0]).toMatchObject({ line: 2, sourceRef: 'H-101', kind: 'hospitalised', eventDate: '2026-11-03', place: 'Caborca', identity: { givenNames: 'Kevin Alexander', firstSurname: 'Argueta', secondSurname: 'Rivas', sex: 'male', approximateAge: 19, nationality: 'SV' } })
    // The second row starts on line 4: the first took two.
    expect(list.rows[1]).toMatchObject({ line: 4, identity: { givenNames: 'María José', sex: 'female' } })
    // A row without any name is a problem at its own line, named by the file's column.
    expect(list.issues).toEqual([{ line: 6, column: 'Nombre(s)', message: 'Sin nombre, apellido, nombre completo ni alias' }])
    expect(list.total).toBe(3)
  })

  it('names every bad value by line and column, in the caller\'s language', () => {
    const csv = 'name,sex,nationality,birth_date,age,date,kind\nJOSE LUIS HERNANDEZ,X,Honduras,31/02/1990,two hundred,2026-11-01,found\nANA,F,HN,1990-13-05,30,,attended\n'
    const list = readList({ format: 'csv', content: csv }, 'en')
    expect(list.issues.map((i) => `${i.line} ${i.column}`)).toEqual(['2 sex', '2 nationality', '2 birth_date', '2 age', '2 kind', '3 date'])
    expect(list.issues[0]?.message).toBe('Sex not recognised: use M, F, male or female')
    expect(list.rows).toEqual([])
  })

  it('reads JSONL with the batch contract\'s fields, and reports a line that is not an object', () => {
    const jsonl = ['{"id":"S-1","full_name":"PIERRE JEAN-BAPTISTE Evens","aliases":["Ti Evens"],"sex":"M","nationality":"ht","birth_date":"1995-07-14","event_date":"2026-10-20","kind":"deceased"}', '', 'not json', '[1,2]'].join('\n')
    const list = readList({ format: 'jsonl', content: jsonl }, 'es')
    expect(list.rows[0]).toMatchObject({ line: 1, kind: 'deceased', identity: { fullName: 'PIERRE JEAN-BAPTISTE Evens', aliases: ['Ti Evens'], nationality: 'HT', birthDate: '1995-07-14' } })
    expect(list.issues.map((i) => i.line)).toEqual([3, 4])
  })

  it('refuses a list whose columns name nobody, and an empty one', () => {
    expect(readList({ format: 'csv', content: 'a,b\n1,2\n', kind: 'attended', eventDate: '2026-11-01' }, 'es').issues[0]).toMatchObject({ line: 1, column: '' })
    expect(readList({ format: 'csv', content: 'nombre\n' }, 'en').issues[0]?.message).toBe('The list has no rows')
  })

  it('reads dates as lists write them, swapping an impossible month, refusing an impossible day', () => {
    expect([readDate('2026-11-03'), readDate('3/11/2026'), readDate('03-11-2026'), readDate('1990-25-03'), readDate('31/02/1990'), readDate('1890-01-01'), readDate('yesterday')]).toEqual(['2026-11-03', '2026-11-03', '2026-11-03', '1990-03-25', undefined, undefined, undefined])
  })
})

for (const dialect of testDialects()) {
  describe(`${dialect}: importing a partner's list into the registry`, () => {
    let env: TestEnv
    let national: Session
    let agent: Session
    const keyring = () => {
      const k = env.protection?.keyring
      if (k === undefined) {
        throw new Error('the test environment has no vault')
      }
      return k
    }
    const counts = async () => ({
      people: Number((await env.db.db.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      entries: Number((await env.db.db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).where('recordType', '=', 'registry_entry').executeTakeFirstOrThrow()).n),
    })

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      national = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
    })
    afterAll(async () => env?.close())

    it('previews the mapping and every problem, storing nothing; refuses a bad list whole; imports a good one once', async () => {
      const before = await counts()
      const preview = await call(env, 'POST', '/api/tracing/imports/preview', { as: national, body: { source: 'Hospital General de Caborca', format: 'csv', kind: 'hospitalised', content: HOSPITAL_CSV } })
      expect(preview.status).toBe(200)
      const shown = (await preview.json()) as ImportPreview
      expect(shown).toMatchObject({ rows: 3, issueCount: 1, issues: [{ line: 6, column: 'Nombre(s)' }] })
      expect(shown.sample[0]?.values).toMatchObject({ 'Nombre(s)': 'Kevin Alexander', Lugar: 'Caborca' })
      expect(await counts()).toEqual(before)

      const refused = await call(env, 'POST', '/api/tracing/imports', { as: national, body: { id: newActionId(), source: 'Hospital General de Caborca', format: 'csv', kind: 'hospitalised', content: HOSPITAL_CSV } })
      expect(refused.status).toBe(400)
      expect(await refused.json()).toMatchObject({ detail: 'Filas con errores: 1. No se importó ninguna', errors: [{ field: 'line.6.Nombre(s)', code: 'bad_row' }] })
      expect(await counts()).toEqual(before)

      const good = { id: newActionId(), source: 'Hospital General de Caborca', format: 'csv', kind: 'hospitalised', content: HOSPITAL_CSV.split('\n').slice(0, 4).join('\n') }
      const imported = await call(env, 'POST', '/api/tracing/imports', { as: national, body: good })
      expect(imported.status, await imported.clone().text()).toBe(201)
      expect(await imported.json()).toMatchObject({ status: 'imported', rows: 2 })
      expect(await counts()).toEqual({ people: before.people + 2, entries: before.entries + 2 })
      const again = await call(env, 'POST', '/api/tracing/imports', { as: national, body: good })
      expect(again.status).toBe(200)
      expect(await again.json()).toMatchObject({ status: 'duplicate', rows: 2 })
      const reused = await call(env, 'POST', '/api/tracing/imports', { as: national, body: { ...good, content: `${good.content}\nH-999;Otra;Persona;;;;;2026-11-06;Caborca;-` } })
      expect(reused.status).toBe(409)
      expect(await counts()).toEqual({ people: before.people + 2, entries: before.entries + 2 })
      // Linked on vital interest, for family tracing; the log holds the reference, not the name.
      const links = await env.db.db.selectFrom('personLinks').select(['legalBasis', 'purpose']).where('recordType', '=', 'registry_entry').execute()
      expect(links).toContainEqual({ legalBasis: 'vital_interest', purpose: 'family_tracing' })
      const log = await env.db.db.selectFrom('actions').select('payload').where('recordType', '=', 'registry_entry').execute()
      expect(log.map((a) => a.payload).join()).not.toMatch(/Kevin|Argueta/)
      // Only who may create registry entries in the unit imports.
      expect((await call(env, 'POST', '/api/tracing/imports/preview', { as: agent, body: { source: 'X', format: 'csv', content: 'nombre\nAna\n' } })).status).toBe(403)
    })

    it('brings a list\'s people to the requests that seek them, with the list named as the source', async () => {
      await alertNewCandidates(env.db, env.clock, keyring())
      const filed = await call(env, 'POST', '/api/tracing/requests', {
        as: national,
        body: { id: newActionId(), channel: 'field', description: 'Su hermana la busca.', relationship: 'sibling', sought: [{ identity: { givenNames: 'Evens', firstSurname: 'Pierre', secondSurname: 'Jean-Baptiste', birthDate: '1995-07-14', nationality: 'HT', sex: 'male' } }] },
      })
      const { recordId } = (await filed.json()) as { recordId: string }
      env.clock.advance(60_000)
      const jsonl = '{"id":"SEMEFO-77","full_name":"PIERRE JEAN BAPTISTE EVENS","sex":"M","nationality":"HT","birth_date":"1995-07-14","event_date":"2026-10-20","kind":"deceased"}\n'
      const imported = await call(env, 'POST', '/api/tracing/imports', { as: national, body: { id: newActionId(), source: 'SEMEFO Sonora', format: 'jsonl', content: jsonl } })
      expect(imported.status).toBe(201)
      expect((await alertNewCandidates(env.db, env.clock, keyring())).alerts).toBe(1)
      const review = (await (await call(env, 'GET', `/api/tracing/requests/${recordId}/review`, { as: national })).json()) as TraceReview
      expect(review.items[0]?.candidates[0]).toMatchObject({ recordType: 'registry_entry', kind: 'deceased', source: 'SEMEFO Sonora', identity: { fullName: 'PIERRE JEAN BAPTISTE EVENS' }, alert: 'strong' })
    })

    it('imports from the command line, and prints each bad row by file, line and column', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-lists-'))
      const good = path.join(dir, 'albergue.csv')
      fs.writeFileSync(good, 'nombre,apellido,edad,nacionalidad\nJocelyne,Dorvil,29,HT\n')
      const bad = path.join(dir, 'albergue-mal.csv')
      fs.writeFileSync(bad, 'nombre,apellido,edad\nJocelyne,Dorvil,veintinueve\n')
      const out: string[] = []
      const err: string[] = []
      const args = ['--source', 'Albergue Hermanos en el Camino', '--kind', 'attended', '--date', '2026-11-10']
      expect(await matchImportCommand(env.db, env.clock, keyring(), [...args, bad], (l) => out.push(l), (l) => err.push(l))).toBe(1)
      expect(err).toContain('albergue-mal.csv:2 edad: Invalid age: a whole number from 0 to 120')
      expect(await matchImportCommand(env.db, env.clock, keyring(), [...args, good], (l) => out.push(l), (l) => err.push(l))).toBe(0)
      expect(out.at(-1)).toMatch(/^imported 1 rows from "Albergue Hermanos en el Camino"/)
      expect(out.join()).not.toMatch(/Jocelyne|Dorvil/)
      expect(await matchImportCommand(env.db, env.clock, keyring(), ['--source', 'X', good, good], (l) => out.push(l), (l) => err.push(l))).toBe(2)
      fs.rmSync(dir, { recursive: true, force: true })
    })
  })
}
