import type { Context, MiddlewareHandler } from 'hono'
import { validator } from 'hono/validator'
import { DomainError, message, parseInput, PROBLEM_TITLES } from '@faro/core'
import type { z } from 'zod'
import type { AppEnv } from './env.ts'
import { tagMiddleware } from './openapi.ts'

/** Validates the JSON body with a shared core schema, in the caller's language; documents it too. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  const mw = validator('json', (value, c) => parseInput(schema, value, c.get('lang')) as z.infer<T>)
  // The body is read first here, where a body over the limit (chunked, with no Content-Length)
  // stays a 413: Hono's validator would report any failed read as malformed JSON. The validator
  // then reads the cached value.
  const readFirst: typeof mw = async (c, next) => {
    if (JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      await readJson(c as unknown as Context<AppEnv>)
    }
    return mw(c, next)
  }
  return tagMiddleware(readFirst as unknown as MiddlewareHandler<AppEnv>, { body: schema }) as typeof mw
}

// The content types Hono's JSON validator reads.
const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/

/** Validates the query string with a schema; documents it too. */
export function query<T extends z.ZodType>(schema: T) {
  const mw = validator('query', (value, c) => parseInput(schema, value, c.get('lang')) as z.infer<T>)
  return tagMiddleware(mw as unknown as MiddlewareHandler<AppEnv>, { query: schema }) as typeof mw
}

/** Reads a JSON body for handlers that validate in steps; malformed JSON is a 400, never a 500. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json()
  } catch (error) {
    // Only a parse failure is the client's malformed JSON; a body-limit refusal passes through.
    if (!(error instanceof SyntaxError)) {
      throw error
    }
    const lang = c.get('lang')
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[lang], {
      issues: [{ field: '(body)', code: 'malformed', message: message('faro.malformed_json', lang) }],
    })
  }
}
