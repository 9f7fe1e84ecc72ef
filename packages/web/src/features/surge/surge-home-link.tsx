import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'

interface Listed {
  recordId: string
  kind: string
  name: string
  status: string
  orgUnitId: string
  units?: string[]
}

/**
 * On a group coordination's home, while a special operation of theirs is open (run by their unit
 * or counting in it): a link to its arrivals dashboard.
 */
export function SurgeHomeLink() {
  const { t } = useI18n()
  const { me, can } = useSession()
  const operations = useFetch<{ items: Listed[] }>(can('surge.read') ? '/api/operations' : null)
  if (operations.status !== 'ok') {
    return null
  }
  const open = operations.data.items.find((o) => o.kind === 'special' && o.status === 'open' && (o.orgUnitId === me.orgUnit.id || (o.units ?? []).includes(me.orgUnit.id)))
  if (!open) {
    return null
  }
  return (
    <Link to="surge" className="button button-secondary" data-testid="home-surge">
      {t('surge.home', { name: open.name })}
    </Link>
  )
}
