import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { BookTable, type BookQuestion } from './book-table.tsx'
import type { TableAnswer } from './types.ts'
import type { Names } from './words.ts'

/**
 * Paisano's cases in the yearly report — complaints, requests for help and location requests by
 * category and operation, and by the body that holds them with whether they were answered on time
 * — kept apart from the tallies: they come from the cases' own fact (`fact=case`). This part shows
 * only when the API answers that question with something counted; on a refusal or an empty year,
 * or from a server without the fact, it draws nothing.
 */
const CASE_TABLES: readonly { id: 'cases-category' | 'cases-agency'; q: BookQuestion }[] = [
  { id: 'cases-category', q: { fact: 'case', rows: 'kind', cols: 'operation' } },
  { id: 'cases-agency', q: { fact: 'case', rows: 'body', cols: 'timing' } },
]

export function CaseTables({ year, names }: { year: number; names: Names }) {
  const { t } = useI18n()
  const probe = useFetch<TableAnswer>(`/api/statistics/table?fact=case&year=${year}`)
  // The bodies are units of the tree, named from it (the table names only the units it groups by).
  const tree = useFetch<Items<OrgUnit>>('/api/org-units')
  if (probe.status !== 'ok' || probe.data.total === 0 || tree.status === 'loading') {
    return null
  }
  const units = tree.status === 'ok' ? Object.fromEntries(tree.data.items.map((u) => [u.id, { name: u.name }])) : {}
  return (
    <div className="stats-cases" data-testid="stats-year-cases">
      {CASE_TABLES.map(({ id, q }) => (
        <BookTable key={id} title={t(`stats.year.table.${id}`)} q={q} year={year} names={{ ...names, units: { ...units, ...names.units } }} testId={`stats-book-${id}`} />
      ))}
    </div>
  )
}
