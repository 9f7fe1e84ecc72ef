import { Readable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../http/app.ts'
import { call, makeAttentionAction, makeTestEnv, makeUser, newActionId, signIn, testAppConfig, testDialects, type Session, type TestEnv } from '../test/harness.ts'
import { findExport, insertExport } from './export/jobs-repo.ts'
import { MMP_COLUMNS } from './export/mmp.ts'
import { pageCount, pdfText } from './export/pdf-reading.ts'
import { exportsSettled, KEEP_MS, runDueExports, runExport } from './export/run.ts'

type Job = { id: string; status: string; progress: number; rows: number; format: string; filename: string; createdAt: string; finishedAt: string | null }

for (const dialect of testDialects()) {
  describe(`${dialect}: exports of the statistics`, () => {
    let env: TestEnv
    let analyst: Session
    let analystId: string
    let tijuana: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      const analystUser = await makeUser(env, 'national_analyst', 'inm')
      analystId = analystUser.id
      analyst = await signIn(env, analystUser.username)
      tijuana = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
      const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      const nogales = await signIn(env, (await makeUser(env, 'field_agent', 'beta-nogales')).username)
      for (const [as, unit, people] of [
        [agent, 'beta-tijuana', [{ count: 3, sex: 'female', ageBand: '18-29', nationality: 'HN' }, { count: 2, sex: 'male', ageBand: '30-44', nationality: 'GT' }]],
        [nogales, 'beta-nogales', [{ count: 4, sex: 'male', ageBand: '18-29', nationality: 'MX' }]],
      ] as const) {
        const action = makeAttentionAction(unit)
        expect((await call(env, 'POST', '/api/records/actions', { as, body: { ...action, payload: { ...action.payload, at: '2026-11-20T18:00:00.000Z', people } } })).status).toBe(201)
      }
      const submit = async (as: Session, recordType: string, type: string, payload: Record<string, unknown>) => {
        const res = await call(env, 'POST', '/api/records/actions', { as, body: { id: newActionId(), recordType, recordId: `${recordType}-${newActionId()}`, type, payload } })
        expect(res.status, await res.clone().text()).toBe(201)
      }
      await submit(nogales, 'rescue', 'RescueRecorded', { orgUnitId: 'beta-nogales', at: '2026-11-21T06:30:00.000Z', location: { lat: 31.30123456, lon: -110.9 }, emergencyType: 'heat_stroke', people: [{ count: 2, sex: 'male', ageBand: '30-44', nationality: 'HN' }], outcome: 'deceased', notes: 'Nombre Secreto' })
      await submit(nogales, 'rescue', 'RescueRecorded', { orgUnitId: 'beta-nogales', at: '2026-11-22T12:00:00.000Z', emergencyType: 'dehydration', people: [{ count: 3, sex: 'female', ageBand: '12-17' }], outcome: 'first_aid' })
      await submit(nogales, 'remains', 'RemainsFound', { orgUnitId: 'beta-nogales', foundAt: '2026-11-23T15:00:00.000Z', location: { lat: 31.5, lon: -111.2 }, placeDescription: 'Rancho de Fulano', count: 1, condition: 'skeletal', authorityNotified: 'public_prosecutor' })
    })
    afterAll(async () => env?.close())

    const ask = (as: Session, body: Record<string, unknown>, lang?: string) => call(env, 'POST', '/api/statistics/exports', { as, body, lang })
    const question = { fact: 'attended', unit: 'beta', from: '2026-11-01', to: '2026-11-30' }

    /** Asks for an export, lets the job run and returns it with its file. */
    async function exported(body: Record<string, unknown>, lang = 'en'): Promise<{ job: Job; file: Response }> {
      const id = crypto.randomUUID()
      const res = await ask(analyst, { id, ...body }, lang)
      expect(res.status, await res.clone().text()).toBe(202)
      await exportsSettled(env.db)
      const job = (await (await call(env, 'GET', `/api/statistics/exports/${id}`, { as: analyst })).json()) as Job
      return { job, file: await call(env, 'GET', `/api/statistics/exports/${id}/file`, { as: analyst }) }
    }

    it('makes a CSV of a table question with its HXL row, sex and age as the counts\' columns', async () => {
      const { job, file } = await exported({ format: 'csv', question: { ...question, by: ['unit', 'sex'] } })
      expect(job).toMatchObject({ status: 'done', progress: 1, rows: 2, format: 'csv', filename: 'faro-attended-beta-2026-11-01-2026-11-30.csv' })
      expect(job.finishedAt).not.toBeNull()
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(file.headers.get('content-disposition')).toBe('attachment; filename="faro-attended-beta-2026-11-01-2026-11-30.csv"')
      const [header, hxl, ...rows] = parse(await file.text()) as string[][]
      expect(header).toEqual(['Indicator', 'Sector', 'From', 'To', 'Unit (id)', 'Unit', 'Women', 'Men', 'Total'])
      expect(hxl).toEqual(['#indicator+code', '#sector', '#date+start', '#date+end', '#org+impl+code', '#org+impl+name', '#reached+ind+f', '#reached+ind+m', '#reached+ind+total'])
      expect(rows).toContainEqual(['attended', 'protection', '2026-11-01', '2026-11-30', 'beta-tijuana', 'Grupo Beta Tijuana', '3', '2', '5'])
      expect(rows).toContainEqual(['attended', 'protection', '2026-11-01', '2026-11-30', 'beta-nogales', 'Grupo Beta Nogales', '0', '4', '4'])
    })

    it('keeps an export drilled into a state to that state\'s groups, and names the state in the file', async () => {
      const { job, file } = await exported({ format: 'csv', question: { ...question, unit: 'inm', state: 'Sonora', by: ['state', 'unit'] } })
      expect(job).toMatchObject({ status: 'done', rows: 1, filename: 'faro-attended-inm-sonora-2026-11-01-2026-11-30.csv' })
      const [, , ...rows] = parse(await file.text()) as string[][]
      expect(rows).toEqual([['attended', 'protection', '2026-11-01', '2026-11-30', 'Sonora', 'beta-nogales', 'Grupo Beta Nogales', '4']])
      const json = await exported({ format: 'json', question: { ...question, unit: 'inm', border: 'north', state: 'Baja California', by: ['unit'] } })
      const body = (await json.file.json()) as { meta: { question: Record<string, unknown> }; rows: Record<string, unknown>[] }
      expect(body.meta.question).toMatchObject({ border: 'north', state: 'Baja California' })
      expect(body.rows.map((r) => r.unit)).toEqual(['beta-tijuana'])
      // The Missing Migrants list too: Nogales's rescues and remains are Sonora's, none Baja California's.
      const mmp = await exported({ format: 'mmp', question: { unit: 'inm', from: '2026-11-01', to: '2026-11-30', state: 'Baja California' } })
      expect(mmp.job).toMatchObject({ status: 'done', rows: 0 })
      expect((await exported({ format: 'mmp', question: { unit: 'inm', from: '2026-11-01', to: '2026-11-30', state: 'Sonora' } })).job.rows).toBe(3)
    })

    it('makes an XLSX, counts as numbers under the header and HXL rows', async () => {
      const { file } = await exported({ format: 'xlsx', question: { ...question, by: 'state,ageBand' } }, 'es')
      expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      const book = new ExcelJS.Workbook()
      await book.xlsx.read(Readable.from([Buffer.from(await file.arrayBuffer())]))
      const sheet = book.worksheets[0]
      expect(sheet?.getRow(1).getCell(5).value).toBe('Estado')
      expect(sheet?.getRow(2).getCell(5).value).toBe('#adm1+name')
      expect(sheet?.getRow(2).getCell(6).value).toBe('#reached+ind+adults+age_18_29')
      const values = [3, 4].map((r) => sheet?.getRow(r).values)
      expect(values).toContainEqual([undefined, 'attended', 'protection', '2026-11-01', '2026-11-30', 'Sonora', 4, 0, 4])
      expect(values).toContainEqual([undefined, 'attended', 'protection', '2026-11-01', '2026-11-30', 'Baja California', 3, 2, 5])
    })

    it('makes JSON with the question in its meta', async () => {
      const { file } = await exported({ format: 'json', question: { ...question, by: ['nationality'] } })
      const doc = (await file.json()) as { meta: { question: { fact: string; unitId: string } }; rows: Record<string, unknown>[]; count: number }
      expect(doc.meta.question).toMatchObject({ fact: 'attended', unitId: 'beta' })
      expect(doc.count).toBe(3)
      expect(doc.rows[0]).toMatchObject({ nationality: 'MX', n: 4 })
    })

    it('prints a table question as a PDF, and the yearly report in the caller\'s language', async () => {
      const table = await exported({ format: 'pdf', question: { ...question, by: ['unit'] } }, 'es')
      const tablePdf = Buffer.from(await table.file.arrayBuffer())
      expect(tablePdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(pageCount(tablePdf)).toBe(2)
      expect(pdfText(tablePdf)).toContain('Grupo Beta Nogales')

      const report = await exported({ format: 'pdf', report: { kind: 'yearly', year: 2026, unit: 'beta' } })
      expect(report.job).toMatchObject({ status: 'done', progress: 1, filename: 'faro-yearly-2026-beta.pdf' })
      const pdf = Buffer.from(await report.file.arrayBuffer())
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      // The title page and one page per section, each short enough for one page here.
      expect(pageCount(pdf)).toBe(7)
      const text = pdfText(pdf)
      for (const words of ['Yearly report 2026', 'Assistance to migrants', 'Northern border', 'Services given', 'Patrols', 'Rescues', 'Heat stroke', 'First aid', 'Grupo Beta Tijuana']) {
        expect(text, words).toContain(words)
      }
    })

    it('lists remains and rescues in IOM Missing Migrants columns, one row each, naming no one', async () => {
      const { job, file } = await exported({ format: 'mmp', question: { unit: 'beta', from: '2026-11-01', to: '2026-11-30' } })
      expect(job).toMatchObject({ status: 'done', rows: 3, filename: 'faro-missing-migrants-beta-2026-11-01-2026-11-30.csv' })
      const text = await file.text()
      expect(text).not.toContain('Secreto')
      expect(text).not.toContain('Fulano')
      const [header, hxl, ...rows] = parse(text) as string[][]
      expect(header).toEqual([...MMP_COLUMNS])
      expect(hxl?.[MMP_COLUMNS.indexOf('Number of Dead')]).toBe('#affected+killed')
      const col = (row: string[] | undefined, name: (typeof MMP_COLUMNS)[number]) => row?.[MMP_COLUMNS.indexOf(name)]
      const dead = rows.find((r) => col(r, 'Cause of Death') === 'Harsh environmental conditions / lack of adequate shelter, food, water')
      expect(col(dead, 'Number of Dead')).toBe('2')
      expect(col(dead, 'Number of Males')).toBe('2')
      expect(col(dead, 'Country of Origin')).toBe('Honduras')
      expect(col(dead, 'Incident Date')).toBe('2026-11-20')
      expect(col(dead, 'Month')).toBe('November')
      expect(col(dead, 'Coordinates')).toBe('31.30123, -110.90000')
      expect(col(dead, 'Migration Route')).toBe('US-Mexico border crossing')
      const remains = rows.find((r) => col(r, 'Source Quality') === '5')
      expect(col(remains, 'Number of Dead')).toBe('1')
      expect(col(remains, 'Location of Incident')).toBe('Nogales, Sonora')
      const survivors = rows.find((r) => col(r, 'Number of Survivors') === '3')
      expect(col(survivors, 'Number of Dead')).toBe('0')
      expect(col(survivors, 'Number of Females')).toBe('')
    })

    it('gives the same job for the same id, and refuses the id for another export', async () => {
      const id = crypto.randomUUID()
      const first = await ask(analyst, { id, format: 'csv', question })
      expect(first.status).toBe(202)
      const again = await ask(analyst, { id, format: 'csv', question })
      expect(again.status).toBe(200)
      expect(((await again.json()) as Job).id).toBe(id)
      const other = await ask(analyst, { id, format: 'json', question })
      expect(other.status).toBe(409)
      await exportsSettled(env.db)
      expect((await findExport(env.db.db, id))?.attempts).toBe(1)
      // Asked for once, audited once.
      expect(await env.db.db.selectFrom('auditEvents').select(['action', 'decision']).where('recordType', '=', 'stat_export').where('recordId', '=', id).execute()).toEqual([{ action: 'statistics.read', decision: 'allowed' }])
    })

    it('shows a job and its file to the account that asked only', async () => {
      const id = crypto.randomUUID()
      expect((await ask(analyst, { id, format: 'csv', question })).status).toBe(202)
      await exportsSettled(env.db)
      const other = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      expect((await call(env, 'GET', `/api/statistics/exports/${id}`, { as: other })).status).toBe(404)
      expect((await call(env, 'GET', `/api/statistics/exports/${id}/file`, { as: other })).status).toBe(404)
      expect((await call(env, 'GET', `/api/statistics/exports/${id}`)).status).toBe(401)
    })

    it('answers 409 for the file while the job is not done', async () => {
      const now = env.clock.now()
      const id = crypto.randomUUID()
      await insertExport(env.db.db, { id, userId: analystId, unitId: 'beta', format: 'csv', lang: 'es', question: '{}', filename: 'x.csv', mediaType: 'text/csv', createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + KEEP_MS).toISOString() })
      const res = await call(env, 'GET', `/api/statistics/exports/${id}/file`, { as: analyst })
      expect(res.status).toBe(409)
      expect(((await res.json()) as { reason: string }).reason).toBe('export_not_ready')
    })

    it('marks a job that cannot be made as failed, with no file', async () => {
      const now = env.clock.now()
      const id = crypto.randomUUID()
      await insertExport(env.db.db, { id, userId: analystId, unitId: 'beta', format: 'csv', lang: 'es', question: '{not json', filename: 'x.csv', mediaType: 'text/csv', createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + KEEP_MS).toISOString() })
      expect(await runExport({ db: env.db, clock: env.clock }, id)).toBe(true)
      expect(await findExport(env.db.db, id)).toMatchObject({ status: 'failed', error: 'export_failed' })
      expect((await call(env, 'GET', `/api/statistics/exports/${id}/file`, { as: analyst })).status).toBe(409)
      // A failed job is not taken again.
      expect(await runExport({ db: env.db, clock: env.clock }, id)).toBe(false)
    })

    it('refuses an export of a unit outside the account\'s reach', async () => {
      const refused = crypto.randomUUID()
      expect((await ask(tijuana, { id: refused, format: 'csv', question: { ...question, unit: 'beta-nogales' } })).status).toBe(403)
      const audited = await env.db.db.selectFrom('auditEvents').select(['action', 'decision']).where('recordType', '=', 'stat_export').where('recordId', '=', refused).execute()
      expect(audited).toEqual([{ action: 'statistics.read', decision: 'denied' }])
      expect((await ask(tijuana, { id: crypto.randomUUID(), format: 'pdf', report: { kind: 'yearly', year: 2026, unit: 'beta' } })).status).toBe(403)
      expect((await ask(analyst, { id: crypto.randomUUID(), format: 'csv', question: { ...question, unit: 'no-such-unit' } })).status).toBe(404)
    })

    it('names the field of a bad request, in the asker\'s language', async () => {
      for (const [body, field] of [
        [{ id: 'not-a-uuid', format: 'csv', question }, 'id'],
        [{ format: 'docx', question }, 'format'],
        [{ format: 'csv', question: { ...question, to: '2026-10-01' } }, 'question.to'],
        [{ format: 'csv', question: { ...question, from: '2020-01-01', to: '2026-01-01' } }, 'question.to'],
        [{ format: 'csv', question: { ...question, fact: undefined } }, 'question.fact'],
        [{ format: 'csv', question: { ...question, by: ['sex', 'sex'] } }, 'question.by'],
        [{ format: 'csv', question: { ...question, by: ['colour'] } }, 'question.by'],
        [{ format: 'csv' }, 'question'],
        [{ format: 'csv', report: { kind: 'yearly', year: 2026 } }, 'format'],
        [{ format: 'pdf', report: { kind: 'monthly', year: 2026 } }, 'report.kind'],
      ] as const) {
        const res = await ask(analyst, 'id' in body ? body : { ...body, id: crypto.randomUUID() }, 'es')
        expect(res.status, field).toBe(400)
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        const problem = (await res.json()) as { errors: { field: string; message: string }[] }
        expect(problem.errors[0]?.field, JSON.stringify(problem)).toBe(field)
      }
      const res = await ask(analyst, { id: crypto.randomUUID(), format: 'csv', question: { ...question, to: '2026-10-01' } }, 'es')
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe('El fin no puede ser anterior al inicio')
    })

    it('runs a job once when two servers on one database race for it', async () => {
      const second = createApp({ db: env.db, clock: env.clock, config: testAppConfig(), logger: pino({ level: 'silent' }) })
      const id = crypto.randomUUID()
      const body = JSON.stringify({ format: 'csv', question, id })
      const post = (app: typeof second) => app.request('/api/statistics/exports', { method: 'POST', headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf, 'content-type': 'application/json' }, body })
      const answers = await Promise.all([post(env.app), post(second)])
      expect(answers.map((r) => r.status).sort()).toEqual([200, 202])
      // Both servers' schedulers tick at once too.
      const ticks = await Promise.all([runDueExports({ db: env.db, clock: env.clock }), runDueExports({ db: env.db, clock: env.clock })])
      await exportsSettled(env.db)
      const job = await findExport(env.db.db, id)
      expect(job).toMatchObject({ status: 'done', attempts: 1, progress: 1 })
      // Whichever took it first (a server right after its POST, or a tick), nobody else ran it.
      expect(ticks.reduce((sum, t) => sum + t.ran, 0)).toBeLessThanOrEqual(1)
      // Two takers of a queued job: one runs it.
      const queued = crypto.randomUUID()
      const now = env.clock.now()
      await insertExport(env.db.db, { id: queued, userId: analystId, unitId: 'beta', format: 'csv', lang: 'es', question: JSON.stringify({ kind: 'question', fact: 'attended', from: '2026-11-01', to: '2026-11-30', unitId: 'beta', unitName: 'Grupos Beta', by: [] }), filename: 'x.csv', mediaType: 'text/csv', createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + KEEP_MS).toISOString() })
      const runs = await Promise.all([runExport({ db: env.db, clock: env.clock }, queued), runExport({ db: env.db, clock: env.clock }, queued)])
      expect(runs.filter(Boolean)).toHaveLength(1)
      expect(await findExport(env.db.db, queued)).toMatchObject({ status: 'done', attempts: 1 })
    })

    it('takes over a job whose process died once its lease runs out, and forgets files after 24 hours', async () => {
      const id = crypto.randomUUID()
      const now = env.clock.now()
      await insertExport(env.db.db, { id, userId: analystId, unitId: 'beta', format: 'json', lang: 'en', question: JSON.stringify({ kind: 'question', fact: 'attended', from: '2026-11-01', to: '2026-11-30', unitId: 'beta', unitName: 'Grupos Beta', by: ['unit'] }), filename: 'x.json', mediaType: 'application/json', createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + KEEP_MS).toISOString() })
      // A process took it and died: its lease still runs.
      await env.db.db.updateTable('statExports').set({ status: 'running', claim: 'dead', leaseUntil: new Date(now.getTime() + 60_000).toISOString() }).where('id', '=', id).execute()
      expect((await runDueExports({ db: env.db, clock: env.clock })).ran).toBe(0)
      env.clock.advance(61_000)
      expect((await runDueExports({ db: env.db, clock: env.clock })).ran).toBe(1)
      const done = (await (await call(env, 'GET', `/api/statistics/exports/${id}`, { as: analyst })).json()) as Job
      expect(done).toMatchObject({ status: 'done', progress: 1, rows: 2 })
      env.clock.advance(KEEP_MS + 1)
      const later = await signIn(env, (await env.db.db.selectFrom('users').select('username').where('id', '=', analystId).executeTakeFirstOrThrow()).username)
      expect((await call(env, 'GET', `/api/statistics/exports/${id}`, { as: later })).status).toBe(404)
      expect((await runDueExports({ db: env.db, clock: env.clock })).expired).toBeGreaterThanOrEqual(1)
      expect(await findExport(env.db.db, id)).toBeUndefined()
    })
  })
}
