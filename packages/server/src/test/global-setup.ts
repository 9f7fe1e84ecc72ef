import type { TestProject } from 'vitest/node'
import { findPgBin, startPgCluster, type PgCluster } from './postgres-cluster.ts'
import { wantedDialects } from './dialects.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null
  }
}

let cluster: PgCluster | undefined

/**
 * Starts one PostgreSQL cluster for the whole server suite when PostgreSQL is wanted: always when
 * DIALECTS names it (CI), and by default when PostgreSQL is installed.
 */
export async function setup(project: TestProject): Promise<void> {
  const wanted = wantedDialects(process.env.DIALECTS, findPgBin() !== undefined)
  if (!wanted.includes('postgres')) {
    project.provide('pgUrl', null)
    return
  }
  cluster = await startPgCluster()
  project.provide('pgUrl', cluster.url)
}

export function teardown(): void {
  cluster?.stop()
}
