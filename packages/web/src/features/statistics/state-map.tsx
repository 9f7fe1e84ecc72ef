import { useEffect, useMemo, useState, type MouseEvent } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { loadStateOutline, projectStates, stateKey, type StateMap } from './map-shapes.ts'
import { classBounds, classOf } from './scale.ts'
import { formatCount } from './words.ts'

/** A state's count on the map, and where a click on it leads. */
export interface MapDatum {
  state: string
  n: number
  /** What a screen reader hears on the state's link: its name, its count in words, where it leads. */
  label: string
  href: string
  go(): void
}

// Light to dark, the brand's blue; nothing counted is a pale neutral apart from the classes.
const COLOURS = ['#d3e5ee', '#9fc5d8', '#63a0bf', '#2d779b', '#0b4f6c']
const NOTHING = '#f1f0eb'

/**
 * The current fact by state, drawn from the bundled outline: each state coloured by its class and,
 * when it counted anything, a link that drills into it. The legend gives the classes in words; the
 * table beside the map gives every state's figure.
 */
export function StateMapView({ data, selected, label }: { data: readonly MapDatum[]; selected?: string; label: string }) {
  const { t, lang } = useI18n()
  const [map, setMap] = useState<StateMap | undefined>(undefined)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    void loadStateOutline(import.meta.env.BASE_URL).then((geo) => {
      if (!live) {
        return
      }
      const projected = projectStates(geo)
      if (projected.shapes.length === 0) {
        setFailed(true)
      } else {
        setMap(projected)
      }
    })
    return () => {
      live = false
    }
  }, [])
  const byKey = useMemo(() => {
    const m = new Map<string, MapDatum>()
    for (const d of data) {
      const key = stateKey(d.state)
      const held = m.get(key)
      m.set(key, held === undefined ? d : { ...held, n: held.n + d.n })
    }
    return m
  }, [data])
  const bounds = classBounds(data.map((d) => d.n), COLOURS.length)
  if (failed) {
    return null
  }
  if (map === undefined) {
    return <div className="stats-map stats-map-loading" aria-hidden="true" />
  }
  const selectedKey = selected === undefined ? undefined : stateKey(selected)
  return (
    <figure className="stats-map" data-testid="stats-map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-label={label}>
        {map.shapes.map((s) => {
          const d = byKey.get(s.key)
          const n = d?.n ?? 0
          const c = classOf(n, bounds)
          const fill = c < 0 ? NOTHING : COLOURS[Math.round((c * (COLOURS.length - 1)) / Math.max(1, bounds.length - 1))]
          const shape = <path d={s.d} fill={fill} className={`stats-state${s.key === selectedKey ? ' stats-state-selected' : ''}`} fillRule="evenodd" />
          if (d === undefined || n === 0) {
            return (
              <g key={s.key} aria-hidden="true">
                {shape}
              </g>
            )
          }
          const onClick = (e: MouseEvent) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) {
              return
            }
            e.preventDefault()
            d.go()
          }
          return (
            <a key={s.key} href={d.href} onClick={onClick} aria-label={d.label} data-state={d.state}>
              <title>{`${d.state}: ${formatCount(lang, n)}`}</title>
              {shape}
            </a>
          )
        })}
      </svg>
      <figcaption>
        <ul className="stats-legend" aria-label={t('stats.map.legend')}>
          <li>
            <span className="stats-swatch" style={{ background: NOTHING }} aria-hidden="true" />
            {t('stats.map.nothing')}
          </li>
          {bounds.map((b, i) => (
            <li key={b}>
              <span className="stats-swatch" style={{ background: COLOURS[Math.round((i * (COLOURS.length - 1)) / Math.max(1, bounds.length - 1))] }} aria-hidden="true" />
              {t('stats.map.range', { from: formatCount(lang, i === 0 ? 1 : (bounds[i - 1] ?? 0) + 1), to: formatCount(lang, b) })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
