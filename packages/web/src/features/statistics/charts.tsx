import { useEffect, useRef, useState, type RefObject } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { linePath, niceScale, scaleTo } from './scale.ts'
import { formatCount } from './words.ts'

/**
 * The charts, inline SVG drawn at the width they are given on screen (so their words keep the
 * page's size on a phone as on a desk). Each is an image with a short description; the table
 * beside it is the full text alternative.
 */

export interface BarDatum {
  key: string
  label: string
  n: number
  previous: number
}

const BAR_ROW = 44

/**
 * Horizontal bars, one a row with its label above and its figure at the end; a dark tick marks
 * the count a year earlier.
 */
export function BarChart({ data, description, compare }: { data: readonly BarDatum[]; description: string; compare: boolean }) {
  const { lang } = useI18n()
  const [ref, width] = useWidth<HTMLDivElement>()
  const top = niceScale(Math.max(1, ...data.map((d) => Math.max(d.n, compare ? d.previous : 0)))).top
  const height = data.length * BAR_ROW
  return (
    <div ref={ref} className="stats-chart" data-testid="stats-bars">
      {width > 0 ? (
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
          {data.map((d, i) => {
            const y = i * BAR_ROW
            const w = scaleTo(d.n, top, width)
            const p = scaleTo(d.previous, top, width)
            return (
              <g key={d.key}>
                <text x={0} y={y + 15} className="stats-chart-label">
                  {clip(d.label, Math.floor((width - 70) / 7.5))}
                </text>
                <text x={width} y={y + 15} textAnchor="end" className="stats-chart-figure">
                  {formatCount(lang, d.n)}
                </text>
                <rect x={0} y={y + 22} width={width} height={12} rx={3} className="stats-bar-track" />
                <rect x={0} y={y + 22} width={Math.max(d.n > 0 ? 2 : 0, w)} height={12} rx={3} className="stats-bar" />
                {compare && d.previous > 0 ? <rect x={Math.min(width - 3, Math.max(0, p - 1.5))} y={y + 18} width={3} height={20} className="stats-bar-previous" /> : null}
              </g>
            )
          })}
        </svg>
      ) : null}
    </div>
  )
}

export interface LineDatum {
  key: string
  /** The x-axis label, short ("nov", "S48"). */
  tick: string
  n: number
  previous: number
}

const LINE_HEIGHT = 200
const AXIS_LEFT = 52
const AXIS_BOTTOM = 24

/** A line over time, this period's solid and a year earlier's dashed, on a round axis. */
export function LineChart({ data, description, compare }: { data: readonly LineDatum[]; description: string; compare: boolean }) {
  const { lang } = useI18n()
  const [ref, width] = useWidth<HTMLDivElement>()
  const { top, ticks } = niceScale(Math.max(1, ...data.map((d) => Math.max(d.n, compare ? d.previous : 0))), 5)
  const plotWidth = Math.max(10, width - AXIS_LEFT - 12)
  const plotHeight = LINE_HEIGHT - AXIS_BOTTOM - 8
  const step = data.length > 1 ? plotWidth / (data.length - 1) : 0
  // Only as many x labels as fit, about one per 44 px.
  const every = Math.max(1, Math.ceil(data.length / Math.max(1, Math.floor(plotWidth / 44))))
  return (
    <div ref={ref} className="stats-chart" data-testid="stats-line">
      {width > 0 ? (
        <svg width={width} height={LINE_HEIGHT} viewBox={`0 0 ${width} ${LINE_HEIGHT}`} role="img" aria-label={description}>
          <g transform={`translate(${AXIS_LEFT},8)`}>
            {ticks.map((v) => {
              const y = plotHeight - scaleTo(v, top, plotHeight)
              return (
                <g key={v}>
                  <line x1={0} x2={plotWidth} y1={y} y2={y} className="stats-grid" />
                  <text x={-8} y={y + 4} textAnchor="end" className="stats-axis">
                    {formatCount(lang, v)}
                  </text>
                </g>
              )
            })}
            {data.map((d, i) =>
              i % every === 0 ? (
                <text key={d.key} x={data.length > 1 ? i * step : plotWidth / 2} y={plotHeight + 18} textAnchor="middle" className="stats-axis">
                  {d.tick}
                </text>
              ) : null,
            )}
            {compare ? <path d={linePath(data.map((d) => d.previous), top, plotWidth, plotHeight)} className="stats-line-previous" /> : null}
            <path d={linePath(data.map((d) => d.n), top, plotWidth, plotHeight)} className="stats-line" />
            {data.map((d, i) => (
              <circle key={d.key} cx={data.length > 1 ? i * step : plotWidth / 2} cy={plotHeight - scaleTo(d.n, top, plotHeight)} r={3} className="stats-dot" />
            ))}
          </g>
        </svg>
      ) : null}
    </div>
  )
}

/** The width an element has on screen, followed as it changes (a phone turned, a window resized). */
export function useWidth<E extends HTMLElement>(): [RefObject<E | null>, number] {
  const ref = useRef<E>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    const el = ref.current
    if (el === null) {
      return
    }
    setWidth(Math.floor(el.getBoundingClientRect().width))
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width
      if (w !== undefined) {
        setWidth(Math.floor(w))
      }
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`
}
