import type { Edition, EditionDiff } from './types.ts'

/** The languages of a section that were reviewed before a change and need translation after it. */
export function sentBack(before: Pick<Edition, 'sections'>, after: Pick<Edition, 'sections'>, slug: string): string[] {
  const was = before.sections.find((s) => s.slug === slug)?.texts ?? {}
  const now = after.sections.find((s) => s.slug === slug)?.texts ?? {}
  return Object.keys(now).filter((lang) => was[lang]?.status === 'reviewed' && now[lang]?.status === 'needs_translation')
}

/** How many sections were added, removed, changed (a translation's state too) and left alone. */
export function diffSummary(diff: EditionDiff): { added: number; removed: number; changed: number; same: number } {
  const counts = { added: 0, removed: 0, changed: 0, same: 0 }
  const visible = visibleChanges(diff)
  for (const s of diff.sections) {
    counts[visible.includes(s) ? (s.change === 'same' ? 'changed' : s.change) : 'same'] += 1
  }
  return counts
}

/** The sections worth showing: any change of text, or of a translation's state with the same text. */
export function visibleChanges(diff: EditionDiff): EditionDiff['sections'] {
  return diff.sections.filter((s) => s.change !== 'same' || s.langs.some((l) => l.from !== l.to))
}
