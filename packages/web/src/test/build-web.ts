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

/** The JavaScript files index.html loads before anything else: entry scripts and modulepreloads. */
export function initialScripts(indexHtml: string): string[] {
  const urls: string[] = []
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script')
    const isPreload = /\brel=["']?modulepreload\b/.test(tag)
    const url = /\b(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1]
    if (url && (isScript || isPreload)) {
      urls.push(url)
    }
  }
  return urls
}
