import { useI18n } from '../../i18n/i18n.tsx'
import { LANGS } from '../../i18n/messages.ts'

/** Two buttons, each named in its own language so anyone can find theirs. */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span className="visually-hidden">{t(`lang.${l}`)}</span>
        </button>
      ))}
    </div>
  )
}
