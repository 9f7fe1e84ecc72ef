import { birthFeatures, dayNumber } from './dates.ts'
import { aliasName, nameFromFields } from './names.ts'
import { FEATURES_VERSION, MatchFeatures, type AgeSource, type MatchInput, type NameFeatures } from './schemas.ts'

/** At most this many names per person (the main one and aliases) are compared. */
export const MAX_NAMES = 4

/**
 * Derives, once per record, everything the engine compares: names split into roles with their
 * phonetic keys and nickname expansions, the birth as a date or an interval, the event day.
 * The result is plain JSON (see `serialiseFeatures`), so a server may seal and store it.
 * `today` (YYYY-MM-DD) is the date an age is read at when the input has no event date.
 * @example
 * standardise({ role: 'record', kind: 'rescued', fullName: 'HERNANDEZ LOPEZ JOSE LUIS', ageYears: 30, eventDate: '2024-07-01' })
 * // names[0]: given jose, luis; surnames hernandez, lopez; birth 1992.5–1995.5 (stated age)
 */
export function standardise(input: MatchInput, options: { today?: string } = {}): MatchFeatures {
  const sex = input.sex ?? null
  const main = nameFromFields(input, sex)
  const names: NameFeatures[] = main === null ? [] : [main]
  for (const alias of input.aliases ?? []) {
    if (names.length >= MAX_NAMES) {
      break
    }
    const name = aliasName(alias, main)
    if (name !== null) {
      names.push(name)
    }
  }
  const referenceDate = input.eventDate ?? options.today ?? null
  return {
    v: FEATURES_VERSION,
    role: input.role,
    kind: input.kind ?? null,
    names,
    sex,
    nationality: input.nationality ?? null,
    birth: birthFeatures({ birthDate: input.birthDate, ageYears: input.ageYears, ageSource: input.ageSource ?? defaultAgeSource(input), referenceDate }),
    eventDay: dayNumber(input.eventDate),
  }
}

/** Features as compact JSON, for a server to seal and keep next to the record. */
export function serialiseFeatures(features: MatchFeatures): string {
  return JSON.stringify(features)
}

/**
 * Features back from `serialiseFeatures`, checked. Throws when the JSON is not features of this
 * version: standardise the record again then.
 */
export function deserialiseFeatures(json: string): MatchFeatures {
  return MatchFeatures.parse(JSON.parse(json))
}

function defaultAgeSource(input: MatchInput): AgeSource {
  if (input.role === 'request') {
    return 'reported'
  }
  return input.kind === 'deceased' || input.kind === 'hospitalised' ? 'estimated' : 'stated'
}
