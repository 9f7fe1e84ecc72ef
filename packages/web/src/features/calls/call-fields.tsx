import { useId, type ReactNode } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'

interface ChoicesProps<T extends FieldValues> {
  form: UseFormReturn<T, unknown, unknown>
  name: Path<T>
  legend: string
  options: readonly { value: string; label: string; hint?: string }[]
  /** `tiles`: a grid of big targets; `pills`: a short row. */
  look: 'tiles' | 'pills'
}

/**
 * A closed list as real radio buttons drawn as tiles, so the keyboard works as everywhere: Tab
 * into the group, arrows to choose, Tab to the next one. An operator on the phone never needs
 * the mouse.
 */
export function Choices<T extends FieldValues>({ form, name, legend, options, look }: ChoicesProps<T>) {
  const id = useId()
  const error = useErrorText(form, name)
  return (
    <fieldset className={`call-choices call-choices-${look}`} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="call-choices-grid">
        {options.map((o) => (
          <label key={o.value} className="call-choice">
            <input type="radio" value={o.value} {...form.register(name)} />
            <span className="call-choice-text">
              <span className="call-choice-label">{o.label}</span>
              {o.hint ? <span className="call-choice-hint">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <ErrorLine id={`${id}-error`} text={error} />
    </fieldset>
  )
}

/** Fields side by side on a wide screen, one under the other on a phone. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className="call-row">{children}</div>
}

// The server's message, the catalogue's for the schema's check, or a general one.
function useErrorText<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, name: Path<T>): string | undefined {
  const { t } = useI18n()
  const { error } = form.getFieldState(name, form.formState)
  if (error === undefined) {
    return undefined
  }
  if (error.type === 'server' && error.message) {
    return error.message
  }
  const key = `form.error.${error.message ?? ''}`
  return isMessageKey(key) ? t(key) : t('form.error.invalid')
}

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
