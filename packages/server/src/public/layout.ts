import { createHash } from 'node:crypto'
import { pictogramSvg, type Pictogram } from './icons.ts'
import { LANG_INFO, PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { PUBLIC_MESSAGES } from './messages.ts'

/**
 * The public pages' frame: one HTML document with its CSS inlined (no other request, nothing from
 * another origin, no script), the language links to the same page in every language, the
 * emergency number on every page, and the page's own text. The CSS is small enough for the whole
 * home page to arrive in the first round trip (14 KB compressed).
 */

export const PUBLIC_CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1b1b;background:#fff}
a{color:#0b4f9c}
a:focus-visible,summary:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:2}
.skip:focus{left:.5rem}
.wrap{max-width:44rem;margin:0 auto;padding:0 1rem}
header.site{background:#0b3d6e;color:#fff}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem 1rem;padding-top:.5rem;padding-bottom:.5rem}
header.site a{color:#fff}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none}
.langs ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:0;padding:0}
.langs a{display:inline-block;padding:.5rem .25rem;min-height:44px}
.langs a[aria-current]{font-weight:700;text-decoration:none;border-bottom:3px solid #f9a825}
main{padding:1rem 0 2rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;line-height:1.3;margin:1.75rem 0 .5rem}
p,li{max-width:38rem}
ul,ol{padding-left:1.25rem}
li{margin:.25rem 0}
.crumbs{margin:0;font-size:.95rem}
.crumbs a{display:inline-block;padding:.5rem 0;min-height:44px}
.notice{border-left:6px solid #f9a825;background:#fff8e1;padding:.75rem 1rem;margin:1rem 0}
.data{overflow-x:auto;margin:1rem 0 .25rem}@media(min-width:48rem){.data{width:min(72rem,calc(50vw + 19.5rem))}}.data table{border-collapse:collapse;font-size:.95rem}.data caption{text-align:left;font-weight:700;padding:.25rem 0}.data th,.data td{border:1px solid #c5cbd3;padding:.25rem .5rem;text-align:right}.data th[scope=row],.data thead th:first-child{text-align:left}.data .total{font-weight:700}.legend{font-size:.95rem;color:#37474f}
.listen{margin:1rem 0}.listen figcaption{font-weight:700}.listen audio{width:100%;max-width:28rem}
.form{max-width:38rem}
.form fieldset{border:1px solid #c5cbd3;border-radius:8px;margin:1.25rem 0;padding:.5rem 1rem}
.form legend{font-weight:700;padding:0 .25rem}
.field{margin:1rem 0}
.field label{display:block;font-weight:700}
.req{font-weight:400;font-size:.9rem;color:#37474f}
.hint{margin:.15rem 0;font-size:.95rem;color:#37474f}
.field input,.field select,.field textarea{display:block;width:100%;font:inherit;padding:.5rem;min-height:44px;border:2px solid #546e7a;border-radius:4px;background:#fff;color:#1b1b1b}
.field input:focus,.field select:focus,.field textarea:focus{outline:3px solid #f9a825;outline-offset:1px}
.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:#c62828}
.field-error{margin:.15rem 0;color:#b71c1c;font-weight:700}
.field.check{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:flex-start}.field.check input{width:1.75rem;height:1.75rem;min-height:0;margin:0;flex:none}.field.check label{flex:1;font-weight:400}.field.check .field-error{flex-basis:100%}
.error-summary{border:3px solid #c62828;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}
.error-summary h2{margin:.25rem 0}
.error-summary a{color:#b71c1c;font-weight:700}
.form button{font:inherit;font-weight:700;color:#fff;background:#0b4f9c;border:0;border-radius:6px;padding:.75rem 1.5rem;min-height:48px;cursor:pointer}
.form button:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
.receipt{border:3px solid #0b3d6e;border-radius:8px;padding:1rem;margin:1rem 0;break-inside:avoid}
.receipt dl,dl.status{margin:0}
.receipt dt,dl.status dt{font-weight:700}
.receipt dd{margin:0 0 .75rem}
.code{font:700 2rem/1.2 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.08em;overflow-wrap:anywhere}
dl.status dd{margin:0 0 .75rem}
@media print{.receipt{border-color:#000}.receipt .code{font-size:24pt}}
.pict{display:inline-flex;align-items:center;gap:.35rem;font-weight:700;vertical-align:middle}
.pict-icon{flex:none}
.pict-label{font-size:.85rem;text-transform:uppercase;letter-spacing:.02em}
.title-pict{display:flex;gap:.75rem;align-items:center}
.title-pict svg{width:40px;height:40px}
.sos{border:3px solid #c62828;border-radius:8px;padding:.75rem 1rem;margin:1.5rem 0}
.sos h2{margin:0 0 .25rem;display:flex;align-items:center;gap:.5rem}
.sos .call{display:inline-block;font-size:1.5rem;font-weight:700;color:#fff;background:#c62828;border-radius:6px;padding:.5rem 1rem;margin:.25rem 0;text-decoration:none;min-height:48px}
.sos p{margin:.25rem 0}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
.cards li{margin:0;max-width:none}
.cards a{display:flex;gap:.75rem;align-items:flex-start;border:1px solid #c5cbd3;border-radius:8px;padding:.75rem 1rem;text-decoration:none;color:inherit;min-height:48px}
.cards a:hover{border-color:#0b4f9c}
.cards strong{display:block;color:#0b4f9c;font-size:1.1rem;text-decoration:underline}
.cards span.sum{display:block;font-size:.95rem}
.help-card{margin:0 0 1.5rem;max-width:none}
.help-card a{display:flex;gap:.75rem;align-items:center;background:#e8f5e9;border:2px solid #2e7d32;border-radius:8px;padding:.75rem 1rem;text-decoration:none;color:inherit;min-height:48px}
.help-card strong{display:block;color:#1b5e20;font-size:1.3rem;text-decoration:underline}
.help-card svg{width:40px;height:40px;flex:none}
.help-card .sum{display:block;font-size:.95rem}
.map-box{margin:1rem 0}
svg.map{display:block;width:100%;height:auto;max-height:70vh}
.legend-title{font-size:1rem;margin:.5rem 0 .25rem}
.legend{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}
.legend li{margin:0;display:flex;align-items:center;gap:.35rem}
.states{list-style:none;padding:0;display:grid;gap:.5rem}
.states li{margin:0;max-width:none}
.states a{display:block;border:1px solid #c5cbd3;border-radius:8px;padding:.6rem 1rem;min-height:44px}
.states strong,.states span{display:block}
.states span{color:#37474f}
.places{padding-left:1.75rem}
.places li{margin:.75rem 0}
.places li>*{display:block}
.places .kind{font-size:.9rem;color:#37474f}
.places .tel{display:inline-block;font-weight:700;padding:.5rem 0;min-height:44px}
.near{margin:1rem 0;padding:.5rem 1rem .75rem;border:2px solid #2e7d32;border-radius:8px;max-width:38rem}
.near[hidden]{display:none}
.near button{font:inherit;font-weight:700;color:#fff;background:#2e7d32;border:0;border-radius:6px;padding:.75rem 1.25rem;margin:.5rem 0;min-height:48px;cursor:pointer}
.near button:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
.near p{margin:.25rem 0}
.near-list{list-style:none;padding:0}
.near-list li{margin:.75rem 0}
.near-list li>*{display:block}
.near-list .km{font-weight:700;color:#1b5e20}
.near-list .tel{display:inline-block;font-weight:700;padding:.5rem 0;min-height:44px}
.offline{margin:1.5rem 0 1rem;padding:.5rem 1rem .75rem;border:2px solid #0b4f9c;border-radius:8px;max-width:38rem}
.offline[hidden],.offline button[hidden]{display:none}
.offline h2{margin:.25rem 0}.offline p{margin:.25rem 0}
.offline button{font:inherit;font-weight:700;color:#fff;background:#0b4f9c;border:2px solid #0b4f9c;border-radius:6px;padding:.6rem 1.25rem;margin:.5rem .5rem .25rem 0;min-height:48px;cursor:pointer}
.offline button.quiet{color:#0b4f9c;background:#fff}
.offline button:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
.offline [role=status]:not(:empty){font-weight:700}
.convoys{list-style:none;padding:0}
.convoys>li{border:1px solid #c5cbd3;border-radius:8px;padding:0 1rem .5rem;margin:1rem 0;max-width:none}
.convoys h2{margin:.75rem 0 .5rem}
.convoys dl{margin:0}
.convoys dt{font-weight:700;font-size:.95rem;color:#37474f}
.convoys dd{margin:0 0 .5rem}
.status-word{display:inline-block;font-weight:700;border-radius:4px;padding:0 .5rem}
.st-scheduled{background:#e3f2fd;color:#0b3d6e}
.st-departed{background:#e8f5e9;color:#1b5e20}
.st-arrived{background:#eceff1;color:#263238}
.st-cancelled{background:#ffebee;color:#b71c1c}
footer.site{border-top:1px solid #c5cbd3;padding:1rem 0 2rem;font-size:.95rem;color:#37474f}
@media (min-width:40rem){.cards,.states{grid-template-columns:1fr 1fr}h1{font-size:2rem}}
@media print{header.site,.skip,.langs,.crumbs,.print,.offline{display:none}body{font-size:12pt}a{color:#000}.sos{border-color:#000}}`

/** The CSS's hash, for a Content-Security-Policy that allows this one style and nothing else. */
export const PUBLIC_CSS_HASH = `sha256-${createHash('sha256').update(PUBLIC_CSS).digest('base64')}`

/** The public pages' policy: no script at all, only the inlined style, forms to the site itself. */
export const PUBLIC_CSP = `default-src 'none'; style-src '${PUBLIC_CSS_HASH}'; img-src 'self' data:; media-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe for HTML, in content or in a quoted attribute. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch)
}

/** A message with its `{name}` places filled, escaped. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return esc(template).replace(/\{(\w+)\}/g, (_, name: string) => esc(values[name] ?? ''))
}

export interface PageFrame {
  /** The visitor's language: the frame's words, and where its links lead. */
  lang: PublicLang
  /** The language of the page's own text, when it is not the visitor's (a page not yet translated). */
  textLang?: PublicLang
  title: string
  description: string
  /** The path after the language (`''` for the home page, `rights`…), for the language links. */
  path: string
  /** The page's main content, already HTML. */
  body: string
  /** Breadcrumb back to the home page (every page but the home). */
  crumbs?: boolean
  /** A notice in the visitor's language above the text (a page shown in Spanish). */
  notice?: string
  /** Same-origin scripts, deferred, for a page that enhances itself ("near me", "read without signal"); its page's policy must allow them. */
  script?: string | readonly string[]
  /** Inert data for that script (a template), after the footer: what is seen arrives first. */
  tail?: string
}

/** The whole document. */
export function renderFrame(frame: PageFrame): string {
  const m = PUBLIC_MESSAGES[frame.lang]
  const here = (lang: PublicLang) => `/${lang}/${frame.path}`
  const alternates = PUBLIC_LANGS.map((l) => `<link rel="alternate" hreflang="${LANG_INFO[l].tag}" href="${here(l)}">`).join('')
  const languages = PUBLIC_LANGS.map((l) => `<li><a href="${here(l)}" lang="${LANG_INFO[l].tag}" hreflang="${LANG_INFO[l].tag}"${l === frame.lang ? ' aria-current="page"' : ''}>${esc(LANG_INFO[l].name)}</a></li>`).join('')
  const textLang = frame.textLang !== undefined && frame.textLang !== frame.lang ? ` lang="${LANG_INFO[frame.textLang].tag}"` : ''
  return `<!doctype html>
<html lang="${LANG_INFO[frame.lang].tag}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(frame.title)} · ${esc(m.siteName)}</title>
<meta name="description" content="${esc(frame.description)}">
<link rel="canonical" href="${here(frame.lang)}">${alternates}
<style>${PUBLIC_CSS}</style>${[frame.script ?? []].flat().map((src) => `\n<script src="${esc(src)}" defer></script>`).join('')}
</head>
<body>
<a class="skip" href="#main">${esc(m.skip)}</a>
<header class="site"><div class="wrap">
<a class="brand" href="/${frame.lang}/">${esc(m.siteName)}</a>
<nav class="langs" aria-label="${esc(m.languages)}"><ul>${languages}</ul></nav>
</div></header>
<main id="main" class="wrap">
${frame.crumbs === true ? `<p class="crumbs"><a href="/${frame.lang}/">${esc(m.home)}</a></p>` : ''}${frame.notice === undefined ? '' : `<p class="notice" role="note">${esc(frame.notice)}</p>`}<div${textLang}>
${frame.body}
</div>
${emergencyBox(frame.lang)}
</main>
<footer class="site"><div class="wrap"><p>${esc(m.footer)}</p></div></footer>${frame.tail === undefined ? '' : `\n${frame.tail}`}
</body>
</html>`
}

/** The emergency number, on every page. */
export function emergencyBox(lang: PublicLang): string {
  const m = PUBLIC_MESSAGES[lang]
  return `<section class="sos" aria-labelledby="sos-title">
<h2 id="sos-title">${pictogramSvg('emergency')}${esc(m.emergencyTitle)}</h2>
<p><a class="call" href="tel:911">${fill(m.emergencyCall, { number: '911' })}</a></p>
<p>${esc(m.emergencyFree)}</p>
</section>`
}

/** A page's title with its pictogram. */
export function titleWithPictogram(title: string, pictogram: Pictogram): string {
  return `<h1 class="title-pict">${pictogramSvg(pictogram)}<span>${esc(title)}</span></h1>`
}
