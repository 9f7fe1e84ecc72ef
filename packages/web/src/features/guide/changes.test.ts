import { describe, expect, it } from 'vitest'
import { condense, diffSummary, sentBack, visibleChanges } from './changes.ts'
import type { EditionDiff } from './types.ts'

describe('what a change did', () => {
  it('names the translations a Spanish change sent back to "needs translation"', () => {
    const section = { slug: 'a', audience: 'paisano' as const, pictogram: 'help' as const }
    const before = { sections: [{ ...section, texts: { es: { markdown: 'x', status: 'reviewed' as const }, en: { markdown: 'x', status: 'reviewed' as const }, ht: { markdown: 'x', status: 'draft' as const } } }] }
    const after = { sections: [{ ...section, texts: { es: { markdown: 'y', status: 'reviewed' as const }, en: { markdown: 'x', status: 'needs_translation' as const }, ht: { markdown: 'x', status: 'draft' as const } } }] }
    expect(sentBack(before, after, 'a')).toEqual(['en'])
    expect(sentBack(before, before, 'a')).toEqual([])
  })

  it('counts a section whose text stayed but a translation\'s state changed as changed', () => {
    const diff: EditionDiff = {
      from: 'x',
      to: 'y',
      sections: [
        { slug: 'a', change: 'same', langs: [{ lang: 'es', change: 'same', from: 'reviewed', to: 'reviewed', parts: [] }] },
        { slug: 'b', change: 'same', langs: [{ lang: 'en', change: 'same', from: 'reviewed', to: 'needs_translation', parts: [] }] },
        { slug: 'c', change: 'added', langs: [] },
      ],
    }
    expect(visibleChanges(diff).map((s) => s.slug)).toEqual(['b', 'c'])
    expect(diffSummary(diff)).toEqual({ added: 1, removed: 0, changed: 1, same: 1 })
  })
})

describe('condense', () => {
  it('keeps the changed line and one line with words around it, and leaves out the rest', () => {
    const parts = [
      { kind: 'same' as const, text: '# Título\n\nUno.\n\nDos.\n\nTrae tu título, ' },
      { kind: 'added' as const, text: 'tu pasaporte ' },
      { kind: 'same' as const, text: 'y tu licencia.\n\nTres.\n\nCuatro.\n\nCinco.' },
    ]
    const shown = condense(parts)
    expect(shown.map((p) => p.kind)).toEqual(['gap', 'same', 'added', 'same', 'gap'])
    expect(shown[1]).toEqual({ kind: 'same', text: 'Dos.\n\nTrae tu título, ' })
    expect(shown[3]).toEqual({ kind: 'same', text: 'y tu licencia.\n\nTres.\n' })
  })

  it('leaves a short text whole', () => {
    const parts = [
      { kind: 'same' as const, text: 'Uno ' },
      { kind: 'removed' as const, text: 'dos' },
      { kind: 'same' as const, text: ' tres.' },
    ]
    expect(condense(parts)).toEqual(parts)
  })
})
