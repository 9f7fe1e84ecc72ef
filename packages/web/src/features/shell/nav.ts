import type { PolicyAction } from '@faro/core'
import type { MessageKey } from '../../i18n/messages.ts'

/** The pages of the staff app, by route (the path below /app/). */
export type RouteId = '' | 'call' | 'calls' | 'intake' | 'trace-request' | 'registry-import' | 'cases' | 'folio' | 'case-scorecards' | 'case-patterns' | 'routing-rules' | 'capture' | 'field' | 'live' | 'import' | 'places' | 'operations' | 'roster' | 'surge' | 'statistics' | 'convoys' | 'guide' | 'team' | 'equipment' | 'inspections' | 'staff' | 'audit' | 'people' | 'rights' | 'tokens' | 'units' | 'account'

export interface NavItem {
  route: RouteId
  label: MessageKey
}

interface PageRule extends NavItem {
  /** The page shows when the role holds any of these actions; an empty list means everyone. */
  anyOf: readonly PolicyAction[]
  /** Reached from elsewhere than the main navigation (the account, from its name in the header). */
  hidden?: true
  /** A name that says better what the page is for a role that uses it only for one thing. */
  labelWhen?: { label: MessageKey; when(permissions: readonly string[]): boolean }
  /** Opened by its address for these too, though the menu lists it only for `anyOf`. */
  opensWith?: readonly PolicyAction[]
}

const PAGES: readonly PageRule[] = [
  { route: '', label: 'nav.home', anyOf: [] },
  // The call centre logs every call, information-only ones too; most of its work, so first.
  { route: 'call', label: 'nav.call', anyOf: ['call.create'] },
  { route: 'calls', label: 'nav.calls', anyOf: ['call.read'] },
  // Paisano cases: taking a complaint, the queue of those the account may read (an agency's
  // liaison's are those routed to it), and a folio asked about by phone or at a module.
  { route: 'intake', label: 'nav.intake', anyOf: ['case.create'] },
  // A location request for missing migrants: a consulate's or a family's, by phone or at a module.
  { route: 'trace-request', label: 'nav.traceRequest', anyOf: ['case.create'] },
  // Partners' lists (hospitals, shelters, forensic services) brought into the registry the search looks in.
  { route: 'registry-import', label: 'nav.registryImport', anyOf: ['registry_entry.create'] },
  { route: 'cases', label: 'nav.cases', anyOf: ['case.read'] },
  { route: 'folio', label: 'nav.folio', anyOf: ['case.create', 'case.update'] },
  // How the handling bodies do (each liaison their own body), repeated complaints and the routing
  // rules: the national office's view of the cases (routing rules also for administrators).
  { route: 'case-scorecards', label: 'nav.caseScorecards', anyOf: ['case.route', 'case.answer'] },
  { route: 'case-patterns', label: 'nav.casePatterns', anyOf: ['case.route'] },
  { route: 'routing-rules', label: 'nav.routingRules', anyOf: ['case.route', 'org_unit.manage'] },
  // Field mode (offline recording) belongs to the accounts that may register a field device.
  // A module volunteer's field mode only counts: it reads as the tally.
  { route: 'capture', label: 'nav.capture', anyOf: ['device.register'], labelWhen: { label: 'tally.nav', when: (p) => p.includes('tally.create') && !p.includes('attention.create') } },
  { route: 'field', label: 'nav.field', anyOf: ['attention.read', 'rescue.read', 'patrol.read'] },
  { route: 'live', label: 'nav.live', anyOf: ['attention.read'] },
  { route: 'import', label: 'nav.import', anyOf: ['device.manage'] },
  { route: 'places', label: 'nav.places', anyOf: ['place.read'] },
  // Operations (Paisano's seasons, the groups' special operations) for who opens them or plans
  // their shifts; the rosters for who plans shifts (a module volunteer reads only their own).
  { route: 'operations', label: 'ops.nav.operations', anyOf: ['operation.create', 'shift.create'] },
  { route: 'roster', label: 'ops.nav.roster', anyOf: ['shift.create'] },
  { route: 'surge', label: 'surge.nav', anyOf: ['surge.read'] },
  // The offices' exact counts, each its own unit's: the national ones, the data-protection
  // officer, a group's coordination and its agents.
  { route: 'statistics', label: 'stats.nav', anyOf: ['statistics.read'] },
  // Paisano's convoys: in the menu of the national office that schedules them; anyone signed in
  // reads them by the address.
  { route: 'convoys', label: 'convoy.nav', anyOf: ['convoy.create'], opensWith: ['convoy.read'] },
  // The guide's editions and the public pages: written by Paisano's national office, read by administrators.
  { route: 'guide', label: 'guide.nav', anyOf: ['guide_edition.read'] },
  // The groups' registries: who is trained in what, what they work with, and the towers' inspections
  // (for who reads the groups' records; every role reads places, so equipment decides it).
  { route: 'team', label: 'nav.team', anyOf: ['certificate.read'] },
  { route: 'equipment', label: 'nav.equipment', anyOf: ['equipment.read'] },
  { route: 'inspections', label: 'nav.inspections', anyOf: ['equipment.read'] },
  { route: 'staff', label: 'nav.staff', anyOf: ['user.read'] },
  { route: 'audit', label: 'nav.audit', anyOf: ['audit.read', 'audit.verify'] },
  { route: 'people', label: 'nav.people', anyOf: ['person.read'] },
  { route: 'rights', label: 'nav.rights', anyOf: ['rights.manage'] },
  { route: 'tokens', label: 'nav.tokens', anyOf: ['token.manage'] },
  { route: 'units', label: 'nav.units', anyOf: [] },
  { route: 'account', label: 'nav.account', anyOf: [], hidden: true },
]

/**
 * The navigation a role sees, built from the permissions the server reported for it, so the
 * menu follows the one policy table instead of a second list of roles.
 */
export function navFor(permissions: readonly string[]): NavItem[] {
  return PAGES.filter((page) => !page.hidden && allows(page, permissions)).map(({ route, label, labelWhen }) => ({ route, label: labelWhen?.when(permissions) ? labelWhen.label : label }))
}

/** True when the route exists and the permissions open it. */
export function canOpen(route: string, permissions: readonly string[]): boolean {
  const page = PAGES.find((p) => p.route === route)
  return page !== undefined && (allows(page, permissions) || (page.opensWith ?? []).some((action) => permissions.includes(action)))
}

export function isRoute(route: string): route is RouteId {
  return PAGES.some((p) => p.route === route)
}

function allows(page: PageRule, permissions: readonly string[]): boolean {
  return page.anyOf.length === 0 || page.anyOf.some((action) => permissions.includes(action))
}
