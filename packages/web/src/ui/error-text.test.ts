import { describe, expect, it } from 'vitest'
import { ApiError, NetworkError } from '../api/client.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { errorText } from './error-text.ts'

const t = (key: MessageKey) => `<${key}>`

describe('errorText', () => {
  it('shows the server’s localised detail, such as the throttling message', () => {
    const error = new ApiError(429, { type: '/problems/too_many_requests', title: 'Demasiadas solicitudes', status: 429, detail: 'Demasiados intentos fallidos. Intente de nuevo en 15 minutos.' })
    expect(errorText(error, t)).toBe('Demasiados intentos fallidos. Intente de nuevo en 15 minutos.')
  })

  it('adds the field messages of a validation problem', () => {
    const error = new ApiError(400, {
      type: '/problems/invalid',
      title: 'La solicitud tiene datos no válidos',
      status: 400,
      detail: 'La solicitud tiene datos no válidos',
      errors: [{ field: 'username', code: 'invalid_format', message: 'Solo minúsculas' }],
    })
    expect(errorText(error, t)).toBe('La solicitud tiene datos no válidos: Solo minúsculas')
  })

  it('falls back to the title, then to a catalog message', () => {
    expect(errorText(new ApiError(403, { type: '/problems/forbidden', title: 'Sin permiso', status: 403 }), t)).toBe('Sin permiso')
    expect(errorText(new ApiError(502, undefined), t)).toBe('<app.genericError>')
  })

  it('explains a network failure from the catalog', () => {
    expect(errorText(new NetworkError(new TypeError('Failed to fetch')), t)).toBe('<app.networkError>')
  })
})
