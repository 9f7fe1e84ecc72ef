import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import en from './en.json'
import enText from './en.json?raw'
import es from './es.json'
import esText from './es.json?raw'
import { detectLang } from './messages.ts'

const catalogs: Record<string, Record<string, string>> = { es, en }
// Units written after a number take no plural: 5 km, 3 h, 20 min.
const UNIT = /^\s+(s|h|min|km|m|KB|MB)\b/
// Argument names that carry how many of something.
const COUNTED = /^(count|attentions|people|rescues|patrols|rejections|conflicts|max|n|records|actions|devices|days|hours|minutes|seconds|value)$/

describe('message catalogs', () => {
  it('have exactly the same keys in Spanish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort())
  })

  it('names each message once: a second entry would silently replace the first', () => {
    for (const [lang, text] of Object.entries({ es: esText, en: enText })) {
      const keys = [...text.matchAll(/^\s*"([^"]+)":/gm)].map((m) => m[1])
      expect(
        keys.filter((k, i) => keys.indexOf(k) !== i),
        lang,
      ).toEqual([])
    }
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

  it('puts a counted noun in ICU plural form, never after a bare number ("1 atenciones")', () => {
    const bare: string[] = []
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const [key, text] of Object.entries(catalog)) {
        const ast = new IntlMessageFormat(text, lang).getAst()
        ast.forEach((el, i) => {
          const next = ast[i + 1]
          // A plain argument followed by a word: a number that decides the noun's form.
          if (el.type === TYPE.argument && next?.type === TYPE.literal && /^\s+\p{L}/u.test(next.value) && !UNIT.test(next.value) && COUNTED.test(el.value)) {
            bare.push(`${lang} ${key}: {${el.value}}${next.value.slice(0, 20)}`)
          }
        })
      }
    }
    expect(bare).toEqual([])
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
