import { createRequire } from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'

const require = createRequire(import.meta.url)
const major = Number(process.versions.node.split('.')[0])

/**
 * The better-sqlite3 constructor for this Node.js. Version 12 is built for Node 20 but aborts the
 * process on Node 24 when a statement is collected (its ObjectWrap cleanup hook); version 13 uses
 * Node-API prebuilds but needs Node 22 or later. Both are installed; this picks the one that runs.
 */
export const SQLite: typeof BetterSqlite3 = major >= 22 ? require('better-sqlite3-napi') : require('better-sqlite3')
export type SqliteDatabase = BetterSqlite3.Database
