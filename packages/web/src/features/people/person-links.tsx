import { lazy, Suspense, useState } from 'react'
import type { RecordView } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { Link } from '../../ui/router.tsx'
import { Loading } from '../../ui/status.tsx'
import { useFetch, useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { isLinkable, linkableTypes, recordPath, recordTypeName, recordWords } from './record-words.ts'
import { word } from '../cases/case-words.ts'
import type { CaseItem } from '../cases/types.ts'
import type { MaskedPerson } from './types.ts'
import './person-links.css'

// The form brings core's schema (and zod) with it: loaded only when someone opens it.
const LinkRecordForm = lazy(() => import('./link-record-form.tsx'))

type PersonLink = MaskedPerson['links'][number]

/**
 * "Registros vinculados": the records a person is linked to, each named in words and opening its
 * page for whoever may read it, and, for roles that may store identities, a form to link one
 * more. A link decides how long the identity is kept (retention), so it names its basis and purpose.
 */
export function PersonLinks({ person }: { person: MaskedPerson }) {
  const { t } = useI18n()
  const { can } = useSession()
  const invalidate = useInvalidate()
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState<string | undefined>(undefined)
  const types = linkableTypes(can)
  const mayLink = person.status === 'active' && can('person.create') && types.length > 0

  // The confirmation shows once the list has the new link, so what it says is already on screen.
  const linked = async (record: string) => {
    await invalidate(`/api/people/${person.id}`)
    setOpen(false)
    setDone(record)
  }

  return (
    <section className="person-links" aria-labelledby="links-heading" data-testid="person-links">
      <h3 id="links-heading" className="list-heading">
        {t('people.links.heading')}
      </h3>
      {person.links.length === 0 ? (
        <p className="muted">{t('people.links.none')}</p>
      ) : (
        <ul className="list" data-testid="link-list">
          {person.links.map((link) => (
            <li key={`${link.recordType}/${link.recordId}`} className="list-item">
              <LinkedRecord link={link} />
            </li>
          ))}
        </ul>
      )}
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="link-done">
          {t('people.links.done', { record: done })}
        </p>
      ) : null}
      {mayLink && !open ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDone(undefined)
            setOpen(true)
          }}
        >
          {t('people.links.open')}
        </button>
      ) : null}
      {mayLink && open ? (
        <Suspense fallback={<Loading />}>
          <LinkRecordForm personId={person.id} types={types} onLinked={linked} onCancel={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </section>
  )
}

/**
 * One link in words: the record's type and what it was (when, where, how many people), opening
 * its page. A role that may not read that type of record sees the type only, never its id.
 */
function LinkedRecord({ link }: { link: PersonLink }) {
  return link.recordType === 'case' ? <LinkedCase link={link} /> : <LinkedFieldRecord link={link} />
}

/**
 * A case the person filed, by its folio, kind, category and where it stands: how the call centre
 * finds a caller's earlier cases, once the caller gave their identity.
 */
function LinkedCase({ link }: { link: PersonLink }) {
  const { t, dateTime } = useI18n()
  const { can } = useSession()
  const readable = can('case.read')
  const found = useFetch<CaseItem>(readable ? `/api/cases/${encodeURIComponent(link.recordId)}` : null)
  const typeName = recordTypeName('case', t)
  const c = found.status === 'ok' ? found.data : undefined
  const title = c ? t('people.links.case', { kind: word(t, 'kind', c.state.kind), folio: c.folio, category: word(t, 'category', c.state.category) }) : typeName
  return (
    <>
      <p className="list-item-title">
        {readable && c ? (
          <Link to={`cases/${encodeURIComponent(link.recordId)}`} className="list-item-link">
            {title}
          </Link>
        ) : (
          title
        )}
      </p>
      {c ? (
        <p className="list-item-meta">
          <time dateTime={c.state.receivedAt}>{dateTime(c.state.receivedAt)}</time> · {word(t, 'status', c.status)}
        </p>
      ) : null}
    </>
  )
}

function LinkedFieldRecord({ link }: { link: PersonLink }) {
  const { t, dateTime } = useI18n()
  const { can } = useSession()
  const unitName = useUnitNames()
  const readable = isLinkable(link.recordType) && can(`${link.recordType}.read`)
  const record = useFetch<RecordView<Record<string, unknown>>>(readable ? `/api/records/${encodeURIComponent(link.recordType)}/${encodeURIComponent(link.recordId)}` : null)
  const known = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`
    return isMessageKey(key) ? t(key) : value
  }
  const typeName = recordTypeName(link.recordType, t)
  const words = record.status === 'ok' ? recordWords(link.recordType, record.data.state, t) : undefined
  const title = words ? t('people.links.title', { type: typeName, title: words.title }) : typeName
  return (
    <>
      <p className="list-item-title">
        {readable ? (
          <Link to={recordPath(link.recordType, link.recordId)} className="list-item-link">
            {title}
          </Link>
        ) : (
          title
        )}
      </p>
      {words && record.status === 'ok' ? (
        <p className="list-item-meta">
          {words.when ? (
            <>
              <time dateTime={words.when}>{dateTime(words.when)}</time> ·{' '}
            </>
          ) : null}
          {[unitName(record.data.orgUnitId), words.people].filter(Boolean).join(' · ')}
        </p>
      ) : null}
      <p className="list-item-meta">{t('people.links.basisPurpose', { purpose: known('purpose', link.purpose), basis: known('consent.basis', link.legalBasis) })}</p>
    </>
  )
}
