import { describe, expect, it } from 'vitest'
import { convoyBody, ConvoyForm, incidentBody, IncidentForm, isoToLocal, localToIso } from './convoy-form.ts'

const FILLED = {
  departurePoint: ' Puente Internacional Paso del Norte ',
  departureState: 'Chihuahua',
  departsAt: '2026-12-20T07:00',
  route: 'Ciudad Juárez – Chihuahua – Torreón',
  destinationStates: ['Durango', 'Zacatecas'],
  vehicles: '50',
  people: '200',
  escortId: 'agency-pf',
  operationId: 'op-winter',
  published: false,
  notes: '',
}

describe('convoyBody', () => {
  it('builds the body of POST /api/convoys from the form: counts as numbers, the time as an instant, no empty notes', () => {
    const form = ConvoyForm.parse(FILLED)
    const body = convoyBody(form, 'id-1', 'paisano')
    expect(body).toMatchObject({ id: 'id-1', orgUnitId: 'paisano', operationId: 'op-winter', departurePoint: 'Puente Internacional Paso del Norte', departureState: 'Chihuahua', destinationStates: ['Durango', 'Zacatecas'], vehicles: 50, people: 200, escortId: 'agency-pf', published: false })
    expect(body).not.toHaveProperty('notes')
    expect(new Date(body.departsAt).getTime()).toBe(new Date('2026-12-20T07:00').getTime())
  })

  it('leaves out the operation when none is chosen', () => {
    expect(convoyBody(ConvoyForm.parse({ ...FILLED, operationId: '' }), 'id-1', 'paisano')).not.toHaveProperty('operationId')
  })

  it('takes one ticked state as a list of one', () => {
    expect(ConvoyForm.parse({ ...FILLED, destinationStates: 'Durango' }).destinationStates).toEqual(['Durango'])
  })

  it('refuses a convoy with no destination state, on that field', () => {
    const result = ConvoyForm.safeParse({ ...FILLED, destinationStates: false })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['destinationStates'])
  })

  it('refuses a state that is not one of the 32, and no vehicles', () => {
    const result = ConvoyForm.safeParse({ ...FILLED, departureState: 'Texas', vehicles: '0' })
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['departureState', 'vehicles'])
  })
})

describe('incidentBody', () => {
  it('builds the body of POST /api/convoys/:id/incidents with the time as an instant', () => {
    const body = incidentBody(IncidentForm.parse({ at: '2026-12-20T11:30', kind: 'breakdown', place: 'Carretera 45, km 30', description: '' }), 'id-2')
    expect(body).toMatchObject({ id: 'id-2', kind: 'breakdown', place: 'Carretera 45, km 30', description: '' })
    expect(new Date(body.at).getTime()).toBe(new Date('2026-12-20T11:30').getTime())
  })
})

describe('localToIso', () => {
  it('writes a datetime-local value with the browser’s offset, the same instant', () => {
    const iso = localToIso('2026-12-20T07:00')
    expect(iso).toMatch(/^2026-12-20T07:00:00[+-]\d{2}:\d{2}$/)
    expect(new Date(iso).getTime()).toBe(new Date('2026-12-20T07:00').getTime())
  })

  it('gives back what it cannot read', () => {
    expect(localToIso('')).toBe('')
  })

  it('reads back what isoToLocal wrote', () => {
    const now = new Date(2026, 11, 20, 7, 5)
    expect(localToIso(isoToLocal(now))).toMatch(/^2026-12-20T07:05:00/)
  })
})
