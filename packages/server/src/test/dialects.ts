import type { DialectName } from '../db/open.ts'

/**
 * Which dialects the data-layer suites run on. DIALECTS=sqlite,postgres names them; unset, it is
 * SQLite plus PostgreSQL when it is installed.
 */
export function wantedDialects(env: string | undefined, pgInstalled: boolean): DialectName[] {
  if (env) {
    return env.split(',').map((d) => d.trim()).filter((d): d is DialectName => d === 'sqlite' || d === 'postgres')
  }
  return pgInstalled ? ['sqlite', 'postgres'] : ['sqlite']
}
