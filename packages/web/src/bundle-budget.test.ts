import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWeb, initialScripts } from './test/build-web.ts'

/** The shell must start quickly on a cheap phone over a weak connection. */
const BUDGET_BYTES = 150 * 1024
const BASE = '/app/'

describe('bundle budget', () => {
  let built: Awaited<ReturnType<typeof buildWeb>> | undefined

  beforeAll(async () => {
    built = await buildWeb()
  }, 120_000)

  afterAll(() => built?.cleanup())

  it('keeps the initial JavaScript of the shell within 150 KB gzip', () => {
    if (!built) {
      throw new Error('the build did not run')
    }
    const outDir = built.outDir
    const scripts = initialScripts(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8'))
    expect(scripts.length).toBeGreaterThan(0)
    let total = 0
    for (const url of scripts) {
      expect(url.startsWith(BASE), url).toBe(true)
      const size = gzipSync(fs.readFileSync(path.join(outDir, url.slice(BASE.length)))).length
      console.log(`  ${url}: ${(size / 1024).toFixed(1)} KB gzip`)
      total += size
    }
    console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB, ${((total / BUDGET_BYTES) * 100).toFixed(0)}% used)`)
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES)
  })
})
