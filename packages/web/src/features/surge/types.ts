/** A special operation as GET /api/operations lists it (what the dashboard uses of it). */
export interface SpecialOperation {
  recordId: string
  kind: string
  name: string
  reason?: string
  status: 'upcoming' | 'open' | 'ended'
}

type Counts = Record<string, number>

/** The breakdowns of a point or of the day, as GET /api/operations/:id/surge answers them. */
export interface SurgeFigures {
  sheets: number
  lastAt: string | null
  people: number
  bySex: Counts
  byAge: Counts
  byNationality: Counts
  byVulnerability: Counts
  byService: Counts
  /** Arrivals per hour, keyed by the hour's start in UTC (`2026-12-05T14`). */
  byHour: Counts
}

export interface SurgePoint extends SurgeFigures {
  key: string
  point: string
  placeId: string | null
  orgUnitId: string
  unitName: string
}

/** GET /api/operations/:id/surge?day= */
export interface SurgeDashboard {
  operation: { recordId: string; name: string; reason: string | null; status: SpecialOperation['status'] }
  day: string
  hours: string[]
  points: SurgePoint[]
  total: SurgeFigures
}
