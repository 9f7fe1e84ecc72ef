import { useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { Items, User } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { RuleCards } from './rule-list.tsx'
import { RulesEditor, type Saved } from './rules-editor.tsx'
import type { RuleVersion, RulesAnswer } from './types.ts'
import '../cases/cases.css'
import './case-office.css'

/**
 * The routing rules in force, in words, and the versions saved before. Those who may change them
 * (administrators) edit a copy of the list and save it as a new version, with a note saying why;
 * the Paisano national office reads them.
 */
export function RoutingRulesPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const answer = useFetch<RulesAnswer>('/api/cases/routing-rules')
  const unitName = useUnitNames()
  const [saved, setSaved] = useState<Saved | undefined>(undefined)
  const onSaved = async (result: Saved) => {
    setSaved(result)
    await answer.reload()
  }
  return (
    <Page title={t('case.rules.title')} intro={t('case.rules.intro')} testId="routing-rules-page">
      {saved?.kind === 'saved' ? (
        <p className="notice notice-ok" role="status" data-testid="rules-saved">
          {t('case.rules.saved', { version: saved.version })}
        </p>
      ) : null}
      {saved?.kind === 'changed' ? (
        <p className="notice notice-warning" role="alert" data-testid="rules-changed">
          {t('case.rules.changedMeanwhile')}
        </p>
      ) : null}
      {answer.status === 'loading' || !unitName.ready ? <Loading /> : null}
      {answer.status === 'error' ? <ErrorNotice error={answer.error} onRetry={() => void answer.reload()} /> : null}
      {answer.status === 'ok' && unitName.ready ? (
        <>
          <section aria-labelledby="rules-in-force" className="office-section">
            <h2 id="rules-in-force" className="list-heading">
              {answer.data.version === 0 ? t('case.rules.inForceStart') : t('case.rules.inForce', { version: answer.data.version })}
            </h2>
            <p className="muted">{t('case.rules.firstMatch', { fallback: unitName(answer.data.rules.fallback) })}</p>
            {can('org_unit.manage') ? (
              <RulesEditor answer={answer.data} unitName={unitName} onSaved={(result) => void onSaved(result)} onEdit={() => setSaved(undefined)} />
            ) : (
              <RuleCards rules={answer.data.rules.rules} unitName={unitName} />
            )}
          </section>
          <RuleHistory versions={answer.data.versions} current={answer.data.version} />
        </>
      ) : null}
    </Page>
  )
}

/** The versions saved, newest first: which, when, by whom and why. */
function RuleHistory({ versions, current }: { versions: readonly RuleVersion[]; current: number }) {
  const { t, dateTime } = useI18n()
  const names = useKnownNames()
  return (
    <section aria-labelledby="rules-history" className="office-section" data-testid="rule-history">
      <h2 id="rules-history" className="list-heading">
        {t('case.rules.history')}
      </h2>
      {versions.length === 0 ? <p className="muted">{t('case.rules.historyEmpty')}</p> : null}
      <ol className="list">
        {versions.map((v) => (
          <li key={v.version} className="list-item" data-testid="rule-version">
            <div className="list-item-head">
              <span className="list-item-title">{t('case.rules.version', { version: v.version })}</span>
              {v.version === current ? <span className="badge badge-ok">{t('case.rules.current')}</span> : null}
            </div>
            <p className="list-item-meta">{t('case.rules.savedBy', { when: dateTime(v.createdAt), who: names.get(v.createdBy) ?? t('case.rules.someone') })}</p>
            <blockquote className="office-note">{v.note}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  )
}

/**
 * Names of accounts the app already knows: the signed-in account and, if it was loaded, the staff
 * list. The list is not fetched for this: reading it is audited, and a name is not worth that.
 */
function useKnownNames(): ReadonlyMap<string, string> {
  const { me } = useSession()
  const cached = useQueryClient().getQueryData<Items<User>>(['api', '/api/users'])
  return useMemo(() => {
    const names = new Map((cached?.items ?? []).map((u) => [u.id, u.displayName]))
    names.set(me.user.id, me.user.displayName)
    return names
  }, [cached, me.user.id, me.user.displayName])
}
