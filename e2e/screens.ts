import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { OUTPUT_DIR } from './harness.ts'

export const DESKTOP = { width: 1280, height: 900 }
export const PHONE_WIDTH = 360

/** No axe-core violation on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
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
