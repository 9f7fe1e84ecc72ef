import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listOrgUnits } from '../accounts/org-units-repo.ts'
import { call, makeAttentionAction, makeTestEnv, makeUser, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'
import { PUBLISHED_TABLES } from '../statistics/published.ts'
import { PUBLIC_LANGS } from './languages.ts'
import { PUBLIC_CSP } from './layout.ts'

// The first round trip carries about 14 KB: a page that fits arrives whole in it.
const FIRST_ROUND_TRIP = 14 * 1024

/** Every number written in a text, thousands separators joined (1 234, 1,234, 1.234). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/(?<![\w#+-])\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})*(?![\w-])/g)].map((m) => Number(m[0].replace(/[ ,.\u00a0\u202f]/g, '')))
}

for (const dialect of testDialects()) {
  describe(`${dialect}: GET /<lang>/datos`, () => {
    let env: TestEnv
    let agent: Session

    const get = (url: string, headers: Record<string, string> = {}) => env.app.request(url, { headers })

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      const nogales = await signIn(env, (await makeUser(env, 'field_agent', 'beta-nogales')).username)
      for (const [as, unit, count, sex, ageBand, nationality] of [
        [agent, 'beta-tijuana', 40, 'female', '18-29', 'HN'],
        [agent, 'beta-tijuana', 55, 'male', '18-29', 'HN'],
        [agent, 'beta-tijuana', 3, 'male', '0-5', 'GT'],
        [nogales, 'beta-nogales', 30, 'male', '30-44', 'MX'],
        [nogales, 'beta-nogales', 2, 'female', '60+', 'SV'],
      ] as const) {
        const action = makeAttentionAction(unit)
        const res = await call(env, 'POST', '/api/records/actions', { as, body: { ...action, payload: { ...action.payload, at: '2024-06-10T18:00:00.000Z', people: [{ count, sex, ageBand, nationality }] } } })
        expect(res.status).toBe(201)
      }
      const coordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      for (const u of (await listOrgUnits(env.db.db)).filter((x) => x.kind === 'beta_group')) {
        expect((await call(env, 'POST', '/api/statistics/approvals', { as: coordinator, body: { period: '2024', unit: u.id } })).status).toBe(201)
      }
      const analyst = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      expect((await call(env, 'POST', '/api/statistics/approvals', { as: analyst, body: { period: '2024', unit: 'beta' } })).status).toBe(201)
    })
    afterAll(async () => env?.close())

    it('shows the approved tables in every language, with caption, headers, totals and the one marker', async () => {
      for (const lang of PUBLIC_LANGS) {
        const res = await get(`/${lang}/datos`)
        expect(res.status, lang).toBe(200)
        expect(res.headers.get('content-security-policy'), lang).toBe(PUBLIC_CSP)
        expect(res.headers.get('set-cookie')).toBeNull()
        const html = await res.text()
        expect(html).not.toMatch(/<script/i)
        expect(html.match(/<caption/g)?.length, lang).toBe(PUBLISHED_TABLES.filter((t) => t.programme === 'beta').length)
        expect(html).toContain('<th scope="col">')
        expect(html).toContain('<th scope="row">')
        expect(html).toContain(`href="/${lang}/datos/attended-border-sex-2024.csv"`)
        expect(html).toMatch(/<td>x<\/td>/)
        expect(html).not.toContain('&lt;5')
      }
      const es = await (await get('/es/datos')).text()
      expect(es).toContain('Personas migrantes atendidas, por frontera y sexo')
      expect(es).toContain('x: reservado — menos de 5 personas, o reservado para que otra cifra pequeña no pueda calcularse')
      expect(es).toContain('x: reservado — menos de 10 hallazgos')
      expect(es).toContain('Publicado el 21 de noviembre de 2026.')
      // The grand total of people attended: 130.
      expect(es).toMatch(/<tr class="total"><th scope="row">Total<\/th>.*<td>130<\/td><\/tr>/)
    })

    it('writes no number from 1 to k − 1 in the page or the downloads', async () => {
      const html = await (await get('/es/datos')).text()
      const tables = html.match(/<table>.*?<\/table>/gs) ?? []
      expect(tables.length).toBeGreaterThan(0)
      for (const table of tables) {
        const cells = [...table.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1] ?? '')
        for (const cell of cells) {
          expect(cell === 'x' || cell === '0' || Number(cell.replace(/\D/g, '')) >= 5, cell).toBe(true)
        }
      }
      const csv = await (await get('/es/datos/attended-state-age-2024.csv')).text()
      const lines = csv.split('\r\n')
      const counts = lines.slice(2, lines.findIndex((l) => /^,*$/.test(l))).flatMap((l) => l.split(',').slice(1))
      expect(counts).toContain('x')
      expect(counts.every((c) => c === 'x' || c === '0' || Number(c) >= 5), csv).toBe(true)
      expect(numbersIn(counts.join(' ')).every((n) => n === 0 || n >= 5)).toBe(true)
    })

    it('downloads a table as CSV with the HXL row under the header', async () => {
      const res = await get('/en/datos/attended-nationality-sex-2024.csv')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
      expect(res.headers.get('content-disposition')).toContain('attended-nationality-sex-2024-en.csv')
      const lines = (await res.text()).split('\r\n')
      expect(lines[0]).toBe('Nationality,Women and girls,Men and boys,Other,Not recorded,Total')
      expect(lines[1]).toBe('#country+origin+name,#reached+ind+f,#reached+ind+m,#reached+ind+i,#reached+ind+sex_unknown,#reached+ind+total')
      expect(lines.some((l) => /^Honduras,(40|x),(55|x),0,0,(95|x)$/.test(l)), lines.join('\n')).toBe(true)
      expect(lines.find((l) => l.startsWith('Total,'))).toMatch(/^Total,(x|\d+),(x|\d+),0,0,130$/)
      expect(lines.some((l) => /^Guatemala,.*x/.test(l))).toBe(true)
      expect(lines.some((l) => l.startsWith('"x: withheld'))).toBe(true)
      const border = (await (await get('/en/datos/attended-border-sex-2024.csv')).text()).split('\r\n')
      expect(border[1]).toBe('#region+name,#reached+ind+f,#reached+ind+m,#reached+ind+i,#reached+ind+sex_unknown,#reached+ind+total')
      expect(border[2]).toBe('Northern border,42,88,0,0,130')
    })

    it('downloads a table as XLSX that reads back with its title, header, HXL row and counts', async () => {
      const res = await get('/es/datos/attended-nationality-sex-2024.xlsx')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(await res.arrayBuffer())
      const sheet = book.worksheets[0]
      const values = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1)
      expect(sheet?.name).toMatch(/^Personas migrantes atendidas/)
      expect(values(1)).toEqual(['Nacionalidad', 'Mujeres', 'Hombres', 'Otro', 'Sin dato', 'Total'])
      expect(values(2)).toEqual(['#country+origin+name', '#reached+ind+f', '#reached+ind+m', '#reached+ind+i', '#reached+ind+sex_unknown', '#reached+ind+total'])
      expect(values(3)[0]).toBe('Guatemala')
      const all: unknown[] = []
      sheet?.eachRow((row, n) => {
        if (n >= 3) {
          all.push(...(row.values as unknown[]).slice(1))
        }
      })
      expect(all).toContain(130)
      expect(all.filter((v) => typeof v === 'number').every((v) => v === 0 || Number(v) >= 5)).toBe(true)
      expect(all).toContain('x')
    })

    it('stays within the first round trip, lists its pages in the site map, and answers 404 for an unknown table or period', async () => {
      for (const lang of PUBLIC_LANGS) {
        const res = await get(`/${lang}/datos`, { 'accept-encoding': 'gzip' })
        expect(res.headers.get('content-encoding')).toBe('gzip')
        expect((await res.arrayBuffer()).byteLength, lang).toBeLessThanOrEqual(FIRST_ROUND_TRIP)
      }
      const map = await (await get('/sitemap.xml')).text()
      expect(map).toContain('<loc>/es/datos</loc>')
      expect(map).toContain('<loc>/pt/datos/beta-2024</loc>')
      expect((await get('/es/datos/beta-2024')).status).toBe(200)
      for (const url of ['/es/datos/attended-border-sex-1999.csv', '/es/datos/nothing-2024.xlsx', '/es/datos/beta-1999', '/es/datos/attended-border-sex-2024.pdf']) {
        expect((await get(url)).status, url).toBe(404)
      }
      expect((await get('/es/')).status).toBe(200)
      expect(await (await get('/es/')).text()).toContain('href="/es/datos"')
    })
  })
}
