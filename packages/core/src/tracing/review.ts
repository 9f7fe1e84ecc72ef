import { z } from 'zod'
import { MatchRecordKind } from '../matching/schemas.ts'
import { MatchBand } from '../matching/model.ts'
import { PhysicalDescription } from '../protection/identity.ts'
import { Nationality, Sex } from '../people/counts.ts'
import { AlertBand, CandidateMark, TraceOutcome } from './record.ts'

/**
 * What a reviewer sees of a location request (`GET /api/tracing/requests/:id/review`): each sought
 * person as the requester described them, and the registry's candidates for them, ranked and
 * explained field by field. Names are shown here only, to reviewers, and every view is audited.
 */

/** The parts of an identity the engine compares, as a reviewer reads them. */
export const ReviewedIdentity = z.object({
  givenNames: z.string().optional(),
  firstSurname: z.string().optional(),
  secondSurname: z.string().optional(),
  fullName: z.string().optional().describe('a list\'s name in one string, when it did not split it'),
  aliases: z.array(z.string()),
  sex: Sex.optional(),
  birthDate: z.string().optional(),
  approximateAge: z.number().int().optional(),
  nationality: Nationality.optional(),
})
export type ReviewedIdentity = z.infer<typeof ReviewedIdentity>

/** One field's part of a candidate's score: the level it reached and its weight in bits. */
export const ReviewContribution = z.object({
  field: z.string().describe('given, surname, surname2, surname_order, birth, sex, nationality, timing'),
  level: z.string().nullable().describe('null: one side lacks the field, no evidence'),
  bits: z.number().describe('log2 of the likelihood ratio; positive for, negative against'),
})

export const ReviewCandidate = z.object({
  recordType: z.string(),
  recordId: z.string(),
  kind: MatchRecordKind,
  occurredAt: z.string().nullable(),
  unitName: z.string().describe('the group or partner unit that holds the record'),
  source: z.string().optional().describe('a partner list entry: whose list'),
  band: MatchBand,
  score: z.number().describe('posterior log2-odds that the two are one person'),
  identity: ReviewedIdentity,
  contributions: z.array(ReviewContribution),
  alias: z.boolean().describe('the best agreement used an alias or nickname'),
  mark: CandidateMark.optional().describe('the latest reviewer word on this candidate'),
  alert: AlertBand.optional().describe('the search flagged this record when it arrived'),
  canOpen: z.boolean().describe('the reviewer may open the record itself'),
})
export type ReviewCandidate = z.infer<typeof ReviewCandidate>

export const ReviewedSought = z.object({
  soughtId: z.string(),
  number: z.number().int().describe('the person\'s number in the request, from 1'),
  identity: ReviewedIdentity.extend({ physical: PhysicalDescription.optional() }).nullable().describe('null: erased from the vault'),
  outcome: TraceOutcome.optional(),
  candidates: z.array(ReviewCandidate),
})
export type ReviewedSought = z.infer<typeof ReviewedSought>

export const TraceReview = z.object({
  items: z.array(ReviewedSought),
  registrySize: z.number().int().describe('people in the registry the request was searched against'),
  nationality: Nationality.optional().describe('a consulate sees candidates of its nationality only'),
})
export type TraceReview = z.infer<typeof TraceReview>
