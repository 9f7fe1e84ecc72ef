import type { Lang } from '@faro/core'

/** An RFC 9457 problem as the server writes it, already localised by Accept-Language. */
export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  reason?: string
  errors?: { field: string; code: string; message: string }[]
}

/** A refusal from the server (4xx/5xx), with its problem body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
  }
}

/** The server could not be reached at all (offline, DNS, connection refused). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause })
    this.name = 'NetworkError'
  }
}

// The CSRF token lives only in memory: after a reload it comes back from GET /api/auth/me.
const state: { lang: Lang; csrfToken: string | undefined; onUnauthenticated: (() => void) | undefined } = {
  lang: 'es',
  csrfToken: undefined,
  onUnauthenticated: undefined,
}

export function setApiLang(lang: Lang): void {
  state.lang = lang
}

export function setCsrfToken(token: string | undefined): void {
  state.csrfToken = token
}

/** Called when an authenticated request gets 401: the session expired or was ended elsewhere. */
export function onUnauthenticated(handler: (() => void) | undefined): void {
  state.onUnauthenticated = handler
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
  /** Login answers 401 for a wrong password; that is not an expired session. */
  expectUnauthenticated?: boolean
  /** Send the JSON body gzip-compressed (field sync over 2G), where the browser can. */
  gzip?: boolean
}

/**
 * Calls the same-origin API with the session cookie, the UI language and, on writes, the CSRF
 * token. Resolves with the JSON body; rejects with ApiError or NetworkError.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options)
  return response.json()
}

/** Like api(), for calls that answer 204 No Content. */
export async function apiNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await request(path, options)
}

async function request(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.lang }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  if (method !== 'GET' && state.csrfToken) {
    headers['x-csrf-token'] = state.csrfToken
  }
  let body: BodyInit | null = options.body === undefined ? null : JSON.stringify(options.body)
  if (options.gzip && typeof body === 'string' && typeof CompressionStream === 'function') {
    body = await new Response(new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'))).blob()
    headers['content-encoding'] = 'gzip'
  }
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error
    }
    throw new NetworkError(error)
  }
  if (!response.ok) {
    const problem = await readProblem(response)
    if (response.status === 401 && !options.expectUnauthenticated) {
      state.onUnauthenticated?.()
    }
    throw new ApiError(response.status, problem)
  }
  return response
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) {
    return undefined
  }
  try {
    return await response.json()
  } catch {
    return undefined
  }
}
