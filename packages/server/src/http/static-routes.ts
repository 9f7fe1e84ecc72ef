import fs from 'node:fs'
import path from 'node:path'
import { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import type { AppEnv } from './env.ts'

/**
 * Serves the built staff app under /app. Hashed assets are cached for a year; the shell and the
 * service worker are always revalidated so an update reaches devices.
 */
export function staticRoutes(webDist: string) {
  const app = new Hono<AppEnv>()
  const root = path.relative(process.cwd(), webDist) || '.'
  app.get('/app', (c) => c.redirect('/app/'))
  app.use('/app/*', async (c, next) => {
    await next()
    const immutable = c.req.path.startsWith('/app/assets/')
    c.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
  })
  // Created on first use, so a server started before `npm run build:web` serves the app once built.
  let files: ReturnType<typeof serveStatic<AppEnv>> | undefined
  app.use('/app/*', async (c, next) => {
    if (!fs.existsSync(webDist)) {
      return next()
    }
    // The build writes .br and .gz beside each text file; the browser gets the best it accepts.
    files ??= serveStatic<AppEnv>({ root, precompressed: true, rewriteRequestPath: (p) => p.replace(/^\/app/, '') })
    return files(c, next)
  })
  // Client-side routes fall back to the shell.
  app.get('/app/*', (c) => {
    const index = path.join(webDist, 'index.html')
    if (!fs.existsSync(index)) {
      return c.text('The staff app is not built: run `npm run build:web`.', 503)
    }
    c.header('cache-control', 'no-cache')
    return c.html(fs.readFileSync(index, 'utf8'))
  })
  return app
}
