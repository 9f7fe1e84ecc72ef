/** Inclusive byte positions, as Content-Range writes them. */
export interface ByteRange {
  start: number
  end: number
}

/**
 * What a `Range` header asks of a file of `size` bytes (RFC 9110 §14): one range, `unsatisfiable`
 * (answer 416), or undefined to send the whole file (200). A header that is not one well-formed
 * `bytes=` range is ignored, as the RFC allows, and so are several ranges: the map reader asks
 * for one at a time, and a multipart answer would only add code.
 *
 * @example
 * parseRange('bytes=0-99', 1000)   // { start: 0, end: 99 }
 * parseRange('bytes=-100', 1000)   // { start: 900, end: 999 }
 * parseRange('bytes=1000-', 1000)  // 'unsatisfiable'
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '')
  if (!match) {
    return undefined
  }
  const [, first = '', last = ''] = match
  if (first === '' && last === '') {
    return undefined
  }
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) {
      return 'unsatisfiable'
    }
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  if (last !== '' && Number(last) < start) {
    return undefined
  }
  if (start >= size) {
    return 'unsatisfiable'
  }
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) }
}
