import { describe, expect, it } from 'vitest'
import { currentEdition, editionStatus, GuideEditionDrafted, reduceGuideEdition, unreviewedSource, type GuideEditionState, type GuideSection } from './editions.ts'

const section = (slug: string, langs: Record<string, 'needs_translation' | 'draft' | 'reviewed'>): GuideSection => ({
  slug,
  audience: 'paisano',
  pictogram: 'help',
  texts: Object.fromEntries(Object.entries(langs).map(([lang, status]) => [lang, { markdown: `# ${slug} ${lang}`, status }])),
})

function fold(actions: { type: string; payload: Record<string, unknown> }[]): GuideEditionState {
  return actions.reduce<GuideEditionState | undefined>((s, a) => reduceGuideEdition(s, a), undefined) as GuideEditionState
}

const drafted = { type: 'GuideEditionDrafted', payload: { orgUnitId: 'paisano', season: 'winter', year: 2026, sections: [section('paisano', { es: 'reviewed', en: 'reviewed', ht: 'draft' }), section('uniforms', { es: 'draft' })] } }

describe('an edition of the guide', () => {
  it('sends reviewed translations back to translation when the Spanish text changes, not for a typo kept as such', () => {
    const changed = fold([drafted, { type: 'GuideSectionWritten', payload: { slug: 'paisano', lang: 'es', markdown: '# Bienvenido, paisano', status: 'reviewed' } }])
    const texts = changed.sections[0]?.texts
    expect(texts?.es).toEqual({ markdown: '# Bienvenido, paisano', status: 'reviewed' })
    expect(texts?.en?.status).toBe('needs_translation')
    // A draft stays a draft: it was not right before either.
    expect(texts?.ht?.status).toBe('draft')
    const typo = fold([drafted, { type: 'GuideSectionWritten', payload: { slug: 'paisano', lang: 'es', markdown: '# Bienvenido paisano', status: 'reviewed', keepTranslations: true } }])
    expect(typo.sections[0]?.texts.en?.status).toBe('reviewed')
  })

  it('drops a recording when the text it reads changes, keeps it when only the status does', () => {
    const base = [drafted, { type: 'GuideAudioAttached', payload: { slug: 'paisano', lang: 'en', audioId: 'audio-1' } }]
    expect(fold([...base, { type: 'GuideSectionWritten', payload: { slug: 'paisano', lang: 'en', markdown: '# paisano en', status: 'draft' } }]).sections[0]?.texts.en?.audioId).toBe('audio-1')
    expect(fold([...base, { type: 'GuideSectionWritten', payload: { slug: 'paisano', lang: 'en', markdown: '# Welcome', status: 'draft' } }]).sections[0]?.texts.en?.audioId).toBeUndefined()
    expect(fold([...base, { type: 'GuideAudioAttached', payload: { slug: 'paisano', lang: 'en' } }]).sections[0]?.texts.en).toEqual({ markdown: '# paisano en', status: 'reviewed' })
  })

  it('adds a section after another or at the end, and removes one', () => {
    const added = fold([drafted, { type: 'GuideSectionAdded', payload: { slug: 'convoys', audience: 'paisano', pictogram: 'help', after: 'paisano', markdown: '# Caravanas' } }, { type: 'GuideSectionAdded', payload: { slug: 'phones', audience: 'paisano', pictogram: 'phone', markdown: '# Teléfonos' } }])
    expect(added.sections.map((s) => s.slug)).toEqual(['paisano', 'convoys', 'uniforms', 'phones'])
    expect(added.sections[1]?.texts).toEqual({ es: { markdown: '# Caravanas', status: 'draft' } })
    expect(fold([drafted, { type: 'GuideSectionRemoved', payload: { slug: 'paisano' } }]).sections.map((s) => s.slug)).toEqual(['uniforms'])
  })

  it('is scheduled and back to draft; the site shows the latest published by the clock, the others are archived', () => {
    const scheduled = fold([drafted, { type: 'GuideEditionScheduled', payload: { publishAt: '2026-12-01T06:00:00.000Z' } }])
    expect(fold([drafted, { type: 'GuideEditionScheduled', payload: { publishAt: '2026-12-01T06:00:00.000Z' } }, { type: 'GuideEditionUnscheduled', payload: {} }]).publishAt).toBeUndefined()
    const editions = [
      { recordId: 'a', state: { publishAt: '2026-03-01T06:00:00.000Z' } },
      { recordId: 'b', state: scheduled },
      { recordId: 'c', state: {} },
    ]
    const before = new Date('2026-11-30T12:00:00Z')
    const after = new Date('2026-12-01T06:00:00Z')
    expect(currentEdition(editions, before)?.recordId).toBe('a')
    expect(currentEdition(editions, after)?.recordId).toBe('b')
    expect(editions.map((e) => editionStatus(e, currentEdition(editions, before), before))).toEqual(['published', 'scheduled', 'draft'])
    expect(editions.map((e) => editionStatus(e, currentEdition(editions, after), after))).toEqual(['archived', 'published', 'draft'])
    expect(currentEdition([], after)).toBeUndefined()
  })

  it('names the sections whose Spanish is not reviewed, and refuses two sections with one slug', () => {
    expect(unreviewedSource(fold([drafted]).sections)).toEqual(['uniforms'])
    const twice = GuideEditionDrafted.safeParse({ ...drafted.payload, sections: [section('a', { es: 'draft' }), section('a', { es: 'draft' })] })
    expect(twice.success).toBe(false)
    expect(GuideEditionDrafted.safeParse({ ...drafted.payload, sections: [section('a', { 'es-MX': 'draft' })] }).success).toBe(false)
    expect(GuideEditionDrafted.safeParse({ ...drafted.payload, sections: [section('a', { es: 'draft', quc: 'draft' })] }).success).toBe(true)
  })
})
