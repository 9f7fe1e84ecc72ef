import { PICTOGRAMS, type Pictogram } from '@faro/core'

export type { Pictogram }

/**
 * The pictograms of the public pages, drawn inline (no request, no font): water, danger,
 * emergency, help point and phone. Each is decorative beside its word (`aria-hidden`), 24 px.
 */
const PATHS: Readonly<Record<Pictogram, string>> = {
  water: '<path d="M12 2C9 7 5 10.5 5 15a7 7 0 0 0 14 0c0-4.5-4-8-7-13z" fill="#1565c0"/>',
  danger: '<path d="M12 2 1 22h22z" fill="#f9a825"/><path d="M11 9h2v6h-2zm0 8h2v2h-2z" fill="#000"/>',
  emergency: '<circle cx="12" cy="12" r="11" fill="#c62828"/><path d="M10 5h4v5h5v4h-5v5h-4v-5H5v-4h5z" fill="#fff"/>',
  help: '<path d="M12 1a8 8 0 0 0-8 8c0 6 8 14 8 14s8-8 8-14a8 8 0 0 0-8-8z" fill="#2e7d32"/><circle cx="12" cy="9" r="3" fill="#fff"/>',
  phone: '<path d="M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1 11.4 11.4 0 0 0 .57 3.6 1 1 0 0 1-.25 1z" fill="#37474f"/>',
}

export function isPictogram(value: string): value is Pictogram {
  return (PICTOGRAMS as readonly string[]).includes(value)
}

/** The pictogram's SVG, hidden from screen readers: its word stands beside it. */
export function pictogramSvg(name: Pictogram): string {
  return `<svg class="pict-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${PATHS[name]}</svg>`
}
