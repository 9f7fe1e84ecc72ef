import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** A throwaway PostgreSQL cluster in a temp directory, on a loopback port, for tests and benchmarks. */
export interface PgCluster {
  url: string
  stop(): void
}

/** Finds initdb/pg_ctl: on PATH, or in Debian's versioned directory. */
export function findPgBin(): string | undefined {
  const candidates = ['/usr/lib/postgresql']
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(d, v, 'bin')))
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'initdb'))) {
      return dir
    }
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' })
  return which.status === 0 ? path.dirname(which.stdout.trim()) : undefined
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a cluster with initdb + pg_ctl. PostgreSQL refuses to run as root, so as root the
 * commands run as the `postgres` system user with a directory it owns.
 */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin()
  if (!bin) {
    throw new Error('PostgreSQL is not installed (no initdb found); install the postgresql package')
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-pg-'))
  const asRoot = process.getuid?.() === 0
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd)
    if (asRoot) {
      execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' })
    } else {
      execFileSync(full, args, { stdio: 'pipe' })
    }
  }
  if (asRoot) {
    execFileSync('chown', ['postgres:postgres', dir])
    fs.chmodSync(dir, 0o700)
  }
  const data = path.join(dir, 'data')
  const port = await freePort()
  run('initdb', ['-D', data, '-U', 'faro', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'])
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start'])
  return {
    url: `postgres://faro@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
