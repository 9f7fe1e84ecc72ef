/** The guide's editions as `/api/guide/editions` answers them. */

export type Season = 'easter' | 'summer' | 'winter'
export type EditionStatus = 'draft' | 'scheduled' | 'published' | 'archived'
export type TextStatus = 'needs_translation' | 'draft' | 'reviewed'
export type Audience = 'transit' | 'paisano'
export type Pictogram = 'water' | 'danger' | 'emergency' | 'help' | 'phone'
export type Change = 'added' | 'removed' | 'changed' | 'same'

export interface EditionSummary {
  recordId: string
  version: number
  season: Season
  year: number
  basedOn?: string
  publishAt?: string
  status: EditionStatus
  /** Every language written in it, Spanish first. */
  langs: string[]
  sections: number
  /** Per language, how many sections are in each state. */
  translations: Record<string, Record<TextStatus, number>>
}

export interface SectionText {
  markdown: string
  status: TextStatus
  audioId?: string
}

export interface Section {
  slug: string
  audience: Audience
  pictogram: Pictogram
  texts: Record<string, SectionText>
}

export interface Edition extends Omit<EditionSummary, 'sections'> {
  sections: Section[]
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

export interface EditionDiff {
  from: string
  to: string
  sections: {
    slug: string
    change: Change
    langs: { lang: string; change: Change; from?: TextStatus; to?: TextStatus; parts: DiffPart[] }[]
  }[]
}

/** The site's own languages: the only ones with a preview and a PDF. */
export const PUBLIC_LANGS = ['es', 'en', 'fr', 'ht', 'pt'] as const
export const SEASONS: readonly Season[] = ['easter', 'summer', 'winter']
export const TEXT_STATUSES: readonly TextStatus[] = ['needs_translation', 'draft', 'reviewed']
export const PICTOGRAMS: readonly Pictogram[] = ['water', 'danger', 'emergency', 'help', 'phone']
export const AUDIENCES: readonly Audience[] = ['paisano', 'transit']
