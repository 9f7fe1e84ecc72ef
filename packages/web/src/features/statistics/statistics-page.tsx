import { useSearch } from '@tanstack/react-router'
import { useMemo, useState, type MouseEvent, type ReactNode } from 'react'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { statisticsRoute } from '../../router.tsx'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { BarChart, LineChart } from './charts.tsx'
import { breakdownsFor, byOf, crumbsOf, drillInto, pageRows, pageTotal, placeLevel, rowDim, withBefore, type PageRow, type PlaceLevel, type TreeUnit } from './drill.ts'
import { ExportButtons } from './exports.tsx'
import { readSearch, type PageQuestion } from './page-state.ts'
import { periodParams, yearEarlier } from './period.ts'
import { PeriodPicker } from './period-picker.tsx'
import { timeline } from './scale.ts'
import { StateMapView } from './state-map.tsx'
import { Summary } from './summary.tsx'
import { STAT_FACTS, type OperationItem, type TableAnswer } from './types.ts'
import { useStatsNav, type StatsNav } from './use-stats-nav.ts'
import { breakdownName, changeMark, changeOf, changeWords, dimName, factCount, factName, formatCount, periodName, tickName, valueName, type Names } from './words.ts'
import './statistics.css'

/**
 * The statistics of the reader's offices: a fact's counts over a period, under their unit, with
 * the year before beside them; a row of the table (a bar, a state on the map) goes one place down
 * — national, border, state, group or site — and the breadcrumbs go back up. Every question is
 * the page's address, so it can be reloaded, shared or gone back from.
 */
export function StatisticsPage() {
  const { t } = useI18n()
  const { me, can } = useSession()
  const search = useSearch({ from: statisticsRoute.id })
  const [today] = useState(() => new Date().toISOString().slice(0, 10))
  const home = me.orgUnit.id
  const q = readSearch(search, home, today, me.orgUnit.kind)
  const tree = useFetch<Items<OrgUnit>>('/api/org-units')
  const operations = useFetch<{ items: OperationItem[] }>('/api/operations')
  const units = useMemo(() => new Map<string, TreeUnit>(tree.status === 'ok' ? tree.data.items.map((u) => [u.id, u]) : []), [tree])
  return (
    <Page title={t('stats.title')} intro={t('stats.intro')} testId="stats-page">
      {/* For the coordinators and national offices who approve the open data. */}
      {can('statistics.approve') ? (
        <p className="stats-approvals-link small">
          <Link to="statistics/approvals" data-testid="stats-approvals-link">
            {t('stats.approvalsLink')}
          </Link>
        </p>
      ) : null}
      {tree.status === 'error' ? <ErrorNotice error={tree.error} onRetry={() => void tree.reload()} /> : null}
      {operations.status === 'error' ? <ErrorNotice error={operations.error} onRetry={() => void operations.reload()} /> : null}
      {tree.status === 'loading' || operations.status === 'loading' ? <Loading /> : null}
      {tree.status === 'ok' && operations.status === 'ok' ? <Statistics q={q} home={home} units={units} operations={operations.data.items} today={today} /> : null}
    </Page>
  )
}

function Statistics({ q, home, units, operations, today }: { q: PageQuestion; home: string; units: ReadonlyMap<string, TreeUnit>; operations: OperationItem[]; today: string }) {
  const { t, lang } = useI18n()
  const nav = useStatsNav(home)
  const level = placeLevel(q.scope, units.get(q.scope.unit)?.kind)
  const choices = breakdownsFor(q.fact, level !== undefined)
  const breakdown = q.by !== undefined && choices.includes(q.by) ? q.by : level !== undefined ? 'place' : 'month'
  const dim = rowDim(breakdown, level)
  const by = byOf(q.scope, breakdown, level)
  const unitParam = `fact=${q.fact}&unit=${encodeURIComponent(q.scope.unit)}`
  const base = `/api/statistics/table?${unitParam}&${periodParams(q.period)}`
  // Operations are matched a year back by the server (the operation of the same kind); anything
  // else by asking the same days a year earlier, below.
  const answer = useFetch<TableAnswer>(`${base}&by=${by.join(',')}${dim === 'operation' ? '&compare=year' : ''}`)
  // The same days a year earlier, once the period's days are known (an operation's come with the
  // answer): its rows give each row's year-earlier count, those counted then and not now included.
  const before = useFetch<TableAnswer>(answer.status === 'ok' ? `/api/statistics/table?${unitParam}&from=${yearEarlier(answer.data.from)}&to=${yearEarlier(answer.data.to)}&by=${by.join(',')}` : null)
  // The map: the states under the scope, whatever the rows are (the same question when they are states).
  const mapped = level === 'border' || level === 'state'
  const mapAnswer = useFetch<TableAnswer>(mapped ? `${base}&by=border,state` : null)
  const set = (change: Partial<PageQuestion>) => nav.go({ ...q, ...change })
  const crumbs = crumbsOf(home, q.scope, units)
  const names: Names = { units: { ...Object.fromEntries(units), ...(answer.status === 'ok' ? answer.data.units : {}) }, operations }
  const crumbName = (c: (typeof crumbs)[number]) => (c.kind === 'unit' ? (units.get(c.value)?.name ?? t('stats.unit.unknown')) : valueName(t, lang, q.fact, c.kind, c.value))
  const here = crumbs[crumbs.length - 1]
  const place = here === undefined ? '' : crumbName(here)
  return (
    <>
      <nav className="stats-crumbs" aria-label={t('stats.crumbs')} data-testid="stats-crumbs">
        <ol>
          {crumbs.map((c, i) =>
            i === crumbs.length - 1 ? (
              <li key={`${c.kind}-${c.value}`} aria-current="location">
                {crumbName(c)}
              </li>
            ) : (
              <li key={`${c.kind}-${c.value}`}>
                <NavLink nav={nav} to={{ ...q, scope: c.scope }}>
                  {crumbName(c)}
                </NavLink>
              </li>
            ),
          )}
        </ol>
      </nav>
      <div className="card stats-controls">
        <div className="field">
          <label htmlFor="stats-fact">{t('stats.factLabel')}</label>
          <select id="stats-fact" value={q.fact} onChange={(e) => set({ fact: STAT_FACTS.find((f) => f === e.target.value) ?? q.fact })}>
            {STAT_FACTS.map((f) => (
              <option key={f} value={f}>
                {factName(t, f)}
              </option>
            ))}
          </select>
        </div>
        <PeriodPicker period={q.period} operations={operations} today={today} onChange={(period) => set({ period })} />
        <div className="field">
          <label htmlFor="stats-by">{t('stats.byLabel')}</label>
          <select id="stats-by" value={breakdown} onChange={(e) => set({ by: choices.find((b) => b === e.target.value) })}>
            {choices.map((b) => (
              <option key={b} value={b}>
                {b === 'place' && level !== undefined ? t(`stats.by.place.${level}`) : breakdownName(t, q.fact, b)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {answer.status === 'loading' || (answer.status === 'ok' && before.status === 'loading') ? <Loading /> : null}
      {answer.status === 'error' ? <ErrorNotice error={answer.error} onRetry={() => void answer.reload()} /> : null}
      {before.status === 'error' ? <ErrorNotice error={before.error} onRetry={() => void before.reload()} /> : null}
      {answer.status === 'ok' && before.status === 'ok' ? (
        <Answer
          q={q}
          answer={answer.data}
          before={before.data}
          dim={dim}
          level={breakdown === 'place' ? level : undefined}
          names={names}
          place={place}
          nav={nav}
          map={
            mapped && mapAnswer.status === 'ok' ? (
              <StateMapView
                label={t('stats.map.label', { fact: factName(t, q.fact) })}
                selected={q.scope.state}
                data={pageRows(mapAnswer.data, q.scope, 'state')
                  .filter((r) => r.value !== '')
                  .map((r) => {
                    const to = { ...q, scope: drillInto(q.scope, 'state', r) }
                    return { state: r.value, n: r.n, label: t('stats.map.state', { state: r.value, count: factCount(t, lang, q.fact, r.n) }), href: nav.href(to), go: () => nav.go(to) }
                  })}
              />
            ) : null
          }
        />
      ) : null}
    </>
  )
}

function Answer({ q, answer, before, dim, level, names, place, nav, map }: { q: PageQuestion; answer: TableAnswer; before: TableAnswer; dim: ReturnType<typeof rowDim>; level: PlaceLevel | undefined; names: Names; place: string; nav: StatsNav; map: ReactNode }) {
  const { t, lang } = useI18n()
  const overTime = dim === 'month' || dim === 'week' || dim === 'quarter' ? dim : undefined
  const earlier = pageRows(before, q.scope, dim)
  const kept = withBefore(pageRows(answer, q.scope, dim), earlier, dim).sort((a, b) => b.n - a.n || b.previous - a.previous || a.value.localeCompare(b.value))
  // Over time every month (week, quarter) of the period is a row, those with nothing too.
  const rows: PageRow[] = overTime !== undefined ? timeline(overTime, answer.from, answer.to).map((v) => kept.find((r) => r.value === v) ?? { value: v, n: 0, previous: 0 }) : kept
  const now = pageTotal(answer, q.scope)
  const total = { n: now.n, previous: dim === 'operation' ? now.previous : earlier.reduce((sum, r) => sum + r.n, 0) }
  // A year earlier is drawn (and in the key) only when something was counted then.
  const compared = total.previous > 0
  const label = (value: string) => valueName(t, lang, q.fact, dim, value, names)
  const heading = t('stats.tableHeading', { fact: factName(t, q.fact), by: dimName(t, q.fact, dim).toLocaleLowerCase(lang === 'es' ? 'es-MX' : 'en') })
  const describe = rows
    .slice(0, 12)
    .map((r) => `${label(r.value)}: ${formatCount(lang, r.n)}`)
    .join('; ')
  const year = Number(answer.from.slice(0, 4))
  return (
    <>
      <Summary fact={q.fact} n={total.n} previous={total.previous} from={answer.from} to={answer.to} place={place} period={periodName(t, lang, q.period, names.operations)} />
      <section className="card stats-breakdown" aria-labelledby="stats-breakdown-heading" data-testid="stats-breakdown">
        <h2 id="stats-breakdown-heading">{heading}</h2>
        {rows.length === 0 || total.n + total.previous === 0 ? (
          <p className="muted">{t('stats.nothing')}</p>
        ) : (
          <>
            {overTime !== undefined ? (
              <>
                <LineChart compare={compared} data={rows.map((r) => ({ key: r.value, tick: tickName(t, lang, overTime, r.value), n: r.n, previous: r.previous }))} description={t('stats.chart.line', { heading, values: describe })} />
                <p className="stats-key small" aria-hidden="true">
                  <span className="stats-key-now" /> {t('stats.key.now')}
                  {compared ? (
                    <>
                      <span className="stats-key-before" /> {t('stats.key.before')}
                    </>
                  ) : null}
                </p>
              </>
            ) : (
              <>
                <BarChart compare={compared} data={rows.slice(0, 15).map((r) => ({ key: r.value, label: label(r.value), n: r.n, previous: r.previous }))} description={t('stats.chart.bars', { heading, values: describe })} />
                <p className="stats-key small" aria-hidden="true">
                  <span className="stats-key-bar" /> {t('stats.key.now')}
                  {compared ? (
                    <>
                      <span className="stats-key-tick" /> {t('stats.key.before')}
                    </>
                  ) : null}
                </p>
              </>
            )}
            {map}
            <Table q={q} rows={rows} total={total} dim={dim} level={level} label={label} nav={nav} />
          </>
        )}
      </section>
      <section className="card stats-exports" aria-labelledby="stats-exports-heading">
        <h2 id="stats-exports-heading">{t('stats.export.heading')}</h2>
        <p className="muted small">{t('stats.export.intro')}</p>
        <ExportButtons formats={['csv', 'xlsx', 'json', 'pdf']} request={{ question: { fact: q.fact, unit: q.scope.unit, border: q.scope.border, state: q.scope.state, from: answer.from, to: answer.to, by: answer.by } }} />
      </section>
      <p>
        <Link to={`statistics/year/${year}`} className="button button-secondary" data-testid="stats-year-link">
          {t('stats.year.link', { year: String(year) })}
        </Link>
      </p>
    </>
  )
}

function Table({ q, rows, total, dim, level, label, nav }: { q: PageQuestion; rows: PageRow[]; total: { n: number; previous: number }; dim: ReturnType<typeof rowDim>; level: PlaceLevel | undefined; label(value: string): string; nav: StatsNav }) {
  const { t, lang } = useI18n()
  return (
    <table className="stats-table" data-testid="stats-table">
      <caption className="visually-hidden">{t('stats.tableCaption', { fact: factName(t, q.fact) })}</caption>
      <thead>
        <tr>
          <th scope="col">{dimName(t, q.fact, dim)}</th>
          <th scope="col" className="stats-num">
            {t('stats.col.now')}
          </th>
          <th scope="col" className="stats-num">
            {t('stats.col.before')}
          </th>
          <th scope="col" className="stats-num">
            {t('stats.col.change')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.value} data-testid="stats-row" data-value={r.value} data-n={r.n}>
            <th scope="row">
              {level !== undefined && (r.n > 0 || r.previous > 0) ? (
                <NavLink nav={nav} to={{ ...q, scope: drillInto(q.scope, level, r) }}>
                  {label(r.value)}
                </NavLink>
              ) : (
                label(r.value)
              )}
            </th>
            <td className="stats-num">{formatCount(lang, r.n)}</td>
            <td className="stats-num">{formatCount(lang, r.previous)}</td>
            <ChangeCell n={r.n} previous={r.previous} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('stats.total')}</th>
          <td className="stats-num" data-testid="stats-table-total">
            {formatCount(lang, total.n)}
          </td>
          <td className="stats-num">{formatCount(lang, total.previous)}</td>
          <ChangeCell n={total.n} previous={total.previous} />
        </tr>
      </tfoot>
    </table>
  )
}

function ChangeCell({ n, previous }: { n: number; previous: number }) {
  const { t, lang } = useI18n()
  const c = changeOf(n, previous)
  return (
    <td className={`stats-num stats-change stats-change-${c.direction}`}>
      <span aria-hidden="true">{changeMark(lang, c)}</span>
      <span className="visually-hidden">{changeWords(t, lang, c, previous)}</span>
    </td>
  )
}

/** A link to another question of the page (a crumb, a row to drill into). */
function NavLink({ nav, to, children }: { nav: StatsNav; to: PageQuestion; children: ReactNode }) {
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) {
      return
    }
    e.preventDefault()
    nav.go(to)
  }
  return (
    <a href={nav.href(to)} onClick={onClick} data-testid="stats-link">
      {children}
    </a>
  )
}
