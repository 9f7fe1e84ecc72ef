import type { RoutingRule, RoutingRuleSet } from '@faro/core'
import { useMemo, useState } from 'react'
import { z } from 'zod'
import { api, ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { Actions, ErrorNotice } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { useBodies } from '../cases/case-words.ts'
import { RuleFormCard, type BodyChoices } from './rule-form.tsx'
import { RuleCards } from './rule-list.tsx'
import { isAccusedInternalControl, moveRule } from './rule-values.ts'
import type { RulesAnswer } from './types.ts'

/** How a save ended: a new version, or another one saved meanwhile (the page reloads the rules). */
export type Saved = { kind: 'saved'; version: number } | { kind: 'changed' }

interface RulesEditorProps {
  answer: RulesAnswer
  unitName(id: string): string
  onSaved(result: Saved): void
  /** Editing starts: an earlier notice no longer applies. */
  onEdit(): void
}

const SaveForm = z.object({ note: z.string().trim().min(1).max(500) })

/**
 * The rules in force, and a copy of them to change: add, change, move or remove rules, then save
 * the whole list as the next version with a note. The version it started from goes with it, so
 * if someone saved another version meanwhile nothing is overwritten (409) and the page reloads.
 */
export function RulesEditor({ answer, unitName, onSaved, onEdit }: RulesEditorProps) {
  const { t } = useI18n()
  // The copy keeps the version it started from: a newer one fetched meanwhile must not replace
  // the edit in progress, and saving on the old one is refused rather than overwriting it.
  const [draft, setDraft] = useState<Draft | undefined>(undefined)
  const [editing, setEditing] = useState<number | 'new' | undefined>(undefined)
  const choices = useBodyChoices(answer, unitName)
  if (draft === undefined) {
    return (
      <>
        <RuleCards rules={answer.rules.rules} unitName={unitName} />
        <Actions>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              onEdit()
              setDraft({ basedOn: answer.version, base: answer.rules, rules: [...answer.rules.rules] })
            }}
            data-testid="rules-edit"
          >
            {t('case.rules.edit')}
          </button>
        </Actions>
      </>
    )
  }
  const rules = draft.rules
  const change = (next: RoutingRule[]) => setDraft({ ...draft, rules: next })
  const done = (rule: RoutingRule) => {
    change(editing === 'new' || editing === undefined ? [...rules, rule] : rules.map((r, i) => (i === editing ? rule : r)))
    setEditing(undefined)
  }
  const form = (index: number | 'new') => (
    <RuleFormCard rule={index === 'new' ? undefined : rules[index]} position={index === 'new' ? rules.length + 1 : index + 1} bodies={choices} onDone={done} onCancel={() => setEditing(undefined)} />
  )
  const ruleActions = (index: number, headingId: string) => (
    <>
      <button type="button" className="button button-secondary" aria-describedby={headingId} onClick={() => setEditing(index)}>
        {t('case.rules.change')}
      </button>
      <button type="button" className="button button-secondary" aria-describedby={headingId} disabled={index === 0} onClick={() => change(moveRule(rules, index, -1))}>
        {t('case.rules.up')}
      </button>
      <button type="button" className="button button-secondary" aria-describedby={headingId} disabled={index === rules.length - 1} onClick={() => change(moveRule(rules, index, 1))}>
        {t('case.rules.down')}
      </button>
      <button type="button" className="button button-danger" aria-describedby={headingId} onClick={() => change(rules.filter((_, i) => i !== index))}>
        {t('case.rules.remove')}
      </button>
    </>
  )
  const finish = (result: Saved) => {
    setDraft(undefined)
    onSaved(result)
  }
  return (
    <div data-testid="rules-editor">
      <p className="notice" role="status">
        {t('case.rules.editing')}
      </p>
      <RuleCards rules={rules} unitName={unitName} actions={editing === undefined ? ruleActions : undefined} editing={typeof editing === 'number' ? { index: editing, form: form(editing) } : undefined} />
      {editing === 'new' ? form('new') : null}
      {editing === undefined ? (
        <>
          <Actions>
            <button type="button" className="button button-secondary" onClick={() => setEditing('new')} data-testid="rules-add">
              {t('case.rules.addRule')}
            </button>
          </Actions>
          <SaveCard draft={draft} onSaved={finish} onDiscard={() => setDraft(undefined)} />
        </>
      ) : null}
    </div>
  )
}

/** A copy of the rules being changed, and the version it was taken from. */
interface Draft {
  basedOn: number
  base: RoutingRuleSet
  rules: RoutingRule[]
}

function SaveCard({ draft, onSaved, onDiscard }: { draft: Draft; onSaved(result: Saved): void; onDiscard(): void }) {
  const { t } = useI18n()
  const invalidate = useInvalidate()
  const form = useSchemaForm(SaveForm, { note: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const [unchanged, setUnchanged] = useState(false)
  const submit = form.handleSubmit(async ({ note }) => {
    setFailure(undefined)
    setUnchanged(false)
    if (JSON.stringify(draft.rules) === JSON.stringify(draft.base.rules)) {
      setUnchanged(true)
      return
    }
    try {
      const saved = await api<{ version: number }>('/api/cases/routing-rules', { method: 'PUT', body: { basedOn: draft.basedOn, note, rules: { ...draft.base, rules: draft.rules } } })
      await invalidate('/api/cases/routing-rules')
      onSaved({ kind: 'saved', version: saved.version })
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await invalidate('/api/cases/routing-rules')
        onSaved({ kind: 'changed' })
        return
      }
      setFailure(showServerErrors(form, error, ['note']))
    }
  })
  return (
    <form className="card office-save" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="rules-save-title" data-testid="rules-save">
      <h3 id="rules-save-title">{t('case.rules.saveTitle')}</h3>
      <TextField form={form} name="note" label={t('case.rules.note')} hint={t('case.rules.noteHint')} multiline />
      {unchanged ? (
        <p className="notice notice-warning" role="status">
          {t('case.rules.unchanged')}
        </p>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      <Actions>
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('case.rules.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDiscard}>
          {t('case.rules.discard')}
        </button>
      </Actions>
    </form>
  )
}

/**
 * The bodies a rule may name: agencies and internal control bodies by name, and the office that
 * takes what no rule takes with any other unit a saved rule already names, so changing a rule
 * never drops a body nobody unticked.
 */
function useBodyChoices(answer: RulesAnswer, unitName: (id: string) => string): BodyChoices {
  const { bodies, agencies } = useBodies()
  return useMemo(() => {
    const agencyIds = new Set(agencies.map((a) => a.value))
    const known = new Set(bodies.map((b) => b.value))
    const named = [answer.rules.fallback, ...answer.rules.rules.flatMap((r) => r.to)].filter((id, i, all) => !isAccusedInternalControl(id) && !known.has(id) && all.indexOf(id) === i)
    // Under their own heading, internal control bodies need no code after the name.
    const internalControl = bodies.filter((b) => !agencyIds.has(b.value)).map((b) => ({ value: b.value, label: unitName(b.value) }))
    return { agencies, internalControl, other: named.map((id) => ({ value: id, label: unitName(id) })) }
  }, [answer, bodies, agencies, unitName])
}
