import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { compression } from 'vite-plugin-compression2'
import type { Plugin, Rollup, UserConfig } from 'vite'

const root = import.meta.dirname

/** Pre-compressed copies: the browser asks for the file itself and the server picks the copy. */
const COMPRESSED = /\.(br|gz)$/

/** The placeholder in src/pwa/sw.ts that the build replaces with the list of files to precache. */
const SW_MANIFEST_PLACEHOLDER = '__FARO_SW_MANIFEST__'

// The server mounts the built app at /app/ (packages/server/src/http/static-routes.ts).
const config: UserConfig = {
  base: '/app/',
  root,
  // `npm run dev` serves the app with hot reload and sends API calls to a local `npm start`.
  server: {
    proxy: { '/api': process.env.FARO_API_ORIGIN ?? 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: path.join(root, 'index.html'),
        sw: path.join(root, 'src/pwa/sw.ts'),
      },
      output: {
        // The worker needs a stable URL so browsers can check it for updates; everything else is hashed.
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
}

// @vitejs/plugin-react is typed against the newer vite that vitest hoisted to the repository root,
// while this package builds with its own pinned vite; the two Plugin types differ only in
// dev-server hooks. So the plugins join the config outside its type annotation.
// Every text file also ships as .br and .gz beside it, compressed once at the highest levels, which
// the server sends to browsers that accept them: 322 KB of script goes out as about 80 KB.
export default {
  ...config,
  plugins: [react(), serviceWorker(), compression({ include: /\.(html|css|js|json|svg|webmanifest)$/, threshold: 1024, algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent' })],
}

/**
 * Writes the precache lists into sw.js, with a version derived from the contents of the build: a
 * new build changes sw.js, so browsers install the update.
 *
 * - `shell`: what every visit needs to start offline, even the login page's: index.html, the
 *   entry script with what it imports, its styles, the icons and the web manifest.
 * - `field`: field mode, with everything it loads on demand (the patrol map, the outbox, the
 *   map outline), precached only for accounts that use field mode, when the app asks for it.
 *
 * Every other screen's chunk is cached when first used.
 */
function serviceWorker(): Plugin {
  let publicDir = ''
  return {
    name: 'faro-service-worker',
    enforce: 'post',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir
    },
    generateBundle(_options, bundle) {
      const sw = bundle['sw.js']
      if (sw?.type !== 'chunk') {
        this.error('sw.js is missing from the bundle')
      }
      const chunks = new Map<string, Rollup.OutputChunk>()
      const hash = createHash('sha256')
      for (const [name, item] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (name === 'sw.js' || name.endsWith('.map') || COMPRESSED.test(name)) {
          continue
        }
        if (item.type === 'chunk') {
          chunks.set(name, item)
        }
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source)
      }
      const publicFiles = listFiles(publicDir).filter((n) => !COMPRESSED.test(n))
      for (const name of publicFiles) {
        hash.update(name).update(fs.readFileSync(path.join(publicDir, name)))
      }
      const entry = [...chunks.values()].find((c) => c.isEntry && c.name === 'index')
      if (entry === undefined) {
        this.error('the entry chunk is missing from the bundle')
      }
      // The catalogs are loaded on demand but needed to draw anything, offline too.
      const catalogs = [...chunks.values()].filter((c) => c.facadeModuleId !== null && /\/i18n\/[a-z]+\.json$/.test(c.facadeModuleId))
      const shell = new Set(['index.html', ...closure(chunks, [entry, ...catalogs], false), ...publicFiles.filter((n) => !n.startsWith('geo/'))])
      const fieldRoots = [...chunks.values()].filter((c) => c.facadeModuleId !== null && /\/features\/field-mode\//.test(c.facadeModuleId))
      if (fieldRoots.length === 0) {
        this.error('no field-mode chunk in the bundle')
      }
      const field = [...closure(chunks, fieldRoots, true), ...publicFiles.filter((n) => n.startsWith('geo/'))].filter((f) => !shell.has(f))
      const manifest = JSON.stringify({ version: hash.digest('hex').slice(0, 16), shell: [...shell], field })
      const placeholder = new RegExp(`(["'\`])${SW_MANIFEST_PLACEHOLDER}\\1`)
      if (!placeholder.test(sw.code)) {
        this.error(`sw.js does not contain ${SW_MANIFEST_PLACEHOLDER}`)
      }
      sw.code = sw.code.replace(placeholder, () => JSON.stringify(manifest))
    },
  }
}

/** The files of some chunks and of every chunk they import (also on demand, when asked), with their styles. */
function closure(chunks: ReadonlyMap<string, Rollup.OutputChunk>, roots: readonly Rollup.OutputChunk[], onDemand: boolean): string[] {
  const files = new Set<string>()
  const visit = (chunk: Rollup.OutputChunk) => {
    if (files.has(chunk.fileName)) {
      return
    }
    files.add(chunk.fileName)
    for (const css of chunk.viteMetadata?.importedCss ?? []) {
      files.add(css)
    }
    for (const name of [...chunk.imports, ...(onDemand ? chunk.dynamicImports : [])]) {
      const next = chunks.get(name)
      if (next) {
        visit(next)
      }
    }
  }
  roots.forEach(visit)
  return [...files]
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!dir || !fs.existsSync(dir)) {
    return []
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), rel) : [rel]
  })
}
