import { useId } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { useI18n } from '../i18n/i18n.tsx'
import { isMessageKey } from '../i18n/messages.ts'
import './choice-fields.css'

interface TilesProps<T extends FieldValues> {
  form: UseFormReturn<T, unknown, unknown>
  name: Path<T>
  legend: string
  options: readonly { value: string; label: string; hint?: string }[]
  /** `big`: two or three choices filling the row; `tiles`: a grid; `pills`: a short row. */
  look: 'big' | 'tiles' | 'pills'
  hint?: string
  /** On a phone, the options' hints are left out so the list stays within a screen. */
  terse?: boolean
}

/**
 * A closed list as radio buttons drawn as tiles big enough for a thumb on a tablet. Real radio
 * buttons, so the keyboard works as everywhere: Tab into the group, arrows to choose.
 */
export function RadioTiles<T extends FieldValues>({ form, name, legend, options, look, hint, terse = false }: TilesProps<T>) {
  const id = useId()
  const error = useFieldError(form, name, 'form.error.choose')
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className={`tiles tiles-${look}${terse ? ' tiles-terse' : ''}`} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="tiles-grid">
        {options.map((o) => (
          <label key={o.value} className="tile">
            <input type="radio" value={o.value} {...form.register(name)} />
            <span className="tile-text">
              <span className="tile-label">{o.label}</span>
              {o.hint ? <span className="tile-hint">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <ErrorText id={`${id}-error`} text={error} />
    </fieldset>
  )
}

/** A box to tick, with what ticking it means under it. */
export function CheckField<T extends FieldValues>({ form, name, label, hint }: { form: UseFormReturn<T, unknown, unknown>; name: Path<T>; label: string; hint?: string }) {
  const id = useId()
  return (
    <div className="field">
      <label className="check" htmlFor={id}>
        <input id={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...form.register(name)} />
        {label}
      </label>
      {hint ? (
        <p className="field-hint check-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** A day, with the browser's date picker, no later than today. */
export function DateField<T extends FieldValues>({ form, name, label, max }: { form: UseFormReturn<T, unknown, unknown>; name: Path<T>; label: string; max: string }) {
  const id = useId()
  const error = useFieldError(form, name, 'form.error.required')
  return (
    <div className="field field-short">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" max={max} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...form.register(name)} />
      <ErrorText id={`${id}-error`} text={error} />
    </div>
  )
}

/** A field's error in words: the server's message, the catalogue's for the check, or `fallback`. */
function useFieldError<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, name: Path<T>, fallback: 'form.error.choose' | 'form.error.required'): string | undefined {
  const { t } = useI18n()
  // By path, so a field of a list (`sought.2.firstSurname`) finds its error in the nested errors.
  const error = form.getFieldState(name, form.formState).error
  if (error === undefined) {
    return undefined
  }
  if (error.type === 'server' && error.message) {
    return error.message
  }
  const key = `form.error.${error.message ?? ''}`
  return isMessageKey(key) ? t(key) : t(fallback)
}

function ErrorText({ id, text }: { id: string; text: string | undefined }) {
  if (!text) {
    return null
  }
  return (
    <p className="field-error" id={id} role="alert">
      {text}
    </p>
  )
}
