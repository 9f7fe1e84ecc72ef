import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { PublicContent } from '../public/content.ts'
import type { PublicLang } from '../public/languages.ts'
import { PUBLIC_CSP, renderFrame } from '../public/layout.ts'
import { contentFrame } from '../public/public-routes.ts'

/** The site's policy, but framable by the staff app's own pages: the editor shows it at phone width. */
export const PREVIEW_CSP = PUBLIC_CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'")

/**
 * A section as the site will show it once its translation is reviewed: the text in the language
 * asked for, whatever its status now, in the site's own frame, styles and print layout.
 */
export function previewPage(c: Context<AppEnv>, content: PublicContent, lang: PublicLang, slug: string) {
  const sections = content.pages().map((s) => (s.slug === slug && s.texts[lang] !== undefined ? { ...s, texts: { ...s.texts, [lang]: { ...s.texts[lang], status: 'reviewed' as const } } } : s))
  const frame = contentFrame(new PublicContent(sections), lang, slug, (audioId) => `/api/guide/editions/${content.edition?.id ?? ''}/audio/${audioId}`)
  c.set('ownCsp', PREVIEW_CSP)
  c.header('content-language', lang)
  return frame === undefined ? c.notFound() : c.html(renderFrame(frame))
}
