import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'

export const WEB_ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * Builds the staff app with its real Vite config into a fresh temporary directory, so tests
 * measure what would ship without touching packages/web/dist.
 */
export async function buildWeb(): Promise<{ outDir: string; cleanup(): void }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-web-build-'))
  // Vitest sets NODE_ENV=test, which Vite would inline, shipping React's development build.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      configFile: path.join(WEB_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    })
  } finally {
    if (nodeEnv === undefined) {
      delete process.env.NODE_ENV
    } else {
      process.env.NODE_ENV = nodeEnv
    }
  }
  return { outDir, cleanup: () => fs.rmSync(outDir, { recursive: true, force: true }) }
}
