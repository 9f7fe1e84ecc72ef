import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWeb } from '../test/build-web.ts'

describe('built service worker', () => {
  let outDir = ''
  let cleanup = () => {}

  beforeAll(async () => {
    ;({ outDir, cleanup } = await buildWeb())
  }, 120_000)

  afterAll(() => cleanup())

  it('is served unhashed at the root of /app/ so browsers can find its updates', () => {
    expect(fs.existsSync(path.join(outDir, 'sw.js'))).toBe(true)
  })

  it('precaches only the shell for everyone: the entry script, its styles, the icons, none of field mode', () => {
    const { shell, field } = precacheLists(fs.readFileSync(path.join(outDir, 'sw.js'), 'utf8'))
    const index = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')
    const entry = /<script[^>]+src="\/app\/([^"]+)"/.exec(index)?.[1]
    expect(entry).toMatch(/^assets\/index-.*\.js$/)
    expect(shell).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', 'icons/icon-192.png', entry]))
    expect(shell.some((f) => f.endsWith('.css'))).toBe(true)
    expect(shell.some((f) => /field-mode|field-map|leaflet/.test(f))).toBe(false)
    expect(field.some((f) => /field-mode-page-.*\.js$/.test(f))).toBe(true)
    // The patrol map and its outline work offline too.
    expect(field.some((f) => /field-map-.*\.js$/.test(f))).toBe(true)
    expect(field).toContain('geo/mexico-states.json')
    expect(field.filter((f) => shell.includes(f))).toEqual([])
    for (const file of [...shell, ...field]) {
      expect(fs.existsSync(path.join(outDir, file)), file).toBe(true)
      expect(file).not.toMatch(/\.(br|gz)$|^sw\.js$/)
    }
  })

  it('ships every text file of some size pre-compressed beside it, brotli and gzip, each smaller', () => {
    const index = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')
    const entry = /<script[^>]+src="\/app\/([^"]+)"/.exec(index)?.[1] ?? ''
    for (const file of [entry, 'geo/mexico-states.json']) {
      const size = fs.statSync(path.join(outDir, file)).size
      for (const suffix of ['.br', '.gz']) {
        expect(fs.statSync(path.join(outDir, file + suffix)).size).toBeLessThan(size / 2)
      }
    }
  })

  it('never touches the API', () => {
    const code = fs.readFileSync(path.join(outDir, 'sw.js'), 'utf8')
    expect(code).not.toContain('/api')
    const { shell, field } = precacheLists(code)
    expect([...shell, ...field].some((f) => f.startsWith('api'))).toBe(false)
  })

  it('declares an installable app scoped to /app/', () => {
    const manifest: Record<string, unknown> = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.webmanifest'), 'utf8'))
    expect(manifest).toMatchObject({ name: 'Faro', start_url: '/app/', scope: '/app/', display: 'standalone' })
  })
})

/** The lists the build wrote in place of the placeholder: a JSON string inside the script. */
function precacheLists(code: string): { shell: string[]; field: string[] } {
  const match = /"(\{\\"version\\":.*?\})"/.exec(code)
  if (!match?.[1]) {
    throw new Error('sw.js has no precache manifest')
  }
  const manifest: { version: string; shell: string[]; field: string[] } = JSON.parse(JSON.parse(`"${match[1]}"`))
  expect(manifest.version).toMatch(/^[0-9a-f]{16}$/)
  return manifest
}
