/**
 * JSON with object keys sorted at every depth, so equal values always give equal text.
 * Used for content hashes (idempotency, audit chain), where key order must not matter.
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys)
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of sortedKeys(value)) {
      const v = (value as Record<string, unknown>)[key]
      if (v === undefined) {
        continue
      }
      if (key === '__proto__') {
        // An own "__proto__" (JSON.parse makes one) is data: assigned, it would set the prototype.
        Object.defineProperty(out, key, { value: sortKeys(v), enumerable: true, writable: true, configurable: true })
      } else {
        out[key] = sortKeys(v)
      }
    }
    return out
  }
  return value
}

/**
 * The object's keys in code-unit order, as `Array.prototype.sort` orders strings, sorted in place
 * by insertion: objects here have a handful of keys, and the built-in sort allocates several
 * times the array for each call, which a sync push pays for every object of every payload.
 */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value)
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string
    let j = i - 1
    for (; j >= 0 && (keys[j] as string) > key; j--) {
      keys[j + 1] = keys[j] as string
    }
    keys[j + 1] = key
  }
  return keys
}
