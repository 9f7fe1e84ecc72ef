import {
  AttentionSetting,
  Authority,
  Damage,
  EmergencyType,
  OrientationMaterial,
  OrientationMode,
  PatrolKind,
  PlaceKind,
  RemainsCondition,
  RescueEquipment,
  RescueOutcome,
  RescuePartner,
  Service,
  WaterTankLevel,
} from '@faro/core'
import { audit } from '../log/audit.ts'
import type { Ctx } from '../log/context.ts'

/** The catalogues the field app offers in its pickers, straight from the core schemas. */
export const CATALOGUES = {
  services: Service.options,
  attentionSettings: AttentionSetting.options,
  orientationModes: OrientationMode.options,
  orientationMaterials: OrientationMaterial.options,
  emergencyTypes: EmergencyType.options,
  rescueOutcomes: RescueOutcome.options,
  rescuePartners: RescuePartner.options,
  rescueEquipment: RescueEquipment.options,
  patrolKinds: PatrolKind.options,
  placeKinds: PlaceKind.options,
  remainsConditions: RemainsCondition.options,
  authorities: Authority.options,
  waterTankLevels: WaterTankLevel.options,
  damage: Damage.options,
} as const

export interface Reference {
  catalogues: typeof CATALOGUES
  unit: { id: string; name: string }
  crew: { id: string; displayName: string; role: string }[]
}

/**
 * Reference data for the field app: the catalogues and the crew of the caller's unit (to pick
 * patrol crews offline). Crew names identify staff, so handing them out is audited.
 */
export async function referenceData(ctx: Ctx): Promise<Reference> {
  return ctx.db.db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('orgUnits').select(['id', 'name']).where('id', '=', ctx.actor.orgUnitId).executeTakeFirst()
    const crew = await trx
      .selectFrom('users')
      .select(['id', 'displayName', 'role'])
      .where('orgUnitId', '=', ctx.actor.orgUnitId)
      .where('disabled', '=', 0)
      .orderBy('displayName')
      .limit(500)
      .execute()
    await audit(trx, ctx, { action: 'crew.read', recordType: 'org_unit', recordId: ctx.actor.orgUnitId, decision: 'allowed' })
    return { catalogues: CATALOGUES, unit: { id: ctx.actor.orgUnitId, name: unit?.name ?? ctx.actor.orgUnitId }, crew }
  })
}
