import { describe, expect, it } from 'vitest'
import { canOpen, navFor } from './nav.ts'

describe('navFor', () => {
  it('gives a field agent home, field mode, field activity, the live view, places and units', () => {
    const nav = navFor(['place.read', 'attention.create', 'attention.read', 'rescue.read', 'patrol.read', 'device.register'])
    expect(nav.map((n) => n.route)).toEqual(['', 'capture', 'field', 'live', 'places', 'units'])
  })

  it('names field mode as the tally for a module volunteer, who only counts there', () => {
    const volunteer = navFor(['place.read', 'operation.read', 'shift.read', 'tally.create', 'tally.read', 'device.register', 'case.create'])
    expect(volunteer.find((n) => n.route === 'capture')?.label).toBe('tally.nav')
    const agent = navFor(['attention.create', 'device.register'])
    expect(agent.find((n) => n.route === 'capture')?.label).toBe('nav.capture')
  })

  it('gives a coordinator the import of field files', () => {
    expect(canOpen('import', ['device.manage'])).toBe(true)
    expect(canOpen('import', ['device.register'])).toBe(false)
  })

  it('gives the data protection officer the audit and staff pages but no field activity', () => {
    const nav = navFor(['place.read', 'audit.read', 'audit.verify', 'user.read'])
    expect(nav.map((n) => n.route)).toEqual(['', 'places', 'staff', 'audit', 'units'])
  })

  it('gives the person page to who may read people and the rights queue to the data protection officer', () => {
    expect(navFor(['person.read', 'rights.manage', 'audit.read']).map((n) => n.route)).toEqual(['', 'audit', 'people', 'rights', 'units'])
    expect(canOpen('rights', ['person.read'])).toBe(false)
  })

  it('opens the audit page with verification alone', () => {
    expect(canOpen('audit', ['audit.verify'])).toBe(true)
  })

  it('keeps home and units for a role with no permissions', () => {
    expect(navFor([]).map((n) => n.route)).toEqual(['', 'units'])
  })

  it('gives a module volunteer the intake, the location request, the cases taken and the folio lookup first', () => {
    const nav = navFor(['place.read', 'case.create', 'case.read'])
    expect(nav.map((n) => n.route)).toEqual(['', 'intake', 'trace-request', 'cases', 'folio', 'places', 'units'])
  })

  it('gives an agency liaison the queue of cases and its scorecard but neither the intake nor the folio lookup', () => {
    const nav = navFor(['place.read', 'case.read', 'case.answer', 'token.manage'])
    expect(nav.map((n) => n.route)).toEqual(['', 'cases', 'case-scorecards', 'places', 'tokens', 'units'])
  })

  it('gives the Paisano national office its scorecards, repeated complaints and routing rules, and administrators the rules alone', () => {
    const routes = navFor(['place.read', 'case.create', 'case.read', 'case.update', 'case.route', 'case.close']).map((n) => n.route)
    expect(routes).toEqual(expect.arrayContaining(['case-scorecards', 'case-patterns', 'routing-rules']))
    expect(navFor(['user.manage', 'org_unit.manage']).map((n) => n.route)).toEqual(['', 'routing-rules', 'units'])
    expect(canOpen('case-patterns', ['case.read', 'case.answer'])).toBe(false)
    expect(canOpen('routing-rules', ['case.read', 'case.answer'])).toBe(false)
  })

  it('gives the guide\'s editions to who may read them (the Paisano national office, administrators) and to no one else', () => {
    expect(navFor(['guide_edition.create', 'guide_edition.read', 'guide_edition.update']).map((n) => n.route)).toContain('guide')
    expect(navFor(['guide_edition.read', 'user.manage']).map((n) => n.route)).toContain('guide')
    expect(navFor(['place.read', 'attention.create', 'attention.read']).map((n) => n.route)).not.toContain('guide')
    expect(canOpen('guide', ['place.read', 'attention.read'])).toBe(false)
  })

  it('gives the call centre the call log and today\'s calls first, then its case pages', () => {
    const nav = navFor(['place.read', 'case.create', 'case.read', 'case.update', 'call.create', 'call.read', 'call.update'])
    expect(nav.map((n) => n.route)).toEqual(['', 'call', 'calls', 'intake', 'trace-request', 'cases', 'folio', 'places', 'units'])
  })

  it('gives the Paisano coordination today\'s calls but not the call log', () => {
    expect(canOpen('calls', ['call.read', 'case.read'])).toBe(true)
    expect(canOpen('call', ['call.read', 'case.read'])).toBe(false)
  })

  it('shows no call screens to a module volunteer', () => {
    const routes = navFor(['place.read', 'case.create', 'case.read']).map((n) => n.route)
    expect(routes).not.toContain('call')
    expect(routes).not.toContain('calls')
  })

  it('gives a consulate the location request, its cases and the folio lookup', () => {
    expect(navFor(['case.create', 'case.read', 'case.update']).map((n) => n.route)).toEqual(['', 'intake', 'trace-request', 'cases', 'folio', 'units'])
    expect(canOpen('trace-request', ['case.read', 'case.answer'])).toBe(false)
  })

  it('gives who reads the groups\' records their staff, equipment and inspections, and no one else', () => {
    expect(navFor(['place.read', 'staff_profile.read', 'certificate.read', 'equipment.read']).map((n) => n.route)).toEqual(['', 'places', 'team', 'equipment', 'inspections', 'units'])
    expect(canOpen('team', ['staff_profile.read'])).toBe(false)
    expect(canOpen('inspections', ['place.read'])).toBe(false)
  })

  it('gives the statistics to who may read them, and to no one else', () => {
    expect(navFor(['place.read', 'attention.read', 'statistics.read']).map((n) => n.route)).toContain('statistics')
    expect(canOpen('statistics', ['statistics.read'])).toBe(true)
    expect(canOpen('statistics', ['place.read', 'case.create', 'case.read'])).toBe(false)
  })

  it('refuses unknown routes and routes the role lacks', () => {
    expect(canOpen('nowhere', ['user.read'])).toBe(false)
    expect(canOpen('tokens', ['place.read'])).toBe(false)
  })
})
