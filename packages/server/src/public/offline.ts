import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Hono, type Context } from 'hono'
import { etag } from 'hono/etag'
import { MEXICAN_STATES } from '@faro/core'
import type { AppEnv } from '../http/env.ts'
import type { PublicContent } from './content.ts'
import { OTHERS, stateSlug } from './help.ts'
import { PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { esc, PUBLIC_CSP, renderFrame, type PageFrame } from './layout.ts'
import { PUBLIC_MESSAGES, type PluralForms } from './messages.ts'
import { NEAR_ME_SRC } from './near-me.ts'

/**
 * "Read without signal", as a progressive enhancement: the Paisano guide's pages and each state's
 * help page carry a box, `hidden` in the HTML, that `offline.js` shows where the browser runs script
 * and has service workers. One tap keeps, in the page's language, the home page, the guide's
 * pages, the help index and (on a state's page) that state's page, and registers the site's worker
 * (`/sw.js`) for that language's folder: with no signal, it answers from what was kept, and a page
 * not kept gets the "no signal" page (`/<lang>/offline`, kept with the rest). Nothing is kept for a
 * visitor who does not ask, and no other page loads a script.
 */

/** The page script's source, read once. */
export const OFFLINE_JS = fs.readFileSync(path.join(import.meta.dirname, 'offline.js'), 'utf8')

/** The service worker's source, read once. */
export const OFFLINE_SW_JS = fs.readFileSync(path.join(import.meta.dirname, 'offline-sw.js'), 'utf8')

const VERSION = createHash('sha256').update(OFFLINE_JS).digest('hex').slice(0, 12)

/** Where the pages that offer saving load the script from: versioned, so it may be cached for a year. */
export const OFFLINE_SRC = `/public/offline.js?v=${VERSION}`

/**
 * The worker's address: at the root, so one file may be registered for each language's folder;
 * never versioned, since the browser looks for a new worker at the address it registered.
 */
export const OFFLINE_SW_PATH = '/sw.js'

/** The policy of the pages that offer saving: the public one, plus scripts and a worker from the site itself. */
export const OFFLINE_CSP = PUBLIC_CSP.replace("default-src 'none'; ", "default-src 'none'; script-src 'self'; worker-src 'self'; ")

/** The worker's own policy: it only fetches from the site. */
const WORKER_CSP = "default-src 'none'; connect-src 'self'"

export interface OfflineMessages {
  title: string
  /** The box's line on a guide page. */
  introGuide: string
  /** On a state's page; `{help}` is `helpIn` or `helpOthers`. */
  introState: string
  helpIn: string
  helpOthers: string
  /** A link to the help index, from a guide page; `{link}` is the index's title. */
  hint: string
  save: string
  clear: string
  saving: string
  savedGuide: string
  savedState: string
  pages: PluralForms
  /** Other states' pages kept, said on a guide page. */
  states: PluralForms
  /** Other states' pages kept, said on a state's page. */
  moreStates: PluralForms
  failed: string
  cleared: string
  offlineTitle: string
  offlineBody: string
  offlineSaved: string
}

export const OFFLINE_MESSAGES: Readonly<Record<PublicLang, OfflineMessages>> = {
  es: {
    title: 'Leer sin señal',
    introGuide: 'Guarda la Guía Paisano en este teléfono para leerla cuando no tengas señal.',
    introState: 'Guarda la Guía Paisano y {help} en este teléfono para leerlas cuando no tengas señal.',
    helpIn: 'la ayuda en {state}',
    helpOthers: 'los otros puntos de ayuda',
    hint: 'Para guardar también la ayuda de un estado, ábrelo en {link} y guárdalo allí.',
    save: 'Guardar para leer sin señal',
    clear: 'Borrar lo guardado',
    saving: 'Guardando…',
    savedGuide: 'Guardado: la Guía Paisano ({pages}). Puedes leerla sin señal.',
    savedState: 'Guardado: la Guía Paisano ({pages}) y {help}. Puedes leerlas sin señal.',
    pages: { one: '{n} página', other: '{n} páginas' },
    states: { one: 'También tienes guardada la ayuda de un estado.', other: 'También tienes guardada la ayuda de {n} estados.' },
    moreStates: { one: 'También tienes guardada la ayuda de otro estado.', other: 'También tienes guardada la ayuda de otros {n} estados.' },
    failed: 'No se pudo guardar. Inténtalo otra vez cuando tengas señal.',
    cleared: 'Listo: se borró lo guardado en este teléfono.',
    offlineTitle: 'Sin señal',
    offlineBody: 'Esta página no está guardada en este teléfono. Ábrela otra vez cuando tengas señal.',
    offlineSaved: 'Lo que guardaste se puede leer sin señal:',
  },
  en: {
    title: 'Read without signal',
    introGuide: 'Keep the Paisano Guide on this phone to read it when you have no signal.',
    introState: 'Keep the Paisano Guide and {help} on this phone to read them when you have no signal.',
    helpIn: 'the help in {state}',
    helpOthers: 'the other help points',
    hint: 'To keep the help in a state too, open it in {link} and save it there.',
    save: 'Save to read without signal',
    clear: 'Delete what is saved',
    saving: 'Saving…',
    savedGuide: 'Saved: the Paisano Guide ({pages}). You can read it without signal.',
    savedState: 'Saved: the Paisano Guide ({pages}) and {help}. You can read them without signal.',
    pages: { one: '{n} page', other: '{n} pages' },
    states: { one: 'The help in one state is saved too.', other: 'The help in {n} states is saved too.' },
    moreStates: { one: 'The help in one other state is saved too.', other: 'The help in {n} other states is saved too.' },
    failed: 'It could not be saved. Try again when you have signal.',
    cleared: 'Done: what was saved on this phone is deleted.',
    offlineTitle: 'No signal',
    offlineBody: 'This page is not saved on this phone. Open it again when you have signal.',
    offlineSaved: 'What you saved can be read without signal:',
  },
  fr: {
    title: 'Lire sans réseau',
    introGuide: 'Enregistrez le Guide Paisano sur ce téléphone pour le lire quand vous n’avez pas de réseau.',
    introState: 'Enregistrez le Guide Paisano et {help} sur ce téléphone pour les lire quand vous n’avez pas de réseau.',
    helpIn: 'l’aide dans l’État {state}',
    helpOthers: 'les autres points d’aide',
    hint: 'Pour enregistrer aussi l’aide d’un État, ouvrez-le dans {link} et enregistrez-le là.',
    save: 'Enregistrer pour lire sans réseau',
    clear: 'Effacer ce qui est enregistré',
    saving: 'Enregistrement…',
    savedGuide: 'Enregistré : le Guide Paisano ({pages}). Vous pouvez le lire sans réseau.',
    savedState: 'Enregistré : le Guide Paisano ({pages}) et {help}. Vous pouvez les lire sans réseau.',
    pages: { one: '{n} page', other: '{n} pages' },
    states: { one: 'L’aide d’un État est aussi enregistrée.', other: 'L’aide de {n} États est aussi enregistrée.' },
    moreStates: { one: 'L’aide d’un autre État est aussi enregistrée.', other: 'L’aide de {n} autres États est aussi enregistrée.' },
    failed: 'L’enregistrement n’a pas abouti. Réessayez quand vous aurez du réseau.',
    cleared: 'C’est fait : ce qui était enregistré sur ce téléphone est effacé.',
    offlineTitle: 'Pas de réseau',
    offlineBody: 'Cette page n’est pas enregistrée sur ce téléphone. Ouvrez-la à nouveau quand vous aurez du réseau.',
    offlineSaved: 'Ce que vous avez enregistré se lit sans réseau :',
  },
  ht: {
    title: 'Li san rezo',
    introGuide: 'Sere Gid Paisano a nan telefòn sa a pou w ka li l lè w pa gen rezo.',
    introState: 'Sere Gid Paisano a ak {help} nan telefòn sa a pou w ka li yo lè w pa gen rezo.',
    helpIn: 'èd nan {state}',
    helpOthers: 'lòt kote pou jwenn èd yo',
    hint: 'Pou sere èd nan yon eta tou, louvri l nan {link} epi sere l la.',
    save: 'Sere pou li san rezo',
    clear: 'Efase sa ki sere',
    saving: 'N ap sere…',
    savedGuide: 'Sere: Gid Paisano a ({pages}). Ou ka li l san rezo.',
    savedState: 'Sere: Gid Paisano a ({pages}) ak {help}. Ou ka li yo san rezo.',
    pages: { other: '{n} paj' },
    states: { one: 'Èd nan yon eta sere tou.', other: 'Èd nan {n} eta sere tou.' },
    moreStates: { one: 'Èd nan yon lòt eta sere tou.', other: 'Èd nan {n} lòt eta sere tou.' },
    failed: 'Nou pa t ka sere yo. Eseye ankò lè w gen rezo.',
    cleared: 'Fini: sa ki te sere nan telefòn sa a efase.',
    offlineTitle: 'Pa gen rezo',
    offlineBody: 'Paj sa a pa sere nan telefòn sa a. Louvri l ankò lè w gen rezo.',
    offlineSaved: 'Ou ka li sa w te sere yo san rezo:',
  },
  pt: {
    title: 'Ler sem sinal',
    introGuide: 'Guarde o Guia Paisano neste celular para ler quando estiver sem sinal.',
    introState: 'Guarde o Guia Paisano e {help} neste celular para ler quando estiver sem sinal.',
    helpIn: 'a ajuda em {state}',
    helpOthers: 'os outros pontos de ajuda',
    hint: 'Para guardar também a ajuda de um estado, abra-o em {link} e salve lá.',
    save: 'Salvar para ler sem sinal',
    clear: 'Apagar o que foi salvo',
    saving: 'Salvando…',
    savedGuide: 'Salvo: o Guia Paisano ({pages}). Você pode ler sem sinal.',
    savedState: 'Salvo: o Guia Paisano ({pages}) e {help}. Você pode ler sem sinal.',
    pages: { one: '{n} página', other: '{n} páginas' },
    states: { one: 'A ajuda de um estado também está salva.', other: 'A ajuda de {n} estados também está salva.' },
    moreStates: { one: 'A ajuda de outro estado também está salva.', other: 'A ajuda de outros {n} estados também está salva.' },
    failed: 'Não foi possível salvar. Tente de novo quando tiver sinal.',
    cleared: 'Pronto: o que estava salvo neste celular foi apagado.',
    offlineTitle: 'Sem sinal',
    offlineBody: 'Esta página não está salva neste celular. Abra de novo quando tiver sinal.',
    offlineSaved: 'O que você salvou pode ser lido sem sinal:',
  },
}

/** The paths one tap keeps, besides a state's page: the home, the guide's pages, the help index, the "no signal" page, and the scripts they load. */
function keptPaths(site: PublicContent, lang: PublicLang, helped: boolean): { guide: string[]; all: string[] } {
  const guide = site.pages().filter((p) => p.audience === 'paisano').map((p) => `/${lang}/${p.slug}`)
  return { guide, all: [`/${lang}/`, ...guide, ...(helped ? [`/${lang}/help`, NEAR_ME_SRC] : []), `/${lang}/offline`, OFFLINE_SRC] }
}

/** A plural's forms as data attributes (`data-pages-one`…), for the script to pick with Intl.PluralRules. */
function pluralData(name: string, forms: PluralForms): Record<string, string> {
  return Object.fromEntries(Object.entries(forms).map(([form, words]) => [`${name}-${form}`, words]))
}

/**
 * The box, hidden until the script runs (no dead button without script). `state` is the state's
 * slug on its help page. Its words and the paths to keep ride in data attributes, so the script
 * speaks the page's language and keeps what the server lists today.
 */
export function saveBox(site: PublicContent, lang: PublicLang, helped: boolean, state?: string): string {
  const m = OFFLINE_MESSAGES[lang]
  const { guide, all } = keptPaths(site, lang, helped)
  const name = state === undefined ? undefined : state === OTHERS ? undefined : MEXICAN_STATES.find((s) => stateSlug(s) === state)
  const help = state === OTHERS ? m.helpOthers : m.helpIn.replace('{state}', name ?? '')
  const data: Record<string, string> = {
    lang,
    paths: all.join(' '),
    guide: guide.join(' '),
    ...(state === undefined ? {} : { state: `/${lang}/help/${state}` }),
    saving: m.saving,
    'saved-guide': m.savedGuide,
    'saved-state': m.savedState.replace('{help}', help),
    failed: m.failed,
    cleared: m.cleared,
    ...pluralData('pages', m.pages),
    ...pluralData('more', state === undefined ? m.states : m.moreStates),
  }
  const attributes = Object.entries(data).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('')
  const intro = state === undefined ? esc(m.introGuide) : esc(m.introState.replace('{help}', help))
  const hint = state === undefined && helped ? `<p>${esc(m.hint).replace('{link}', `<a href="/${lang}/help">${esc(PUBLIC_MESSAGES[lang].help.title)}</a>`)}</p>` : ''
  return `<section class="offline" id="offline" hidden aria-labelledby="offline-title"${attributes}><h2 id="offline-title">${esc(m.title)}</h2><p>${intro}</p>${hint}<p class="offline-actions"><button type="button" data-save>${esc(m.save)}</button> <button type="button" class="quiet" data-clear hidden>${esc(m.clear)}</button></p><p role="status"></p></section>`
}

/**
 * A page that offers saving: the box at the end of its text, its script, and the policy that lets
 * the script run and register the worker. Only the guide's pages and the states' help pages.
 */
export function offerSaving(c: Context<AppEnv>, site: PublicContent, frame: PageFrame, helped: boolean, state?: string): PageFrame {
  c.set('ownCsp', OFFLINE_CSP)
  const scripts = frame.script === undefined ? [] : typeof frame.script === 'string' ? [frame.script] : frame.script
  return { ...frame, script: [...scripts, OFFLINE_SRC], body: `${frame.body}\n${saveBox(site, frame.lang, helped, state)}` }
}

/** True for a page of the Paisano guide: the pages that offer saving. */
export function isGuidePage(site: PublicContent, slug: string): boolean {
  return site.pages().some((p) => p.slug === slug && p.audience === 'paisano')
}

/** The "no signal" page the worker shows for a page not saved. */
function offlinePage(lang: PublicLang, helped: boolean): PageFrame {
  const m = OFFLINE_MESSAGES[lang]
  const p = PUBLIC_MESSAGES[lang]
  const links = [`<li><a href="/${lang}/">${esc(p.home)}</a></li>`, ...(helped ? [`<li><a href="/${lang}/help">${esc(p.help.title)}</a></li>`] : [])].join('')
  return { lang, title: m.offlineTitle, description: m.offlineBody, path: 'offline', body: `<h1>${esc(m.offlineTitle)}</h1><p>${esc(m.offlineBody)}</p><p>${esc(m.offlineSaved)}</p><ul>${links}</ul>` }
}

/**
 * The script, the worker and the "no signal" page. Mounted before "near me" and the public pages:
 * `/<lang>/offline` is this page, not a section's, and a state's page gets this policy, not theirs.
 */
export function offlineRoutes(opts: { helped: boolean } = { helped: true }) {
  const app = new Hono<AppEnv>()
  app.use('/public/offline.js', etag())
  app.get('/public/offline.js', (c) => {
    // The versioned address never changes its content; any other is revalidated like a page.
    c.header('cache-control', c.req.query('v') === VERSION ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
    return c.body(OFFLINE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  })
  app.use(OFFLINE_SW_PATH, etag())
  app.get(OFFLINE_SW_PATH, (c) => {
    // Always revalidated, so a new worker reaches the visitors who registered one.
    c.set('ownCsp', WORKER_CSP)
    c.header('cache-control', 'no-cache')
    return c.body(OFFLINE_SW_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  })
  for (const lang of PUBLIC_LANGS) {
    // A state's page offers saving (offerSaving): its policy over the one "near me" sets after it,
    // since this is mounted before nearMeRoutes and so wraps it.
    app.use(`/${lang}/help/*`, async (c, next) => {
      await next()
      // The pattern matches the index too (`/es/help`), which does not offer saving.
      if (c.res.status === 200 && c.req.path.startsWith(`/${lang}/help/`)) {
        c.set('ownCsp', OFFLINE_CSP)
      }
    })
    app.use(`/${lang}/offline`, etag())
    app.get(`/${lang}/offline`, (c) => {
      c.set('ownCsp', PUBLIC_CSP)
      c.header('content-language', lang)
      c.header('cache-control', 'public, max-age=300')
      return c.html(renderFrame(offlinePage(lang, opts.helped)))
    })
  }
  return app
}
