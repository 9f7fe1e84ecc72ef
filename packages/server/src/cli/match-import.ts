import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DomainError, ImportFormat, MatchRecordKind, type Actor } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Keyring } from '../protection/keyring.ts'
import { readList } from '../tracing/import-file.ts'
import { runImport } from '../tracing/imports.ts'

export const IMPORT_USAGE = 'match import --source NAME [--kind attended|rescued|hospitalised|deceased] [--date YYYY-MM-DD] [--unit ID] [--format csv|jsonl] [--dry-run] FILE'

/**
 * `faro match import`: a partner's list into the registry from the command line, as the
 * staff app's upload does it (the same reading, the same all-or-nothing import), for lists too
 * large for a request. The import acts as a coordinator of `--unit` (default: the Grupos Beta
 * national coordination). `--dry-run` only reads the list. Prints counts and problems, never a name.
 */
export async function matchImportCommand(db: Db, clock: Clock, keyring: Keyring, args: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let values: { source?: string; kind?: string; date?: string; unit?: string; format?: string; 'dry-run'?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { source: { type: 'string' }, kind: { type: 'string' }, date: { type: 'string' }, unit: { type: 'string' }, format: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    }))
  } catch (e) {
    err(`faro: ${e instanceof Error ? e.message : String(e)}\nusage: faro ${IMPORT_USAGE}`)
    return 2
  }
  const file = positionals[0]
  const kind = values.kind === undefined ? undefined : MatchRecordKind.safeParse(values.kind)
  const format = ImportFormat.safeParse(values.format ?? (/\.(jsonl|ndjson)$/i.test(file ?? '') ? 'jsonl' : 'csv'))
  if (file === undefined || positionals.length !== 1 || !values.source || kind?.success === false || !format.success || (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))) {
    err(`usage: faro ${IMPORT_USAGE}`)
    return 2
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    err(`faro: no such file: ${file}`)
    return 2
  }
  const source = {
    source: values.source,
    format: format.data,
    content: fs.readFileSync(file, 'utf8'),
    ...(kind?.data ? { kind: kind.data } : {}),
    ...(values.date ? { eventDate: values.date } : {}),
    ...(values.unit ? { orgUnitId: values.unit } : {}),
  }
  const name = path.basename(file)
  if (values['dry-run']) {
    const list = readList(source, 'en')
    for (const c of list.columns) {
      out(`column ${JSON.stringify(c.name)} → ${c.field ?? '(ignored)'}`)
    }
    for (const issue of list.issues) {
      err(`${name}:${issue.line}${issue.column ? ` ${issue.column}` : ''}: ${issue.message}`)
    }
    out(`${list.rows.length} rows would be imported, ${list.issues.length} problems`)
    return list.issues.length === 0 ? 0 : 1
  }
  const actor: Actor = { userId: 'system', role: 'group_coordinator', orgUnitId: values.unit ?? 'beta' }
  try {
    const result = await runImport({ db, clock, actor, requestId: 'cli-import', lang: 'en' }, keyring, { ...source, id: uuidv7() })
    out(`imported ${result.rows} rows from ${JSON.stringify(values.source)} (import ${result.importId})`)
    return 0
  } catch (e) {
    if (e instanceof DomainError) {
      err(`faro: ${e.message}`)
      for (const issue of e.details?.issues ?? []) {
        const [, line, column] = /^line\.(\d+)\.?(.*)$/.exec(issue.field) ?? []
        err(line === undefined ? `${issue.field}: ${issue.message}` : `${name}:${line}${column ? ` ${column}` : ''}: ${issue.message}`)
      }
      return 1
    }
    throw e
  }
}
