import { z } from 'zod'

/** Which side of a search a record is on: a family's location request, or a registry record. */
export const MatchRole = z.enum(['request', 'record'])
export type MatchRole = z.infer<typeof MatchRole>

/** What the registry record is of: the kind decides how far a stated age is trusted. */
export const MatchRecordKind = z.enum(['attended', 'rescued', 'hospitalised', 'deceased'])
export type MatchRecordKind = z.infer<typeof MatchRecordKind>

/**
 * Who gave an age: the person (`stated`), a relative (`reported`), or staff, doctors or a
 * forensic examiner who guessed it (`estimated`). When absent, deceased and hospitalised
 * records count as estimated and every other as stated.
 */
export const AgeSource = z.enum(['stated', 'reported', 'estimated'])
export type AgeSource = z.infer<typeof AgeSource>

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const NameText = z.string().max(300)

/** One person as the matching engine reads them, from either side. Any name field may be null. */
export const MatchInput = z.object({
  role: MatchRole,
  kind: MatchRecordKind.nullable().optional().describe('registry records only'),
  givenNames: NameText.nullable().optional(),
  surname1: NameText.nullable().optional().describe('paternal surname, or all surnames in one string'),
  surname2: NameText.nullable().optional().describe('maternal surname (or a married "de García")'),
  fullName: NameText.nullable().optional().describe('read only when given names and surnames are all empty'),
  aliases: z.array(NameText).max(20).optional(),
  sex: z.enum(['M', 'F']).nullable().optional(),
  nationality: z.string().regex(/^[A-Z]{2}$/).nullable().optional().describe('ISO 3166-1 alpha-2'),
  birthDate: IsoDate.nullable().optional().describe('YYYY-MM-DD; an impossible month with a day of 12 or less is read swapped'),
  ageYears: z.number().int().min(0).max(120).nullable().optional(),
  ageSource: AgeSource.optional(),
  eventDate: IsoDate.nullable().optional().describe('record: the date of the event; request: the date last seen. Ages are read at this date'),
})
export type MatchInput = z.infer<typeof MatchInput>

/** One word of a name with its derived keys, computed once when the record is standardised. */
export const NameToken = z.object({
  text: z.string().describe('folded word (see foldText)'),
  keys: z.array(z.string()).describe('phonetic keys (see phoneticKeys)'),
  formal: z.array(z.string()).describe('formal names a given-name word may stand for (see formalNames)'),
})
export type NameToken = z.infer<typeof NameToken>

/** How a name was split into given names and surnames. */
export const NameParse = z.enum(['fields', 'given_first', 'surnames_first', 'single'])
export type NameParse = z.infer<typeof NameParse>

/** One name of a person (the main one or an alias), split into roles. */
export const NameFeatures = z.object({
  given: z.array(NameToken),
  surnames: z.array(NameToken).describe('in order: paternal, maternal'),
  married: z.array(NameToken).describe('a husband\'s surname written as "de García"'),
  joined: z.array(z.string()).describe('multi-word surnames written as one word: delacruz, jeanbaptiste'),
  parse: NameParse,
  alias: z.boolean(),
})
export type NameFeatures = z.infer<typeof NameFeatures>

/**
 * What is known of a birth: a date, or an interval of fractional years derived from an age.
 * `lo`..`hi` always holds the plausible birth moments; `dob` only a date that was written.
 */
export const BirthFeatures = z.object({
  dob: IsoDate.nullable(),
  jan1: z.boolean().describe('the date is 1 January, often a default for "year only"'),
  lo: z.number(),
  hi: z.number(),
  source: z.enum(['date', 'stated', 'reported', 'estimated']),
})
export type BirthFeatures = z.infer<typeof BirthFeatures>

/** Version of the feature layout: features of another version must be standardised again. */
export const FEATURES_VERSION = 1

/** Everything the engine compares, derived once per record by `standardise`; plain JSON. */
export const MatchFeatures = z.object({
  v: z.literal(FEATURES_VERSION),
  role: MatchRole,
  kind: MatchRecordKind.nullable(),
  names: z.array(NameFeatures).describe('the main name first, then aliases'),
  sex: z.enum(['M', 'F']).nullable(),
  nationality: z.string().nullable(),
  birth: BirthFeatures.nullable(),
  eventDay: z.number().int().nullable().describe('days since 1970-01-01 of the event or last sighting'),
})
export type MatchFeatures = z.infer<typeof MatchFeatures>
