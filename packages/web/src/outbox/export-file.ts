import { PushAction } from '@faro/core'
import { sha256Hex } from './crypto.ts'
import type { PushAction as PushActionType } from './types.ts'

/**
 * The "export pending records" file: plain JSON with a SHA-256 checksum of its content. Plain,
 * so a coordinator at the base can import it without the agent's PIN; the checksum catches a
 * file cut short or edited on its way (cable, Bluetooth, memory card). It holds personal data
 * and is to be handled like the paper forms it replaces: deleted once imported.
 */
export interface ExportFile {
  format: 'faro-field-export'
  version: 1
  deviceId: string
  userId: string
  exportedAt: string
  actions: PushActionType[]
  checksum: string
}

export type ExportProblem = 'not_json' | 'not_an_export' | 'checksum' | 'invalid_action'

export class ExportFileError extends Error {
  constructor(readonly problem: ExportProblem) {
    super(`not a valid field export: ${problem}`)
    this.name = 'ExportFileError'
  }
}

export async function buildExport(deviceId: string, userId: string, actions: PushActionType[], now: Date = new Date()): Promise<ExportFile> {
  return { format: 'faro-field-export', version: 1, deviceId, userId, exportedAt: now.toISOString(), actions, checksum: await checksumOf(deviceId, actions) }
}

/** Reads and checks an export file; the actions keep their original device id and counters. */
export async function parseExport(text: string): Promise<ExportFile> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ExportFileError('not_json')
  }
  if (!isExportShape(value)) {
    throw new ExportFileError('not_an_export')
  }
  const actions: PushActionType[] = []
  for (const item of value.actions) {
    const parsed = PushAction.safeParse(item)
    if (!parsed.success) {
      throw new ExportFileError('invalid_action')
    }
    actions.push(parsed.data)
  }
  if ((await checksumOf(value.deviceId, value.actions)) !== value.checksum) {
    throw new ExportFileError('checksum')
  }
  return { format: 'faro-field-export', version: 1, deviceId: value.deviceId, userId: value.userId, exportedAt: value.exportedAt, actions, checksum: value.checksum }
}

export function exportFileName(file: ExportFile): string {
  return `faro-pendientes-${file.deviceId.slice(-8)}-${file.exportedAt.slice(0, 16).replaceAll(':', '')}.json`
}

function checksumOf(deviceId: string, actions: readonly unknown[]): Promise<string> {
  return sha256Hex(JSON.stringify({ deviceId, actions }))
}

interface ExportShape {
  deviceId: string
  userId: string
  exportedAt: string
  checksum: string
  actions: unknown[]
}

function isExportShape(value: unknown): value is ExportShape {
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const v: Record<string, unknown> = { ...value }
  return (
    v.format === 'faro-field-export' &&
    v.version === 1 &&
    typeof v.deviceId === 'string' &&
    typeof v.userId === 'string' &&
    typeof v.exportedAt === 'string' &&
    typeof v.checksum === 'string' &&
    Array.isArray(v.actions)
  )
}
