import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Lang } from '@faro/core'
import { setApiLang } from '../api/client.ts'
import { formatDateTime, loadCatalog, loadLang, saveLang, translate, type MessageKey, type MessageValues } from './messages.ts'

export interface I18n {
  lang: Lang
  setLang(lang: Lang): void
  t(key: MessageKey, values?: MessageValues): string
  dateTime(iso: string): string
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = loadLang()
    // Set before the first request so the server answers in the same language as the UI.
    setApiLang(initial)
    return initial
  })

  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  const setLang = useCallback((next: Lang) => {
    // The words of the new language first, so nothing draws in between without them.
    void loadCatalog(next).then(() => {
      setApiLang(next)
      saveLang(next)
      setLangState(next)
    })
  }, [])

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, values) => translate(lang, key, values),
      dateTime: (iso) => formatDateTime(lang, iso),
    }),
    [lang, setLang],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) {
    throw new Error('useI18n outside I18nProvider')
  }
  return i18n
}
