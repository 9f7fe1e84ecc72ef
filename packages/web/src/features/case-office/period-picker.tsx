import { useMemo, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { localDay, operationWindow, periodRange, PERIODS, type Period, type PeriodKind } from './period.ts'

/** The period picked: one of the named ones, or two days. */
export interface PeriodChoice {
  kind: PeriodKind
  from: string
  to: string
}

/**
 * The period a screen reads, this operation to begin with; `period` is undefined while two days
 * in order are not yet picked. The day is taken once, so the question stays the same all along.
 */
export function usePeriod(): { choice: PeriodChoice; setChoice(choice: PeriodChoice): void; period: Period | undefined; today: string } {
  const [now] = useState(() => new Date())
  const today = localDay(now)
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ kind: 'operation', from: operationWindow(today).from, to: today }))
  const period = useMemo(() => periodRange(choice.kind, now, { from: choice.from, to: choice.to }), [choice, now])
  return { choice, setChoice, period, today }
}

/** The periods as toggle buttons, with two day fields for other dates and the days covered in words. */
export function PeriodPicker({ choice, onChange, period, today }: { choice: PeriodChoice; onChange(choice: PeriodChoice): void; period: Period | undefined; today: string }) {
  const { t, lang } = useI18n()
  const operation = operationWindow(today).operation
  const label = (kind: PeriodKind) => (kind === 'operation' ? t(`case.period.operation.${operation}`) : t(`case.period.${kind}`))
  const day = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium', timeZone: 'America/Mexico_City' })
  return (
    <div className="office-period" data-testid="period-picker">
      <div className="segmented" role="group" aria-label={t('case.period')}>
        {PERIODS.map((kind) => (
          <button key={kind} type="button" aria-pressed={kind === choice.kind} onClick={() => onChange({ ...choice, kind })}>
            {label(kind)}
          </button>
        ))}
      </div>
      {choice.kind === 'custom' ? (
        <div className="field-pair">
          <div className="field field-short">
            <label htmlFor="period-from">{t('case.period.from')}</label>
            <input id="period-from" type="date" max={today} value={choice.from} onChange={(e) => onChange({ ...choice, from: e.target.value })} />
          </div>
          <div className="field field-short">
            <label htmlFor="period-to">{t('case.period.to')}</label>
            <input id="period-to" type="date" max={today} value={choice.to} onChange={(e) => onChange({ ...choice, to: e.target.value })} />
          </div>
        </div>
      ) : null}
      <p className="muted" role="status" data-testid="period-days">
        {period ? t('case.period.days', { from: day.format(new Date(period.from)), to: day.format(new Date(period.to)) }) : t('case.period.pickDays')}
      </p>
    </div>
  )
}
