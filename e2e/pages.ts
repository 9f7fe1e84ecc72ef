/** Steps the browser tests share: signing in, the field-mode PIN, the service worker. */
import type { Page } from 'playwright-core'
import es from '../packages/web/src/i18n/es.json'
import { DEMO_PASSWORD } from './harness.ts'

/** A phone's viewport: the narrowest the app is made for. */
export const PHONE = { width: 360, height: 740 }

/** The PIN the field tests set; it encrypts the outbox on the phone. */
export const PHONE_PIN = '482615'

/** Fills and sends the sign-in form, in the catalogue's language (Spanish unless given). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, catalog: Record<string, string> = es): Promise<void> {
  await page.getByLabel(catalog['login.username'] ?? '', { exact: true }).fill(username)
  await page.getByLabel(catalog['login.password'] ?? '', { exact: true }).fill(password)
  await page.getByRole('button', { name: catalog['login.submit'] ?? '' }).click()
}

/** Sets the field-mode PIN that encrypts the outbox on this phone. */
export async function setPin(page: Page): Promise<void> {
  await page.getByTestId('fm-pin-set').waitFor()
  await page.getByLabel(es['fm.pin.pin'], { exact: true }).fill(PHONE_PIN)
  await page.getByLabel(es['fm.pin.again'], { exact: true }).fill(PHONE_PIN)
  await page.getByRole('button', { name: es['fm.pin.set'] }).click()
}

/** The shell must be cached by the service worker before the network goes away. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated' && navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
}
