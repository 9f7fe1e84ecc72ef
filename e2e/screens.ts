import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { closeAll, OUTPUT_DIR, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { signIn } from './pages.ts'

export const DESKTOP = { width: 1280, height: 900 }
export const PHONE_WIDTH = 360

/** No axe-core violation on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/**
 * For sweeping many server-rendered pages: axe-core is loaded into every document of the context
 * before it parses (about a quarter of the time AxeBuilder takes to inject it after each
 * navigation), which needs the page's Content-Security-Policy bypassed, so a context like this
 * one cannot also be the one that checks the policy.
 */
export async function axeSweepContext(browser: Browser, options: { baseURL: string; width: number }): Promise<BrowserContext> {
  const fromPlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))
  const source = fs.readFileSync(fromPlaywright.resolve('axe-core/axe.min.js'), 'utf8')
  const context = await browser.newContext({ baseURL: options.baseURL, viewport: { width: options.width, height: 800 }, bypassCSP: true })
  await context.addInitScript({ content: source })
  return context
}

/** No axe-core violation on a page of a context from axeSweepContext. */
export async function expectAccessibleSwept(page: Page): Promise<void> {
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run({ resultTypes: ['violations'] })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
  expect(violations, page.url()).toEqual([])
}

/** Waits until nothing on the page is still loading. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0)
}

/** Screenshots at desktop width and at 360 px, where nothing may scroll sideways. */
export async function shoot(page: Page, name: string): Promise<void> {
  await settle(page)
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}-1280.png`), fullPage: true })
  await page.setViewportSize({ width: PHONE_WIDTH, height: 740 })
  await settle(page)
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}-360.png`), fullPage: true })
  expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0), `${name} at 360 px`).toBeLessThanOrEqual(PHONE_WIDTH)
  await page.setViewportSize(DESKTOP)
}

/**
 * A demo Faro and a Chromium for a test file's tests, started before them and closed after them:
 * `openAs` signs an account in on a page of its own (desktop width, Mexican Spanish), and any
 * uncaught error or Content-Security-Policy refusal on any page fails the test it happened in.
 * `setup` runs once the server is up: data the tests need, made through the API; `env` is the
 * server's extra environment (e.g. `FARO_DEMO_HISTORY`).
 */
export function signedInPages(setup?: (faro: RunningFaro) => Promise<void>, env: NodeJS.ProcessEnv = {}): { openAs(username: string): Promise<Page>; server(): RunningFaro } {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let pageProblems: string[] = []

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro(env))
    await setup?.(faro)
  })

  afterEach(() => {
    const problems = pageProblems
    pageProblems = []
    expect(problems).toEqual([])
  })

  afterAll(() => closeAll(contexts, browser, faro))

  const server = (): RunningFaro => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    return faro
  }

  async function openAs(username: string): Promise<Page> {
    if (!browser) {
      throw new Error('the browser did not start')
    }
    const context = await browser.newContext({ baseURL: server().baseUrl, locale: 'es-MX', viewport: DESKTOP })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        pageProblems.push(message.text())
      }
    })
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`))
    await page.goto('/app/')
    await signIn(page, username)
    await page.getByTestId('account-name').waitFor()
    // A home's cards load after it shows; a click aimed while they grow could land on the next link.
    await settle(page)
    return page
  }

  return { openAs, server }
}
