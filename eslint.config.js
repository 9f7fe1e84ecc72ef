import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'e2e/output/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      curly: ['error', 'all'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Frozen migrations are written against Kysely<any>: they must not depend on today's types.
    files: ['packages/server/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // core is pure: no I/O, no clock, no randomness, no environment.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http'], message: 'core does no I/O' },
          { group: ['kysely', 'hono', 'hono/*', 'dexie', 'pg', 'better-sqlite3'], message: 'core does no I/O' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'fetch', 'localStorage', 'indexedDB'],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'pass time in' },
        { object: 'Math', property: 'random', message: 'pass randomness in' },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@faro/server', '**/server/**'], message: 'web never imports server' }] }],
    },
  },
)
