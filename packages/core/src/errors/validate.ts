import { z } from 'zod'
import { DomainError, type FieldIssue } from './errors.ts'
import { message, PROBLEM_TITLES } from '../i18n/problems.ts'
import type { Lang } from '../i18n/lang.ts'

const LOCALES = { es: z.locales.es(), en: z.locales.en() }

/**
 * Parses input where it enters the system. On failure throws `DomainError('invalid')` whose
 * issues name every bad field (dotted path) with a message in the caller's language; an
 * unknown field is reported under its own name.
 */
export function parseInput<T extends z.ZodType>(schema: T, data: unknown, lang: Lang, prefix = ''): z.infer<T> {
  // Messages are only needed on failure, and parsing with a locale is a third slower: a sync push
  // validates a hundred actions on the path every device waits on.
  const result = schema.safeParse(data)
  if (result.success) {
    return result.data
  }
  const localised = schema.safeParse(data, { error: LOCALES[lang].localeError })
  throw new DomainError('invalid', PROBLEM_TITLES.invalid[lang], { issues: toFieldIssues(localised.error ?? result.error, lang, prefix) })
}

/** Flattens zod issues into field issues, one per unknown key. */
export function toFieldIssues(error: z.ZodError, lang: Lang, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = []
  const name = (path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter((p) => p !== '').join('.')
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ field: name([...issue.path, key]), code: 'unrecognized_key', message: message('faro.unrecognized_key', lang) })
      }
      continue
    }
    issues.push({ field: name(issue.path) || '(body)', code: issue.code, message: message(issue.message, lang) })
  }
  return issues
}
