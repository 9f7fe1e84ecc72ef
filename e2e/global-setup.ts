import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplates: string
  }
}

let root = ''

/** A folder, for this run only, where the harness keeps seeded demo databases to copy (harness.ts). */
export function setup(project: TestProject): void {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-e2e-demo-'))
  project.provide('demoTemplates', root)
}

export function teardown(): void {
  fs.rmSync(root, { recursive: true, force: true })
}
