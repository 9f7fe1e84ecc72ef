import { parseArgs } from 'node:util'
import { CreateUserInput, DomainError, parseInput } from '@faro/core'
import { systemClock } from '../clock.ts'
import { ConfigError, listeningLine, loadConfig, type Config } from '../config.ts'
import { grantDatabase, migrateDatabase } from '../db/migrate.ts'
import { openDb, type Db } from '../db/open.ts'
import { createLogger } from '../logger.ts'
import { verifyAudit } from '../log/audit-repo.ts'
import { createUser } from '../accounts/accounts.ts'
import { startServer } from '../server.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedOrgUnits, systemCtx } from '../seed/demo.ts'
import { backup, restore } from './backup.ts'
import { matchCommand } from './match-batch.ts'
import { IMPORT_USAGE, matchImportCommand } from './match-import.ts'
import { retentionCtx } from '../protection/job.ts'
import { loadProtection } from '../protection/load.ts'
import { purgePlan, reapplyShredList, runRetention } from '../protection/retention/retention.ts'
import { fileShredList } from '../protection/retention/shred-list.ts'
import { keyringFrom, parseMasterKey, sameKeyring } from '../protection/keyring.ts'
import { rotateMasterKey, RotationError } from '../protection/rotate.ts'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { rebuild as rebuildSummaries, verify as verifySummaries } from '../statistics/summaries.ts'

const USAGE = `faro <command>

  start [--demo] [--build-web]   migrate, optionally seed the demo once, and serve; with --build-web,
                          build the staff app while the database is prepared
  migrate                 apply pending migrations (as DATABASE_MIGRATE_URL when set)
  seed [--demo]           add the org tree (and the labelled demo with --demo)
  user create --username U --name N --role R --unit ID   (password from FARO_NEW_PASSWORD or stdin)
  audit verify            check the audit hash chain; exit 1 at the first bad row
  backup FILE             online backup (SQLite) or pg_dump (PostgreSQL)
  restore FILE            restore a backup (and shred again every erased identity); stop Faro first
  retention run|report    purge identities past retention now, or list what is due next
  keys rotate --new-key-file FILE   move the vault, second factors and file keys to a new master key; stop Faro first
  stats verify|rebuild    recount the statistics' summary tables from the records and report any difference, or rebuild them
  match batch --registry R.jsonl --requests Q.jsonl --out OUT.jsonl   the matching engine alone on JSONL files (no database); see docs/tracing.md
  ${IMPORT_USAGE}
                          a partner's list (CSV or JSONL) into the registry, all or nothing; see docs/tracing.md

Configuration comes from the environment: see docs/operations.md.`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'match' && rest[0] !== 'import') {
    // The engine alone: no configuration, database or keys are read.
    return matchCommand(rest)
  }
  let config: Config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`faro: ${e.message}\n`)
      return 2
    }
    throw e
  }
  switch (command) {
    case 'start':
      return start(config, rest.includes('--demo'), rest.includes('--build-web'))
    case 'migrate':
      return withDb(config, async (db) => {
        const applied = await migrateDatabase(db, config.database)
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply')
        return 0
      })
    case 'seed':
      return withDb(config, async (db) => {
        await migrateDatabase(db, config.database)
        if (rest.includes('--demo')) {
          const s = await seedDemo(db, systemClock, undefined, undefined, { history: config.demoHistory })
          console.log(s.seeded ? `demo seeded: ${s.actions} actions` : 'demo already seeded')
        } else {
          console.log(`org units added: ${await seedOrgUnits(db, systemClock)}`)
        }
        return 0
      })
    case 'user':
      return userCommand(config, rest)
    case 'audit':
      if (rest[0] !== 'verify') {
        break
      }
      return withDb(config, async (db) => {
        const result = await verifyAudit(db.db)
        if (result.ok) {
          console.log(`audit chain intact: ${result.rows} rows`)
          return 0
        }
        console.log(`audit chain broken at row ${result.firstBad?.seq}: ${result.firstBad?.problem}`)
        return 1
      })
    case 'backup':
    case 'restore': {
      const file = rest[0]
      if (!file) {
        break
      }
      await (command === 'backup' ? backup(config.database, file) : restore(config.database, file))
      console.log(`${command}: ${file}`)
      if (command === 'restore') {
        // The backup may predate erasures: their keys must not come back. The restore left out
        // the backup's grants (they may name a role this cluster lacks), so grant them first.
        const again = await withDb(config, async (db) => {
          await grantDatabase(db, config.database)
          return reapplyShredList(retentionCtx(db, systemClock), { shredList: fileShredList(config.protection.shredListFile) })
        })
        console.log(`erased identities shredded again: ${again}`)
      }
      return 0
    }
    case 'retention':
      if (rest[0] !== 'run' && rest[0] !== 'report') {
        break
      }
      return retentionCommand(config, rest[0])
    case 'match': {
      const protection = protectionOrRefuse(config)
      if (protection === undefined) {
        return 2
      }
      return withDb(config, async (db) => {
        await migrateDatabase(db, config.database)
        return matchImportCommand(db, systemClock, protection.keyring, rest.slice(1), (line) => console.log(line), (line) => process.stderr.write(`${line}\n`))
      })
    }
    case 'stats':
      if (rest[0] !== 'verify' && rest[0] !== 'rebuild') {
        break
      }
      return withDb(config, async (db) => {
        await migrateDatabase(db, config.database)
        if (rest[0] === 'rebuild') {
          console.log(`summary tables rebuilt from the records: ${await rebuildSummaries(db)} cells`)
          return 0
        }
        const differences = await verifySummaries(db)
        if (differences.length === 0) {
          console.log('summary tables match a recount of the records')
          return 0
        }
        console.log(`summary tables differ from a recount of the records in ${differences.length} places:`)
        for (const d of differences.slice(0, 50)) {
          console.log(`  ${d.table}: ${d.place}: stored ${d.stored}, recounted ${d.recounted}`)
        }
        console.log('run `faro stats rebuild` to replace them with the recount')
        return 1
      })
    case 'keys':
      if (rest[0] !== 'rotate') {
        break
      }
      return keysRotateCommand(config, rest.slice(1))
  }
  process.stderr.write(`${USAGE}\n`)
  return 2
}

async function withDb(config: Config, work: (db: Db) => Promise<number>): Promise<number> {
  const db = openDb(config.database)
  try {
    return await work(db)
  } finally {
    await db.close()
  }
}

async function start(config: Config, demo: boolean, buildWeb: boolean): Promise<number> {
  const logger = createLogger(config.logLevel)
  // The build is another process: on two cores it runs beside the migration and the demo's seeding
  // instead of before them, and the server listens once both are done.
  const built = buildWeb ? buildStaffApp() : Promise.resolve(true)
  const keyLines: string[] = []
  let protection
  try {
    protection = loadProtection(config, { demo, say: (line) => keyLines.push(line) })
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`faro: ${e.message}\n`)
      return 2
    }
    throw e
  }
  if (demo) {
    await withDb(config, async (db) => {
      await migrateDatabase(db, config.database)
      const summary = await seedDemo(db, systemClock, undefined, protection.keyring, { history: config.demoHistory })
      printDemo(config, summary.seeded, summary.actions, keyLines)
      return 0
    })
  }
  if (!(await built)) {
    return 1
  }
  const running = await startServer(config, logger, protection)
  console.log(listeningLine(config.host, running.port))
  const stop = () => {
    void running.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return new Promise<number>(() => undefined)
}

/**
 * Runs `npm run build:web` with its output kept aside in a file, printed only when it fails: the
 * seeded demo's accounts stay the last thing on screen before the listening line. A file, not a
 * pipe: the seeding keeps this process busy, and a build writing into a full pipe would wait on it.
 */
function buildStaffApp(): Promise<boolean> {
  const root = path.resolve(import.meta.dirname, '../../../..')
  const npm = process.env.npm_execpath
  const [command, args] = npm ? [process.execPath, [npm, 'run', '-s', 'build:web']] : ['npm', ['run', '-s', 'build:web']]
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faro-build-')), 'build.log')
  const log = fs.openSync(logFile, 'w')
  console.log('Building the staff app…')
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', log, log] })
  const stopBuild = () => child.kill()
  process.once('exit', stopBuild)
  return new Promise<boolean>((resolve) => {
    // 'error' (npm not found) may come with or without an 'exit': whichever is first settles it.
    let settled = false
    const done = (why?: string) => {
      if (settled) {
        return
      }
      settled = true
      process.off('exit', stopBuild)
      fs.closeSync(log)
      if (why === undefined) {
        console.log('Staff app built.')
      } else {
        process.stderr.write(fs.readFileSync(logFile))
        process.stderr.write(`faro: the staff app could not be built (npm run build:web): ${why}\n`)
      }
      fs.rmSync(path.dirname(logFile), { recursive: true, force: true })
      resolve(why === undefined)
    }
    child.once('error', (error) => done(error.message))
    child.once('exit', (code) => done(code === 0 ? undefined : `exit ${code}`))
  })
}

function printDemo(config: Config, seeded: boolean, actions: number, keyLines: readonly string[]): void {
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)'
  console.log(seeded ? `Demo data seeded (${actions} generated actions, all marked as demo).` : 'Demo data already present.')
  console.log(`Data lives in: ${where}`)
  for (const line of keyLines) {
    console.log(line)
  }
  console.log(`Identity vault master key: ${config.protection.masterKey ? 'FARO_MASTER_KEY' : (config.protection.masterKeyFile ?? `${config.dataDir}/master.key`)}`)
  console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`)
  for (const a of DEMO_ACCOUNTS) {
    console.log(`  ${a.username.padEnd(22)} ${a.role.padEnd(24)} ${a.orgUnitId}`)
  }
}

/** The vault's keys and settings, or undefined after saying on stderr what is misconfigured. */
function protectionOrRefuse(config: Config): ReturnType<typeof loadProtection> | undefined {
  try {
    return loadProtection(config)
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`faro: ${e.message}\n`)
      return undefined
    }
    throw e
  }
}

async function retentionCommand(config: Config, what: 'run' | 'report'): Promise<number> {
  const protection = protectionOrRefuse(config)
  if (protection === undefined) {
    return 2
  }
  return withDb(config, async (db) => {
    await migrateDatabase(db, config.database)
    if (what === 'report') {
      for (const item of await purgePlan(db.db, protection)) {
        console.log(`${item.dueAt}  ${item.reason.padEnd(12)} ${item.personId}${item.heldSince === null ? '' : `  held since ${item.heldSince}`}`)
      }
      return 0
    }
    const { shredded } = await runRetention(retentionCtx(db, systemClock), protection)
    console.log(`retention run: ${shredded.length} identities shredded`)
    return 0
  })
}

async function keysRotateCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'new-key-file': { type: 'string' } } })
  const file = values['new-key-file']
  if (file === undefined) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const protection = protectionOrRefuse(config)
  if (protection === undefined) {
    return 2
  }
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    process.stderr.write(`faro: --new-key-file: expected a readable key file, got ${JSON.stringify(file)}\n`)
    return 2
  }
  let next
  try {
    next = keyringFrom(parseMasterKey(text))
  } catch {
    // The parse error never quotes the key; neither does this.
    process.stderr.write(`faro: --new-key-file: expected 32 bytes in base64 in the file, got ${JSON.stringify(file)}\n`)
    return 2
  }
  if (sameKeyring(protection.keyring, next)) {
    process.stderr.write('faro: --new-key-file: the new key is the current key; generate a new one\n')
    return 2
  }
  const logger = createLogger(config.logLevel)
  return withDb(config, async (db) => {
    await migrateDatabase(db, config.database)
    try {
      const counts = await rotateMasterKey(db, protection.keyring, next, systemClock)
      logger.info(counts, 'master key rotated')
      console.log(`keys rotate: ${counts.people} data keys wrapped again, ${counts.indexEntries} index entries rebuilt, ${counts.totpSecrets} second-factor secrets sealed again, ${counts.attachments} file keys wrapped again`)
      console.log(
        'Next: replace the key file (or FARO_MASTER_KEY) with the new key and restart Faro; until then it cannot read identities. ' +
          'Backups taken before this rotation still need the OLD key: keep it, apart from the data, as long as those backups are kept, then destroy it.',
      )
      return 0
    } catch (e) {
      if (e instanceof RotationError) {
        process.stderr.write(`faro: ${e.message}; the old key still opens everything\n`)
        return 1
      }
      throw e
    }
  })
}

async function userCommand(config: Config, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' } } })
  if (positionals[0] !== 'create') {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const password = process.env.FARO_NEW_PASSWORD ?? (await readStdin()).trim()
  return withDb(config, async (db) => {
    await migrateDatabase(db, config.database)
    try {
      const input = parseInput(CreateUserInput, { username: values.username, displayName: values.name, role: values.role, orgUnitId: values.unit, password }, 'en')
      const user = await createUser(systemCtx(db, systemClock), input)
      console.log(`created ${user.username} (${user.role}) in ${user.orgUnitId}`)
      return 0
    } catch (e) {
      if (e instanceof DomainError) {
        const issues = e.details?.issues?.map((i) => `${i.field}: ${i.message}`).join('; ')
        process.stderr.write(`faro: ${issues ?? e.message}\n`)
        return 1
      }
      throw e
    }
  })
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    return ''
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`faro: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  },
)
