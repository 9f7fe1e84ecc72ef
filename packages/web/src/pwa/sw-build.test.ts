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

  it('precaches the shell, every hashed asset and the public files of its own build', () => {
    const files = precacheList(fs.readFileSync(path.join(outDir, 'sw.js'), 'utf8'))
    const assets = fs.readdirSync(path.join(outDir, 'assets')).map((f) => `assets/${f}`)
    expect(files).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', 'icons/icon-192.png', ...assets]))
    expect(files).not.toContain('sw.js')
    for (const file of files) {
      expect(fs.existsSync(path.join(outDir, file)), file).toBe(true)
    }
  })

  it('never touches the API', () => {
    const code = fs.readFileSync(path.join(outDir, 'sw.js'), 'utf8')
    expect(code).not.toContain('/api')
    expect(precacheList(code).some((f) => f.startsWith('api'))).toBe(false)
  })

  it('declares an installable app scoped to /app/', () => {
    const manifest: Record<string, unknown> = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.webmanifest'), 'utf8'))
    expect(manifest).toMatchObject({ name: 'Faro', start_url: '/app/', scope: '/app/', display: 'standalone' })
  })
})

/** The list the build wrote in place of the placeholder: a JSON string inside the script. */
function precacheList(code: string): string[] {
  const match = /"(\{\\"version\\":.*?\})"/.exec(code)
  if (!match?.[1]) {
    throw new Error('sw.js has no precache manifest')
  }
  const manifest: { version: string; files: string[] } = JSON.parse(JSON.parse(`"${match[1]}"`))
  expect(manifest.version).toMatch(/^[0-9a-f]{16}$/)
  return manifest.files
}
