import { z } from 'zod'

/** Mexico's 32 states, as their people name them and the bundled map's outlines are named. */
export const MEXICAN_STATES = [
  'Aguascalientes', 'Baja California', 'Baja California Sur', 'Campeche', 'Chiapas', 'Chihuahua', 'Ciudad de México', 'Coahuila', 'Colima', 'Durango',
  'Estado de México', 'Guanajuato', 'Guerrero', 'Hidalgo', 'Jalisco', 'Michoacán', 'Morelos', 'Nayarit', 'Nuevo León', 'Oaxaca', 'Puebla', 'Querétaro',
  'Quintana Roo', 'San Luis Potosí', 'Sinaloa', 'Sonora', 'Tabasco', 'Tamaulipas', 'Tlaxcala', 'Veracruz', 'Yucatán', 'Zacatecas',
] as const
export const MexicanState = z.enum(MEXICAN_STATES)
export type MexicanState = z.infer<typeof MexicanState>

/**
 * Each state's clock (IANA zone). Baja California keeps the Pacific time of the United States,
 * Sonora the mountain time without summer change, Baja California Sur, Sinaloa and Nayarit the
 * Pacific of Mexico, Quintana Roo the south-east's; the rest the centre's. Border towns that
 * change with the United States (Ciudad Juárez, Matamoros, Piedras Negras…) follow their own
 * zone when a unit names it; a state's is the default.
 */
export const STATE_TIME_ZONES: Readonly<Record<MexicanState, string>> = Object.fromEntries(
  MEXICAN_STATES.map((s) => [
    s,
    {
      'Baja California': 'America/Tijuana',
      Sonora: 'America/Hermosillo',
      'Baja California Sur': 'America/Mazatlan',
      Sinaloa: 'America/Mazatlan',
      Nayarit: 'America/Mazatlan',
      'Quintana Roo': 'America/Cancun',
      Chihuahua: 'America/Chihuahua',
    }[s as string] ?? 'America/Mexico_City',
  ]),
) as Record<MexicanState, string>

/** The zone of a state named as in MEXICAN_STATES; the centre's for anything else. */
export function timeZoneOfState(state: string | null | undefined): string {
  return (state !== null && state !== undefined && Object.hasOwn(STATE_TIME_ZONES, state) ? STATE_TIME_ZONES[state as MexicanState] : undefined) ?? 'America/Mexico_City'
}

/**
 * Mexico City's offset from UTC: UTC−6 all year since Mexico ended daylight saving in 2022. The
 * clock of the national office and the agencies, of case deadlines and of the homes' "today";
 * fixed, so it needs no formatter.
 */
export const CENTRAL_OFFSET_MS = -6 * 3_600_000

/** The date (YYYY-MM-DD) in Mexico City of an instant. */
export function centralDate(at: Date | number): string {
  return new Date((typeof at === 'number' ? at : at.getTime()) + CENTRAL_OFFSET_MS).toISOString().slice(0, 10)
}

// Making a formatter costs far more than using one: the statistics ask for a zone's clock once per record.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>()

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant in a zone. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  let format = FORMATTERS.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    FORMATTERS.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}
