import crypto from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '@faro/core'
import { contentHash, prepareAction } from './log.ts'

/** The definition the log's hashes were made with: SHA-256 of the canonical JSON of the content. */
function reference(entry: Parameters<typeof contentHash>[0], actorId: string): string {
  const content: Record<string, unknown> = {
    recordType: entry.recordType,
    recordId: entry.recordId,
    type: entry.type,
    payload: entry.payload,
    actorId,
    deviceId: entry.deviceId ?? null,
    deviceCounter: entry.deviceCounter ?? null,
    clientTime: entry.clientTime ?? null,
  }
  if (entry.baseVersion !== undefined) {
    content.baseVersion = entry.baseVersion
  }
  return crypto.createHash('sha256').update(canonicalJson(content)).digest('hex')
}

const text = fc.string({ unit: 'binary', maxLength: 24 })
const json = fc.jsonValue({ maxDepth: 3 })
const entry = fc.record(
  {
    id: text,
    recordType: text,
    recordId: text,
    type: text,
    payload: fc.dictionary(text, json, { maxKeys: 8 }),
    deviceId: text,
    deviceCounter: fc.nat(),
    clientTime: text,
    baseVersion: fc.nat(),
  },
  { requiredKeys: ['id', 'recordType', 'recordId', 'type', 'payload'] },
)

describe('action content hash', () => {
  // Hashes already in the log decide duplicate against conflict for actions sent again after an
  // upgrade: the hash must stay the definition's, whatever the payload.
  it('is the hash of the canonical JSON of the content', () => {
    fc.assert(
      fc.property(entry, text, (e, actorId) => {
        expect(contentHash(e, actorId)).toBe(reference(e, actorId))
        expect(prepareAction(e, actorId).hash).toBe(reference(e, actorId))
      }),
      { numRuns: 1000 },
    )
  })

  it('stores the payload as its canonical text, which reads back as the payload', () => {
    fc.assert(
      fc.property(entry, (e) => {
        const { payloadJson } = prepareAction(e, 'u')
        expect(payloadJson).toBe(canonicalJson(e.payload))
        expect(JSON.parse(payloadJson)).toEqual(JSON.parse(JSON.stringify(e.payload)))
      }),
      { numRuns: 300 },
    )
  })
})
