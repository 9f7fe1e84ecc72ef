import { z } from 'zod'

/** The services a Grupos Beta team gives at an attention, as the programme reports them. */
export const Service = z.enum([
  'orientation',
  'water',
  'food',
  'medicine',
  'first_aid',
  'hospital_transfer',
  'shelter_transfer',
  'phone_call',
  'bus_fare_discount',
  'legal_advice',
  'complaint_taken',
])
export type Service = z.infer<typeof Service>
