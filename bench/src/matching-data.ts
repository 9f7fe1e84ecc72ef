/**
 * A seeded generator of registry records and location requests for the matching benchmark
 * (bench/src/matching.ts), in the JSONL shapes of `faro match batch`. People are drawn from the
 * generator's own frequency tables (matching-vocabulary.ts) plus a synthetic long tail; each
 * sought person present in the registry has one record written with one designated phenomenon
 * (a dropped surname, a nickname, a swapped date…) on top of the everyday noise of field
 * records; relatives (a sibling with the same surnames, a parent of the same name) and
 * namesakes are written into the registry for present and absent people alike.
 */
import {
  COMPOUND_FIRST_FEMALE, COMPOUND_FIRST_HT_FEMALE, COMPOUND_FIRST_HT_MALE, COMPOUND_FIRST_MALE, GIVEN_FEMALE, GIVEN_HT_FEMALE, GIVEN_HT_MALE,
  GIVEN_MALE, HAITIAN_SPELLINGS, NICKNAMES, PARTICLE_SURNAMES, SURNAMES_GT, SURNAMES_HN, SURNAMES_HT, SURNAMES_MAYAN, SURNAMES_MX, SURNAMES_SV,
  TAIL_GIVEN_ENDINGS_FEMALE, TAIL_GIVEN_ENDINGS_MALE, TAIL_HT_GIVEN_ENDINGS_FEMALE, TAIL_HT_GIVEN_ENDINGS_MALE, TAIL_HT_SURNAME_ENDINGS, TAIL_ONSETS, TAIL_SURNAME_ENDINGS, TAIL_VOWELS, type Weighted,
} from './matching-vocabulary.ts'
import { mayanSpelling, phoneticSpelling, typo } from './matching-noise.ts'

export interface RegistryRow {
  id: string
  kind: 'attended' | 'rescued' | 'hospitalised' | 'deceased'
  given_names: string | null
  surname1: string | null
  surname2: string | null
  full_name: string | null
  aliases: string[]
  sex: 'M' | 'F' | null
  nationality: string | null
  birth_date: string | null
  age_years: number | null
  event_date: string
  event_place: string
}

export interface RequestRow {
  id: string
  given_names: string | null
  surname1: string | null
  surname2: string | null
  aliases: string[]
  sex: 'M' | 'F' | null
  nationality: string | null
  birth_date: string | null
  age_years: number | null
  last_seen_date: string
  last_seen_place: string
}

/** What was done to the sought person's registry record. */
export const PHENOMENA = [
  'everyday', 'accents_lost', 'surname2_dropped', 'surnames_swapped', 'surname_in_given', 'hyphenated', 'upper_full_name',
  'compound_partial', 'particles', 'married', 'hypocorism', 'phonetic', 'mayan', 'haitian', 'typo', 'dob_swapped', 'dob_jan1',
  'age_only', 'age_guessed', 'nationality_wrong', 'nationality_missing', 'alias_listed', 'mixed', 'false_name',
] as const
export type Phenomenon = (typeof PHENOMENA)[number]

/** A relative or namesake of a sought person, written into the registry. */
export type Relation = 'sibling' | 'parent' | 'namesake'

export interface Truth {
  present: boolean
  phenomenon: Phenomenon | null
  target: string | null
  relatives: { id: string; relation: Relation }[]
}

export interface MatchingDataset {
  requests: RequestRow[]
  truth: Map<string, Truth>
  /** The registry, streamed: the same records in the same order on every call. */
  registry(): Generator<RegistryRow>
  size: number
}

export interface DatasetOptions {
  seed: number
  records: number
  present: number
  absent: number
}

/** Builds the requests and truth now, and the registry as a repeatable stream. */
export function matchingDataset(options: DatasetOptions): MatchingDataset {
  const rng = makeRng(options.seed)
  const pop = new Population(options.seed)
  const requests: RequestRow[] = []
  const truth = new Map<string, Truth>()
  const special: RegistryRow[] = []
  const total = options.present + options.absent
  for (let q = 0; q < total; q++) {
    const present = q < options.present
    // Round robin, so every phenomenon gets its share of present people.
    const phenomenon = present ? (PHENOMENA[q % PHENOMENA.length] ?? 'everyday') : null
    const person = pop.person(rng, phenomenon === null ? null : needsOf(phenomenon))
    const requestId = `q${q}`
    const lastSeen = randomDay(rng, day('2022-01-01'), day('2025-03-31'))
    requests.push(pop.request(rng, requestId, person, lastSeen))
    const entry: Truth = { present, phenomenon, target: null, relatives: [] }
    if (present && phenomenon !== null) {
      const id = `t${q}`
      special.push(pop.record(rng, id, person, phenomenon, lastSeen))
      entry.target = id
    }
    const relatives: [Relation, number][] = [['sibling', 0.25], ['parent', 0.1], ['namesake', 0.15]]
    for (const [relation, chance] of relatives) {
      if (rng() < chance) {
        const id = `${relation[0]}${q}`
        special.push(pop.record(rng, id, pop.relative(rng, person, relation), 'everyday', null))
        entry.relatives.push({ id, relation })
      }
    }
    truth.set(requestId, entry)
  }
  const size = Math.max(options.records, special.length)
  return {
    requests,
    truth,
    size,
    *registry() {
      const streamRng = makeRng(options.seed * 7919 + 1)
      const streamPop = new Population(options.seed)
      let specialLeft = special.length
      let next = 0
      for (let i = 0; i < size; i++) {
        const left = size - i
        if (specialLeft > 0 && streamRng() * left < specialLeft) {
          const row = special[next++]
          specialLeft--
          if (row) {
            yield row
          }
          continue
        }
        yield streamPop.background(streamRng, `r${i}`)
      }
    },
  }
}

/** Traits a phenomenon needs in the person it is applied to. */
interface Needs {
  twoGiven?: boolean
  twoSurnames?: boolean
  female?: boolean
  nationality?: 'HT' | 'GT-mayan'
  particle?: boolean
  nickname?: boolean
  swappableDob?: boolean
}

function needsOf(p: Phenomenon): Needs {
  switch (p) {
    case 'compound_partial':
      return { twoGiven: true, twoSurnames: true }
    case 'surname2_dropped':
    case 'surnames_swapped':
    case 'surname_in_given':
    case 'hyphenated':
    case 'upper_full_name':
      return { twoSurnames: true }
    case 'married':
      return { female: true, twoSurnames: true }
    case 'particles':
      return { particle: true, twoSurnames: true }
    case 'hypocorism':
      return { nickname: true }
    case 'mayan':
      return { nationality: 'GT-mayan' }
    case 'haitian':
      return { nationality: 'HT' }
    case 'dob_swapped':
      return { swappableDob: true }
    default:
      return {}
  }
}

export interface Person {
  sex: 'M' | 'F'
  given: string[]
  s1: string
  s2: string | null
  dob: number
  nationality: string
  mayan: boolean
}

/** The written form of a name on its way to a record. */
interface Written {
  given: string[]
  s1: string | null
  s2: string | null
  layout: 'fields' | 'us_middle' | 'hyphen' | 'upper_full' | 'given_first_full'
  aliases: string[]
  casing: 'upper' | 'plain' | 'accented'
}

const NATIONALITIES: Weighted = [['MX', 30], ['HN', 25], ['GT', 22], ['SV', 10], ['HT', 6], ['NI', 3], ['VE', 2], ['CU', 2]]
const KINDS: Weighted = [['attended', 70], ['rescued', 14], ['hospitalised', 8], ['deceased', 8]]
const PLACES = ['Tijuana', 'Mexicali', 'Nogales', 'Ciudad Juárez', 'Reynosa', 'Matamoros', 'Tapachula', 'Tenosique', 'Coatzacoalcos', 'Altar', 'Sásabe', 'Piedras Negras']
const REFERENCE_DAY = day('2024-07-01')

class Population {
  private readonly surnames: Map<string, Sampler>
  private readonly mayan = new Sampler(SURNAMES_MAYAN)
  private readonly haitian = new Sampler(SURNAMES_HT)
  private readonly tailSurnames: Sampler
  private readonly given: Record<'M' | 'F' | 'HT-M' | 'HT-F', Sampler>
  private readonly compound: Record<'M' | 'F' | 'HT-M' | 'HT-F', Sampler>
  private readonly tailGiven: Record<'M' | 'F' | 'HT-M' | 'HT-F', Sampler>
  private readonly tailHaitian: Sampler
  private readonly nationalities = new Sampler(NATIONALITIES)
  private readonly kinds = new Sampler(KINDS)

  constructor(seed: number) {
    const tailRng = makeRng(seed * 31 + 17)
    this.surnames = new Map([['MX', new Sampler(SURNAMES_MX)], ['HN', new Sampler(SURNAMES_HN)], ['SV', new Sampler(SURNAMES_SV)], ['GT', new Sampler(SURNAMES_GT)]])
    this.tailSurnames = new Sampler(tail(tailRng, 30_000, TAIL_SURNAME_ENDINGS))
    this.tailGiven = {
      M: new Sampler(tail(tailRng, 3_000, TAIL_GIVEN_ENDINGS_MALE)),
      F: new Sampler(tail(tailRng, 3_000, TAIL_GIVEN_ENDINGS_FEMALE)),
      'HT-M': new Sampler(tail(tailRng, 1_000, TAIL_HT_GIVEN_ENDINGS_MALE)),
      'HT-F': new Sampler(tail(tailRng, 1_000, TAIL_HT_GIVEN_ENDINGS_FEMALE)),
    }
    this.tailHaitian = new Sampler(tail(tailRng, 3_000, TAIL_HT_SURNAME_ENDINGS))
    this.given = { M: new Sampler(GIVEN_MALE), F: new Sampler(GIVEN_FEMALE), 'HT-M': new Sampler(GIVEN_HT_MALE), 'HT-F': new Sampler(GIVEN_HT_FEMALE) }
    this.compound = { M: new Sampler(COMPOUND_FIRST_MALE), F: new Sampler(COMPOUND_FIRST_FEMALE), 'HT-M': new Sampler(COMPOUND_FIRST_HT_MALE), 'HT-F': new Sampler(COMPOUND_FIRST_HT_FEMALE) }
  }

  person(rng: Rng, needs: Needs | null): Person {
    for (;;) {
      const p = this.draw(rng, needs)
      if (needs === null || fits(p, needs)) {
        return p
      }
    }
  }

  private draw(rng: Rng, needs: Needs | null): Person {
    const sex: 'M' | 'F' = needs?.female ? 'F' : rng() < 0.74 ? 'M' : 'F'
    let nationality = needs?.nationality === 'HT' ? 'HT' : needs?.nationality === 'GT-mayan' ? 'GT' : this.nationalities.pick(rng)
    if (needs?.nationality === undefined && needs?.twoSurnames && nationality === 'HT') {
      nationality = 'MX'
    }
    const mayan = nationality === 'GT' && (needs?.nationality === 'GT-mayan' || rng() < 0.4)
    const given = this.givenNames(rng, sex, nationality, needs?.twoGiven ?? false)
    let s1: string
    let s2: string | null
    if (nationality === 'HT') {
      // Haitian surnames are few and shared (Joseph, Jean, Pierre), with a long tail of rarer ones.
      s1 = rng() < 0.3 ? this.tailHaitian.pick(rng) : this.haitian.pick(rng)
      s2 = null
    } else {
      s1 = this.surname(rng, nationality, mayan)
      s2 = this.surname(rng, nationality, mayan && rng() < 0.7)
    }
    if (needs?.particle) {
      s1 = pickOne(rng, PARTICLE_SURNAMES)
    }
    const age = Math.min(68, Math.max(11, Math.round(13 + Math.exp(2.6 + 0.5 * gaussian(rng)))))
    let dob = REFERENCE_DAY - age * 365 - Math.floor(rng() * 365)
    if (needs?.swappableDob) {
      const d = parts(dob)
      const dd = 1 + Math.floor(rng() * 12)
      dob = day(`${d.y}-${pad(d.m)}-${pad(dd === d.m ? ((dd % 12) + 1) : dd)}`)
    }
    return { sex, given, s1, s2, dob, nationality, mayan }
  }

  private surname(rng: Rng, nationality: string, mayan: boolean): string {
    if (mayan) {
      return this.mayan.pick(rng)
    }
    // The head lists cover about two thirds of people, as 140 surnames covered 61% of Mexico's
    // register of the disappeared (INEGI figures cited in the research notes); the rest is tail.
    if (rng() < 0.35) {
      return this.tailSurnames.pick(rng)
    }
    return (this.surnames.get(nationality) ?? this.surnames.get(pickOne(rng, ['MX', 'HN', 'SV'])) ?? this.mayan).pick(rng)
  }

  private givenNames(rng: Rng, sex: 'M' | 'F', nationality: string, two: boolean): string[] {
    const key = nationality === 'HT' ? (sex === 'M' ? 'HT-M' : 'HT-F') : sex
    // Haitian parents invent names far more often (Wideline, Kervens): a longer tail.
    const tailShare = nationality === 'HT' ? 0.35 : 0.2
    const general = () => (rng() < tailShare ? this.tailGiven[key].pick(rng) : this.given[key].pick(rng))
    if (!two && rng() >= 0.4) {
      return [general()]
    }
    const first = rng() < 0.5 ? this.compound[key].pick(rng) : general()
    let second = general()
    while (second === first) {
      second = general()
    }
    return [first, second]
  }

  relative(rng: Rng, of: Person, relation: Relation): Person {
    if (relation === 'namesake') {
      const other = this.person(rng, null)
      return { ...other, sex: of.sex, given: [...of.given], s1: of.s1, s2: of.s2, nationality: rng() < 0.7 ? of.nationality : other.nationality }
    }
    if (relation === 'parent') {
      const years = 18 + Math.floor(rng() * 28)
      const dob = of.dob - years * 365 - Math.floor(rng() * 365)
      // A father of the same full name; a mother of the same given names, whose first surname is the child's second.
      return of.sex === 'M' ? { ...of, dob } : { ...of, dob, s1: of.s2 ?? of.s1, s2: this.surname(rng, of.nationality, of.mayan) }
    }
    const sex: 'M' | 'F' = rng() < 0.6 ? 'M' : 'F'
    let given = this.givenNames(rng, sex, of.nationality, false)
    if (of.given.length === 2 && rng() < 0.2 && sex === of.sex) {
      // Siblings often share the first of two given names: José Luis and José Antonio.
      given = [of.given[0] ?? '', this.givenNames(rng, sex, of.nationality, false)[0] ?? '']
    }
    while (given.join(' ') === of.given.join(' ')) {
      given = this.givenNames(rng, sex, of.nationality, false)
    }
    const gap = (1 + Math.floor(rng() * 10)) * (rng() < 0.5 ? -1 : 1)
    return { ...of, sex, given, dob: of.dob + gap * 365 + Math.floor(rng() * 200) - 100 }
  }

  /** A family's request: the formal name, usually a date of birth. */
  request(rng: Rng, id: string, person: Person, lastSeen: number): RequestRow {
    const nick = nicknameOf(rng, person)
    const r = rng()
    const age = ageAt(person.dob, lastSeen)
    let given = person.given.join(' ')
    let s2 = person.s2
    if (rng() < 0.04) {
      s2 = null
    }
    if (rng() < 0.02) {
      given = typo(rng, given)
    }
    return {
      id,
      given_names: given,
      surname1: person.s1,
      surname2: s2,
      aliases: nick !== null && rng() < 0.2 ? [nick] : [],
      sex: person.sex,
      nationality: rng() < 0.97 ? person.nationality : null,
      birth_date: r < 0.8 ? iso(person.dob) : null,
      age_years: r >= 0.8 && r < 0.95 ? age : null,
      last_seen_date: iso(lastSeen),
      last_seen_place: pickOne(rng, PLACES),
    }
  }

  /** A background record: someone nobody is looking for (sometimes a body without a name). */
  background(rng: Rng, id: string): RegistryRow {
    const person = this.person(rng, null)
    const row = this.record(rng, id, person, 'everyday', null)
    if (row.kind === 'deceased' && rng() < 0.5) {
      return { ...row, given_names: null, surname1: null, surname2: null, full_name: null, aliases: [] }
    }
    return row
  }

  /** A registry record of a person, written with a phenomenon and the everyday noise. */
  record(rng: Rng, id: string, person: Person, phenomenon: Phenomenon, lastSeen: number | null): RegistryRow {
    let kind: RegistryRow['kind'] = toKind(this.kinds.pick(rng))
    let eventDay = randomDay(rng, day('2022-01-01'), day('2025-06-30'))
    if (lastSeen !== null) {
      const before = kind !== 'deceased' && rng() < 0.2
      eventDay = before ? lastSeen - Math.floor(rng() * 300) : lastSeen + Math.floor(rng() * 240)
    }
    const applied = phenomenon === 'mixed' ? pickMany(rng, MIXABLE, 3) : [phenomenon]
    if (applied.includes('age_guessed')) {
      kind = rng() < 0.5 ? 'hospitalised' : 'deceased'
      if (lastSeen !== null && eventDay < lastSeen) {
        eventDay = lastSeen + Math.floor(rng() * 240)
      }
    }
    const w: Written = { given: [...person.given], s1: person.s1, s2: person.s2, layout: 'fields', aliases: [], casing: 'accented' }
    const protect = new Set(applied.flatMap(protectedBy))
    everydayName(rng, w, person, protect)
    for (const p of applied) {
      this.applyName(rng, w, person, p)
    }
    const birth = writeBirth(rng, person, eventDay, kind, applied, protect)
    let nationality: string | null = person.nationality
    if (applied.includes('nationality_wrong') || (!protect.has('nationality') && rng() < 0.07)) {
      nationality = person.nationality === 'MX' ? pickOne(rng, ['GT', 'HN']) : rng() < 0.6 ? 'MX' : pickOne(rng, ['GT', 'HN', 'SV'].filter((c) => c !== person.nationality))
    }
    if (applied.includes('nationality_missing') || (!protect.has('nationality') && rng() < 0.1)) {
      nationality = null
    }
    return {
      id,
      kind,
      ...render(w),
      sex: rng() < 0.02 ? null : person.sex,
      nationality,
      birth_date: birth.date,
      age_years: birth.age,
      event_date: iso(eventDay),
      event_place: pickOne(rng, PLACES),
    }
  }

  private applyName(rng: Rng, w: Written, person: Person, p: Phenomenon): void {
    switch (p) {
      case 'accents_lost':
        w.casing = rng() < 0.5 ? 'upper' : 'plain'
        return
      case 'surname2_dropped':
        w.s2 = null
        return
      case 'surnames_swapped':
        if (w.s2 !== null) {
          ;[w.s1, w.s2] = [w.s2, w.s1]
        }
        return
      case 'surname_in_given':
        if (w.s2 !== null) {
          w.layout = 'us_middle'
        }
        return
      case 'hyphenated':
        if (w.s2 !== null) {
          w.layout = 'hyphen'
        }
        return
      case 'upper_full_name':
        w.layout = 'upper_full'
        w.casing = 'upper'
        return
      case 'compound_partial':
        if (w.given.length > 1) {
          w.given = rng() < 0.6 ? w.given.slice(1, 2) : w.given.slice(0, 1)
        }
        return
      case 'particles':
        w.s1 = particleVariant(rng, person.s1)
        return
      case 'married':
        w.s2 = `de ${this.surname(rng, person.nationality, false)}`
        return
      case 'hypocorism': {
        const i = w.given.findIndex((g) => NICKNAMES[g] !== undefined)
        const nick = i >= 0 ? NICKNAMES[w.given[i] ?? ''] : undefined
        if (nick !== undefined && i >= 0) {
          w.given = [pickOne(rng, nick)]
        }
        return
      }
      case 'phonetic':
        mutateOneToken(rng, w, phoneticSpelling)
        if (rng() < 0.3) {
          mutateOneToken(rng, w, phoneticSpelling)
        }
        return
      case 'mayan':
        w.s1 = w.s1 === null ? null : mayanSpelling(rng, w.s1)
        if (w.s2 !== null && rng() < 0.5) {
          w.s2 = mayanSpelling(rng, w.s2)
        }
        return
      case 'haitian': {
        w.given = w.given.flatMap((g) => (HAITIAN_SPELLINGS[g] && rng() < 0.7 ? pickOne(rng, HAITIAN_SPELLINGS[g]).split(' ') : [g]))
        const spellings = w.s1 === null ? undefined : HAITIAN_SPELLINGS[w.s1]
        if (spellings && rng() < 0.7) {
          w.s1 = pickOne(rng, spellings)
        }
        if (rng() < 0.25 && w.s1 !== null && w.given.length === 1) {
          // The surname is a given name too (Joseph, Pierre): the clerk wrote them the other way round.
          ;[w.given, w.s1] = [[w.s1], w.given[0] ?? null]
        }
        return
      }
      case 'typo':
        mutateOneToken(rng, w, typo)
        return
      case 'alias_listed':
      case 'false_name': {
        const other = this.person(rng, null)
        const trueName = [...person.given, person.s1, person.s2 ?? ''].join(' ').trim()
        w.given = other.sex === person.sex ? other.given : this.givenNames(rng, person.sex, person.nationality, false)
        w.s1 = other.s1
        w.s2 = other.s2
        if (p === 'alias_listed') {
          w.aliases = [trueName]
        }
        return
      }
      default:
        return
    }
  }
}

const MIXABLE: readonly Phenomenon[] = ['surname2_dropped', 'surnames_swapped', 'compound_partial', 'hypocorism', 'phonetic', 'typo', 'dob_swapped', 'age_only', 'nationality_wrong', 'upper_full_name', 'surname_in_given']

function protectedBy(p: Phenomenon): string[] {
  switch (p) {
    case 'surname2_dropped':
    case 'surnames_swapped':
    case 'married':
    case 'particles':
      return ['s2', 'layout']
    case 'surname_in_given':
    case 'hyphenated':
    case 'upper_full_name':
      return ['s2', 'layout']
    case 'compound_partial':
      return ['given2']
    case 'hypocorism':
      return ['given2']
    case 'dob_swapped':
    case 'dob_jan1':
    case 'age_only':
    case 'age_guessed':
      return ['birth']
    case 'nationality_wrong':
    case 'nationality_missing':
      return ['nationality']
    case 'haitian':
      return ['layout']
    default:
      return []
  }
}

/** The noise of every field record: what clerks and forms do to names all day. */
function everydayName(rng: Rng, w: Written, person: Person, protect: Set<string>): void {
  if (!protect.has('s2') && w.s2 !== null && rng() < 0.2) {
    w.s2 = null
  }
  if (!protect.has('s2') && w.s2 !== null && rng() < 0.03) {
    ;[w.s1, w.s2] = [w.s2, w.s1]
  }
  if (!protect.has('given2') && w.given.length > 1 && rng() < 0.25) {
    w.given = w.given.slice(0, 1)
  }
  if (!protect.has('given2') && rng() < 0.03) {
    const nick = w.given[0] === undefined ? undefined : NICKNAMES[w.given[0]]
    if (nick) {
      w.given = [pickOne(rng, nick), ...w.given.slice(1)]
    }
  }
  if (!protect.has('layout')) {
    const r = rng()
    w.layout = r < 0.08 ? 'upper_full' : r < 0.13 ? 'given_first_full' : r < 0.15 && w.s2 !== null ? 'us_middle' : r < 0.17 && w.s2 !== null ? 'hyphen' : 'fields'
  }
  const c = rng()
  w.casing = w.layout === 'upper_full' || c < 0.55 ? 'upper' : c < 0.8 ? 'plain' : 'accented'
  if (rng() < 0.06) {
    mutateOneToken(rng, w, phoneticSpelling)
  }
  if (rng() < 0.03) {
    mutateOneToken(rng, w, typo)
  }
  if (rng() < 0.03) {
    const nick = nicknameOf(rng, person)
    if (nick !== null) {
      w.aliases.push(nick)
    }
  }
}

function writeBirth(rng: Rng, person: Person, eventDay: number, kind: string, applied: readonly Phenomenon[], protect: Set<string>): { date: string | null; age: number | null } {
  const age = ageAt(person.dob, eventDay)
  const d = parts(person.dob)
  if (applied.includes('dob_swapped')) {
    return { date: `${d.y}-${pad(d.d)}-${pad(d.m)}`, age: null }
  }
  if (applied.includes('dob_jan1')) {
    return { date: `${d.y}-01-01`, age: null }
  }
  if (applied.includes('age_only')) {
    return { date: null, age }
  }
  if (applied.includes('age_guessed') || (!protect.has('birth') && (kind === 'deceased' || kind === 'hospitalised') && rng() < 0.7)) {
    return { date: null, age: Math.max(1, age + Math.round(3.5 * gaussian(rng))) }
  }
  const r = rng()
  if (r < 0.35) {
    return { date: null, age }
  }
  if (r < 0.4) {
    return { date: null, age: null }
  }
  if (r < 0.43) {
    return { date: `${d.y}-01-01`, age: null }
  }
  if (r < 0.45 && d.d <= 12 && d.d !== d.m) {
    return { date: `${d.y}-${pad(d.d)}-${pad(d.m)}`, age: null }
  }
  return { date: iso(person.dob), age: null }
}

function render(w: Written): Pick<RegistryRow, 'given_names' | 'surname1' | 'surname2' | 'full_name' | 'aliases'> {
  const cased = (s: string | null): string | null => {
    if (s === null) {
      return null
    }
    const plain = w.casing === 'accented' ? s : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    return w.casing === 'upper' ? plain.toUpperCase() : plain
  }
  const given = w.given.join(' ')
  const surnames = [w.s1, w.s2].filter((s): s is string => s !== null)
  const aliases = w.aliases.map((a) => cased(a) ?? a)
  switch (w.layout) {
    case 'upper_full':
      return { given_names: null, surname1: null, surname2: null, full_name: cased([...surnames, given].join(' ')), aliases }
    case 'given_first_full':
      return { given_names: null, surname1: null, surname2: null, full_name: cased([given, ...surnames].join(' ')), aliases }
    case 'us_middle':
      return { given_names: cased([given, w.s1].filter(Boolean).join(' ')), surname1: cased(w.s2 ?? ''), surname2: null, full_name: null, aliases }
    case 'hyphen':
      return { given_names: cased(given), surname1: cased(surnames.join('-')), surname2: null, full_name: null, aliases }
    default:
      return { given_names: cased(given), surname1: cased(w.s1), surname2: cased(w.s2), full_name: null, aliases }
  }
}

function particleVariant(rng: Rng, surname: string): string {
  const words = surname.split(' ')
  const last = words[words.length - 1] ?? surname
  const r = rng()
  return r < 0.4 ? last : r < 0.7 ? words.join('') : surname.toLowerCase()
}

function mutateOneToken(rng: Rng, w: Written, mutate: (rng: Rng, word: string) => string): void {
  const slots = [...w.given.map((_, i) => `g${i}`), ...(w.s1 !== null ? ['s1'] : []), ...(w.s2 !== null ? ['s2'] : [])]
  const slot = pickOne(rng, slots)
  if (slot === 's1' && w.s1 !== null) {
    w.s1 = mutate(rng, w.s1)
  } else if (slot === 's2' && w.s2 !== null) {
    w.s2 = mutate(rng, w.s2)
  } else {
    const i = Number(slot.slice(1))
    w.given[i] = mutate(rng, w.given[i] ?? '')
  }
}

function toKind(kind: string): RegistryRow['kind'] {
  return kind === 'rescued' || kind === 'hospitalised' || kind === 'deceased' ? kind : 'attended'
}

function fits(p: Person, needs: Needs): boolean {
  if (needs.twoGiven && p.given.length < 2) {
    return false
  }
  if (needs.twoSurnames && p.s2 === null) {
    return false
  }
  if (needs.nickname && !p.given.some((g) => NICKNAMES[g] !== undefined)) {
    return false
  }
  return true
}

function nicknameOf(rng: Rng, person: Person): string | null {
  for (const g of person.given) {
    const nicks = NICKNAMES[g]
    if (nicks) {
      return pickOne(rng, nicks)
    }
  }
  return null
}

/** A long tail of plausible names nobody's table lists, heaviest first. */
function tail(rng: Rng, count: number, endings: readonly string[]): Weighted {
  const names = new Set<string>()
  while (names.size < count) {
    const syllables = 1 + Math.floor(rng() * 2)
    let word = ''
    for (let i = 0; i < syllables; i++) {
      word += pickOne(rng, TAIL_ONSETS) + pickOne(rng, TAIL_VOWELS)
    }
    word += pickOne(rng, TAIL_ONSETS.filter((o) => o.length === 1 && o !== 'h')) + pickOne(rng, endings)
    names.add(word.charAt(0).toUpperCase() + word.slice(1))
  }
  return [...names].map((name, rank) => [name, 1 / (rank + 10) ** 0.8] as const)
}

// Seeded randomness: sfc32, so every run of a seed writes the same people.
export type Rng = () => number

export function makeRng(seed: number): Rng {
  let a = 0x9e3779b9 ^ seed
  let b = 0x243f6a88 ^ (seed * 31)
  let c = 0xb7e15162 ^ (seed * 131)
  let d = 0x12345678 ^ (seed * 1031)
  const next = () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 20; i++) {
    next()
  }
  return next
}

class Sampler {
  private readonly values: string[]
  private readonly cumulative: Float64Array
  constructor(weighted: Weighted) {
    this.values = weighted.map(([v]) => v)
    this.cumulative = new Float64Array(weighted.length)
    let sum = 0
    weighted.forEach(([, w], i) => {
      sum += w
      this.cumulative[i] = sum
    })
  }
  pick(rng: Rng): string {
    const target = rng() * (this.cumulative[this.cumulative.length - 1] ?? 0)
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.cumulative[mid] ?? 0) < target) {
        lo = mid + 1
      } else {
        hi = mid
      }
    }
    return this.values[lo] ?? ''
  }
}

export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) {
    throw new Error('pickOne from an empty list')
  }
  return item
}

function pickMany<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items]
  const out: T[] = []
  while (out.length < n && pool.length > 0) {
    const [item] = pool.splice(Math.floor(rng() * pool.length), 1)
    if (item !== undefined) {
      out.push(item)
    }
  }
  return out
}

function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng())
}

function day(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000)
}

function iso(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10)
}

function parts(dayNumber: number): { y: number; m: number; d: number } {
  const date = new Date(dayNumber * 86_400_000)
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function randomDay(rng: Rng, from: number, to: number): number {
  return from + Math.floor(rng() * (to - from))
}

function ageAt(dob: number, at: number): number {
  const b = parts(dob)
  const a = parts(at)
  return a.y - b.y - (a.m < b.m || (a.m === b.m && a.d < b.d) ? 1 : 0)
}
