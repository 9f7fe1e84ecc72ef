import type { Lang } from '@faro/core'
import { consentsOf, disclosuresOf, toConsent } from '../people/consents-repo.ts'
import { linksOf } from '../people/people-repo.ts'
import { audit } from '../../log/audit.ts'
import { inTransaction, type Ctx } from '../../log/context.ts'
import { openRow } from './rights.ts'
import { personFor } from '../guard.ts'
import type { ProtectionDeps } from '../settings.ts'
import { decryptIdentity } from '../people/vault.ts'

const TEXT = {
  es: { title: 'Informe de acceso a datos personales', identity: 'Datos de identidad', links: 'Registros vinculados', consents: 'Consentimientos', disclosures: 'Comunicaciones de datos', requests: 'Solicitudes', none: 'Ninguno', erased: 'La identidad fue suprimida; no queda nada legible.' },
  en: { title: 'Personal data access report', identity: 'Identity data', links: 'Linked records', consents: 'Consents', disclosures: 'Disclosures', requests: 'Requests', none: 'None', erased: 'The identity was erased; nothing readable remains.' },
} satisfies Record<Lang, Record<string, string>>

/**
 * The access report of an ARCO access request: everything Faro holds about the person and every
 * disclosure made, as a self-contained HTML file to hand over. Producing it completes the request
 * and is itself recorded as a disclosure to the data subject.
 */
export async function accessReport(ctx: Ctx, p: ProtectionDeps, requestId: string): Promise<string> {
  const row = await openRow(ctx, ctx.db.db, requestId, 'access')
  const person = await personFor(ctx, ctx.db.db, 'rights.manage', row.personId, { allowShredded: true })
  const identity = await decryptIdentity(ctx.db.db, p.keyring, person)
  const [links, consents, disclosures] = await Promise.all([linksOf(ctx.db.db, person.id), consentsOf(ctx.db.db, person.id), disclosuresOf(ctx.db.db, person.id)])
  const requests = await ctx.db.db.selectFrom('rightsRequests').selectAll().where('personId', '=', person.id).orderBy('receivedAt').execute()
  const t = TEXT[ctx.lang]
  const now = ctx.clock.now().toISOString()
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('disclosures').values({ id: requestId, personId: person.id, channel: 'access_report', recipientClass: 'data_subject', recipientName: null, recipientCountry: null, purpose: 'arco_access', legalBasis: 'legal_obligation', legalReference: 'LGPDPPSO', fieldSets: JSON.stringify(identity ? ['identity', 'contact', 'health'] : []), allowed: 1, rule: 'data_subject_right', actorId: ctx.actor.userId, at: now }).execute()
    await trx.updateTable('rightsRequests').set({ status: 'completed', resolvedAt: now }).where('id', '=', requestId).execute()
    await audit(trx, ctx, { action: 'rights.access_report', recordType: 'rights_request', recordId: requestId, decision: 'allowed' })
  })
  const identityHtml = identity
    ? `<dl>${Object.entries(identity).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</dd>`).join('')}</dl>`
    : `<p>${t.erased}</p>`
  const table = (heads: string[], rows: string[][]) =>
    rows.length === 0 ? `<p>${t.none}</p>` : `<table><tr>${heads.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`
  return `<!doctype html><html lang="${ctx.lang}"><head><meta charset="utf-8"><title>${t.title}</title>
<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}</style></head>
<body><h1>${t.title}</h1><p>${esc(now)} · ${esc(person.id)}</p>
<h2>${t.identity}</h2>${identityHtml}
<h2>${t.links}</h2>${table(['record', 'id', 'basis', 'purpose', 'at'], links.map((l) => [l.recordType, l.recordId, l.legalBasis, l.purpose, l.createdAt]))}
<h2>${t.consents}</h2>${table(['recipient', 'purpose', 'basis', 'given', 'expires', 'withdrawn', 'language'], consents.map(toConsent).map((c) => [[c.recipient.class, c.recipient.name, c.recipient.country].filter(Boolean).join(' '), c.purpose, c.legalBasis, c.givenAt, c.expiresAt ?? '', c.withdrawnAt ?? '', c.explainedIn]))}
<h2>${t.disclosures}</h2>${table(['at', 'channel', 'recipient', 'purpose', 'basis', 'allowed', 'rule'], disclosures.map((d) => [d.at, d.channel, [d.recipientClass, d.recipientName, d.recipientCountry].filter(Boolean).join(' '), d.purpose, d.legalBasis, d.allowed === 1 ? 'yes' : 'no', d.rule]))}
<h2>${t.requests}</h2>${table(['kind', 'status', 'received', 'due'], requests.map((r) => [r.kind, r.status, r.receivedAt, r.dueAt]))}
</body></html>`
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
