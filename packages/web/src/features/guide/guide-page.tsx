import { useSearch } from '@tanstack/react-router'
import { guideRoute } from '../../router.tsx'
import { EditionPage } from './edition-page.tsx'
import { EditionsList } from './editions-list.tsx'
import './guide.css'

/**
 * The guide and the public pages: the editions, and one edition with its sections, each
 * written per language. Paisano's national office writes them; administrators read them.
 */
export function GuidePage() {
  const search = useSearch({ from: guideRoute.id })
  if (search.edition === undefined) {
    return <EditionsList />
  }
  return <EditionPage key={search.edition} id={search.edition} section={search.section} lang={search.lang} view={search.view} />
}
