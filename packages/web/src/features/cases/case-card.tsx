import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { dueText, placeText, word } from './case-words.ts'
import { isOverdue } from './due.ts'
import type { CaseItem } from './types.ts'

/** One case of a queue, in words: folio, what it is, where, when it came in and what is due. */
export function CaseCard({ item, now }: { item: CaseItem; now: Date }) {
  const { t, dateTime } = useI18n()
  const late = isOverdue(item)
  const due = item.nextDeadline === null ? undefined : dueText(t, item.nextDeadline, now)
  return (
    <li className={`list-item case-item${late ? ' case-item-late' : ''}`} data-testid="case-item">
      <div className="list-item-head">
        <Link to={`cases/${encodeURIComponent(item.recordId)}`} className="list-item-link case-folio">
          {item.state.folio}
        </Link>
        <span className={`badge case-status case-status-${item.status}`}>{word(t, 'status', item.status)}</span>
        {late ? <span className="badge badge-danger">{t('case.overdue')}</span> : null}
      </div>
      <p className="list-item-title">
        {word(t, 'category', item.state.category)}
        <span className="muted"> · {word(t, 'kind', item.state.kind)}</span>
      </p>
      <p className="list-item-meta">{placeText(t, item.state.place)}</p>
      <p className="list-item-meta muted">{t('case.receivedOn', { when: dateTime(item.state.receivedAt) })}</p>
      {due ? <p className={`case-due${due.overdue ? ' case-due-late' : ''}`}>{due.text}</p> : null}
    </li>
  )
}
