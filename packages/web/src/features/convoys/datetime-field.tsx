import { useId } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { useI18n } from '../../i18n/i18n.tsx'

/** A date and time with the browser's picker, in its own zone; its error, the server's or "choose one". */
export function DateTimeField<T extends FieldValues>({ form, name, label }: { form: UseFormReturn<T, unknown, unknown>; name: Path<T>; label: string }) {
  const id = useId()
  const { t } = useI18n()
  const error = form.getFieldState(name, form.formState).error
  const text = error === undefined ? undefined : error.type === 'server' && error.message ? error.message : t('convoy.field.whenNeeded')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="datetime-local" aria-invalid={text ? true : undefined} aria-describedby={text ? `${id}-error` : undefined} {...form.register(name)} />
      {text ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {text}
        </p>
      ) : null}
    </div>
  )
}
