import { z } from 'zod'

/** Age bands used for anonymous counts and the programme's statistics. */
export const AgeBand = z.enum(['0-5', '6-11', '12-17', '18-29', '30-44', '45-59', '60+', 'unknown'])
export type AgeBand = z.infer<typeof AgeBand>

export const Sex = z.enum(['female', 'male', 'other', 'unknown'])
export type Sex = z.infer<typeof Sex>

/** Vulnerabilities that make a record a priority wherever it is listed. */
export const Vulnerability = z.enum([
  'unaccompanied_child',
  'travelling_with_children',
  'pregnant',
  'disability',
  'chronic_illness',
  'older_person',
  'indigenous_language_speaker',
  'lgbti',
  'victim_of_crime',
  'other',
])
export type Vulnerability = z.infer<typeof Vulnerability>

/** ISO 3166-1 alpha-2 code in upper case, or `unknown`: nobody is asked to prove it. */
export const Nationality = z.union([z.string().regex(/^[A-Z]{2}$/), z.literal('unknown')])

export const MAX_PEOPLE_PER_GROUP = 5000

/**
 * A group of people counted without identity: how many, of which sex, age band and
 * nationality, with which vulnerabilities.
 */
export const PeopleCount = z.strictObject({
  count: z.number().int().min(1).max(MAX_PEOPLE_PER_GROUP),
  sex: Sex.default('unknown'),
  ageBand: AgeBand.default('unknown'),
  nationality: Nationality.default('unknown'),
  vulnerabilities: z.array(Vulnerability).max(10).default([]),
})
export type PeopleCount = z.infer<typeof PeopleCount>

/** Sum of people in a list of counts. */
export function totalPeople(groups: readonly PeopleCount[]): number {
  return groups.reduce((sum, g) => sum + g.count, 0)
}

/** True when any counted group has a vulnerability: the record is then listed as a priority. */
export function isPriority(groups: readonly PeopleCount[]): boolean {
  return groups.some((g) => g.vulnerabilities.length > 0)
}
