import type { CaseState } from './fold.ts'

/** Complaints that point the same way: one place, one badge or one plate, from several people. */
export interface Cluster {
  /** What they share: `place`, `badge` or `plate`. */
  by: 'place' | 'badge' | 'plate'
  /** The shared value in words (a highway and km, a checkpoint, a badge number, a plate). */
  value: string
  /** The accused agency most named in them, when any. */
  agencyId: string | null
  count: number
  folios: string[]
  from: string
  to: string
}

const normal = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\s.-]+/g, '').toUpperCase()

/** The place of a case as a key: a registry place, a highway and km, or a kind of place in a city. */
function placeKey(c: CaseState): string | undefined {
  const p = c.place
  if (p.placeId) {
    return `place:${p.placeId}`
  }
  if (p.highway && p.km !== undefined) {
    return `road:${normal(p.highway)}:${Math.round(p.km)}`
  }
  if (p.city && p.kind !== 'unknown' && p.kind !== 'city') {
    return `city:${normal(p.city)}:${p.kind}`
  }
  return undefined
}

function placeText(c: CaseState): string {
  const p = c.place
  return [p.highway, p.km !== undefined ? `km ${p.km}` : undefined, p.city, p.state].filter(Boolean).join(', ') || (p.placeId ?? '')
}

/**
 * Finds the clusters among complaints received in [from, to]: at least `min` complaints sharing a
 * place, a badge or a plate. Several people describing the same checkpoint, officer or vehicle is
 * what shows systematic extortion, which no single complaint does. Largest first.
 */
export function findClusters(cases: readonly CaseState[], opts: { from: string; to: string; min?: number }): Cluster[] {
  const min = opts.min ?? 3
  const groups = new Map<string, { by: Cluster['by']; value: string; cases: CaseState[] }>()
  const add = (key: string, by: Cluster['by'], value: string, c: CaseState) => {
    const g = groups.get(key) ?? { by, value, cases: [] }
    g.cases.push(c)
    groups.set(key, g)
  }
  for (const c of cases) {
    if (c.kind !== 'complaint' || c.receivedAt < opts.from || c.receivedAt > opts.to) {
      continue
    }
    const place = placeKey(c)
    if (place !== undefined) {
      add(place, 'place', placeText(c), c)
    }
    if (c.accused?.badge) {
      add(`badge:${normal(c.accused.badge)}`, 'badge', c.accused.badge, c)
    }
    const plate = c.accused?.vehiclePlate
    if (plate) {
      add(`plate:${normal(plate)}`, 'plate', plate, c)
    }
  }
  const out: Cluster[] = []
  for (const g of groups.values()) {
    if (g.cases.length < min) {
      continue
    }
    const agencies = new Map<string, number>()
    for (const c of g.cases) {
      const a = c.accused?.agencyId
      if (a) {
        agencies.set(a, (agencies.get(a) ?? 0) + 1)
      }
    }
    const top = [...agencies].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
    const times = g.cases.map((c) => c.receivedAt).sort()
    out.push({ by: g.by, value: g.value, agencyId: top, count: g.cases.length, folios: g.cases.map((c) => c.folio).sort(), from: times[0] ?? opts.from, to: times.at(-1) ?? opts.to })
  }
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** How a handling body does: its open and late hops, how fast it answers, how often on time. */
export interface Scorecard {
  bodyId: string
  received: number
  open: number
  overdue: number
  answered: number
  /** Median days from routing to the first answer, over the hops answered; null when none. */
  medianDaysToAnswer: number | null
  /** Share of answered hops answered by their deadline, 0–1; null when none. */
  onTimeShare: number | null
  /** Complaints in which the body's own agency is the accused. */
  accusedIn: number
}

/** Scorecards of every body that received hops routed in [from, to], by body. */
export function scorecards(cases: readonly CaseState[], opts: { from: string; to: string; now: string }): Scorecard[] {
  const cards = new Map<string, { card: Scorecard; days: number[]; onTime: number }>()
  const get = (bodyId: string) => {
    let c = cards.get(bodyId)
    if (c === undefined) {
      c = { card: { bodyId, received: 0, open: 0, overdue: 0, answered: 0, medianDaysToAnswer: null, onTimeShare: null, accusedIn: 0 }, days: [], onTime: 0 }
      cards.set(bodyId, c)
    }
    return c
  }
  for (const c of cases) {
    const accused = c.accused?.agencyId
    if (accused && c.receivedAt >= opts.from && c.receivedAt <= opts.to) {
      get(accused).card.accusedIn += 1
    }
    for (const h of c.hops) {
      if (h.routedAt < opts.from || h.routedAt > opts.to) {
        continue
      }
      const entry = get(h.bodyId)
      entry.card.received += 1
      const answeredAt = h.firstAnswerAt ?? (h.status === 'referred' ? h.acknowledgedAt : undefined)
      if (answeredAt !== undefined) {
        entry.card.answered += 1
        entry.days.push((Date.parse(answeredAt) - Date.parse(h.routedAt)) / 86_400_000)
        entry.onTime += answeredAt <= h.answerBy ? 1 : 0
      } else if (c.closedAt === undefined) {
        entry.card.open += 1
        entry.card.overdue += h.answerBy < opts.now || (h.acknowledgedAt === undefined && h.acknowledgeBy < opts.now) ? 1 : 0
      }
    }
  }
  return [...cards.values()]
    .map(({ card, days, onTime }) => ({ ...card, medianDaysToAnswer: median(days), onTimeShare: card.answered === 0 ? null : onTime / card.answered }))
    .sort((a, b) => b.received - a.received || a.bodyId.localeCompare(b.bodyId))
}

function median(values: number[]): number | null {
  if (values.length === 0) {
    return null
  }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const m = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  return Math.round(m * 10) / 10
}
