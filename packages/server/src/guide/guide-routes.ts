import { Hono } from 'hono'
import {
  ContentLang,
  copySections,
  currentEdition,
  DomainError,
  editionLangs,
  editionStatus,
  GuideAudience,
  GuideEditionDrafted,
  GuideSeason,
  GuideSection,
  GuideSectionAdded,
  GuideSectionWritten,
  isPublished,
  message,
  parseInput,
  PROBLEM_TITLES,
  RecordId,
  SectionSlug,
  TranslationStatus,
  unreviewedSource,
  UuidV7,
  type GuideEditionState,
  type RecordView,
} from '@faro/core'
import { z } from 'zod'
import { scopesOrRefuse } from '../accounts/accounts.ts'
import { requireAuth } from '../http/auth.ts'
import { limitBody } from '../http/body-limit.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody, query } from '../http/validate.ts'
import type { Ctx } from '../log/context.ts'
import { readRecord, submitAction } from '../log/records.ts'
import { shippedSections } from '../public/content.ts'
import { isPublicLang } from '../public/languages.ts'
import { AUDIO_MAX_BYTES, AUDIO_TYPES, editionPlays, serveAudio, storeAudio } from './audio.ts'
import { editionDiff, EditionDiff } from './diff.ts'
import { editionPdf } from './pdf.ts'
import { previewPage } from './preview.ts'
import type { SiteEditions, StoredEdition } from './editions.ts'

/**
 * The guide's editions over HTTP (`/api/guide/editions`): the Paisano national office drafts an
 * edition (a copy of the one before, or of the sections Faro ships), writes its sections per
 * language with their translation status, compares it with another edition, previews it as the
 * public will see it, schedules it and, before its time, takes it back to draft. From its time on
 * it is published and every change is refused: it stays as it was, as the archive.
 */

const tags = ['guide']
const Change = { id: UuidV7.describe('a new id per change, kept for retries') }

const EditionSummary = z.object({
  recordId: z.string(),
  version: z.number(),
  season: GuideSeason,
  year: z.number(),
  basedOn: z.string().optional(),
  publishAt: z.string().optional(),
  status: z.enum(['draft', 'scheduled', 'published', 'archived']),
  langs: z.array(z.string()).describe('every language written in it, Spanish first'),
  sections: z.number(),
  translations: z.record(z.string(), z.record(TranslationStatus, z.number())).describe('per language, how many sections are in each state; a section not written in a language counts as needing translation'),
})
const Edition = EditionSummary.extend({ sections: z.array(GuideSection) })

function summaryOf(e: StoredEdition, all: readonly StoredEdition[], now: Date) {
  const current = currentEdition(all, now)
  const langs = editionLangs(e.state.sections)
  const translations = Object.fromEntries(
    langs.map((lang) => {
      const counts = { needs_translation: 0, draft: 0, reviewed: 0 }
      for (const s of e.state.sections) {
        counts[s.texts[lang]?.status ?? 'needs_translation'] += 1
      }
      return [lang, counts]
    }),
  )
  return {
    recordId: e.recordId,
    version: e.version,
    season: e.state.season,
    year: e.state.year,
    ...(e.state.basedOn === undefined ? {} : { basedOn: e.state.basedOn }),
    ...(e.state.publishAt === undefined ? {} : { publishAt: e.state.publishAt }),
    status: editionStatus(e, current, now),
    langs,
    sections: e.state.sections.length,
    translations,
  }
}

function stored(view: RecordView): StoredEdition {
  return { recordId: view.recordId, version: view.version, state: view.state as unknown as GuideEditionState }
}

function invalid(ctx: Ctx, field: string, code: string, key: string, params?: Record<string, string | number>): DomainError {
  return new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field, code, message: message(key, ctx.lang, params) }] })
}

/** An edition the actor may read, refused with 409 when it is published and a change is asked. */
async function editionOf(ctx: Ctx, recordId: string, opts: { toChange?: boolean } = {}): Promise<StoredEdition> {
  const edition = stored(await readRecord(ctx, 'guide_edition', recordId))
  if (opts.toChange === true && isPublished(edition.state, ctx.clock.now())) {
    throw new DomainError('conflict', message('faro.edition_published', ctx.lang), { reason: 'edition_published' })
  }
  return edition
}

function sectionOf(ctx: Ctx, edition: StoredEdition, slug: string): GuideSection {
  const section = edition.state.sections.find((s) => s.slug === slug)
  if (section === undefined) {
    throw new DomainError('not_found', message('faro.edition_no_section', ctx.lang))
  }
  return section
}

export function guideRoutes(editions: SiteEditions) {
  const app = new Hono<AppEnv>()

  async function withStatus(ctx: Ctx, recordId: string) {
    const edition = await editionOf(ctx, recordId)
    return { ...summaryOf(edition, await editions.all(), ctx.clock.now()), sections: edition.state.sections }
  }

  app.get(
    '/guide/editions',
    describe({ summary: 'The guide\'s editions, newest first, each with its status now (draft, scheduled, published, archived) and its translations counted per language', tags, responses: { 200: { description: 'Editions', schema: z.object({ items: z.array(EditionSummary) }) } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const all = await editions.all()
      // Reading one checks the policy; the list holds the same editions for whoever may read any.
      if (all[0] !== undefined) {
        await editionOf(ctx, all[0].recordId)
      } else {
        await assertMayRead(ctx)
      }
      const now = ctx.clock.now()
      const items = all.map((e) => summaryOf(e, all, now)).sort((a, b) => b.year - a.year || seasonOrder(b.season) - seasonOrder(a.season) || b.recordId.localeCompare(a.recordId))
      return c.json({ items })
    },
  )

  app.post(
    '/guide/editions',
    describe({
      errors: [404, 409],
      summary: 'Draft an edition: a copy of `basedOn`, or of the edition the site shows now, or of the sections Faro ships when none was ever published; or with the `sections` given',
      tags,
      responses: { 201: { description: 'Drafted', schema: Edition }, 200: { description: 'The same edition again', schema: Edition } },
    }),
    requireAuth,
    jsonBody(z.strictObject({ ...Change, season: GuideSeason, year: z.number().int().min(2000).max(2100), basedOn: RecordId.optional(), sections: z.array(GuideSection).min(1).max(60).optional() })),
    async (c) => {
      const ctx = c.get('ctx')
      const { id, season, year, basedOn, sections } = c.req.valid('json')
      let source = sections
      let from = basedOn
      if (source === undefined) {
        const base = basedOn === undefined ? currentEdition(await editions.all(), ctx.clock.now()) : await editionOf(ctx, basedOn)
        from = base?.recordId
        source = base === undefined ? shippedSections() : copySections(base.state.sections)
      }
      const payload = parseInput(GuideEditionDrafted, { orgUnitId: ctx.actor.orgUnitId, season, year, ...(from === undefined ? {} : { basedOn: from }), sections: source }, ctx.lang)
      const result = await submitAction(ctx, { id, recordType: 'guide_edition', recordId: id, type: 'GuideEditionDrafted', payload })
      return c.json(await withStatus(ctx, id), result.status === 'accepted' ? 201 : 200)
    },
  )

  app.get(
    '/guide/editions/:recordId',
    describe({ summary: 'An edition with its sections and texts', tags, responses: { 200: { description: 'The edition', schema: Edition } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      return c.json(await withStatus(ctx, parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')))
    },
  )

  app.put(
    '/guide/editions/:recordId/sections/:slug/:lang',
    describe({
      errors: [404, 409],
      summary: 'Write a section in a language, with its status. `base` is the text the editor started from: when someone changed it meanwhile, the write is refused with 409 and the text now. Changing the Spanish text sends the reviewed translations back to "needs translation" unless `keepTranslations`',
      tags,
      responses: { 200: { description: 'The edition', schema: Edition } },
    }),
    requireAuth,
    jsonBody(GuideSectionWritten.omit({ slug: true, lang: true }).extend({ ...Change, base: z.string().max(50_000).optional().describe('the text as the editor found it; absent for a language not written yet') })),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const slug = parseInput(SectionSlug, c.req.param('slug'), ctx.lang, 'slug')
      const lang = parseInput(ContentLang, c.req.param('lang'), ctx.lang, 'lang')
      const { id, base, ...text } = c.req.valid('json')
      const edition = await editionOf(ctx, recordId, { toChange: true })
      const now = sectionOf(ctx, edition, slug).texts[lang]
      if ((now?.markdown ?? undefined) !== base && !(now === undefined && base === '') && !(await sameAction(ctx, recordId, id))) {
        throw new DomainError('conflict', message('faro.edition_text_changed', ctx.lang), { reason: 'text_changed' })
      }
      await submitAction(ctx, { id, recordType: 'guide_edition', recordId, type: 'GuideSectionWritten', payload: { slug, lang, ...text } })
      return c.json(await withStatus(ctx, recordId))
    },
  )

  app.post(
    '/guide/editions/:recordId/sections',
    describe({ errors: [404, 409], summary: 'Add a section, after another or at the end, with its Spanish text as a draft', tags, responses: { 200: { description: 'The edition', schema: Edition } } }),
    requireAuth,
    jsonBody(GuideSectionAdded.extend(Change)),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const { id, ...section } = c.req.valid('json')
      const edition = await editionOf(ctx, recordId, { toChange: true })
      if (edition.state.sections.some((s) => s.slug === section.slug) && !(await sameAction(ctx, recordId, id))) {
        throw invalid(ctx, 'slug', 'taken', 'faro.edition_slug_taken')
      }
      if (section.after !== undefined) {
        sectionOf(ctx, edition, section.after)
      }
      await submitAction(ctx, { id, recordType: 'guide_edition', recordId, type: 'GuideSectionAdded', payload: section })
      return c.json(await withStatus(ctx, recordId))
    },
  )

  app.delete(
    '/guide/editions/:recordId/sections/:slug',
    describe({ errors: [404, 409], summary: 'Remove a section from a draft or scheduled edition; `id` in the query, kept for retries', tags, responses: { 200: { description: 'The edition', schema: Edition } } }),
    requireAuth,
    query(z.strictObject(Change)),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const slug = parseInput(SectionSlug, c.req.param('slug'), ctx.lang, 'slug')
      const { id } = c.req.valid('query')
      const edition = await editionOf(ctx, recordId, { toChange: true })
      if (!(await sameAction(ctx, recordId, id))) {
        sectionOf(ctx, edition, slug)
        if (edition.state.sections.length === 1) {
          throw invalid(ctx, 'slug', 'last_section', 'faro.edition_last_section')
        }
      }
      await submitAction(ctx, { id, recordType: 'guide_edition', recordId, type: 'GuideSectionRemoved', payload: { slug } })
      return c.json(await withStatus(ctx, recordId))
    },
  )

  app.post(
    '/guide/editions/:recordId/schedule',
    describe({
      errors: [404, 409],
      summary: 'Schedule an edition for `publishAt` (now when absent or past): it is on the site from then on and never changes again. Every section\'s Spanish text must be reviewed; other languages not reviewed show the Spanish one with a notice',
      tags,
      responses: { 200: { description: 'The edition', schema: Edition } },
    }),
    requireAuth,
    jsonBody(z.strictObject({ ...Change, publishAt: z.iso.datetime({ offset: true }).optional() })),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const { id, publishAt } = c.req.valid('json')
      const edition = await editionOf(ctx, recordId, { toChange: true })
      const pending = unreviewedSource(edition.state.sections)
      if (pending.length > 0) {
        throw invalid(ctx, 'sections', 'source_not_reviewed', 'faro.edition_source_not_reviewed', { sections: pending.join(', ') })
      }
      const now = ctx.clock.now()
      const at = publishAt === undefined || Date.parse(publishAt) < now.getTime() ? now.toISOString() : new Date(publishAt).toISOString()
      await submitAction(ctx, { id, recordType: 'guide_edition', recordId, type: 'GuideEditionScheduled', payload: { publishAt: at } })
      return c.json(await withStatus(ctx, recordId))
    },
  )

  app.post(
    '/guide/editions/:recordId/unschedule',
    describe({ errors: [404, 409], summary: 'Take a scheduled edition back to draft, before its time', tags, responses: { 200: { description: 'The edition', schema: Edition } } }),
    requireAuth,
    jsonBody(z.strictObject(Change)),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const { id } = c.req.valid('json')
      await editionOf(ctx, recordId, { toChange: true })
      await submitAction(ctx, { id, recordType: 'guide_edition', recordId, type: 'GuideEditionUnscheduled', payload: {} })
      return c.json(await withStatus(ctx, recordId))
    },
  )

  app.post(
    '/guide/editions/:recordId/sections/:slug/:lang/audio',
    describe({
      errors: [404, 409],
      summary: `Attach a recording of a section read aloud in a language (MP3, Ogg, MP4/AAC or WebM, at most ${AUDIO_MAX_BYTES / 1024 / 1024} MB, the raw body), replacing any before; played on the site with the page once the edition is published. A change of the text it reads drops it`,
      tags,
      rawBody: { types: [...AUDIO_TYPES, 'application/octet-stream'], description: 'The recording\'s bytes; its kind is read from them.' },
      responses: { 200: { description: 'The edition', schema: Edition } },
    }),
    requireAuth,
    query(z.strictObject({ id: UuidV7.describe('a new id for the recording, kept for retries') })),
    limitBody(AUDIO_MAX_BYTES),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const slug = parseInput(SectionSlug, c.req.param('slug'), ctx.lang, 'slug')
      const lang = parseInput(ContentLang, c.req.param('lang'), ctx.lang, 'lang')
      const { id } = c.req.valid('query')
      // Refused before a byte of the recording is read.
      await scopesOrRefuse(ctx, 'guide_edition.update', 'guide_edition')
      const edition = await editionOf(ctx, recordId, { toChange: true })
      if (sectionOf(ctx, edition, slug).texts[lang] === undefined) {
        throw invalid(ctx, 'lang', 'no_text', 'faro.audio_no_text')
      }
      await storeAudio(ctx, id, new Uint8Array(await c.req.arrayBuffer()))
      await submitAction(ctx, { id, recordType: 'guide_edition', recordId, type: 'GuideAudioAttached', payload: { slug, lang, audioId: id } })
      return c.json(await withStatus(ctx, recordId))
    },
  )

  app.delete(
    '/guide/editions/:recordId/sections/:slug/:lang/audio',
    describe({ errors: [404, 409], summary: 'Take a section\'s recording in a language off a draft or scheduled edition; `id` in the query, kept for retries', tags, responses: { 200: { description: 'The edition', schema: Edition } } }),
    requireAuth,
    query(z.strictObject(Change)),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const slug = parseInput(SectionSlug, c.req.param('slug'), ctx.lang, 'slug')
      const lang = parseInput(ContentLang, c.req.param('lang'), ctx.lang, 'lang')
      const { id } = c.req.valid('query')
      sectionOf(ctx, await editionOf(ctx, recordId, { toChange: true }), slug)
      await submitAction(ctx, { id, recordType: 'guide_edition', recordId, type: 'GuideAudioAttached', payload: { slug, lang } })
      return c.json(await withStatus(ctx, recordId))
    },
  )

  app.get(
    '/guide/editions/:recordId/audio/:audioId',
    describe({ summary: 'A recording of an edition, to listen to before it is published (ranges answered for seeking)', tags, responses: { 200: { description: 'The recording', schema: z.string() }, 206: { description: 'The range asked for', schema: z.string() } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const audioId = parseInput(UuidV7, c.req.param('audioId'), ctx.lang, 'audioId')
      const edition = await editionOf(ctx, recordId)
      const served = editionPlays(edition, audioId) ? await serveAudio(c, ctx.db, audioId) : undefined
      if (served === undefined) {
        throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
      }
      return served
    },
  )

  app.get(
    '/guide/editions/:recordId/diff',
    describe({ summary: 'What changed from another edition (`against`, by default the one it was copied from): sections added, removed and changed, and per language the words added and removed', tags, responses: { 200: { description: 'The differences', schema: EditionDiff } } }),
    requireAuth,
    query(z.strictObject({ against: RecordId.optional(), lang: ContentLang.optional().describe('one language only') })),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const q = c.req.valid('query')
      const edition = await editionOf(ctx, recordId)
      const againstId = q.against ?? edition.state.basedOn
      if (againstId === undefined) {
        throw invalid(ctx, 'against', 'required', 'faro.edition_diff_against')
      }
      const against = await editionOf(ctx, againstId)
      return c.json(editionDiff(against, edition, q.lang))
    },
  )

  app.get(
    '/guide/editions/:recordId/preview/:lang/:slug',
    describe({ summary: 'A section as the public site would show it in a language (HTML, the site\'s own page), for the editor\'s preview on a phone and on paper', tags, responses: { 200: { description: 'The page, text/html', schema: z.string() } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const lang = c.req.param('lang')
      if (!isPublicLang(lang)) {
        throw invalid(ctx, 'lang', 'not_public', 'faro.edition_lang_not_public')
      }
      const edition = await editionOf(ctx, recordId)
      const slug = parseInput(SectionSlug, c.req.param('slug'), ctx.lang, 'slug')
      sectionOf(ctx, edition, slug)
      return previewPage(c, editions.contentOf(edition), lang, slug)
    },
  )

  app.get(
    '/guide/editions/:recordId/guide.pdf',
    describe({ summary: 'The edition as a printable PDF in a language (`lang`, Spanish by default): the guide\'s sections for returning nationals, or `audience=transit` the pages for people in transit', tags, responses: { 200: { description: 'application/pdf', schema: z.string() } } }),
    requireAuth,
    query(z.strictObject({ lang: z.string().optional(), audience: GuideAudience.optional() })),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const q = c.req.valid('query')
      const lang = q.lang ?? 'es'
      if (!isPublicLang(lang)) {
        throw invalid(ctx, 'lang', 'not_public', 'faro.edition_lang_not_public')
      }
      const edition = await editionOf(ctx, recordId)
      const pdf = await editionPdf(editions.contentOf(edition), lang, q.audience ?? 'paisano', edition.state.year)
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="guia-${edition.state.season}-${edition.state.year}-${lang}.pdf"`, 'cache-control': 'private, no-store' })
    },
  )

  return app
}

/**
 * The recordings of published editions, for anyone (`/media/<id>`): a recording of a draft is
 * not public until its edition is, and one taken off stays with the archived edition that had it.
 */
export function publicMediaRoutes(editions: SiteEditions, deps: { db: Ctx['db']; clock: Ctx['clock'] }) {
  const app = new Hono<AppEnv>()
  app.get('/media/:audioId{[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}}', async (c) => {
    const audioId = c.req.param('audioId')
    const now = deps.clock.now()
    const published = (await editions.all()).filter((e) => isPublished(e.state, now) && editionPlays(e, audioId))
    const served = published.length > 0 ? await serveAudio(c, deps.db, audioId) : undefined
    return served ?? c.notFound()
  })
  return app
}

const SEASON_ORDER = { easter: 0, summer: 1, winter: 2 } as const
function seasonOrder(season: keyof typeof SEASON_ORDER): number {
  return SEASON_ORDER[season]
}

/** True when the action was already applied: a retry answers as the first time did. */
async function sameAction(ctx: Ctx, recordId: string, actionId: string): Promise<boolean> {
  const row = await ctx.db.db.selectFrom('actions').select('id').where('id', '=', actionId).where('recordId', '=', recordId).executeTakeFirst()
  return row !== undefined
}

/** With no edition yet, the list is empty for whoever may read editions and refused to others. */
async function assertMayRead(ctx: Ctx): Promise<void> {
  await scopesOrRefuse(ctx, 'guide_edition.read', 'guide_edition')
}
