import { DomainError } from '../errors/errors.ts'
import { parseInput } from '../errors/validate.ts'
import { message, PROBLEM_TITLES } from '../i18n/problems.ts'
import type { Lang } from '../i18n/lang.ts'
import { GenericRecordType, isCreateAction, payloadSchemaOf } from '../records/registry.ts'
import { ActionInput } from './schemas.ts'

/**
 * Validates an action as a client sent it: the envelope, then the payload against the schema of
 * its record type and action type. A creation's payload is normalised (defaults filled in), so
 * the stored content is the same whichever client sent it; a change keeps only the fields sent.
 */
export function parseAction(data: unknown, lang: Lang, prefix = ''): ActionInput {
  const action = parseInput(ActionInput, data, lang, prefix)
  if (!GenericRecordType.safeParse(action.recordType).success) {
    const guide = action.recordType === 'guide_edition'
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[lang], {
      issues: [{ field: join(prefix, 'recordType'), code: guide ? 'guide_via_guide_api' : 'case_via_cases_api', message: message(guide ? 'faro.guide_via_guide_api' : 'faro.case_via_cases_api', lang) }],
    })
  }
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

/**
 * An action sent on its own (`POST /api/records/actions`), not from a device's outbox. It carries
 * no device id or counter: those belong to the sync push, which checks that the device is the
 * caller's and not revoked. Accepting them here would let anyone file actions under another
 * phone's counters.
 */
export function parseOnlineAction(data: unknown, lang: Lang): ActionInput {
  refuseMembers(data, ['deviceId', 'deviceCounter'], 'faro.device_fields_push_only', lang, '')
  return parseAction(data, lang)
}

/**
 * An action of a sync push: the push names the device once, so an action naming one of its own
 * is refused rather than silently overwritten; the push's device is filled in.
 *
 * @example parseDeviceAction({ id, deviceCounter: 41, recordType: 'attention', … }, 'dev-1234abcd', 'es')
 */
export function parseDeviceAction(data: unknown, deviceId: string, lang: Lang, prefix = ''): ActionInput {
  refuseMembers(data, ['deviceId'], 'faro.device_id_in_push', lang, prefix)
  return parseAction(isObject(data) ? { ...data, deviceId } : data, lang, prefix)
}

function refuseMembers(data: unknown, members: readonly string[], key: string, lang: Lang, prefix: string): void {
  const present = isObject(data) ? members.filter((m) => Object.hasOwn(data, m)) : []
  if (present.length > 0) {
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[lang], {
      issues: present.map((m) => ({ field: join(prefix, m), code: 'unrecognized_key', message: message(key, lang) })),
    })
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function join(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field
}
