import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'

/** A zod issue as the forms show it: which field, never the library's English text. */
export interface Issue {
  path: PropertyKey[]
}

export function ValidationErrors({ issues }: { issues: readonly Issue[] }) {
  const { t } = useI18n()
  if (issues.length === 0) {
    return null
  }
  const fields = [...new Set(issues.map((i) => i.path.map(String).join('.') || '—'))]
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('fm.invalid')}</p>
      <ul>
        {fields.map((f) => (
          <li key={f} className="mono">
            {f}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A select over the values of an enum, each shown by its label from the message catalogue. */
export function EnumSelect<T extends string>({ id, options, value, onChange, label }: { id: string; options: readonly T[]; value: NoInfer<T>; onChange(next: NoInfer<T>): void; label(value: NoInfer<T>): string }) {
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => {
        const next = options.find((o) => o === e.target.value)
        if (next !== undefined) {
          onChange(next)
        }
      }}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  )
}

/** The "saved on this phone" confirmation, shown for a few seconds after each save. */
export function useSaved(): { visible: boolean; show(): void } {
  const [visible, setVisible] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  return {
    visible,
    show: () => {
      setVisible(true)
      clearTimeout(timer.current)
      timer.current = setTimeout(() => setVisible(false), 5000)
    },
  }
}

export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  )
}

/** Local date and time for a datetime-local input, from an instant. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The instant of a datetime-local value, as ISO; undefined when empty or unreadable. */
export function fromLocalInput(value: string): string | undefined {
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}
