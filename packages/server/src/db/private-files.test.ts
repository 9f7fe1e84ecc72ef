import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateMasterKeyFile } from '../protection/keyring.ts'
import { openDb } from './open.ts'
import { migrateToLatest } from './migrate.ts'

const mode = (p: string) => fs.statSync(p).mode & 0o777

describe('the data folder and its files', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-private-'))
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it('creates the data folder 0700 and the database, its WAL and the master key 0600, whatever the umask', async () => {
    const dataDir = path.join(root, 'fresh', 'data')
    const previous = process.umask(0o022)
    try {
      generateMasterKeyFile(path.join(dataDir, 'master.key'))
      const db = openDb({ kind: 'sqlite', file: path.join(dataDir, 'faro.sqlite') })
      await migrateToLatest(db)
      await db.close()
    } finally {
      process.umask(previous)
    }
    expect(mode(dataDir)).toBe(0o700)
    for (const file of fs.readdirSync(dataDir)) {
      expect({ file, mode: mode(path.join(dataDir, file)) }).toEqual({ file, mode: 0o600 })
    }
    expect(fs.readdirSync(dataDir)).toEqual(expect.arrayContaining(['faro.sqlite', 'master.key']))
  })

  it('closes a database file an older version left world-readable', async () => {
    const dataDir = path.join(root, 'old')
    fs.mkdirSync(dataDir)
    const file = path.join(dataDir, 'faro.sqlite')
    await (openDb({ kind: 'sqlite', file })).close()
    fs.chmodSync(file, 0o644)
    const db = openDb({ kind: 'sqlite', file })
    await migrateToLatest(db)
    await db.close()
    expect(mode(file)).toBe(0o600)
  })
})
