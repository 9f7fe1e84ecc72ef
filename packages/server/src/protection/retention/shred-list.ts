import fs from 'node:fs'
import path from 'node:path'
import { makePrivateDir } from '../../private-files.ts'

/**
 * The ids of people whose identity was erased, kept outside the database (next to the master
 * key), so that restoring an older backup cannot bring an erased identity back: after a restore
 * and at every start, Faro destroys again the keys of every listed person. Ids are random UUIDs,
 * not personal data.
 */
export interface ShredList {
  ids(): string[]
  add(personId: string, at: string): void
}

/** An append-only file, one `id time` line per erasure, flushed to disk before the erasure commits. */
export function fileShredList(file: string): ShredList {
  return {
    ids() {
      if (!fs.existsSync(file)) {
        return []
      }
      return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.split(' ')[0] ?? '')
        .filter((id) => /^[0-9a-f-]{36}$/.test(id))
    },
    add(personId, at) {
      makePrivateDir(path.dirname(file))
      const fd = fs.openSync(file, 'a', 0o600)
      try {
        fs.writeSync(fd, `${personId} ${at}\n`)
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
    },
  }
}

/** A shred list in memory, for tests that do not restore backups. */
export function memoryShredList(): ShredList {
  const list: string[] = []
  return {
    ids: () => [...list],
    add: (id) => {
      list.push(id)
    },
  }
}
