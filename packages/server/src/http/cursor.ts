import { DomainError, message, PROBLEM_TITLES, type Lang } from '@faro/core'

/**
 * An opaque keyset cursor: the sort key of the last row of a page, as two strings. Lists that
 * page by (column, id) hand it out as `next` and read it back from `cursor`.
 */
export function encodeKeyCursor(key: readonly [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** Reads a cursor back; anything else is the caller's mistake, a 400 naming `cursor`. */
export function decodeKeyCursor(cursor: string | undefined, lang: Lang): [string, string] | undefined {
  if (cursor === undefined) {
    return undefined
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return [value[0], value[1]]
    }
  } catch {
    // fall through to the clear error below
  }
  throw new DomainError('invalid', PROBLEM_TITLES.invalid[lang], { issues: [{ field: 'cursor', code: 'invalid_cursor', message: message('faro.invalid_cursor', lang) }] })
}
