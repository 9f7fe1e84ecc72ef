import { zodResolver } from '@hookform/resolvers/zod'
import { useId } from 'react'
import { useForm, type DefaultValues, type FieldError, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { isMessageKey } from '../i18n/messages.ts'

/**
 * A form checked by a core zod schema, the one the server validates the same body with: the
 * person hears about a mistake before sending, in the same terms the server would use.
 */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues, mode: 'onTouched' })
}

/**
 * Puts a refusal from the server on the fields it names (its messages are already in the
 * person's language); what names no field of the form comes back for a notice.
 */
export function showServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, error: unknown, fields: readonly Path<T>[]): unknown {
  if (!(error instanceof ApiError)) {
    return error
  }
  let placed = false
  for (const issue of error.problem?.errors ?? []) {
    const field = fields.find((f) => f === issue.field)
    if (field !== undefined) {
      form.setError(field, { type: 'server', message: issue.message })
      placed = true
    }
  }
  return placed ? undefined : error
}

interface TextFieldProps<T extends FieldValues> {
  form: UseFormReturn<T, unknown, unknown>
  name: Path<T>
  label: string
  type?: 'text' | 'password' | 'tel' | 'email'
  autoComplete?: string
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel'
  hint?: string
  /** A text of several lines (a description), in a textarea. */
  multiline?: boolean
}

/** A labelled input with its hint and its error, tied together for screen readers. */
export function TextField<T extends FieldValues>({ form, name, label, type = 'text', autoComplete, inputMode, hint, multiline = false }: TextFieldProps<T>) {
  const id = useId()
  // By path, so a field of a list (`sought.2.firstSurname`) finds its error in the nested errors.
  const error = form.getFieldState(name, form.formState).error
  const empty = error !== undefined && (form.getValues(name) ?? '') === ''
  const text = useErrorText(error, empty)
  const describedBy = [hint ? `${id}-hint` : '', text ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} autoComplete={autoComplete} aria-invalid={text ? true : undefined} aria-describedby={describedBy} {...form.register(name)} />
      ) : (
        <input id={id} type={type} autoComplete={autoComplete} inputMode={inputMode} aria-invalid={text ? true : undefined} aria-describedby={describedBy} {...form.register(name)} />
      )}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorLine id={`${id}-error`} text={text} />
    </div>
  )
}

/** A field error in words: the server's own message, a catalog text for the schema's check, or a general one. */
function useErrorText(error: FieldError | undefined, empty = false): string | undefined {
  const { t } = useI18n()
  if (!error) {
    return undefined
  }
  if (error.type === 'server' && error.message) {
    return error.message
  }
  if (empty) {
    return t('form.error.required')
  }
  // A check of the form's own (a refine) names its message; the schema's checks, their kind.
  for (const key of [`form.error.${error.message ?? ''}`, `form.error.${error.type}`]) {
    if (isMessageKey(key)) {
      return t(key)
    }
  }
  return t('form.error.invalid')
}

interface SelectFieldProps<T extends FieldValues> {
  form: UseFormReturn<T, unknown, unknown>
  name: Path<T>
  label: string
  options: readonly { value: string; label: string }[]
  /** Shown first with no value, so nothing is chosen for the person. */
  placeholder?: string
}

/** A labelled list to choose from, with its error, like `TextField`. */
export function SelectField<T extends FieldValues>({ form, name, label, options, placeholder }: SelectFieldProps<T>) {
  const id = useId()
  const { t } = useI18n()
  // By path, so a field of a list (`sought.2.firstSurname`) finds its error in the nested errors.
  const error = form.getFieldState(name, form.formState).error
  // Whatever the schema's check, a list's mistake is always the same: nothing, or nothing valid, chosen.
  const text = error === undefined ? undefined : error.type === 'server' && error.message ? error.message : t('form.error.choose')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={text ? true : undefined} aria-describedby={text ? `${id}-error` : undefined} {...form.register(name)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorLine id={`${id}-error`} text={text} />
    </div>
  )
}

/** A field's error, announced when it appears and named by the field's aria-describedby. */
function ErrorLine({ id, text }: { id: string; text: string | undefined }) {
  if (!text) {
    return null
  }
  return (
    <p className="field-error" id={id} role="alert">
      {text}
    </p>
  )
}

/** A form's send button, and a cancel button beside it when the form can be closed. */
export function FormActions({ submit, busy, onCancel }: { submit: string; busy: boolean; onCancel?: () => void }) {
  const { t } = useI18n()
  return (
    <div className="actions">
      <button type="submit" className="button button-primary" disabled={busy}>
        {submit}
      </button>
      {onCancel ? (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('staff.edit.cancel')}
        </button>
      ) : null}
    </div>
  )
}
