import { copySections, parseInput, payloadSchemaOf, type ActionInput, type GuideSection } from '@faro/core'
import { shippedSections } from '../public/content.ts'

const DAY = 86_400_000

/**
 * The guide's editions in the demo: last summer's, archived; this winter's, published when the
 * operation opened and shown on the site (the sections Faro ships); and next Easter's, a draft
 * copied from it, where the vehicle section was rewritten (so its translations wait again) and
 * a new section on phone numbers is being written, translated so far into Kreyòl as a draft.
 */
export function demoEditions(now: Date, id: () => string): ActionInput[] {
  const year = now.getUTCFullYear()
  const shipped = shippedSections()
  const summerId = id()
  const winterId = id()
  const easterId = id()
  const summer = copySections(shipped).map((s) => (s.slug === 'paisano' ? withSpanish(s, (md) => md.replace('Es gratis y se actualiza para cada operativo.', 'Es gratis.')) : s))
  // Not through parseAction, which keeps editions to their own API: each payload against its schema.
  const action = (recordId: string, type: string, payload: Record<string, unknown>): ActionInput => ({ id: id(), recordType: 'guide_edition', recordId, type, payload: parseInput(payloadSchemaOf('guide_edition', type) ?? missing(type), payload, 'es') as Record<string, unknown> })
  const vehicle = shipped.find((s) => s.slug === 'vehicle-import')?.texts.es?.markdown ?? ''
  return [
    action(summerId, 'GuideEditionDrafted', { orgUnitId: 'paisano', season: 'summer', year, sections: summer }),
    action(summerId, 'GuideEditionScheduled', { publishAt: new Date(now.getTime() - 160 * DAY).toISOString() }),
    action(winterId, 'GuideEditionDrafted', { orgUnitId: 'paisano', season: 'winter', year, basedOn: summerId, sections: shipped }),
    action(winterId, 'GuideEditionScheduled', { publishAt: new Date(now.getTime() - 35 * DAY).toISOString() }),
    action(easterId, 'GuideEditionDrafted', { orgUnitId: 'paisano', season: 'easter', year: year + 1, basedOn: winterId, sections: copySections(shipped) }),
    action(easterId, 'GuideSectionWritten', { slug: 'vehicle-import', lang: 'es', markdown: `${vehicle.trimEnd()}\n\nAntes de volver a salir, revisa en tu permiso la fecha en que vence.\n`, status: 'reviewed' }),
    action(easterId, 'GuideSectionAdded', { slug: 'phones', audience: 'paisano', pictogram: 'phone', after: 'complain', markdown: '# Teléfonos que te sirven\n\n[!phone] Emergencias: [911](tel:911). Es gratis, de día y de noche.\n\nDesde Estados Unidos o Canadá puedes llamar sin costo a Paisano para pedir información o presentar una queja.\n' }),
    action(easterId, 'GuideSectionWritten', { slug: 'phones', lang: 'ht', markdown: '# Telefòn ki ka ede w\n\n[!phone] Ijans: [911](tel:911). Li gratis, lajounen kou lannwit.\n', status: 'draft' }),
  ]
}

function withSpanish(section: GuideSection, change: (markdown: string) => string): GuideSection {
  const es = section.texts.es
  return es === undefined ? section : { ...section, texts: { ...section.texts, es: { ...es, markdown: change(es.markdown) } } }
}

function missing(type: string): never {
  throw new Error(`no edition action ${type}`)
}
