import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import en from './en.json'
import es from './es.json'
import { detectLang } from './messages.ts'

const catalogs: Record<string, Record<string, string>> = { es, en }

describe('message catalogs', () => {
  it('have exactly the same keys in Spanish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort())
  })

  for (const [lang, catalog] of Object.entries(catalogs)) {
    it(`parses every ${lang} message as ICU MessageFormat`, () => {
      for (const [key, text] of Object.entries(catalog)) {
        expect(() => new IntlMessageFormat(text, lang), key).not.toThrow()
      }
    })
  }

  it('uses the same arguments, of the same kind, in both languages', () => {
    for (const [key, text] of Object.entries(es)) {
      const other = catalogs.en?.[key] ?? ''
      expect(argumentsOf(other, 'en'), key).toEqual(argumentsOf(text, 'es'))
    }
  })

  it('has no empty message', () => {
    for (const catalog of Object.values(catalogs)) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), key).not.toBe('')
      }
    }
  })
})

describe('detectLang', () => {
  it('prefers the saved choice', () => {
    expect(detectLang('en', ['es-MX'])).toBe('en')
  })

  it('follows the browser when nothing is saved', () => {
    expect(detectLang(null, ['en-US', 'es'])).toBe('en')
    expect(detectLang(null, ['fr-FR', 'es-419'])).toBe('es')
  })

  it('falls back to Spanish', () => {
    expect(detectLang('de', ['fr', 'pt-BR'])).toBe('es')
  })
})

/** Argument name → kind (argument, number, date, plural, select…), including nested ones. */
function argumentsOf(text: string, lang: string): Record<string, string> {
  const out: Record<string, string> = {}
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) {
        continue
      }
      out[el.value] = TYPE[el.type]
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        for (const option of Object.values(el.options)) {
          visit(option.value)
        }
      }
      if (el.type === TYPE.tag) {
        visit(el.children)
      }
    }
  }
  visit(new IntlMessageFormat(text, lang).getAst())
  return out
}
