import fs from 'node:fs'

/**
 * Creates a folder for Faro's data readable by its owner alone (0700, whatever the umask), with
 * any missing parents. An existing folder is left as it is: it may be shared on purpose.
 */
export function makePrivateDir(dir: string): void {
  const created = fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (created !== undefined) {
    // mkdir's mode is cut by the umask; this sets it exactly.
    fs.chmodSync(dir, 0o700)
  }
}
