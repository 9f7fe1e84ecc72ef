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
})
