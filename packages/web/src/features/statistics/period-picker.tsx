import { useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { encodePeriod, isDay, parsePeriod, PERIOD_KINDS, periodAround, type PeriodChoice, type PeriodKind } from './period.ts'
import type { OperationItem } from './types.ts'
import { dayName, periodName } from './words.ts'

// How far back the lists of years, halves, quarters and months go.
const YEARS_BACK = 5

/**
 * The period of a page: what kind (a year, an operation, a half, a quarter, a month, two days) and
 * which one. Each list names its periods in words; two days apply once both are there, in order.
 */
export function PeriodPicker({ period, operations, today, onChange }: { period: PeriodChoice; operations: readonly OperationItem[]; today: string; onChange(p: PeriodChoice): void }) {
  const { t, lang } = useI18n()
  const thisYear = Number(today.slice(0, 4))
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i)
  const options = (kind: PeriodKind): PeriodChoice[] => {
    switch (kind) {
      case 'year':
        return years.map((year) => ({ kind, year }))
      case 'operation':
        return operations.map((o) => ({ kind, id: o.recordId }))
      case 'half':
        return years.flatMap((year) => [2, 1].map((h) => ({ kind, year, half: h === 1 ? 1 : 2 }) as const)).filter((p) => `${p.year}-${p.half === 1 ? '01' : '07'}` <= today.slice(0, 7))
      case 'quarter':
        return years.flatMap((year) => [4, 3, 2, 1].map((q) => ({ kind, year, quarter: q === 1 ? 1 : q === 2 ? 2 : q === 3 ? 3 : 4 }) as const)).filter((p) => `${p.year}-${String((p.quarter - 1) * 3 + 1).padStart(2, '0')}` <= today.slice(0, 7))
      case 'month':
        return years.flatMap((year) => Array.from({ length: 12 }, (_, i) => ({ kind, year, month: 12 - i }))).filter((p) => `${p.year}-${String(p.month).padStart(2, '0')}` <= today.slice(0, 7))
      case 'days':
        return []
    }
  }
  const switchTo = (kind: PeriodKind) => {
    if (kind === period.kind) {
      return
    }
    if (kind === 'operation') {
      // The operation open today, else the latest that started.
      const open = operations.find((o) => o.status === 'open' && o.kind !== 'special') ?? operations.find((o) => o.startsOn <= today) ?? operations[0]
      if (open !== undefined) {
        onChange({ kind, id: open.recordId })
      }
      return
    }
    onChange(periodAround(kind, today))
  }
  const operationWords = (o: OperationItem) => t('stats.operationOption', { name: o.name, from: dayName(lang, o.startsOn), to: dayName(lang, o.endsOn) })
  return (
    <fieldset className="stats-period">
      <legend>{t('stats.periodLabel')}</legend>
      <div className="stats-period-row">
        <div className="field">
          <label htmlFor="stats-period-kind">{t('stats.periodKind')}</label>
          <select id="stats-period-kind" value={period.kind} onChange={(e) => switchTo(PERIOD_KINDS.find((k) => k === e.target.value) ?? period.kind)}>
            {PERIOD_KINDS.filter((k) => k !== 'operation' || operations.length > 0).map((k) => (
              <option key={k} value={k}>
                {t(`stats.periodKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {period.kind === 'days' ? (
          <Days period={period} today={today} onChange={onChange} />
        ) : (
          <div className="field">
            <label htmlFor="stats-period">{t(`stats.periodWhich.${period.kind}`)}</label>
            <select id="stats-period" value={encodePeriod(period)} onChange={(e) => {
              const p = parsePeriod(e.target.value)
              if (p !== undefined) {
                onChange(p)
              }
            }}>
              {options(period.kind).map((p) => {
                const operation = p.kind === 'operation' ? operations.find((o) => o.recordId === p.id) : undefined
                return (
                  <option key={encodePeriod(p)} value={encodePeriod(p)}>
                    {operation !== undefined ? operationWords(operation) : periodName(t, lang, p, operations)}
                  </option>
                )
              })}
            </select>
          </div>
        )}
      </div>
    </fieldset>
  )
}

function Days({ period, today, onChange }: { period: Extract<PeriodChoice, { kind: 'days' }>; today: string; onChange(p: PeriodChoice): void }) {
  const { t } = useI18n()
  const [from, setFrom] = useState(period.from)
  const [to, setTo] = useState(period.to)
  const apply = (f: string, tt: string) => {
    if (isDay(f) && isDay(tt) && f <= tt) {
      onChange({ kind: 'days', from: f, to: tt })
    }
  }
  const wrong = isDay(from) && isDay(to) && from > to
  return (
    <>
      <div className="field">
        <label htmlFor="stats-from">{t('stats.from')}</label>
        <input id="stats-from" type="date" max={today} value={from} onChange={(e) => {
          setFrom(e.target.value)
          apply(e.target.value, to)
        }} />
      </div>
      <div className="field">
        <label htmlFor="stats-to">{t('stats.to')}</label>
        <input id="stats-to" type="date" value={to} aria-invalid={wrong} aria-describedby={wrong ? 'stats-days-error' : undefined} onChange={(e) => {
          setTo(e.target.value)
          apply(from, e.target.value)
        }} />
        {wrong ? (
          <p className="field-error" id="stats-days-error">
            {t('stats.daysOrder')}
          </p>
        ) : null}
      </div>
    </>
  )
}
