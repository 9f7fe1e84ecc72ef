import { ImportField, ImportInput, ImportSource } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client.ts'
import en from '../../i18n/en.json'
import es from '../../i18n/es.json'
import { bodyBytes, checkFile, fieldKey, formatOf, ImportForm, importFor, importSource, isTooLarge, MAX_BODY_BYTES, refusedRows, sameSource } from './import-request.ts'

const ID_1 = '01890a5d-ac96-774b-bcce-b302099a8057'
const ID_2 = '01890a5d-ac96-774b-bcce-b302099a8058'
const CSV = 'nombre,apellido,edad\nJocelyne,Dorvil,29\n'

describe('formatOf', () => {
  it('reads .jsonl and .ndjson as JSON Lines and anything else as CSV', () => {
    expect(['lista.jsonl', 'LISTA.NDJSON', 'semefo.ndjson ', 'hospital.csv', 'albergue.txt', 'sin-extension', 'lista.jsonl.csv'].map(formatOf)).toEqual(['jsonl', 'jsonl', 'jsonl', 'csv', 'csv', 'csv', 'csv'])
  })
})

describe('checkFile', () => {
  it('takes a UTF-8 list with accents, its format from the name', () => {
    expect(checkFile('albergue.jsonl', '{"nombre":"María José"}\n')).toEqual({ name: 'albergue.jsonl', format: 'jsonl', content: '{"nombre":"María José"}\n' })
  })

  it('refuses an empty file and one that was not UTF-8', () => {
    expect(checkFile('vacia.csv', ' \n\n')).toBe('empty')
    expect(checkFile('latin1.csv', 'nombre\nMar\uFFFDa\n')).toBe('not_utf8')
  })

  it('refuses a list whose request would pass the server\'s body limit, counting bytes once written as JSON', () => {
    const row = 'Kevin Alexander,Argueta,Rivas,19,SV\n'
    // Once in JSON, each line break takes two bytes.
    const fits = row.repeat(Math.floor((MAX_BODY_BYTES - 1024) / (row.length + 1)))
    expect(checkFile('grande.csv', fits)).toMatchObject({ format: 'csv' })
    expect(checkFile('grande.csv', fits + row.repeat(40))).toBe('too_large')
    // Each accented letter takes two bytes, each line break two characters in JSON.
    expect(bodyBytes('ñ\n')).toBe(bodyBytes('') + 4)
    expect(bodyBytes('ñ'.repeat(MAX_BODY_BYTES / 2))).toBeGreaterThan(MAX_BODY_BYTES)
  })
})

describe('importSource', () => {
  const file = { name: 'hospital.csv', format: 'csv' as const, content: CSV }

  it('leaves out the kind and the date left empty, and trims the source', () => {
    const request = importSource({ source: '  Hospital General de Caborca ', kind: '', eventDate: '' }, file)
    expect(request).toEqual({ source: 'Hospital General de Caborca', format: 'csv', content: CSV })
    expect(ImportSource.safeParse(request).success).toBe(true)
  })

  it('sends the kind and the date when given, as the server\'s schema reads them', () => {
    const request = importSource({ source: 'SEMEFO Sonora', kind: 'deceased', eventDate: '2026-11-10' }, { ...file, format: 'jsonl' })
    expect(ImportSource.parse(request)).toEqual({ source: 'SEMEFO Sonora', format: 'jsonl', kind: 'deceased', eventDate: '2026-11-10', content: CSV })
  })
})

describe('ImportForm', () => {
  it('asks for the source and accepts no kind and no date', () => {
    expect(ImportForm.safeParse({ source: '', kind: '', eventDate: '' }).error?.issues.map((i) => i.path)).toEqual([['source']])
    expect(ImportForm.safeParse({ source: 'Albergue', kind: '', eventDate: '' }).success).toBe(true)
    expect(ImportForm.safeParse({ source: 'Albergue', kind: 'found', eventDate: '10/11/2026' }).error?.issues.map((i) => i.path)).toEqual([['kind'], ['eventDate']])
  })
})

describe('importFor', () => {
  const source = { source: 'Albergue', format: 'csv' as const, content: CSV }
  const ids = () => {
    const queue = [ID_1, ID_2]
    return () => queue.shift() ?? 'none'
  }

  it('keeps the id of an unconfirmed import of the same list, and gives a changed list a new one', () => {
    const next = ids()
    const first = importFor(undefined, source, next)
    expect(ImportInput.parse(first)).toEqual({ ...source, id: ID_1 })
    expect(importFor(first, { ...source }, next)).toBe(first)
    expect(importFor(first, { ...source, content: `${CSV}Ana,Coj,30\n` }, next).id).toBe(ID_2)
  })

  it('takes a new kind, date or source for another import', () => {
    const first = { ...source, id: ID_1 }
    expect(sameSource(first, { ...source, kind: 'attended' })).toBe(false)
    expect(sameSource(first, { ...source, eventDate: '2026-11-10' })).toBe(false)
    expect(sameSource(first, { ...source, source: 'Otro albergue' })).toBe(false)
    expect(sameSource(first, { ...source, format: 'jsonl' })).toBe(false)
    expect(sameSource(first, source)).toBe(true)
  })
})

describe('refusedRows', () => {
  const refusal = (errors: { field: string; code: string; message: string }[], status = 400) => new ApiError(status, { type: '/problems/invalid', title: 'Datos no válidos', status, detail: 'La lista tiene filas con errores', errors })

  it('reads each bad row\'s line and column, a column with dots and a problem of the whole list', () => {
    const error = refusal([
      { field: 'line.6.Nombre(s)', code: 'bad_row', message: 'Sin nombre' },
      { field: 'line.12.Apellido p.', code: 'bad_row', message: 'Demasiado largo' },
      { field: 'line.1', code: 'bad_row', message: 'Ninguna columna nombra a una persona' },
    ])
    expect(refusedRows(error)).toEqual([
      { line: 6, column: 'Nombre(s)', message: 'Sin nombre' },
      { line: 12, column: 'Apellido p.', message: 'Demasiado largo' },
      { line: 1, column: '', message: 'Ninguna columna nombra a una persona' },
    ])
  })

  it('leaves other refusals to the general notice', () => {
    expect(refusedRows(refusal([{ field: 'source', code: 'too_small', message: 'Requerido' }]))).toBeUndefined()
    expect(refusedRows(refusal([], 403))).toBeUndefined()
    expect(refusedRows(new Error('x'))).toBeUndefined()
    expect(isTooLarge(refusal([], 413))).toBe(true)
    expect(isTooLarge(refusal([], 400))).toBe(false)
  })
})

describe('fieldKey', () => {
  it('names every field a column can be read as in both catalogues, and an ignored column', () => {
    for (const field of [...ImportField.options, null]) {
      const key = fieldKey(field)
      expect(Object.hasOwn(es, key), key).toBe(true)
      expect(Object.hasOwn(en, key), key).toBe(true)
    }
    expect(es[fieldKey('given_names')]).toBe('Nombre(s)')
    expect(es[fieldKey(null)]).toBe('Se ignora')
  })
})
