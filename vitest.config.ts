import { defineConfig } from 'vitest/config'

// One runner for the whole repository: `npm test` runs core, server and (when the web app is built
// and Chromium is present) the browser tests. Each project can be run alone with --project.
// Two files at a time for the in-process projects, even on two cores (vitest would take one less
// than the cores: one, so everything ran in turn); the browser tests, each with its own server
// and Chromium, run one file at a time after them.
const TWO_AT_A_TIME = 2
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts'],
          maxWorkers: TWO_AT_A_TIME,
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          maxWorkers: TWO_AT_A_TIME,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['packages/server/src/test/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.ts'],
          maxWorkers: TWO_AT_A_TIME,
          setupFiles: ['packages/web/src/i18n/test-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
