import { z } from 'zod'
import { IsoDateTime, RecordId } from '../util/ids.ts'

/**
 * Editions of the public site's information: the Paisano Guide, renewed before each of its three
 * operations a year (Easter, summer, winter), with the pages for people in transit. An edition is
 * a record of the action log: its sections, each written per language with a translation status,
 * every change an action with its author. It is a draft until scheduled; it is published from
 * its `publishAt` on (the site shows the latest edition published by the clock, so no job has to
 * run at the minute, and two Faro processes cannot publish it twice); once published it never
 * changes, and an older published one stays readable as the archive.
 */

/** The pictograms a section may carry: water, danger, emergency, help point and phone. */
export const PICTOGRAMS = ['water', 'danger', 'emergency', 'help', 'phone'] as const
export type Pictogram = (typeof PICTOGRAMS)[number]

export const GuideSeason = z.enum(['easter', 'summer', 'winter'])
export type GuideSeason = z.infer<typeof GuideSeason>

/** Who a section is written for: people in transit, or nationals returning (the guide proper). */
export const GuideAudience = z.enum(['transit', 'paisano'])
export type GuideAudience = z.infer<typeof GuideAudience>

/**
 * A translation's state: needs translation (the source changed or it was never written), a draft,
 * or reviewed. Only a reviewed translation is published; the site shows the Spanish one otherwise.
 */
export const TranslationStatus = z.enum(['needs_translation', 'draft', 'reviewed'])
export type TranslationStatus = z.infer<typeof TranslationStatus>

/**
 * A language of the content: the site's five and any further one (K'iche' `quc`, Mam `mam`,
 * Q'eqchi' `kek`, Kaqchikel `cak`, Nahuatl `nah`…), as a lower-case ISO 639 code.
 */
export const ContentLang = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code: es, en, ht, quc…')
export type ContentLang = string

export const SectionSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens')

/** The longest text of a section in one language: a guide's longest section is some 6,000 characters. */
export const MAX_SECTION_CHARS = 40_000

export const SectionText = z.strictObject({
  markdown: z.string().max(MAX_SECTION_CHARS).describe('Markdown without HTML: headings, lists, links to the site, phones and https, pictogram markers like [!water]'),
  status: TranslationStatus,
  /** An audio recording of the text, read aloud: an attachment of the edition. */
  audioId: RecordId.optional(),
})
export type SectionText = z.infer<typeof SectionText>

export const GuideSection = z.strictObject({
  slug: SectionSlug,
  audience: GuideAudience,
  pictogram: z.enum(PICTOGRAMS),
  texts: z.record(ContentLang, SectionText).describe('per language'),
})
export type GuideSection = z.infer<typeof GuideSection>

/** Payload of GuideEditionDrafted: a new edition, most often a copy of the one before. */
export const GuideEditionDrafted = z
  .strictObject({
    orgUnitId: RecordId.describe('the office that edits it: Paisano\'s national office'),
    season: GuideSeason,
    year: z.number().int().min(2000).max(2100),
    basedOn: RecordId.optional().describe('the edition it was copied from'),
    sections: z.array(GuideSection).min(1).max(60),
  })
  .refine((e) => new Set(e.sections.map((s) => s.slug)).size === e.sections.length, { message: 'two sections with the same slug', path: ['sections'] })
export type GuideEditionDrafted = z.infer<typeof GuideEditionDrafted>

/**
 * Payload of GuideSectionWritten: a section's text in one language, with its status. Changing
 * the Spanish text of a section marks every other language that was reviewed as needing
 * translation again, unless `keepTranslations` says the change does not alter the meaning (a typo).
 */
export const GuideSectionWritten = z.strictObject({
  slug: SectionSlug,
  lang: ContentLang,
  markdown: z.string().max(MAX_SECTION_CHARS),
  status: TranslationStatus,
  keepTranslations: z.boolean().optional().describe('a Spanish change that leaves the translations right'),
})
export type GuideSectionWritten = z.infer<typeof GuideSectionWritten>

/** Payload of GuideSectionAdded: a new section, at the end or after another. */
export const GuideSectionAdded = z.strictObject({
  slug: SectionSlug,
  audience: GuideAudience,
  pictogram: z.enum(PICTOGRAMS),
  after: SectionSlug.optional().describe('the section it follows; at the end when absent'),
  markdown: z.string().max(MAX_SECTION_CHARS).describe('its Spanish text, a draft'),
})
export type GuideSectionAdded = z.infer<typeof GuideSectionAdded>

/** Payload of GuideSectionRemoved. */
export const GuideSectionRemoved = z.strictObject({ slug: SectionSlug })

/** Payload of GuideAudioAttached: a recording of a section read aloud in a language (`audioId` absent removes it). */
export const GuideAudioAttached = z.strictObject({ slug: SectionSlug, lang: ContentLang, audioId: RecordId.optional() })

/** Payload of GuideEditionScheduled: published from `publishAt` on. */
export const GuideEditionScheduled = z.strictObject({ publishAt: IsoDateTime })

/** Payload of GuideEditionUnscheduled: back to draft, before its time. */
export const GuideEditionUnscheduled = z.strictObject({})

export type GuideEditionState = {
  orgUnitId: string
  season: GuideSeason
  year: number
  basedOn?: string
  sections: GuideSection[]
  publishAt?: string
}

/** Where an edition stands at a moment: draft, scheduled, or published (the site's, or archived). */
export type EditionStatus = 'draft' | 'scheduled' | 'published' | 'archived'

/** True when the edition is published at `now`: it cannot change any more. */
export function isPublished(edition: Pick<GuideEditionState, 'publishAt'>, now: Date): boolean {
  return edition.publishAt !== undefined && Date.parse(edition.publishAt) <= now.getTime()
}

/**
 * The edition the site shows at `now`: the published one with the latest publication time (on a
 * tie, the greater id, so every process picks the same).
 */
export function currentEdition<T extends { recordId: string; state: Pick<GuideEditionState, 'publishAt'> }>(editions: readonly T[], now: Date): T | undefined {
  let best: T | undefined
  for (const e of editions) {
    if (!isPublished(e.state, now)) {
      continue
    }
    const at = e.state.publishAt ?? ''
    const bestAt = best?.state.publishAt ?? ''
    if (best === undefined || at > bestAt || (at === bestAt && e.recordId > best.recordId)) {
      best = e
    }
  }
  return best
}

/** Each edition's status at `now`. */
export function editionStatus(edition: { recordId: string; state: Pick<GuideEditionState, 'publishAt'> }, current: { recordId: string } | undefined, now: Date): EditionStatus {
  if (edition.state.publishAt === undefined) {
    return 'draft'
  }
  if (!isPublished(edition.state, now)) {
    return 'scheduled'
  }
  return current?.recordId === edition.recordId ? 'published' : 'archived'
}

/** The languages written in any section of an edition, Spanish first. */
export function editionLangs(sections: readonly GuideSection[]): string[] {
  const langs = new Set(sections.flatMap((s) => Object.keys(s.texts)))
  langs.delete('es')
  return ['es', ...[...langs].sort()]
}

/** Sections whose Spanish text is not reviewed: an edition cannot be scheduled with any. */
export function unreviewedSource(sections: readonly GuideSection[]): string[] {
  return sections.filter((s) => s.texts.es?.status !== 'reviewed').map((s) => s.slug)
}

/** A new draft from a published edition: the same sections and texts, statuses kept, no audio lost. */
export function copySections(sections: readonly GuideSection[]): GuideSection[] {
  return structuredClone(sections) as GuideSection[]
}

function writeText(section: GuideSection, w: GuideSectionWritten): GuideSection {
  const texts: Record<string, SectionText> = { ...section.texts }
  const before = texts[w.lang]
  texts[w.lang] = { markdown: w.markdown, status: w.status, ...(before?.audioId === undefined || before.markdown !== w.markdown ? {} : { audioId: before.audioId }) }
  if (w.lang === 'es' && before?.markdown !== w.markdown && w.keepTranslations !== true) {
    for (const [lang, text] of Object.entries(texts)) {
      if (lang !== 'es' && text.status === 'reviewed') {
        texts[lang] = { ...text, status: 'needs_translation' }
      }
    }
  }
  return { ...section, texts }
}

/**
 * Folds an edition's actions. A recording is dropped when the text it reads changes; a change
 * of the Spanish source sends the reviewed translations back to "needs translation".
 */
export function reduceGuideEdition(state: GuideEditionState | undefined, action: { type: string; payload: Record<string, unknown> }): GuideEditionState {
  if (action.type === 'GuideEditionDrafted') {
    const p = action.payload as GuideEditionDrafted
    return { orgUnitId: p.orgUnitId, season: p.season, year: p.year, ...(p.basedOn === undefined ? {} : { basedOn: p.basedOn }), sections: p.sections }
  }
  if (state === undefined) {
    throw new Error(`${action.type} before the edition exists`)
  }
  const mapSection = (slug: string, change: (s: GuideSection) => GuideSection) => ({ ...state, sections: state.sections.map((s) => (s.slug === slug ? change(s) : s)) })
  switch (action.type) {
    case 'GuideSectionWritten': {
      const w = action.payload as GuideSectionWritten
      return mapSection(w.slug, (s) => writeText(s, w))
    }
    case 'GuideSectionAdded': {
      const a = action.payload as GuideSectionAdded
      if (state.sections.some((s) => s.slug === a.slug)) {
        return state
      }
      const section: GuideSection = { slug: a.slug, audience: a.audience, pictogram: a.pictogram, texts: { es: { markdown: a.markdown, status: 'draft' } } }
      const at = a.after === undefined ? state.sections.length : state.sections.findIndex((s) => s.slug === a.after) + 1
      const sections = [...state.sections]
      sections.splice(at <= 0 ? sections.length : at, 0, section)
      return { ...state, sections }
    }
    case 'GuideSectionRemoved': {
      const { slug } = action.payload as { slug: string }
      return { ...state, sections: state.sections.filter((s) => s.slug !== slug) }
    }
    case 'GuideAudioAttached': {
      const { slug, lang, audioId } = action.payload as { slug: string; lang: string; audioId?: string }
      return mapSection(slug, (s) => {
        const text = s.texts[lang]
        if (text === undefined) {
          return s
        }
        const { audioId: _dropped, ...rest } = text
        return { ...s, texts: { ...s.texts, [lang]: audioId === undefined ? rest : { ...rest, audioId } } }
      })
    }
    case 'GuideEditionScheduled':
      return { ...state, publishAt: (action.payload as { publishAt: string }).publishAt }
    case 'GuideEditionUnscheduled': {
      const { publishAt: _dropped, ...rest } = state
      return rest
    }
    default:
      throw new Error(`unknown edition action ${action.type}`)
  }
}
