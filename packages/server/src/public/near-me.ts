import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Hono } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from '../http/env.ts'
import { PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { esc, PUBLIC_CSP } from './layout.ts'

/**
 * "Help near me" on the help pages, as a progressive enhancement: the pages work whole without
 * script; where the browser runs it and knows geolocation, `near-me.js` shows a button that asks
 * for the position and lists the nearest help points, computed in the browser from the page's own
 * list items (each carries its public coordinates as data attributes). The position is never sent:
 * the script makes no request. Only the help pages allow a script, and only this same-origin file.
 */

/** The script's source, read once: a few hundred bytes compressed. */
export const NEAR_ME_JS = fs.readFileSync(path.join(import.meta.dirname, 'near-me.js'), 'utf8')

const VERSION = createHash('sha256').update(NEAR_ME_JS).digest('hex').slice(0, 12)

/** Where the help pages load it from: versioned, so it may be cached for a year. */
export const NEAR_ME_SRC = `/public/near-me.js?v=${VERSION}`

/** The help pages' policy: the public one, plus scripts from the site itself (this one file). */
export const HELP_CSP = PUBLIC_CSP.replace("default-src 'none'; ", "default-src 'none'; script-src 'self'; ")

/** How many points the list shows. */
const NEAREST = 5

export interface NearMeMessages {
  title: string
  button: string
  privacy: string
  wait: string
  found: string
  foundState: string
  denied: string
  failed: string
  km: string
}

export const NEAR_ME_MESSAGES: Readonly<Record<PublicLang, NearMeMessages>> = {
  es: {
    title: 'Cerca de ti',
    button: 'Ayuda cerca de mí',
    privacy: 'Tu teléfono calcula las distancias. Tu ubicación no se envía a nadie.',
    wait: 'Buscando dónde estás…',
    found: 'Estos son los puntos de ayuda más cercanos, en línea recta.',
    foundState: 'Estos son los puntos de ayuda de {state} más cercanos, en línea recta.',
    denied: 'Para esto, permite que el navegador use tu ubicación. También puedes buscar en la lista.',
    failed: 'No pudimos saber dónde estás. Busca en la lista.',
    km: 'A {n} km',
  },
  en: {
    title: 'Near you',
    button: 'Help near me',
    privacy: 'Your phone works out the distances. Your location is not sent to anyone.',
    wait: 'Finding where you are…',
    found: 'These are the nearest help points, in a straight line.',
    foundState: 'These are the nearest help points in {state}, in a straight line.',
    denied: 'To use this, let your browser use your location. You can also look in the list.',
    failed: 'We could not find where you are. Look in the list.',
    km: '{n} km away',
  },
  fr: {
    title: 'Près de vous',
    button: 'De l’aide près de moi',
    privacy: 'Votre téléphone calcule les distances. Votre position n’est envoyée à personne.',
    wait: 'Recherche de votre position…',
    found: 'Voici les points d’aide les plus proches, à vol d’oiseau.',
    foundState: 'Voici les points d’aide les plus proches dans l’État {state}, à vol d’oiseau.',
    denied: 'Pour cela, autorisez le navigateur à utiliser votre position. Vous pouvez aussi chercher dans la liste.',
    failed: 'Nous n’avons pas pu trouver votre position. Cherchez dans la liste.',
    km: 'À {n} km',
  },
  ht: {
    title: 'Toupre w',
    button: 'Èd toupre m',
    privacy: 'Telefòn ou kalkile distans yo. Yo pa voye kote ou ye bay pèsonn.',
    wait: 'N ap chèche kote ou ye…',
    found: 'Men kote pou jwenn èd ki pi pre yo, an liy dwat.',
    foundState: 'Men kote pou jwenn èd ki pi pre yo nan {state}, an liy dwat.',
    denied: 'Pou sa, kite navigatè a sèvi ak kote ou ye. Ou ka chèche nan lis la tou.',
    failed: 'Nou pa t ka jwenn kote ou ye. Chèche nan lis la.',
    km: 'A {n} km',
  },
  pt: {
    title: 'Perto de você',
    button: 'Ajuda perto de mim',
    privacy: 'Seu celular calcula as distâncias. Sua localização não é enviada a ninguém.',
    wait: 'Procurando onde você está…',
    found: 'Estes são os pontos de ajuda mais próximos, em linha reta.',
    foundState: 'Estes são os pontos de ajuda mais próximos em {state}, em linha reta.',
    denied: 'Para isso, permita que o navegador use sua localização. Você também pode procurar na lista.',
    failed: 'Não conseguimos saber onde você está. Procure na lista.',
    km: 'A {n} km',
  },
}

/**
 * The box the script fills, hidden until it runs (no dead button without script). Its words ride
 * in data attributes, so the script speaks the page's language without a dictionary of its own.
 * `state` names the state on a state's page, where only its points are listed.
 */
export function nearBox(lang: PublicLang, state?: string): string {
  const m = NEAR_ME_MESSAGES[lang]
  const found = state === undefined ? m.found : m.foundState.replace('{state}', state)
  const data = { km: m.km, wait: m.wait, found, denied: m.denied, failed: m.failed, count: String(NEAREST) }
  const attributes = Object.entries(data).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('')
  return `<section class="near" id="near" hidden aria-labelledby="near-title"${attributes}><h2 id="near-title">${esc(m.title)}</h2><p>${esc(m.privacy)}</p><button type="button">${esc(m.button)}</button><p role="status"></p><ol class="near-list"></ol></section>`
}

/** A point's coordinates as data attributes, rounded to about a hundred metres. */
export function coordinates(lat: number | null, lon: number | null): string {
  return lat === null || lon === null ? '' : ` data-lat="${Math.round(lat * 1000) / 1000}" data-lon="${Math.round(lon * 1000) / 1000}"`
}

/**
 * The script's route, and the help pages' policy that lets it run: mounted before the public pages,
 * so its middleware wraps theirs and sets the policy after they set theirs.
 */
export function nearMeRoutes() {
  const app = new Hono<AppEnv>()
  app.use('/public/near-me.js', etag())
  app.get('/public/near-me.js', (c) => {
    // The versioned address never changes its content; any other is revalidated like a page.
    c.header('cache-control', c.req.query('v') === VERSION ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
    return c.body(NEAR_ME_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  })
  for (const lang of PUBLIC_LANGS) {
    for (const help of [`/${lang}/help`, `/${lang}/help/*`]) {
      app.use(help, async (c, next) => {
        await next()
        c.set('ownCsp', HELP_CSP)
      })
    }
  }
  return app
}
