import { useId, useState, type FormEvent } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice } from '../../ui/status.tsx'

const FIELDS = ['givenNames', 'firstSurname', 'secondSurname', 'email'] as const
type Notify = { class: string | null; name: string | null; country: string | null; channel: string; at: string }

/**
 * Rectification: only the fields typed in change. The answer lists every recipient the identity
 * was disclosed to, so the officer can pass the correction on to each.
 */
export function RectifyForm({ requestId, onDone }: { requestId: string; onDone: () => void }) {
  const { t, dateTime } = useI18n()
  const [values, setValues] = useState<Record<string, string>>({})
  const [notify, setNotify] = useState<Notify[] | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const baseId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    const identity = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''))
    api<{ notify: Notify[] }>(`/api/rights-requests/${requestId}/rectify`, { method: 'POST', body: { identity } }).then((res) => setNotify(res.notify), setError)
  }

  if (notify) {
    return (
      <div className="notice notice-ok" role="status" data-testid="rectify-notify">
        <p>{t('rights.rectified', { count: notify.length })}</p>
        <ul>
          {notify.map((n) => (
            <li key={`${n.class ?? ''}-${n.name ?? ''}-${n.country ?? ''}`}>
              {[n.class, n.name, n.country].filter(Boolean).join(' ')} · {n.channel} · {dateTime(n.at)}
            </li>
          ))}
        </ul>
        <button type="button" className="button button-ghost" onClick={onDone}>
          {t('rights.done')}
        </button>
      </div>
    )
  }
  return (
    <form className="form" onSubmit={submit}>
      {FIELDS.map((field) => (
        <div key={field}>
          <label htmlFor={`${baseId}-${field}`}>{t(`people.field.${field}`)}</label>
          <input id={`${baseId}-${field}`} value={values[field] ?? ''} onChange={(e) => setValues({ ...values, [field]: e.target.value })} autoComplete="off" />
        </div>
      ))}
      <button type="submit" className="button" disabled={Object.values(values).every((v) => v.trim() === '')}>
        {t('rights.rectify')}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  )
}
