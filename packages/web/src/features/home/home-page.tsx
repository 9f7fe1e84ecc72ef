import type { ComponentType } from 'react'
import type { Role } from '../../api/types.ts'
import { useSession } from '../auth/session.tsx'
import { AdministratorHome, DataProtectionHome } from './oversight-homes.tsx'
import { AgencyLiaisonHome, CallCentreHome, ConsulateHome, GuideEditorHome, ModuleVolunteerHome, PaisanoCoordinatorHome } from './paisano-homes.tsx'
import { FieldAgentHome, GroupCoordinatorHome, NationalAnalystHome } from './field-homes.tsx'

const HOMES: Record<Role, ComponentType> = {
  field_agent: FieldAgentHome,
  group_coordinator: GroupCoordinatorHome,
  national_analyst: NationalAnalystHome,
  module_volunteer: ModuleVolunteerHome,
  call_centre_operator: CallCentreHome,
  paisano_coordinator: PaisanoCoordinatorHome,
  agency_liaison: AgencyLiaisonHome,
  guide_editor: GuideEditorHome,
  consulate_officer: ConsulateHome,
  data_protection_officer: DataProtectionHome,
  administrator: AdministratorHome,
}

/** Each role starts on a page made for its job. */
export function HomePage() {
  const { me } = useSession()
  const Home = HOMES[me.user.role]
  return <Home />
}
