import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { fmt, startServer } from './common.ts'

// The public site: (1) first contentful paint of each page type in Chromium throttled to a 2G
// profile (250 kbit/s down and up, 800 ms round trip, through the DevTools protocol), against
// the budget of 3 s; (2) pages per second and p95 with BENCH_VISITORS (200) visitors at once for
// BENCH_SECONDS (10), against a static file of the home page's size served by the same server in
// the same run (the staff app's file server, compressed the same way).
// Usage: npm run bench:public --workspace @faro/bench

const VISITORS = Number(process.env.BENCH_VISITORS ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CHROMIUM = '/usr/bin/chromium'
const PROFILE_2G = { offline: false, latency: 800, downloadThroughput: (250 * 1024) / 8, uploadThroughput: (250 * 1024) / 8 }

async function load(base: string, paths: readonly string[]): Promise<{ perSecond: number; p95: number }> {
  const latencies: number[] = []
  let n = 0
  const until = performance.now() + SECONDS * 1000
  const start = performance.now()
  await Promise.all(
    Array.from({ length: VISITORS }, async () => {
      while (performance.now() < until) {
        const url = `${base}${paths[n++ % paths.length] ?? '/'}`
        const t = performance.now()
        const res = await fetch(url, { headers: { 'accept-encoding': 'gzip', 'accept-language': 'es-MX' } })
        if (res.status !== 200) {
          throw new Error(`${url} answered ${res.status}`)
        }
        await res.arrayBuffer()
        latencies.push(performance.now() - t)
      }
    }),
  )
  latencies.sort((a, b) => a - b)
  return { perSecond: latencies.length / ((performance.now() - start) / 1000), p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0 }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-bench-public-'))
  const dist = path.join(dir, 'dist')
  fs.mkdirSync(dist)
  process.env.BENCH_WEB_DIST = dist
  const server = await startServer(path.join(dir, 'faro.sqlite'))
  const base = `http://127.0.0.1:${server.port}`
  try {
    const sitemap = await (await fetch(`${base}/sitemap.xml`)).text()
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '/')
    // The baseline: the home page's bytes as a plain file of the staff app's file server.
    fs.writeFileSync(path.join(dist, 'same-size.html'), await (await fetch(`${base}/es/`)).text())

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
    try {
      console.log(`first contentful paint on 2G (250 kbit/s, 800 ms round trip), budget 3 s:`)
      const kinds = [
        ['home', '/es/'],
        ['content page', '/es/risks'],
        ['guide page', '/es/goods-and-taxes'],
        ...(paths.includes('/es/help') ? [['help points', '/es/help']] : []),
        ...paths.filter((p) => p.startsWith('/es/help/')).slice(0, 1).map((p) => ['state\'s help', p] as const),
        ...(paths.includes('/es/convoys') ? [['convoys', '/es/convoys']] : []),
        ...(['complaint', 'help-request', 'missing', 'follow'] as const).filter((slug) => paths.includes(`/es/${slug}`)).map((slug) => [`form`, `/es/${slug}`] as const),
      ] as const
      for (const [kind, url] of kinds) {
        const context = await browser.newContext()
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        await cdp.send('Network.enable')
        await cdp.send('Network.emulateNetworkConditions', PROFILE_2G)
        await page.goto(`${base}${url}`, { waitUntil: 'load' })
        // The paint entry is recorded once the frame is painted, which may follow the load event.
        const fcp = (await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, undefined, { timeout: 15_000 }).then((h) => h.jsonValue())) as number
        const wire = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.transferSize ?? 0)
        console.log(`  ${kind.padEnd(13)} ${url.padEnd(22)} FCP ${(fcp / 1000).toFixed(2)} s, ${fmt(wire)} B transferred`)
        await context.close()
      }
    } finally {
      await browser.close()
    }

    await load(base, paths.slice(0, 5))
    const pages = await load(base, paths)
    const file = await load(base, ['/app/same-size.html'])
    console.log(`${VISITORS} visitors at once for ${SECONDS} s (${paths.length} pages of the site map in turn):`)
    console.log(`  public pages:   ${fmt(pages.perSecond)}/s, p95 ${pages.p95.toFixed(1)} ms`)
    console.log(`  static file:    ${fmt(file.perSecond)}/s, p95 ${file.p95.toFixed(1)} ms (baseline)`)
    console.log(`  pages per second are ${((pages.perSecond / file.perSecond) * 100).toFixed(0)}% of the static file's`)
  } finally {
    await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()
