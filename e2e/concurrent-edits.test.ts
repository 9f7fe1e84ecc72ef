import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { uuidv7 } from '../packages/web/src/outbox/uuidv7.ts'
import { apiSession, type ApiSession } from './api-session.ts'
import { DEMO_PASSWORD, OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, signIn } from './pages.ts'


interface PushResult {
  id: string
  status: string
  seq?: number
  review?: true
}

describe.skipIf(SKIP_BROWSER_TESTS)('concurrent edits in the coordinator’s live view', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })

  afterAll(() => closeAll([context], browser, faro))

  it('shows a record two phones corrected at once with its history, refuses the review to another agent and lets the coordinator clear it', async () => {
    if (!faro || !browser) {
      throw new Error('the browser or the server did not start')
    }
    // The demo field agent of Tijuana corrects the same field from two phones, both on the
    // version they had, as two devices offline at the same time would.
    const agent = await apiSession(faro.baseUrl, 'agente.tijuana', DEMO_PASSWORD)
    const phoneA = `e2e-phone-a-${Date.now()}`
    const phoneB = `e2e-phone-b-${Date.now()}`
    const recordId = `e2e-review-${Date.now()}`
    const [created] = await push(agent, phoneA, [
      {
        id: uuidv7(),
        deviceCounter: 1,
        recordType: 'attention',
        recordId,
        type: 'AttentionRecorded',
        payload: { orgUnitId: 'beta-tijuana', at: new Date().toISOString(), setting: 'rail_tracks', people: [{ count: 2 }], services: ['water'] },
      },
    ])
    expect(created?.status).toBe('accepted')
    const { version }: { version: number } = await (await agent.request('GET', `/api/records/attention/${recordId}`)).json()
    const [fromA] = await push(agent, phoneA, [correction(recordId, 2, version, 'Notas desde el teléfono A')])
    expect(fromA).toMatchObject({ status: 'accepted' })
    expect(fromA?.review).toBeUndefined()
    const [fromB] = await push(agent, phoneB, [correction(recordId, 1, version, 'Notas desde el teléfono B')])
    expect(fromB).toMatchObject({ status: 'accepted', review: true })

    // Another agent of the group sees the record but may not change it: the refusal is explained.
    const admin = await apiSession(faro.baseUrl, 'admin', DEMO_PASSWORD)
    const colleague = { username: 'e2e.agente.dos', password: 'e2e-second-agent-1' }
    const made = await admin.request('POST', '/api/users', { ...colleague, displayName: 'Segundo agente (e2e)', role: 'field_agent', orgUnitId: 'beta-tijuana' })
    expect(made.status).toBe(201)
    const other = await openLive(browser, faro, colleague.username, colleague.password, 'home-field_agent')
    const seen = other.page.getByTestId('live-review').locator(`li[data-record-id="${recordId}"]`)
    await seen.getByRole('button', { name: es['review.open'] }).click()
    await seen.getByRole('button', { name: es['review.mark'] }).click()
    expect(await seen.getByRole('alert').textContent()).toBe(es['review.forbidden'])
    await other.context.close()

    const opened = await openLive(browser, faro, 'coordinador.tijuana', DEMO_PASSWORD, 'home-group_coordinator')
    context = opened.context
    const { page, problems } = opened
    const flagged = page.getByTestId('live-review').locator(`li[data-record-id="${recordId}"]`)
    await flagged.waitFor()
    expect(await flagged.locator('.badge-review').textContent()).toBe(es['review.badge'])
    await page.getByTestId('live-records').locator(`li[data-record-id="${recordId}"] .badge-review`).waitFor()

    await flagged.getByRole('button', { name: es['review.open'] }).click()
    const history = flagged.getByTestId('review-history')
    await history.locator('li').nth(2).waitFor()
    expect(await history.locator('li').count()).toBe(3)
    // The open panel has its own URL, naming the record and nothing about the people in it.
    const panelUrl = `/app/live?review=attention/${recordId}`
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(panelUrl)

    // Reloaded on that URL, the same panel opens by itself.
    await page.reload()
    await history.locator('li').nth(2).waitFor()
    expect(await history.locator('li').count()).toBe(3)
    expect(await page.getByTestId('review-panel').count()).toBe(1)

    // Closing it drops the parameter; back opens it again, forward closes it.
    await flagged.getByRole('button', { name: es['review.close'] }).click()
    await flagged.getByTestId('review-panel').waitFor({ state: 'detached' })
    expect(new URL(page.url()).search).toBe('')
    await page.goBack()
    await history.locator('li').nth(2).waitFor()
    expect(new URL(page.url()).search).toBe(`?review=attention/${recordId}`)
    await page.goForward()
    await flagged.getByTestId('review-panel').waitFor({ state: 'detached' })
    await page.goBack()
    await history.locator('li').nth(2).waitFor()
    const steps = await history.locator('li').allTextContents()
    expect(steps[1]).toContain('Notas desde el teléfono A')
    expect(steps[1]).toContain(phoneA)
    expect(steps[1]).toContain(es['review.replaced'])
    expect(steps[2]).toContain('Notas desde el teléfono B')
    expect(steps[2]).toContain(phoneB)
    expect(steps[2]).toContain(es['review.won'])
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(PHONE.width)
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'phone-review.png'), fullPage: true })

    await flagged.getByRole('button', { name: es['review.mark'] }).click()
    await page.getByTestId('live-review').getByRole('status').getByText(es['review.done']).waitFor()
    await flagged.waitFor({ state: 'detached' })
    // A reviewed record's panel leaves the URL too, so a reload does not look for it again.
    expect(new URL(page.url()).search).toBe('')
    const row = page.getByTestId('live-records').locator(`li[data-record-id="${recordId}"]`)
    await row.waitFor()
    await expect.poll(() => row.locator('.badge-review').count()).toBe(0)
    const after: { needsReview: boolean } = await (await agent.request('GET', `/api/records/attention/${recordId}`)).json()
    expect(after.needsReview).toBe(false)

    // An old link to the cleared record says so instead of opening an empty panel.
    await page.goto(panelUrl)
    const gone = page.getByTestId('review-gone')
    expect(await gone.locator('p').textContent()).toBe(es['review.gone'])
    await gone.getByRole('button', { name: es['review.close'] }).click()
    await gone.waitFor({ state: 'detached' })
    expect(new URL(page.url()).search).toBe('')
    expect(problems).toEqual([])
  })
})

async function openLive(browser: Browser, faro: RunningFaro, username: string, password: string, home: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport: PHONE })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  await page.goto('/app/')
  await signIn(page, username, password)
  await page.getByTestId(home).waitFor()
  await page.getByRole('navigation').getByRole('link', { name: es['nav.live'] }).click()
  return { context, page, problems }
}

async function push(session: ApiSession, deviceId: string, actions: unknown[]): Promise<PushResult[]> {
  const response = await session.request('POST', '/api/sync/push', { deviceId, actions })
  expect(response.status).toBe(200)
  const body: { results: PushResult[] } = await response.json()
  return body.results
}

function correction(recordId: string, deviceCounter: number, baseVersion: number, notes: string) {
  return { id: uuidv7(), deviceCounter, recordType: 'attention', recordId, type: 'AttentionCorrected', payload: { notes }, baseVersion }
}
