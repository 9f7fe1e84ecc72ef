import { Hono } from 'hono'
import { CaseIntake, CaseIntakeResult, CaseLookup, CaseStep, CaseView, DomainError, holdsNationally, IsoDateTime, message, parseInput, PROBLEM_TITLES, PublicCaseView, RecordId, RoutingRuleSet } from '@faro/core'
import { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { requireAuth, requireSession } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody, query } from '../http/validate.ts'
import { audit } from '../log/audit.ts'
import { discloseComplainant } from './complainant.ts'
import { currentRuleSet, listRuleSetVersions, saveRuleSet } from './cases-repo.ts'
import { caseHistory, casePatterns, caseScorecards, countCases, heldFolios, listCases, lookUpCase, openCase, readCase, reserveFolioBlock, takeStep, type CaseDeps } from './cases.ts'

const tags = ['cases']
const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  open: z.enum(['true']).optional().describe('only cases not closed'),
  folio: z.string().max(30).optional().describe('the one case with this folio (typed as people type it), if the caller may read it'),
})
const FolioBlockInput = z.strictObject({ count: z.number().int().min(1).max(50).default(10).describe('how many folios to reserve') })
const RulesInput = z.strictObject({
  basedOn: z.number().int().min(0).describe('the version the edit started from; another edit saved meanwhile is a 409'),
  note: z.string().trim().min(1).max(500).describe('why the rules change'),
  rules: RoutingRuleSet,
})

/**
 * Paisano cases over HTTP: intake, the queue, each step of the lifecycle, the routing rules, and
 * the lookup by folio and PIN for the person who filed the case.
 */
export function caseRoutes(deps: { db: Db; clock: Clock } & CaseDeps) {
  const app = new Hono<AppEnv>()

  app.post('/', describe({ errors: [409], summary: 'Take a complaint or request for help: folio, PIN (once), and routing by the rules in force', tags, responses: { 201: { description: 'Taken', schema: CaseIntakeResult }, 200: { description: 'The same intake again: the same case', schema: CaseIntakeResult } } }), requireAuth, jsonBody(CaseIntake), async (c) => {
    const result = await openCase(c.get('ctx'), c.req.valid('json'), deps)
    return c.json(result, result.status === 'accepted' ? 201 : 200)
  })

  app.get('/', describe({ summary: 'Cases the caller may read, newest change first', tags, responses: { 200: { description: 'A page', schema: z.object({ items: z.array(CaseView), next: z.string().nullable() }) } } }), requireAuth, query(ListQuery), async (c) => {
    const q = c.req.valid('query')
    return c.json(await listCases(c.get('ctx'), { limit: q.limit, cursor: q.cursor, open: q.open === 'true', folio: q.folio }))
  })

  const Period = z.strictObject({
    from: IsoDateTime.describe('start of the period (cases received, hops routed)'),
    to: IsoDateTime,
    min: z.coerce.number().int().min(2).max(100).default(3).describe('patterns: how many complaints make a cluster'),
  })
  const ClusterView = z.object({ by: z.enum(['place', 'badge', 'plate']), value: z.string(), agencyId: z.string().nullable(), count: z.number().int(), folios: z.array(z.string()), from: z.string(), to: z.string() })
  const ScorecardView = z.object({ bodyId: z.string(), received: z.number().int(), open: z.number().int(), overdue: z.number().int(), answered: z.number().int(), medianDaysToAnswer: z.number().nullable(), onTimeShare: z.number().nullable(), accusedIn: z.number().int() })

  app.get('/patterns', describe({ summary: 'Clusters of complaints naming the same place, badge or plate in a period (national office)', tags, responses: { 200: { description: 'Clusters, largest first', schema: z.object({ items: z.array(ClusterView) }) } } }), requireAuth, query(Period), async (c) => {
    const q = c.req.valid('query')
    return c.json({ items: await casePatterns(c.get('ctx'), q) })
  })

  app.get('/scorecards', describe({ summary: 'How each handling body does in a period: open, late, median days to answer, share on time, complaints against it', tags, responses: { 200: { description: 'Scorecards', schema: z.object({ items: z.array(ScorecardView) }) } } }), requireAuth, query(Period), async (c) => {
    const q = c.req.valid('query')
    return c.json({ items: await caseScorecards(c.get('ctx'), { from: q.from, to: q.to }) })
  })

  app.get('/counts', describe({ summary: 'How many open cases the caller may read, and how many are late', tags, responses: { 200: { description: 'Counts', schema: z.object({ open: z.number().int(), overdue: z.number().int() }) } } }), requireAuth, async (c) => {
    return c.json(await countCases(c.get('ctx')))
  })

  // Anyone may ask, with the folio and the PIN the person was given: no session, throttled per folio.
  app.post('/lookup', describe({ errors: [404], summary: 'What the person who filed a case may know, by folio and PIN; a wrong PIN and an unknown folio answer alike', tags, responses: { 200: { description: 'The public status', schema: PublicCaseView } } }), jsonBody(CaseLookup), async (c) => {
    const { folio, pin } = c.req.valid('json')
    const found = await lookUpCase(deps.db, deps.clock, folio, pin, deps.keyring)
    if (found === undefined) {
      const lang = c.get('lang')
      throw new DomainError('not_found', message('faro.case_lookup_failed', lang))
    }
    return c.json(found)
  })

  const FolioBlock = z.object({ folios: z.array(z.string()).describe('folios reserved now'), held: z.number().int().describe('unused folios the caller holds, these included') })
  app.post('/folio-blocks', describe({ summary: 'Reserve folios for cases taken offline: each is given to a case whose intake names it in `folio`', tags, responses: { 201: { description: 'Reserved (none when the caller already holds the most it may)', schema: FolioBlock } } }), requireAuth, jsonBody(FolioBlockInput), async (c) => {
    return c.json(await reserveFolioBlock(c.get('ctx'), c.req.valid('json').count), 201)
  })

  app.get('/folio-blocks', describe({ summary: 'The reserved folios the caller has not used yet', tags, responses: { 200: { description: 'Unused folios, oldest first', schema: z.object({ items: z.array(z.object({ folio: z.string(), reservedAt: z.string() })) }) } } }), requireAuth, async (c) => {
    return c.json({ items: await heldFolios(c.get('ctx')) })
  })

  app.get('/routing-rules', describe({ summary: 'The routing rules in force and the list of their versions', tags, responses: { 200: { description: 'Rules', schema: z.object({ version: z.number().int(), rules: RoutingRuleSet, versions: z.array(z.object({ version: z.number().int(), createdBy: z.string(), createdAt: z.string(), note: z.string() })) }) } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    if (!holdsNationally(ctx.actor, 'case.route') && !holdsNationally(ctx.actor, 'org_unit.manage')) {
      throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
    }
    const current = await currentRuleSet(ctx.db.db)
    return c.json({ ...current, versions: await listRuleSetVersions(ctx.db.db) })
  })

  app.put('/routing-rules', describe({ errors: [409], summary: 'Save a new version of the routing rules (administrators); earlier versions stay', tags, responses: { 200: { description: 'The new version', schema: z.object({ version: z.number().int() }) } } }), requireSession, jsonBody(RulesInput), async (c) => {
    const ctx = c.get('ctx')
    if (!holdsNationally(ctx.actor, 'org_unit.manage')) {
      throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
    }
    const input = c.req.valid('json')
    const version = await saveRuleSet(ctx.db.db, input.rules, ctx.actor.userId, input.note, ctx.clock.now(), input.basedOn)
    if (version === undefined) {
      throw new DomainError('conflict', message('faro.routing_rules_changed', ctx.lang), { reason: 'routing_rules_changed' })
    }
    await audit(ctx.db.db, ctx, { action: 'org_unit.manage', recordType: 'routing_rules', recordId: String(version), decision: 'allowed' })
    return c.json({ version })
  })

  app.get('/:id', describe({ summary: 'One case', tags, responses: { 200: { description: 'The case', schema: CaseView } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    return c.json(await readCase(ctx, parseInput(RecordId, c.req.param('id'), ctx.lang, 'id')))
  })

  app.get('/:id/history', describe({ summary: 'The steps of a case in order, with the questions, answers and notes they carried', tags, responses: { 200: { description: 'Its steps', schema: z.object({ items: z.array(z.object({ seq: z.number().int(), type: z.string(), at: z.string(), actorId: z.string(), payload: z.record(z.string(), z.unknown()) })) }) } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    return c.json({ items: await caseHistory(ctx, parseInput(RecordId, c.req.param('id'), ctx.lang, 'id')) })
  })

  const Disclosed = z.object({ identity: z.record(z.string(), z.unknown()).describe('identity and contact fields the person gave'), rule: z.string().describe('the rule of the disclosure check that allowed it') })
  app.post('/:id/complainant', describe({ errors: [404], summary: 'Who filed the case: for the national office, or for a body the case was sent to when the person allowed it; every ask is a stored, audited disclosure', tags, responses: { 200: { description: 'The identity', schema: Disclosed } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    if (deps.keyring === undefined) {
      throw new Error('the vault keyring is not configured')
    }
    return c.json(await discloseComplainant(ctx, deps.keyring, parseInput(RecordId, c.req.param('id'), ctx.lang, 'id')))
  })

  app.post('/:id/steps', describe({ errors: [409], summary: 'One step of the case: acknowledge, ask or give information, answer, refer, propose closure, route, close, reopen, note', tags, responses: { 200: { description: 'The case after the step', schema: CaseView } } }), requireAuth, jsonBody(CaseStep), async (c) => {
    const ctx = c.get('ctx')
    return c.json(await takeStep(ctx, parseInput(RecordId, c.req.param('id'), ctx.lang, 'id'), c.req.valid('json'), deps))
  })

  return app
}
