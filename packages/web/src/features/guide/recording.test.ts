import { describe, expect, it } from 'vitest'
import { ApiError, NetworkError } from '../../api/client.ts'
import { checkRecording, megabytes, RECORDING_ACCEPT, RECORDING_MAX_BYTES, recordingRefusal } from './recording.ts'

describe('a recording chosen to send', () => {
  it('takes the kinds the site plays, by type or, when the browser gives none, by name', () => {
    expect(checkRecording({ name: 'derechos.mp3', size: 2_000, type: 'audio/mpeg' })).toBeUndefined()
    expect(checkRecording({ name: 'nota de voz.m4a', size: 2_000, type: 'audio/x-m4a' })).toBeUndefined()
    expect(checkRecording({ name: 'grabacion.opus', size: 2_000, type: '' })).toBeUndefined()
    expect(checkRecording({ name: 'grabacion.WEBM', size: 2_000, type: 'application/octet-stream' })).toBeUndefined()
    expect(RECORDING_ACCEPT.split(',')).toEqual(expect.arrayContaining(['audio/mpeg', 'audio/ogg', 'audio/mp4', 'audio/webm', '.mp3', '.oga', '.aac']))
  })

  it('refuses a photo, a WAV, an empty file and one over 8 MB before sending it', () => {
    expect(checkRecording({ name: 'foto.png', size: 2_000, type: 'image/png' })).toBe('not_audio')
    expect(checkRecording({ name: 'grabacion.wav', size: 2_000, type: '' })).toBe('not_audio')
    expect(checkRecording({ name: 'vacio.mp3', size: 0, type: 'audio/mpeg' })).toBe('empty')
    expect(checkRecording({ name: 'larga.mp3', size: RECORDING_MAX_BYTES + 1, type: 'audio/mpeg' })).toBe('too_large')
  })

  it('says a size in megabytes in the person\'s language', () => {
    expect(megabytes(9_961_472, 'es')).toBe('9.5 MB')
    expect(megabytes(9_961_472, 'en')).toBe('9.5 MB')
  })
})

describe('the server\'s refusal of a recording', () => {
  const problem = (status: number, extra: object = {}) => new ApiError(status, { type: '/problems/x', title: 'x', status, ...extra })

  it('reads a file that is not a recording, an empty one and one too large', () => {
    expect(recordingRefusal(problem(400, { errors: [{ field: '(body)', code: 'type_not_allowed', message: 'raw' }] }))).toBe('not_audio')
    expect(recordingRefusal(problem(400, { errors: [{ field: '(body)', code: 'empty', message: 'raw' }] }))).toBe('empty')
    expect(recordingRefusal(problem(413))).toBe('too_large')
  })

  it('reads a published edition, a language with no text, a section gone and a lost connection', () => {
    expect(recordingRefusal(problem(409, { reason: 'edition_published' }))).toBe('published')
    expect(recordingRefusal(problem(409, { reason: 'id_reused' }))).toBe('other')
    expect(recordingRefusal(problem(400, { errors: [{ field: 'lang', code: 'no_text', message: 'raw' }] }))).toBe('no_text')
    expect(recordingRefusal(problem(404))).toBe('gone')
    expect(recordingRefusal(new NetworkError(new Error('offline')))).toBe('network')
    expect(recordingRefusal(problem(500))).toBe('other')
    expect(recordingRefusal(new Error('anything'))).toBe('other')
  })
})
