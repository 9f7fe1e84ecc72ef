import type { ImportIssue, ImportResult } from '@faro/core'
import { useI18n } from '../../i18n/i18n.tsx'
import { ImportProblems, useFocusOnShow } from './import-preview.tsx'
import type { FileProblem } from './import-request.ts'

/** A list imported: what the server answered and whose list it was. */
export interface Done {
  result: ImportResult
  source: string
}

/** What is wrong with the chosen file; for a list too large, the command that imports it on the server. */
export function FileProblemText({ id, problem }: { id: string; problem: FileProblem }) {
  const { t } = useI18n()
  return (
    <div className="notice notice-error regimp-file-problem" id={id} role="alert" data-testid="regimp-file-problem">
      <p>{t(`regimp.problem.${problem}`)}</p>
      {problem === 'too_large' ? (
        <code className="regimp-command">
          {/* Broken between its words and options only, never inside `--kind`. */}
          {commandWords(t('regimp.cliCommand')).map((word, index) => (
            <span key={index}>{index > 0 ? ' ' : ''}<span className="regimp-command-word">{word}</span></span>
          ))}
        </code>
      ) : null}
    </div>
  )
}

/** An import the server refused for its rows: the same list of problems as a review's. */
export function Refused({ issues }: { issues: ImportIssue[] }) {
  const { t } = useI18n()
  const heading = useFocusOnShow<HTMLHeadingElement>()
  return (
    <section className="card regimp-refused" aria-labelledby="regimp-refused-title" data-testid="regimp-refused">
      <h2 id="regimp-refused-title" ref={heading} tabIndex={-1}>
        {t('regimp.previewTitle')}
      </h2>
      <p className="notice notice-error">{t('regimp.refused')}</p>
      <ImportProblems issues={issues} total={issues.length} intro={issues.length >= LISTED_BY_SERVER ? t('regimp.refusedFirst', { count: issues.length }) : t('regimp.problemsHint')} />
    </section>
  )
}

export function ImportDone({ done, onNext }: { done: Done; onNext: () => void }) {
  const { t } = useI18n()
  const heading = useFocusOnShow<HTMLHeadingElement>()
  const values = { count: done.result.rows, source: done.source }
  return (
    <section className="card regimp-done" aria-labelledby="regimp-done-title" data-testid="regimp-done">
      <h2 id="regimp-done-title" ref={heading} tabIndex={-1}>
        {t('regimp.doneTitle')}
      </h2>
      <div className="notice notice-ok" role="status">
        <p data-testid="regimp-done-count">{t(done.result.status === 'imported' ? 'regimp.done' : 'regimp.doneAgain', values)}</p>
        <p>{t('regimp.doneNext')}</p>
      </div>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onNext}>
          {t('regimp.another')}
        </button>
      </div>
    </section>
  )
}

// A command's words, an optional part in brackets kept as one.
function commandWords(command: string): string[] {
  return command.match(/\[[^\]]*\]|\S+/g) ?? [command]
}

// The server lists at most this many bad rows in a refusal.
const LISTED_BY_SERVER = 100
