import fs from 'node:fs'
import path from 'node:path'
import { RETENTION_DEFAULT_DAYS } from '@faro/core'
import { ConfigError, type Config } from '../config.ts'
import { generateMasterKeyFile, keyringFrom, parseMasterKey } from './keyring.ts'
import type { ProtectionDeps } from './settings.ts'
import { fileShredList } from './retention/shred-list.ts'

/**
 * Builds the protection dependencies from the configuration. Without a master key Faro refuses
 * to start, except for the demo, which generates a key file in the data directory and says so.
 */
export function loadProtection(config: Config, opts: { demo?: boolean; say?: (line: string) => void } = {}): ProtectionDeps {
  const c = config.protection
  let base64 = c.masterKey
  if (base64 === undefined) {
    let file = c.masterKeyFile
    if (file === undefined) {
      if (!opts.demo) {
        throw new ConfigError('FARO_MASTER_KEY or FARO_MASTER_KEY_FILE: expected a 32-byte base64 master key, got (unset)')
      }
      file = path.join(config.dataDir, 'master.key')
      if (!fs.existsSync(file)) {
        generateMasterKeyFile(file)
        opts.say?.(`Demo master key generated in: ${file} (keep it with the data; without it identities are unreadable)`)
      }
    }
    base64 = readKeyFile(file)
  }
  return {
    keyring: keyringFrom(parseMasterKey(base64)),
    shredList: fileShredList(c.shredListFile),
    settings: {
      answerBusinessDays: c.answerBusinessDays,
      extensionBusinessDays: c.extensionBusinessDays,
      holidays: c.holidays,
      blockingDays: c.blockingDays,
      retentionDays: { ...RETENTION_DEFAULT_DAYS, ...c.retentionDays },
    },
  }
}

function readKeyFile(file: string): string {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8').trim()
  } catch {
    throw new ConfigError(`FARO_MASTER_KEY_FILE: expected a readable key file, got ${JSON.stringify(file)}`)
  }
  try {
    parseMasterKey(text)
  } catch {
    throw new ConfigError(`FARO_MASTER_KEY_FILE: expected 32 bytes in base64 in the file, got ${JSON.stringify(file)}`)
  }
  return text
}
