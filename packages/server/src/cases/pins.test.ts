import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../db/open.ts'
import { hashPassword } from '../accounts/passwords.ts'
import { ephemeralKeyring } from '../protection/keyring.ts'
import { makeTestDb, testDialects } from '../test/harness.ts'
import { hashPin, resealCasePinKey, verifyPin } from './pins.ts'

for (const dialect of testDialects()) {
  describe(`${dialect}: case PINs`, () => {
    let db: Db
    beforeAll(async () => {
      db = await makeTestDb(dialect)
    })
    afterAll(async () => db?.close())

    it('keeps a PIN as a keyed hash bound to its case: right PIN, right case only', async () => {
      const keyring = ephemeralKeyring()
      const stored = await hashPin(db.db, keyring, 'case-a', '246810')
      expect(stored).toMatch(/^hmac1\$/)
      expect(stored).not.toContain('246810')
      expect(await verifyPin(db.db, keyring, 'case-a', '246810', stored)).toBe(true)
      expect(await verifyPin(db.db, keyring, 'case-a', '246811', stored)).toBe(false)
      // The same hash copied onto another case does not open it.
      expect(await verifyPin(db.db, keyring, 'case-b', '246810', stored)).toBe(false)
      expect(await verifyPin(db.db, keyring, 'case-a', '246810', undefined)).toBe(false)
      // The key is in the database only sealed.
      const row = await db.db.selectFrom('meta').select('value').where('key', '=', 'case_pin_key').executeTakeFirstOrThrow()
      expect(row.value).toMatch(/^v1\./)
    })

    it('opens no PIN with another master key, and every PIN after a rotation seals the key again', async () => {
      const before = await db.db.selectFrom('meta').select('value').where('key', '=', 'case_pin_key').executeTakeFirst()
      const keyring = ephemeralKeyring()
      if (before !== undefined) {
        // The key made by the first test is sealed under that test's keyring: start again.
        await db.db.deleteFrom('meta').where('key', '=', 'case_pin_key').execute()
      }
      const stored = await hashPin(db.db, keyring, 'case-c', '135790')
      const stranger = ephemeralKeyring()
      await expect(verifyPin(db.db, stranger, 'case-c', '135790', stored)).rejects.toThrow()
      const next = ephemeralKeyring()
      expect(await resealCasePinKey(db.db, keyring, next)).toBe(1)
      expect(await verifyPin(db.db, next, 'case-c', '135790', stored)).toBe(true)
    })

    it('still checks PINs stored by older versions as scrypt hashes', async () => {
      const stored = await hashPassword('112233')
      expect(await verifyPin(db.db, ephemeralKeyring(), 'case-d', '112233', stored)).toBe(true)
      expect(await verifyPin(db.db, undefined, 'case-d', '112234', stored)).toBe(false)
    })
  })
}
