import { DomainError } from '../errors/errors.ts'
import { parseInput } from '../errors/validate.ts'
import { message, PROBLEM_TITLES } from '../i18n/problems.ts'
import type { Lang } from '../i18n/lang.ts'
import { isCreateAction, payloadSchemaOf } from '../records/registry.ts'
import { ActionInput } from './schemas.ts'

/**
 * Validates an action as a client sent it: the envelope, then the payload against the schema of
 * its record type and action type. A creation's payload is normalised (defaults filled in), so
 * the stored content is the same whichever client sent it; a change keeps only the fields sent.
 */
export function parseAction(data: unknown, lang: Lang, prefix = ''): ActionInput {
  const action = parseInput(ActionInput, data, lang, prefix)
  const schema = payloadSchemaOf(action.recordType, action.type)
  if (schema === undefined) {
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[lang], {
      issues: [{ field: join(prefix, 'type'), code: 'unknown_action_type', message: message('faro.unknown_action_type', lang) }],
    })
  }
  const parsed = parseInput(schema, action.payload, lang, join(prefix, 'payload')) as Record<string, unknown>
  // A change names only the fields it changes: defaults of fields it left out (empty lists, say)
  // must not be merged in, or a correction of the notes would wipe the partners.
  const payload = isCreateAction(action.recordType, action.type)
    ? parsed
    : Object.fromEntries(Object.entries(parsed).filter(([key]) => Object.hasOwn(action.payload, key)))
  return { ...action, payload }
}

function join(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field
}
