import type { MiddlewareHandler } from 'hono'
import { validator } from 'hono/validator'
import { parseInput } from '@faro/core'
import type { z } from 'zod'
import type { AppEnv } from './env.ts'
import { tagMiddleware } from './openapi.ts'

/** Validates the JSON body with a shared core schema, in the caller's language; documents it too. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  const mw = validator('json', (value, c) => parseInput(schema, value, c.get('lang')) as z.infer<T>)
  return tagMiddleware(mw as unknown as MiddlewareHandler<AppEnv>, { body: schema }) as typeof mw
}

/** Validates the query string with a schema; documents it too. */
export function query<T extends z.ZodType>(schema: T) {
  const mw = validator('query', (value, c) => parseInput(schema, value, c.get('lang')) as z.infer<T>)
  return tagMiddleware(mw as unknown as MiddlewareHandler<AppEnv>, { query: schema }) as typeof mw
}
