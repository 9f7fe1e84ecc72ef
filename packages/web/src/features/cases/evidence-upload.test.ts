import { ATTACHMENT_LIMITS } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { checkFile, formatSize } from './evidence-upload.ts'

describe('checkFile', () => {
  it('lets a photo or a PDF within the limit go', () => {
    expect(checkFile({ name: 'recibo.jpg', size: 2_000_000, type: 'image/jpeg' }, 0)).toBeUndefined()
    expect(checkFile({ name: 'acta.pdf', size: 80_000, type: 'application/pdf' }, 3)).toBeUndefined()
  })

  it('knows a HEIC photo by its extension when the phone gives no type', () => {
    expect(checkFile({ name: 'IMG_2034.HEIC', size: 1_500_000, type: '' }, 0)).toBeUndefined()
  })

  it('stops a file over the limit, an empty one, and a kind the server will not keep', () => {
    expect(checkFile({ name: 'video.jpg', size: ATTACHMENT_LIMITS.maxBytes + 1, type: 'image/jpeg' }, 0)).toEqual({ reason: 'too_large', maxMb: 10 })
    expect(checkFile({ name: 'vacío.png', size: 0, type: 'image/png' }, 0)).toEqual({ reason: 'empty' })
    expect(checkFile({ name: 'video.mp4', size: 1000, type: 'video/mp4' }, 0)).toEqual({ reason: 'type' })
    expect(checkFile({ name: 'notas', size: 1000, type: '' }, 0)).toEqual({ reason: 'type' })
  })

  it('stops any file once the case has all it may have', () => {
    expect(checkFile({ name: 'foto.png', size: 1000, type: 'image/png' }, ATTACHMENT_LIMITS.maxPerRecord)).toEqual({ reason: 'full', max: ATTACHMENT_LIMITS.maxPerRecord })
  })
})

describe('formatSize', () => {
  it('writes bytes, KB and MB in the language of the screen', () => {
    expect(formatSize(512, 'en')).toBe('512 B')
    expect(formatSize(2048, 'en')).toBe('2 kB')
    expect(formatSize(1_572_864, 'es')).toBe('1.5 MB')
  })
})
