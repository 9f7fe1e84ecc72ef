import { z } from 'zod'
import { PeopleCount } from '../people/counts.ts'
import { RecordId } from '../util/ids.ts'
import { EmergencyType, PatrolKind, RescueOutcome } from './schemas.ts'
import { Service } from './services.ts'

/**
 * A group's daily report ("parte diario de novedades"): a day's work added up, as groups sent it
 * to the national coordination before they kept each attention, rescue and patrol in Faro. The
 * programme's history is typed in from those reports (or imported from the coordination's
 * spreadsheets), so a year before Faro counts in the statistics beside the years after it. A day
 * a group keeps records in Faro needs no report: the two would count the same people twice.
 */

const Count = z.number().int().min(0).max(100_000)

/** One kind of emergency on the day, with its outcome and the people rescued. */
export const ReportedRescue = z.strictObject({
  emergencyType: EmergencyType,
  outcome: RescueOutcome,
  people: z.array(PeopleCount).min(1).max(50),
})

/** Payload of DailyReportFiled. */
export const DailyReportFiled = z.strictObject({
  orgUnitId: RecordId.describe('the group'),
  day: z.iso.date().describe('the day reported, on the group\'s own clock'),
  attended: z.array(PeopleCount).max(500).default([]).describe('people given humanitarian attention, by sex, age band, nationality and vulnerabilities'),
  services: z.partialRecord(Service, Count).default({}).describe('people given each service'),
  patrols: z.partialRecord(PatrolKind, Count).default({}).describe('patrols carried out, by kind'),
  peopleEncountered: Count.default(0).describe('people met on the patrols'),
  rescues: z.array(ReportedRescue).max(100).default([]),
  remains: z.number().int().min(0).max(500).default(0).describe('human remains found (bodies or sets of remains)'),
  source: z.enum(['paper', 'spreadsheet']).describe('where the figures were typed in from'),
})
export type DailyReportFiled = z.infer<typeof DailyReportFiled>
