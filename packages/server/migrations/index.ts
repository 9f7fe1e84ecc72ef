import type { Migration } from 'kysely'
import * as foundation from './2026-11-21T1030-foundation.ts'
import * as appendOnly from './2026-11-21T1050-append-only.ts'
import * as protection from './2026-11-21T1100-protection.ts'
import * as fieldSync from './2026-11-21T1200-field-sync.ts'
import * as baseVersion from './2026-11-21T1300-base-version.ts'
import * as legalHolds from './2026-11-21T1400-legal-holds.ts'
import * as auditIdUnindexed from './2026-11-21T1500-audit-id-unindexed.ts'
import * as recordOccurredAt from './2026-12-04T0900-record-occurred-at.ts'
import * as cases from './2026-12-04T1000-cases.ts'
import * as mailAndJobs from './2026-12-04T1100-mail-and-jobs.ts'
import * as attachments from './2026-12-05T1000-attachments.ts'
import * as folioReservations from './2026-12-05T1100-folio-reservations.ts'
import * as registrySearch from './2026-12-06T1000-registry-search.ts'
import * as matchWords from './2026-12-06T1100-match-words.ts'
import * as accountExpiry from './2026-12-06T1200-account-expiry.ts'
import * as publicMedia from './2026-12-07T1000-public-media.ts'
import * as statCells from './2026-12-07T1100-stat-cells.ts'
import * as statCellsCases from './2026-12-08T0900-stat-cells-cases.ts'
import * as statExports from './2026-12-08T1000-stat-exports.ts'
import * as statApprovals from './2026-12-08T1100-stat-approvals.ts'
import * as statIndexes from './2026-12-08T1300-stat-indexes.ts'
import * as statMonths from './2026-12-08T1310-stat-months.ts'
import * as recordsUnitOccurred from './2026-12-08T1320-records-unit-occurred.ts'
import * as statMarginYears from './2026-12-09T0900-stat-margin-years.ts'
import * as statMarginSubtrees from './2026-12-09T0910-stat-margin-subtrees.ts'

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-21T1030-foundation': foundation,
  '2026-11-21T1050-append-only': appendOnly,
  '2026-11-21T1100-protection': protection,
  '2026-11-21T1200-field-sync': fieldSync,
  '2026-11-21T1300-base-version': baseVersion,
  '2026-11-21T1400-legal-holds': legalHolds,
  '2026-11-21T1500-audit-id-unindexed': auditIdUnindexed,
  '2026-12-04T0900-record-occurred-at': recordOccurredAt,
  '2026-12-04T1000-cases': cases,
  '2026-12-04T1100-mail-and-jobs': mailAndJobs,
  '2026-12-05T1000-attachments': attachments,
  '2026-12-05T1100-folio-reservations': folioReservations,
  '2026-12-06T1000-registry-search': registrySearch,
  '2026-12-06T1100-match-words': matchWords,
  '2026-12-06T1200-account-expiry': accountExpiry,
  '2026-12-07T1000-public-media': publicMedia,
  '2026-12-07T1100-stat-cells': statCells,
  '2026-12-08T0900-stat-cells-cases': statCellsCases,
  '2026-12-08T1000-stat-exports': statExports,
  '2026-12-08T1100-stat-approvals': statApprovals,
  '2026-12-08T1300-stat-indexes': statIndexes,
  '2026-12-08T1310-stat-months': statMonths,
  '2026-12-08T1320-records-unit-occurred': recordsUnitOccurred,
  '2026-12-09T0900-stat-margin-years': statMarginYears,
  '2026-12-09T0910-stat-margin-subtrees': statMarginSubtrees,
}
