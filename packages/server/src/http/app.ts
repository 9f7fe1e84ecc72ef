import { Hono, type MiddlewareHandler } from 'hono'
import { compress } from 'hono/compress'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import type { Logger } from 'pino'
import { pickLang, DEFAULT_CALENDAR } from '@faro/core'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Db } from '../db/open.ts'
import { identify } from './auth.ts'
import { limitBody } from './body-limit.ts'
import type { AppEnv } from './env.ts'
import { openApiDocument } from './openapi.ts'
import { onError, problem } from './problem.ts'
import { authRoutes } from '../accounts/auth-routes.ts'
import { appConfigRoutes } from './app-config-routes.ts'
import { BASEMAP_PATH, basemapRoutes } from './basemap-routes.ts'
import { auditRoutes } from '../log/audit-routes.ts'
import { healthRoutes } from './health-routes.ts'
import { orgUnitRoutes } from '../accounts/org-unit-routes.ts'
import { recordRoutes } from '../log/record-routes.ts'
import { fieldRoutes } from '../field/summary-routes.ts'
import { syncRoutes } from '../field/sync/routes.ts'
import { tokenRoutes } from '../accounts/token-routes.ts'
import { userRoutes } from '../accounts/user-routes.ts'
import { staticRoutes } from './static-routes.ts'
import { peopleRoutes } from '../protection/people/people-routes.ts'
import { caseRoutes } from '../cases/case-routes.ts'
import { registryRoutes } from '../registries/registry-routes.ts'
import { operationRoutes } from '../operations/operation-routes.ts'
import { surgeRoutes } from '../operations/surge-routes.ts'
import { convoyRoutes } from '../operations/convoy-routes.ts'
import { publicRoutes } from '../public/public-routes.ts'
import { SiteEditions } from '../guide/editions.ts'
import { guideRoutes, publicMediaRoutes } from '../guide/guide-routes.ts'
import { approvalRoutes } from '../statistics/approval-routes.ts'
import { statisticsRoutes } from '../statistics/statistics-routes.ts'
import { statisticsExportRoutes } from '../statistics/export-routes.ts'
import { publicFormRoutes } from '../public/forms.ts'
import { openDataRoutes } from '../public/open-data.ts'
import { publicConvoyRoutes } from '../public/convoys.ts'
import { nearMeRoutes } from '../public/near-me.ts'
import { offlineRoutes } from '../public/offline.ts'
import { tracingRoutes } from '../tracing/tracing-routes.ts'
import { caseAttachmentRoutes } from '../cases/case-attachments.ts'
import { exceptUploads, keepFileCsp } from '../files/attachment-routes.ts'
import { open311Routes } from '../cases/open311-routes.ts'
import { retentionRoutes } from '../protection/retention/retention-routes.ts'
import { rightsRequestRoutes } from '../protection/rights/rights-request-routes.ts'
import { ephemeralProtection, type ProtectionDeps } from '../protection/settings.ts'

export interface AppDeps {
  db: Db
  clock: Clock
  config: Pick<Config, 'maxBodyBytes' | 'secureCookies' | 'trustProxy' | 'sessionHours' | 'webDist'> & Partial<Pick<Config, 'mapTileUrl' | 'mapTileAttribution' | 'mapPmtilesFile' | 'publicUrl'>> & { holidays?: readonly string[] }
  logger: Logger
  /** Vault keys, shred list and deadlines; without it, a random key that dies with the process. */
  protection?: ProtectionDeps
}

/** Builds the whole HTTP application; tests call `app.request()` on it with no port. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  // Always our own id: a client-chosen one would end up in logs and audit rows. It is echoed in
  // X-Request-Id (and in a problem's `instance`) so a report can name the request.
  app.use(requestId({ headerName: '' }))
  app.use(async (c, next) => {
    await next()
    c.res.headers.set('x-request-id', c.get('requestId'))
  })
  app.use(async (c, next) => {
    c.set('lang', pickLang(c.req.header('accept-language')))
    await next()
  })
  app.use(accessLog(deps.logger))
  // API answers and the app shell, gzipped for clients that accept it when over 1 KB; the staff
  // app's files are served pre-compressed (brotli or gzip) and left alone here.
  app.use(compress())
  // An evidence file keeps its own, stricter policy over the app's (set after it answers), and so
  // does a route that names its own (the public site: no script at all).
  app.use(keepFileCsp())
  app.use(async (c, next) => {
    await next()
    const own = c.get('ownCsp')
    if (own !== undefined) {
      c.res.headers.set('content-security-policy', own)
      // The older header says the same as the page's own frame-ancestors (an editor's preview).
      if (own.includes("frame-ancestors 'self'")) {
        c.res.headers.set('x-frame-options', 'SAMEORIGIN')
      }
    }
  })
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', ...tileOrigins(deps.config.mapTileUrl)],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      // The same as frame-ancestors 'none': no page may frame Faro, not even its own, but for the
      // guide editor's preview, whose own policy says so (above).
      xFrameOptions: 'DENY',
    }),
  )
  app.use('/api/*', exceptUploads(limitBody(deps.config.maxBodyBytes)))
  app.use('/api/*', noStore)
  app.use('/api/*', identify(deps.db, deps.clock))
  app.onError(onError(deps.logger))
  app.notFound((c) => problem(c, 'not_found', c.get('lang')))

  app.route('/', healthRoutes(deps.db))
  app.route('/api/config', appConfigRoutes({
    mapTileUrl: deps.config.mapTileUrl,
    mapTileAttribution: deps.config.mapTileAttribution,
    mapPmtilesUrl: deps.config.mapPmtilesFile === undefined ? undefined : BASEMAP_PATH,
  }))
  app.route('/api/auth', authRoutes(deps))
  app.route('/api/org-units', orgUnitRoutes())
  app.route('/api/users', userRoutes())
  app.route('/api/tokens', tokenRoutes())
  app.route('/api/records', recordRoutes())
  app.route('/api/audit', auditRoutes())
  const protection = deps.protection ?? ephemeralProtection()
  app.route('/api/people', peopleRoutes(protection))
  app.route('/api/rights-requests', rightsRequestRoutes(protection))
  app.route('/api/retention', retentionRoutes(protection))
  app.route('/api/sync', syncRoutes())
  app.route('/api/field', fieldRoutes())
  app.route('/api/cases', caseAttachmentRoutes({ keyring: protection.keyring }))
  const cases = { db: deps.db, clock: deps.clock, keyring: protection.keyring, publicUrl: deps.config.publicUrl, calendar: { ...DEFAULT_CALENDAR, extraHolidays: deps.config.holidays ?? [] } }
  app.route('/api/cases', caseRoutes(cases))
  app.route('/api/tracing', tracingRoutes(cases))
  app.route('/api', registryRoutes())
  app.route('/api', operationRoutes())
  app.route('/api', surgeRoutes())
  app.route('/api', convoyRoutes())
  const editions = new SiteEditions({ db: deps.db, clock: deps.clock })
  app.route('/api', guideRoutes(editions))
  app.route('/api', statisticsRoutes())
  app.route('/api', statisticsExportRoutes({ logger: deps.logger }))
  app.route('/api', approvalRoutes())
  app.route('/open311/v2', open311Routes({ ...cases, maxBodyBytes: deps.config.maxBodyBytes }))
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app, { title: 'Faro API', version: '0.1.0' })))
  app.route('/', basemapRoutes(deps.config.mapPmtilesFile))
  // Before the pages: the forms' paths are theirs, not the content pages'.
  app.route('/', publicFormRoutes({ ...cases, trustProxy: deps.config.trustProxy, maxBodyBytes: deps.config.maxBodyBytes }))
  app.route('/', publicConvoyRoutes({ db: deps.db, clock: deps.clock }))
  app.route('/', openDataRoutes({ db: deps.db }))
  // Before "near me" and the pages: the worker, and the policy of the pages that offer saving.
  app.route('/', offlineRoutes())
  // Before the pages: its middleware gives the help pages the policy that lets its script run.
  app.route('/', nearMeRoutes())
  app.route('/', publicMediaRoutes(editions, { db: deps.db, clock: deps.clock }))
  app.route('/', publicRoutes(editions, { db: deps.db, clock: deps.clock }))
  app.route('/', staticRoutes(deps.config.webDist))
  return app
}

/**
 * The origin of the configured map tiles, the one other place images may come from; a same-origin
 * path is already covered by 'self'.
 */
function tileOrigins(template: string | undefined): string[] {
  if (!template || template.startsWith('/')) {
    return []
  }
  return [new URL(template).origin]
}

/**
 * API answers are one account's view, and some carry identity (a reveal, an access report, staff
 * names): no browser or proxy may keep them, unless a route says otherwise.
 */
const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  if (!c.res.headers.has('cache-control')) {
    c.res.headers.set('cache-control', 'no-store')
  }
}

/**
 * One line per API request: method, matched route pattern (never the raw URL), status, duration.
 * The staff app's files and the map file are not logged when served: a page load is dozens of
 * them, and a map view dozens of ranges of the map file.
 */
function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    if ((c.req.path.startsWith('/app') || c.req.path === BASEMAP_PATH) && c.res.status < 400) {
      return
    }
    logger.info(
      { requestId: c.get('requestId'), method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    )
  }
}
