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

/**
 * Sends a file as the raw body of a POST, reporting how much has gone (fetch cannot tell an
 * upload's progress; XMLHttpRequest can). Rejects as `api()` does: ApiError with the problem, or
 * NetworkError.
 */
export function uploadRaw<T>(url: string, file: Blob, opts: { csrfToken: string | undefined; lang: string; onProgress: (fraction: number) => void }): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('accept', 'application/json')
    xhr.setRequestHeader('accept-language', opts.lang)
    // The type the browser gives is only a hint; the server reads the bytes.
    xhr.setRequestHeader('content-type', file.type === '' ? 'application/octet-stream' : file.type)
    if (opts.csrfToken !== undefined) {
      xhr.setRequestHeader('x-csrf-token', opts.csrfToken)
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        opts.onProgress(event.loaded / event.total)
      }
    }
    xhr.onload = () => {
      let body: unknown
      try {
        body = JSON.parse(xhr.responseText) as unknown
      } catch {
        body = undefined
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T)
        return
      }
      reject(new ApiError(xhr.status, (xhr.getResponseHeader('content-type') ?? '').includes('json') ? (body as Problem) : undefined))
    }
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')))
    xhr.send(file)
  })
}
