import { useNavigate } from '@tanstack/react-router'
import { useCallback } from 'react'
import { api, ApiError, uploadRaw } from '../../api/client.ts'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { guideRoute, type GuideSearch } from '../../router.tsx'
import type { Lang } from '@faro/core'
import type { Audience, Edition, Pictogram, Season, TextStatus } from './types.ts'

/** The editions' address, and one edition's. */
export const EDITIONS = '/api/guide/editions'
export const editionPath = (id: string) => `${EDITIONS}/${encodeURIComponent(id)}`

/** The edition's public page for a section in a language, as the site will show it. */
export const previewPath = (id: string, lang: string, slug: string) => `${editionPath(id)}/preview/${lang}/${slug}`

/** The edition as a PDF in a language, for returning nationals or for people in transit. */
export const pdfPath = (id: string, lang: string, audience: Audience) => `${editionPath(id)}/guide.pdf?lang=${lang}&audience=${audience}`

/** Moves within the guide's screens, keeping the place in the URL. */
export function useGuideNav(): (to: GuideSearch) => void {
  const navigate = useNavigate({ from: guideRoute.fullPath })
  return useCallback((to: GuideSearch) => void navigate({ search: to }), [navigate])
}

export function draftEdition(body: { season: Season; year: number }): Promise<Edition> {
  return api<Edition>(EDITIONS, { method: 'POST', body: { id: uuidv7(), ...body } })
}

export function writeSection(id: string, slug: string, lang: string, body: { markdown: string; status: TextStatus; base: string; keepTranslations?: boolean }): Promise<Edition> {
  return api<Edition>(`${editionPath(id)}/sections/${slug}/${lang}`, { method: 'PUT', body: { id: uuidv7(), ...body } })
}

export function addSection(id: string, body: { slug: string; audience: Audience; pictogram: Pictogram; after?: string; markdown: string }): Promise<Edition> {
  return api<Edition>(`${editionPath(id)}/sections`, { method: 'POST', body: { id: uuidv7(), ...body } })
}

export function removeSection(id: string, slug: string): Promise<Edition> {
  return api<Edition>(`${editionPath(id)}/sections/${slug}?id=${uuidv7()}`, { method: 'DELETE' })
}

export function scheduleEdition(id: string, publishAt: string | undefined): Promise<Edition> {
  return api<Edition>(`${editionPath(id)}/schedule`, { method: 'POST', body: { id: uuidv7(), ...(publishAt === undefined ? {} : { publishAt }) } })
}

export function unscheduleEdition(id: string): Promise<Edition> {
  return api<Edition>(`${editionPath(id)}/unschedule`, { method: 'POST', body: { id: uuidv7() } })
}

/** A recording of the edition, to hear before it is published. */
export const audioPath = (id: string, audioId: string) => `${editionPath(id)}/audio/${encodeURIComponent(audioId)}`

const recordingPath = (id: string, slug: string, lang: string, recording: string) => `${editionPath(id)}/sections/${slug}/${lang}/audio?id=${recording}`

/**
 * Sends a recording as the raw body, reporting how much has gone (fetch cannot tell an upload's
 * progress; XMLHttpRequest can). The id makes a retry of the same file one recording. Rejects as
 * `api()` does: ApiError with the problem, or NetworkError.
 */
export function uploadRecording(id: string, slug: string, lang: string, file: Blob, opts: { id: string; csrfToken: string | undefined; uiLang: Lang; onProgress: (fraction: number) => void }): Promise<Edition> {
  return uploadRaw<Edition>(recordingPath(id, slug, lang, opts.id), file, { csrfToken: opts.csrfToken, lang: opts.uiLang, onProgress: opts.onProgress })
}

/** Takes a section's recording in a language off the edition. */
export function removeRecording(id: string, slug: string, lang: string): Promise<Edition> {
  return api<Edition>(recordingPath(id, slug, lang, uuidv7()), { method: 'DELETE' })
}

/** The reason of a 409 from the editions' API: someone changed the text, or the edition is published. */
export function conflictReason(error: unknown): 'text_changed' | 'edition_published' | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) {
    return undefined
  }
  const reason = error.problem?.reason
  return reason === 'text_changed' || reason === 'edition_published' ? reason : undefined
}

/** True for the refusal to schedule an edition whose Spanish is not all reviewed. */
export function isUnreviewedRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400 && (error.problem?.errors ?? []).some((e) => e.code === 'source_not_reviewed')
}
