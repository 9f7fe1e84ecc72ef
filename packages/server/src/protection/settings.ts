import { BLOCKING_DEFAULT_DAYS, RETENTION_DEFAULT_DAYS, RIGHTS_DEADLINES } from '@faro/core'
import { ephemeralKeyring, type Keyring } from './keyring.ts'
import { memoryShredList, type ShredList } from './retention/shred-list.ts'

/** Deadlines and periods of the protection workflow; every one is configurable. */
export interface ProtectionSettings {
  answerBusinessDays: number
  extensionBusinessDays: number
  holidays: readonly string[]
  blockingDays: number
  retentionDays: Readonly<Record<string, number>>
}

/** What the protection services need besides the database: keys, the shred list, settings. */
export interface ProtectionDeps {
  keyring: Keyring
  shredList: ShredList
  settings: ProtectionSettings
}

export const DEFAULT_PROTECTION_SETTINGS: ProtectionSettings = {
  answerBusinessDays: RIGHTS_DEADLINES.answerBusinessDays,
  extensionBusinessDays: RIGHTS_DEADLINES.extensionBusinessDays,
  holidays: [],
  blockingDays: BLOCKING_DEFAULT_DAYS,
  retentionDays: RETENTION_DEFAULT_DAYS,
}

/** Protection over a random key and an in-memory shred list: tests, and apps built bare. */
export function ephemeralProtection(settings: Partial<ProtectionSettings> = {}): ProtectionDeps {
  return { keyring: ephemeralKeyring(), shredList: memoryShredList(), settings: { ...DEFAULT_PROTECTION_SETTINGS, ...settings } }
}
