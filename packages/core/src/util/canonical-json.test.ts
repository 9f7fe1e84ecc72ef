import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.ts'

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], e: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}')
  })

  it('keeps an own "__proto__" member as data', () => {
    const parsed = JSON.parse('{"z":1,"__proto__":{"y":2,"x":3}}') as unknown
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":3,"y":2},"z":1}')
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson(JSON.parse('{"a":1,"__proto__":{}}')))
  })

  // Stored content hashes depend on this order: it must stay the built-in sort's, code unit by
  // code unit, whatever the keys (astral characters, digits, case, the empty string).
  it('orders keys exactly as the built-in sort does, whatever order they came in', () => {
    const reference = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reference) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, reference((v as Record<string, unknown>)[k])])) : v
    const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('a', 'B', 'b', '1', '10', '2', 'é', 'e\u0301', '😀', ''))
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 8 })),
    })).value
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(reference(value)))
      }),
      { numRuns: 1000 },
    )
  })
})
