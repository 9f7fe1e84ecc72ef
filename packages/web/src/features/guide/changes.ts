import type { DiffPart, Edition, EditionDiff } from './types.ts'

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

/** A part of a compared text as shown: kept, added, removed, or a stretch left out. */
export type ShownPart = DiffPart | { kind: 'gap' }

/**
 * A compared text with the long unchanged stretches left out: around each change, the rest of
 * its line and `context` lines with words before and after it stay; what lies between is a gap.
 */
export function condense(parts: readonly DiffPart[], context = 1): ShownPart[] {
  const out: ShownPart[] = []
  parts.forEach((part, i) => {
    if (part.kind !== 'same') {
      out.push(part)
      return
    }
    const pieces = part.text.split(/(?<=\n)/)
    const head = i > 0 ? linesToKeep(pieces, context) : 0
    const tail = i < parts.length - 1 ? linesToKeep([...pieces].reverse(), context) : 0
    if (head + tail >= pieces.length) {
      out.push(part)
      return
    }
    if (head > 0) {
      out.push({ kind: 'same', text: pieces.slice(0, head).join('') })
    }
    out.push({ kind: 'gap' })
    if (tail > 0) {
      out.push({ kind: 'same', text: pieces.slice(pieces.length - tail).join('') })
    }
  })
  return out
}

// The rest of the changed line, then `context` lines that have words (blank ones come along).
function linesToKeep(pieces: readonly string[], context: number): number {
  let kept = 1
  let withWords = 0
  while (kept < pieces.length && withWords < context) {
    if ((pieces[kept] ?? '').trim() !== '') {
      withWords += 1
    }
    kept += 1
  }
  return kept
}
