import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import type { Plugin, UserConfig } from 'vite'

const root = import.meta.dirname

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
export default { ...config, plugins: [react(), serviceWorker()] }

/**
 * Writes the precache list (the shell, its hashed assets and the public files) into sw.js, with a
 * version derived from their contents: a new build changes sw.js, so browsers install the update.
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
      const hash = createHash('sha256')
      const files: string[] = []
      for (const [name, item] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (name === 'sw.js' || name.endsWith('.map')) {
          continue
        }
        files.push(name)
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source)
      }
      for (const name of listFiles(publicDir)) {
        files.push(name)
        hash.update(name).update(fs.readFileSync(path.join(publicDir, name)))
      }
      const manifest = JSON.stringify({ version: hash.digest('hex').slice(0, 16), files })
      const placeholder = new RegExp(`(["'\`])${SW_MANIFEST_PLACEHOLDER}\\1`)
      if (!placeholder.test(sw.code)) {
        this.error(`sw.js does not contain ${SW_MANIFEST_PLACEHOLDER}`)
      }
      sw.code = sw.code.replace(placeholder, () => JSON.stringify(manifest))
    },
  }
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
