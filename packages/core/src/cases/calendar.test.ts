import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, dueAt, easterSunday, holidaysOf, hopDeadlines, isWorkingDay, operationAt, reminderTimes } from './calendar.ts'

describe('the case calendar', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05')
    expect(easterSunday(2027).toISOString().slice(0, 10)).toBe('2027-03-28')
    expect(easterSunday(2024).toISOString().slice(0, 10)).toBe('2024-03-31')
  })

  it('lists the federal rest days of a year, with the administration\'s own and the six-yearly 1 October', () => {
    expect([...holidaysOf(2026)].sort()).toEqual(['2026-01-01', '2026-02-02', '2026-03-16', '2026-04-02', '2026-04-03', '2026-05-01', '2026-09-16', '2026-11-02', '2026-11-16', '2026-12-12', '2026-12-25'])
    expect(holidaysOf(2030).has('2030-10-01')).toBe(true)
    expect(holidaysOf(2026).has('2026-10-01')).toBe(false)
    expect(holidaysOf(2026, { ...DEFAULT_CALENDAR, federalAdministrationDays: false }).has('2026-04-02')).toBe(false)
  })

  it('takes extra rest days and declared working days from the configuration', () => {
    const calendar = { ...DEFAULT_CALENDAR, extraHolidays: ['2026-11-20'], workingDays: ['2026-11-16'] }
    expect(isWorkingDay(new Date('2026-11-20T00:00:00Z'), calendar)).toBe(false)
    expect(isWorkingDay(new Date('2026-11-16T00:00:00Z'), calendar)).toBe(true)
    expect(isWorkingDay(new Date('2026-11-16T00:00:00Z'))).toBe(false)
  })

  it('counts business days over a weekend and a holiday, to the end of the day in Mexico City', () => {
    // Friday 13 November 2026 at 10:00 in Mexico City; Monday the 16th is Revolution Day.
    const start = new Date('2026-11-13T16:00:00Z')
    expect(dueAt(start, { businessDays: 2 }).toISOString()).toBe('2026-11-19T05:59:59.999Z')
    // Late on Friday evening in Mexico is already Saturday in UTC: the local day counts.
    expect(dueAt(new Date('2026-11-14T03:00:00Z'), { businessDays: 1 }).toISOString()).toBe('2026-11-18T05:59:59.999Z')
  })

  it('counts hours of the clock for urgent help, nights and holidays included', () => {
    expect(dueAt(new Date('2026-11-15T22:00:00Z'), { hours: 24 }).toISOString()).toBe('2026-11-16T22:00:00.000Z')
  })

  it('knows the Paisano operations, the winter one across the new year', () => {
    expect(operationAt(new Date('2026-10-31T18:00:00Z'))).toBeUndefined()
    expect(operationAt(new Date('2026-11-01T18:00:00Z'))).toBe('winter')
    expect(operationAt(new Date('2027-01-08T18:00:00Z'))).toBe('winter')
    expect(operationAt(new Date('2027-01-09T18:00:00Z'))).toBeUndefined()
    expect(operationAt(new Date('2026-03-22T18:00:00Z'))).toBe('easter')
    expect(operationAt(new Date('2026-03-21T18:00:00Z'))).toBeUndefined()
    expect(operationAt(new Date('2026-07-15T18:00:00Z'))).toBe('summer')
  })

  it('gives less time to answer inside an operation than outside it', () => {
    const before = hopDeadlines('mistreatment', new Date('2026-10-30T16:00:00Z'))
    const inside = hopDeadlines('mistreatment', new Date('2026-11-03T16:00:00Z'))
    // Friday 30 October + 15 working days, skipping 2 and 16 November: Tuesday 24 November.
    expect(before.answerBy).toBe('2026-11-25T05:59:59.999Z')
    // Tuesday 3 November + 10 working days, skipping the 16th: Wednesday 18 November.
    expect(inside.answerBy).toBe('2026-11-19T05:59:59.999Z')
    expect(hopDeadlines('transport_of_remains', new Date('2026-11-03T16:00:00Z')).acknowledgeBy).toBe('2026-11-03T18:00:00.000Z')
  })

  it('reminds at half and four fifths of the time', () => {
    const [half, late] = reminderTimes(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-11T00:00:00Z'))
    expect(half.toISOString()).toBe('2026-11-06T00:00:00.000Z')
    expect(late.toISOString()).toBe('2026-11-09T00:00:00.000Z')
  })
})
