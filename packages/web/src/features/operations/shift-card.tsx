import { useId, useState } from 'react'
import { api, ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { ErrorNotice } from '../../ui/status.tsx'
import type { Shift, Volunteer } from './types.ts'
import { endsNextDay, moveVolunteer } from './week.ts'
import { weekdayText } from './words.ts'

type Changed = (text: string, conflict?: boolean) => void

/**
 * One shift: its times, who is on it against how many are needed (a gap marked), who came; a
 * volunteer moved to another shift of the week, and who came recorded (from its day on). A change that crossed
 * another one on the way (409) reloads the week and says so.
 */
export function ShiftCard({ shift, week, people, canChange, today, onChanged }: { shift: Shift; week: readonly Shift[]; people: readonly Volunteer[]; canChange: boolean; today: string; onChanged: Changed }) {
  const { t } = useI18n()
  const [open, setOpen] = useState<'attendance' | { move: string } | undefined>(undefined)
  const times = t(endsNextDay(shift) ? 'ops.shift.timesNextDay' : 'ops.shift.times', { starts: shift.starts, ends: shift.ends })
  const came = shift.attended === undefined ? undefined : shift.volunteers.filter((v) => shift.attended?.includes(v.userId)).length
  const name = (v: { userId: string; displayName: string | null }) => v.displayName ?? people.find((p) => p.userId === v.userId)?.displayName ?? t('ops.volunteers.noName')
  return (
    <li className={shift.missing > 0 ? 'ops-shift ops-shift-gap' : 'ops-shift'} data-testid="roster-shift" data-id={shift.recordId} data-missing={shift.missing}>
      <p className="ops-shift-head">
        <strong className="ops-shift-times">{times}</strong>
        <span className={shift.missing > 0 ? 'ops-shift-need ops-shift-need-gap' : 'ops-shift-need'}>
          {shift.missing > 0 ? t('ops.shift.missing', { count: shift.missing, needed: shift.needed }) : t('ops.shift.full', { count: shift.needed })}
        </span>
      </p>
      {shift.volunteers.length === 0 ? <p className="muted">{t('ops.shift.nobody')}</p> : null}
      <ul className="ops-shift-people">
        {shift.volunteers.map((v) => (
          <li key={v.userId} data-testid="roster-person" data-user={v.userId}>
            <span>
              {name(v)}
              {shift.attended !== undefined ? <span className="muted"> · {shift.attended.includes(v.userId) ? t('ops.shift.came') : t('ops.shift.absent')}</span> : null}
            </span>
            {canChange && week.length > 1 ? (
              <button type="button" className="button button-ghost ops-small-button" aria-expanded={typeof open === 'object' && open.move === v.userId} onClick={() => setOpen(typeof open === 'object' && open.move === v.userId ? undefined : { move: v.userId })} aria-label={t('ops.shift.moveNamed', { name: name(v) })}>
                {t('ops.shift.move')}
              </button>
            ) : null}
            {typeof open === 'object' && open.move === v.userId ? <MoveForm shift={shift} week={week} userId={v.userId} name={name(v)} onDone={(text, conflict) => { setOpen(undefined); onChanged(text, conflict) }} /> : null}
          </li>
        ))}
      </ul>
      {came !== undefined ? <p className="muted">{t('ops.shift.attendedCount', { count: came, total: shift.volunteers.length })}</p> : null}
      {canChange && shift.volunteers.length > 0 && shift.date <= today ? (
        <button type="button" className="button button-ghost ops-small-button" aria-expanded={open === 'attendance'} onClick={() => setOpen(open === 'attendance' ? undefined : 'attendance')} data-testid="roster-attendance-open">
          {t('ops.shift.attendance')}
        </button>
      ) : null}
      {open === 'attendance' ? <AttendanceForm shift={shift} name={name} onDone={(text, conflict) => { setOpen(undefined); onChanged(text, conflict) }} /> : null}
    </li>
  )
}

/** Moves one volunteer to another shift of the week: added there first, then taken off this one. */
function MoveForm({ shift, week, userId, name, onDone }: { shift: Shift; week: readonly Shift[]; userId: string; name: string; onDone: Changed }) {
  const { t, lang } = useI18n()
  const id = useId()
  const targets = week.filter((s) => s.recordId !== shift.recordId)
  const [target, setTarget] = useState(targets[0]?.recordId ?? '')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(undefined)
  const label = (s: Shift) => `${weekdayText(lang, s.date)}, ${t('ops.shift.times', { starts: s.starts, ends: s.ends })}`
  const move = async () => {
    const to = targets.find((s) => s.recordId === target)
    if (to === undefined) {
      return
    }
    setBusy(true)
    setFailure(undefined)
    const lists = moveVolunteer(userId, shift, to)
    try {
      await api(`/api/shifts/${encodeURIComponent(to.recordId)}`, { method: 'PATCH', body: { id: uuidv7(), volunteers: lists.to, version: to.version } })
      await api(`/api/shifts/${encodeURIComponent(shift.recordId)}`, { method: 'PATCH', body: { id: uuidv7(), volunteers: lists.from, version: shift.version } })
      onDone(t('ops.shift.moved', { name, to: label(to) }))
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onDone(t('ops.shift.conflict'), true)
        return
      }
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="ops-inline-form" data-testid="roster-move">
      <div className="field">
        <label htmlFor={id}>{t('ops.shift.moveTo', { name })}</label>
        <select id={id} value={target} onChange={(e) => setTarget(e.target.value)} data-testid="roster-move-target">
          {targets.map((s) => (
            <option key={s.recordId} value={s.recordId}>
              {label(s)}
            </option>
          ))}
        </select>
      </div>
      {failure ? <ErrorNotice error={failure} /> : null}
      <button type="button" className="button button-primary" disabled={busy || target === ''} onClick={() => void move()} data-testid="roster-move-send">
        {t('ops.shift.moveSubmit')}
      </button>
    </div>
  )
}

/** Who came to the shift, ticked among those on it. */
function AttendanceForm({ shift, name, onDone }: { shift: Shift; name: (v: Shift['volunteers'][number]) => string; onDone: Changed }) {
  const { t } = useI18n()
  const [came, setCame] = useState<string[]>(shift.attended ?? shift.volunteers.map((v) => v.userId))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(undefined)
  const save = async () => {
    setBusy(true)
    setFailure(undefined)
    try {
      await api(`/api/shifts/${encodeURIComponent(shift.recordId)}/attendance`, { method: 'POST', body: { id: uuidv7(), attended: came, version: shift.version } })
      onDone(t('ops.shift.attendanceDone', { count: came.length, total: shift.volunteers.length }))
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onDone(t('ops.shift.conflict'), true)
        return
      }
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <fieldset className="ops-inline-form" data-testid="roster-attendance">
      <legend>{t('ops.shift.attendanceLegend')}</legend>
      {shift.volunteers.map((v) => (
        <label key={v.userId} className="check">
          <input type="checkbox" checked={came.includes(v.userId)} onChange={(e) => setCame(e.target.checked ? [...came, v.userId] : came.filter((id) => id !== v.userId))} />
          {name(v)}
        </label>
      ))}
      {failure ? <ErrorNotice error={failure} /> : null}
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()} data-testid="roster-attendance-send">
        {t('ops.shift.attendanceSubmit')}
      </button>
    </fieldset>
  )
}
