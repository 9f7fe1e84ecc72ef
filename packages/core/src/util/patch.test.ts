import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { patchOf } from './patch.ts'

describe('patchOf', () => {
  it('makes every field optional and drops the defaults, so a change names only what changed', () => {
    const Item = z.strictObject({ name: z.string(), crew: z.array(z.string()).default([]), status: z.enum(['in_service', 'lost']).default('in_service') })
    expect(Item.partial().parse({ name: 'Jeep' })).toEqual({ name: 'Jeep', crew: [], status: 'in_service' })
    expect(patchOf(Item).parse({ name: 'Jeep' })).toEqual({ name: 'Jeep' })
    expect(patchOf(Item).parse({})).toEqual({})
    expect(patchOf(Item).safeParse({ status: 'stolen' }).success).toBe(false)
    expect(patchOf(Item).safeParse({ other: 1 }).success).toBe(false)
  })
})
