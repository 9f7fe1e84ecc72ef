import type { Actor, PersonIdentity, Purpose, SoughtPersonInput } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { findOrgUnit } from '../accounts/org-units-repo.ts'
import { openLocationRequest } from '../cases/cases.ts'
import { sealComplainant, storeComplainant } from '../cases/complainant.ts'
import type { Db } from '../db/open.ts'
import type { Ctx } from '../log/context.ts'
import type { Keyring } from '../protection/keyring.ts'
import { DEMO_CASE_PIN } from './cases.ts'
import { runImport } from '../tracing/imports.ts'
import { SeededRandom } from './random.ts'

// Invented names as people from each country write them: the demo's registry and the people
// its location requests seek. Frequent surnames repeat on purpose: namesakes are the hard case.
const NAMES: Record<string, { given: readonly string[]; surnames: readonly string[] }> = {
  HN: { given: ['José Ángel', 'Kevin', 'Wilmer', 'Brayan', 'Darwin', 'Elmer', 'Marvin', 'Denis', 'Josué', 'Karla', 'Yesenia', 'Dania', 'Glenda', 'Heydi'], surnames: ['Hernández', 'López', 'Martínez', 'Reyes', 'Cruz', 'Mejía', 'Maldonado', 'Pineda', 'Zelaya', 'Flores', 'Ramos', 'Orellana'] },
  GT: { given: ['Juan Carlos', 'Edwin', 'Marvin', 'Selvin', 'Byron', 'Wilson', 'María José', 'Ingrid', 'Lesbia', 'Rigoberto'], surnames: ['Xicará', 'Tzoc', 'Ajú', 'Coj', 'Pérez', 'García', 'López', 'Chávez', 'Velásquez', 'Tax', 'Batz', 'Yax'] },
  SV: { given: ['Jonathan', 'Kevin Alexander', 'Edwin', 'Yeferson', 'Sulmy', 'Jennifer', 'Óscar Armando', 'Carlos'], surnames: ['Hernández', 'Alvarado', 'Rivas', 'Portillo', 'Martínez', 'Argueta', 'Romero', 'Quintanilla'] },
  HT: { given: ['Jean', 'Wilson', 'Evens', 'Jocelyne', 'Marie Ange', 'Fritznel', 'Roodly', 'Widlène'], surnames: ['Joseph', 'Pierre', 'Jean-Baptiste', 'Louis', 'Charles', 'Saint-Fleur', 'Dorvil', 'Désir'] },
  VE: { given: ['Luis Alberto', 'Carlos Eduardo', 'Oriana', 'Génesis', 'Yonaiker', 'Dayana'], surnames: ['Rondón', 'Contreras', 'Medina', 'González', 'Rodríguez', 'Pérez'] },
}
const COUNTRIES = [['HN', 35], ['GT', 30], ['SV', 15], ['HT', 10], ['VE', 10]] as const

/** How people's names come out written by someone else: the noise the search must see through. */
const SPELLINGS: readonly [RegExp, string][] = [
  [/v/i, 'b'],
  [/b/i, 'v'],
  [/z/i, 's'],
  [/s(?=[ei])/i, 'c'],
  [/ll/i, 'y'],
  [/á/, 'a'],
  [/é/, 'e'],
  [/í/, 'i'],
  [/ó/, 'o'],
  [/ld/i, 'lld'],
  [/h/i, ''],
]
const NICKNAMES: Readonly<Record<string, string>> = { José: 'Chepe', Juan: 'Juancho', Jesús: 'Chuy', Francisco: 'Chico', Guadalupe: 'Lupe', Carlos: 'Carlitos', Marvin: 'Marvincito' }

interface Demoed {
  identity: PersonIdentity
}

function person(random: SeededRandom, country: string): Demoed {
  const names = NAMES[country] ?? NAMES.HN
  if (names === undefined) {
    throw new Error('no names')
  }
  const givenNames = random.pick(names.given)
  const identity: PersonIdentity = {
    givenNames,
    firstSurname: random.pick(names.surnames),
    secondSurname: random.pick(names.surnames),
    aliases: [],
    sex: /a$|e$|Ingrid|Heydi|Sulmy|Jennifer|Dayana|Jocelyne|Oriana|Génesis|Yesenia|Glenda|Lesbia|Widlène/.test(givenNames) ? 'female' : 'male',
    approximateAge: random.int(16, 48),
    nationality: country,
    languages: [],
    phones: [],
    idDocuments: [],
    relatives: [],
  }
  return { identity }
}

/** A relative or a stranger's account of someone: a letter changed, a surname dropped or swapped, a nickname. */
function asToldBy(random: SeededRandom, identity: PersonIdentity): PersonIdentity {
  const out: PersonIdentity = { ...identity, aliases: [] }
  const misspell = (text: string | undefined) => {
    if (text === undefined) {
      return text
    }
    const [pattern, to] = random.pick(SPELLINGS)
    return pattern.test(text) ? text.replace(pattern, to) : text
  }
  if (random.chance(0.6)) {
    out.firstSurname = misspell(out.firstSurname)
  }
  if (random.chance(0.4)) {
    delete out.secondSurname
  } else if (random.chance(0.2)) {
    ;[out.firstSurname, out.secondSurname] = [out.secondSurname, out.firstSurname]
  }
  const first = out.givenNames?.split(' ')[0] ?? ''
  const nickname = NICKNAMES[first]
  if (nickname !== undefined && random.chance(0.5)) {
    out.aliases = [nickname]
  }
  if (random.chance(0.3)) {
    out.givenNames = misspell(out.givenNames)
  }
  if (out.approximateAge !== undefined) {
    out.approximateAge = Math.max(14, out.approximateAge + random.int(-3, 3))
  }
  return out
}

export interface TracingDemo {
  now: Date
  keyring: Keyring
  /** Who filed the demo's requests: consulates and the call centre. */
  filers: readonly Actor[]
}

/**
 * The search for missing migrants in the demo: people attended or rescued by the groups who gave
 * their names (the registry, in the vault, linked to their records), and open location requests
 * from consulates and the call centre, for one to four people each: some are in the registry under
 * a name written differently, some are not there at all, and some requests seek a brother or a
 * namesake of someone who is — the candidates a reviewer must tell apart.
 */
export async function seedDemoTracing(db: Db, ctx: Ctx, demo: TracingDemo): Promise<{ registry: number; requests: number; listed: number }> {
  const random = new SeededRandom(4099)
  const records = await db.db
    .selectFrom('records')
    .select(['recordType', 'recordId', 'ownerId', 'orgUnitId'])
    .where('recordType', 'in', ['rescue', 'attention'])
    .orderBy('recordId')
    .execute()
  const chosen = records.filter((_, i) => i % 9 === 0).slice(0, 900)
  const registry: Demoed[] = []
  await db.db.transaction().execute(async (trx) => {
    const units = new Map<string, Awaited<ReturnType<typeof findOrgUnit>>>()
    for (const r of chosen) {
      if (!units.has(r.orgUnitId)) {
        units.set(r.orgUnitId, await findOrgUnit(trx, r.orgUnitId))
      }
      const unit = units.get(r.orgUnitId)
      if (unit === undefined) {
        continue
      }
      const demoed = person(random, random.weighted(COUNTRIES))
      const purpose: Purpose = r.recordType === 'rescue' ? 'rescue' : 'family_contact'
      const actor: Actor = { userId: r.ownerId, role: 'field_agent', orgUnitId: r.orgUnitId }
      await storeComplainant(trx, { ...ctx, actor }, demo.keyring, unit, r.recordId, sealComplainant(demo.keyring, { identity: demoed.identity, consents: [] }), 'es', { legalBasis: r.recordType === 'rescue' ? 'vital_interest' : 'consent', purpose, recordType: r.recordType })
      registry.push(demoed)
    }
  })

  let requests = 0
  const soughtInRegistry: PersonIdentity[] = []
  for (let i = 0; i < 16 && registry.length > 0; i += 1) {
    const filer = demo.filers[i % demo.filers.length]
    if (filer === undefined) {
      break
    }
    const size = random.weighted([[1, 45], [2, 25], [3, 20], [4, 10]] as const)
    const sought: SoughtPersonInput[] = []
    for (let k = 0; k < size; k += 1) {
      const roll = random.next()
      let identity: PersonIdentity
      if (roll < 0.55) {
        identity = asToldBy(random, random.pick(registry).identity)
      } else if (roll < 0.6) {
        // Not in the groups' records: the hospital's list below has them.
        identity = person(random, random.weighted(COUNTRIES)).identity
        soughtInRegistry.push(identity)
      } else if (roll < 0.7) {
        // A brother: the same surnames, another name, a few years apart.
        const sibling = random.pick(registry).identity
        identity = { ...person(random, sibling.nationality ?? 'HN').identity, firstSurname: sibling.firstSurname, secondSurname: sibling.secondSurname, approximateAge: (sibling.approximateAge ?? 25) + random.pick([-6, -4, 4, 7]) }
      } else {
        identity = person(random, random.weighted(COUNTRIES)).identity
      }
      const lastSeen = new Date(demo.now.getTime() - random.int(10, 90) * 86_400_000).toISOString().slice(0, 10)
      sought.push({ identity, lastContact: { date: lastSeen, place: random.pick(['Altar', 'Sásabe', 'Tecate', 'Reynosa', 'Tenosique', 'Palenque', 'Arriaga']), means: random.pick(['phone_call', 'message', 'social_media'] as const) }, origin: { country: identity.nationality } })
    }
    const consulate = filer.role === 'consulate_officer'
    await openLocationRequest(
      { ...ctx, actor: filer },
      {
        id: uuidv7({ msecs: demo.now.getTime() - (16 - i) * 3_600_000, random: random.bytes(16) }),
        channel: consulate ? 'consulate' : 'call_centre',
        description: size > 1 ? 'Viajaban juntos hacia la frontera norte y dejaron de comunicarse.' : 'Salió hacia la frontera norte y dejó de comunicarse.',
        relationship: consulate ? 'consulate' : random.pick(['parent', 'sibling', 'spouse'] as const),
        ...(consulate ? {} : { requester: { identity: { givenNames: 'Familiar', firstSurname: 'Demo', phones: [`+504 5550 ${String(1000 + i)}`], aliases: [], languages: [], idDocuments: [], relatives: [] }, consents: ['handling_body'] }, contactChannel: 'phone' as const }),
        language: 'es',
        contactChannel: consulate ? 'none' : 'phone',
        pin: DEMO_CASE_PIN,
        sought,
      },
      { keyring: demo.keyring, demo: true },
    )
    requests += 1
  }
  const listed = await importDemoLists(ctx, demo, random, soughtInRegistry)
  return { registry: registry.length, requests, listed }
}

/** A name as a hospital's admissions desk writes it: upper case, surnames first, accents lost. */
function asAdmitted(identity: PersonIdentity): string {
  return [identity.firstSurname, identity.secondSurname, identity.givenNames]
    .filter((w) => w !== undefined)
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
}

/**
 * Two partners' lists, as the national coordination imports them: a hospital's admissions (with
 * the people some requests seek, whom no group met) and a forensic service's identified dead
 * (namesakes of people sought: the candidates a reviewer must not confirm).
 */
async function importDemoLists(ctx: Ctx, demo: TracingDemo, random: SeededRandom, sought: readonly PersonIdentity[]): Promise<number> {
  const day = (daysAgo: number) => new Date(demo.now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10)
  const admitted = [...sought, ...Array.from({ length: 22 }, () => person(random, random.weighted(COUNTRIES)).identity)]
  const hospital = ['folio,nombre_completo,sexo,edad,nacionalidad,fecha_ingreso,lugar']
  for (const [i, identity] of admitted.entries()) {
    hospital.push([`HGC-${String(4100 + i)}`, asAdmitted(identity), identity.sex === 'female' ? 'F' : 'M', String(identity.approximateAge ?? ''), identity.nationality ?? '', day(random.int(3, 40)), 'Caborca'].join(','))
  }
  const forensic = ['{"id":"SEMEFO-SON-2026-0388","given_names":"Marvin","surname1":"Maldonado","surname2":"Zelaya","sex":"M","nationality":"HN","age_years":52,"event_date":"' + day(25) + '","event_place":"Sásabe","kind":"deceased"}']
  const coordination: Actor = { userId: 'system', role: 'group_coordinator', orgUnitId: 'beta' }
  const lists = [
    { source: 'Hospital General de Caborca', format: 'csv' as const, kind: 'hospitalised' as const, content: hospital.join('\n') },
    { source: 'Servicio Médico Forense de Sonora', format: 'jsonl' as const, content: forensic.join('\n') },
  ]
  let listed = 0
  for (const list of lists) {
    listed += (await runImport({ ...ctx, actor: coordination }, demo.keyring, { ...list, id: uuidv7({ msecs: demo.now.getTime(), random: random.bytes(16) }) }, { demo: true })).rows
  }
  return listed
}
