import { describe, expect, it } from 'vitest'
import { ATTACHMENT_LIMITS, attachmentAccept, AttachmentType, cleanFileName, declaredType, downloadName } from './attachments.ts'

describe('cleanFileName', () => {
  it('keeps the file name only, without the folders a browser or a script sent', () => {
    expect(cleanFileName('C:\\Users\\ana\\fotos\\retén.jpg')).toBe('retén.jpg')
    expect(cleanFileName('../../etc/passwd')).toBe('passwd')
  })

  it('drops control and direction-changing characters, so an extension cannot be disguised', () => {
    expect(cleanFileName('recibo\u202Egpj.exe')).toBe('recibogpj.exe')
    expect(cleanFileName('acta\r\n.pdf')).toBe('acta.pdf')
    expect(cleanFileName('a\u0000b.png')).toBe('ab.png')
  })

  it('collapses spaces, drops leading dots, and gives nothing for a name with nothing left', () => {
    expect(cleanFileName('  placa   del  auto .png ')).toBe('placa del auto .png')
    expect(cleanFileName('.htaccess')).toBe('htaccess')
    expect(cleanFileName(' ... ')).toBeUndefined()
    expect(cleanFileName('\u200B')).toBeUndefined()
    expect(cleanFileName(undefined)).toBeUndefined()
  })

  it('shortens a long name to the limit and keeps its extension', () => {
    const long = `${'á'.repeat(300)}.jpeg`
    const cleaned = cleanFileName(long) ?? ''
    expect([...cleaned]).toHaveLength(ATTACHMENT_LIMITS.nameMax)
    expect(cleaned.endsWith('.jpeg')).toBe(true)
  })

  it('writes accented letters one way (NFC), as typed on any system', () => {
    expect(cleanFileName('rete\u0301n.jpg')).toBe('retén.jpg')
  })
})

describe('downloadName', () => {
  it('keeps a name whose extension is the kind of the file', () => {
    expect(downloadName('Recibo.JPG', 'image/jpeg', '0190a1b2-0000-7000-8000-000000000000')).toBe('Recibo.JPG')
  })

  it('adds the real extension to a name that says another kind', () => {
    expect(downloadName('foto.jpg', 'application/pdf', '0190a1b2-0000-7000-8000-000000000000')).toBe('foto.jpg.pdf')
    expect(downloadName('acta', 'application/pdf', 'x')).toBe('acta.pdf')
  })

  it('names a file given without a name by its id', () => {
    expect(downloadName(null, 'image/png', '0190a1b2-0000-7000-8000-000000000000')).toBe('evidence-0190a1b2.png')
  })
})

describe('declaredType', () => {
  it('reads a declared type as ours, and nothing from a generic one', () => {
    expect(declaredType('image/JPG')).toBe('image/jpeg')
    expect(declaredType('image/heif')).toBe('image/heic')
    expect(declaredType('application/pdf; charset=binary')).toBe('application/pdf')
    expect(declaredType('application/octet-stream')).toBeUndefined()
    expect(declaredType(undefined)).toBeUndefined()
    expect(declaredType('text/html')).toBe('text/html')
  })
})

describe('attachmentAccept', () => {
  it('offers every kind with its extensions', () => {
    const accept = attachmentAccept().split(',')
    for (const type of AttachmentType.options) {
      expect(accept).toContain(type)
    }
    expect(accept).toContain('.heic')
    expect(accept).toContain('.pdf')
  })
})
