import { describe, expect, it } from 'vitest'
import { buildExport, ExportFileError, parseExport } from './export-file.ts'
import { uuidv7 } from './uuidv7.ts'

const action = { id: uuidv7(), deviceCounter: 4, recordType: 'attention' as const, recordId: 'rec-1', type: 'AttentionRecorded', payload: { services: ['water'] }, clientTime: '2026-11-21T10:00:00.000Z' }

describe('export file', () => {
  it('reads back what it wrote, with the original device and counters', async () => {
    const file = await buildExport('device-0123456789abcdef', 'u1', [action])
    const read = await parseExport(JSON.stringify(file))
    expect(read.deviceId).toBe('device-0123456789abcdef')
    expect(read.actions).toEqual([action])
  })

  it('refuses a file whose content changed after export', async () => {
    const file = await buildExport('device-0123456789abcdef', 'u1', [action])
    const edited = JSON.stringify(file).replace('"deviceCounter":4', '"deviceCounter":5')
    await expect(parseExport(edited)).rejects.toEqual(new ExportFileError('checksum'))
  })

  it('refuses something that is not an export', async () => {
    await expect(parseExport('{"hello":1}')).rejects.toEqual(new ExportFileError('not_an_export'))
    await expect(parseExport('not json')).rejects.toEqual(new ExportFileError('not_json'))
  })
})
