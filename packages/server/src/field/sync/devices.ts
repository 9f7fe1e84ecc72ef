import { DomainError, Role, decide, gapsBetween, message, PROBLEM_TITLES, type DeviceHealth, type DevicesQuery, type RegisterDeviceInput, type RegisterDeviceResult } from '@faro/core'
import { decodePath } from '../../db/dialect.ts'
import { findOrgUnit } from '../../accounts/org-units-repo.ts'
import { findUserById } from '../../accounts/users-repo.ts'
import { counterRuns, findDevice, insertDevice, listDevices, rejectionSummary, revokeDeviceRow, type DeviceRow } from './devices-repo.ts'
import { audit, auditDenied } from '../../log/audit.ts'
import { inTransaction, type Ctx, type Executor } from '../../log/context.ts'
import { decodeKeyCursor, encodeKeyCursor } from '../../http/cursor.ts'

/**
 * Registers a device for the caller: once, online. Repeating it is harmless (`created: false`);
 * a device id of another account is refused, so nobody can push under someone else's phone.
 */
export async function registerDevice(ctx: Ctx, input: RegisterDeviceInput): Promise<RegisterDeviceResult & { created: boolean }> {
  if (!decide(ctx.actor, 'device.register', { orgUnitPath: [ctx.actor.orgUnitId], ownerId: ctx.actor.userId }).allowed) {
    await auditDenied(ctx, { action: 'device.register', recordType: 'device', recordId: input.deviceId })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  return inTransaction(ctx, async (trx) => {
    const device = await ensureDevice(trx, ctx, input.deviceId, input.label)
    return { deviceId: device.row.deviceId, registeredAt: device.row.registeredAt, created: device.created }
  })
}

/**
 * The device for a push or pull: registered on first use when the caller may register devices,
 * refused with 410 once revoked and with 403 when it belongs to another account.
 */
export async function ensureDevice(trx: Executor, ctx: Ctx, deviceId: string, label?: string, known?: DeviceRow): Promise<{ row: DeviceRow; created: boolean }> {
  let row = known ?? (await findDevice(trx, deviceId))
  let created = false
  if (row === undefined) {
    if (!decide(ctx.actor, 'device.register', { orgUnitPath: [ctx.actor.orgUnitId], ownerId: ctx.actor.userId }).allowed) {
      throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
    }
    const unit = await findOrgUnit(trx, ctx.actor.orgUnitId)
    created = await insertDevice(trx, {
      deviceId,
      userId: ctx.actor.userId,
      orgUnitId: ctx.actor.orgUnitId,
      orgUnitPath: `/${(unit?.path ?? [ctx.actor.orgUnitId]).join('/')}/`,
      label: label ?? null,
      registeredAt: ctx.clock.now().toISOString(),
    })
    row = await findDevice(trx, deviceId)
    if (row === undefined) {
      throw new Error('device vanished after insert')
    }
    if (created) {
      await audit(trx, ctx, { action: 'device.register', recordType: 'device', recordId: deviceId, decision: 'allowed' })
    }
  }
  checkUsable(ctx, row)
  return { row, created }
}

/**
 * The context a push of the device runs in. Normally the caller's own. A coordinator importing an
 * "export pending records" file at the base pushes for a device of another account: allowed when
 * the caller may manage that device, and then the actions run as the device's owner — the agent
 * who made them, whose policy applies and whose later push of the same actions from the phone is
 * then a harmless duplicate. The import itself is audited under the coordinator.
 */
export async function pushContext(trx: Executor, ctx: Ctx, deviceId: string): Promise<Ctx> {
  const existing = await findDevice(trx, deviceId)
  if (existing === undefined || existing.userId === ctx.actor.userId || existing.revokedAt !== null) {
    // The row just read is passed on: a push should not read its device twice.
    await ensureDevice(trx, ctx, deviceId, undefined, existing)
    return ctx
  }
  const owner = await findUserById(trx, existing.userId)
  if (owner === undefined || !decide(ctx.actor, 'device.manage', { orgUnitPath: decodePath(existing.orgUnitPath) }).allowed) {
    checkUsable(ctx, existing)
    throw new Error('unreachable: a device of another account is refused above')
  }
  // The actions run as the owner as the owner is now: a disabled account acts no more, and an
  // account moved out of the importer's reach must not write through a coordinator of its old unit.
  if (owner.disabled === 1) {
    throw new DomainError('forbidden', message('faro.device_owner_disabled', ctx.lang), { reason: 'device_owner_disabled' })
  }
  const ownerUnit = await findOrgUnit(trx, owner.orgUnitId)
  if (ownerUnit === undefined || !decide(ctx.actor, 'device.manage', { orgUnitPath: ownerUnit.path }).allowed) {
    throw new DomainError('forbidden', message('faro.device_owner_out_of_reach', ctx.lang), { reason: 'device_owner_out_of_reach' })
  }
  await audit(trx, ctx, { action: 'device.import', recordType: 'device', recordId: deviceId, decision: 'allowed' })
  return { ...ctx, actor: { userId: owner.id, role: Role.parse(owner.role), orgUnitId: owner.orgUnitId } }
}

/** Throws 410 for a revoked device and 403 for a device of another account. */
export function checkUsable(ctx: Ctx, row: DeviceRow): void {
  if (row.revokedAt !== null) {
    throw new DomainError('gone', message('faro.device_revoked', ctx.lang), { reason: 'device_revoked' })
  }
  if (row.userId !== ctx.actor.userId) {
    throw new DomainError('forbidden', message('faro.device_not_yours', ctx.lang), { reason: 'device_not_yours' })
  }
}

/**
 * Devices under a unit with their sync health, for coordinators (subtree) and administrators, a
 * page at a time: a national list can pass thousands of phones.
 */
export async function deviceHealthList(ctx: Ctx, q: DevicesQuery): Promise<{ items: DeviceHealth[]; next: string | null }> {
  const under = q.unit ?? ctx.actor.orgUnitId
  const unit = await findOrgUnit(ctx.db.db, under)
  if (unit === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  if (!decide(ctx.actor, 'device.read', { orgUnitPath: unit.path }).allowed) {
    await auditDenied(ctx, { action: 'device.read', recordType: 'device' })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const rows = await listDevices(ctx.db.db, under, { limit: q.limit + 1, after: decodeKeyCursor(q.cursor, ctx.lang) })
  const page = rows.slice(0, q.limit)
  const last = page.at(-1)
  return {
    items: await Promise.all(page.map((row) => healthOf(ctx, row))),
    next: rows.length > q.limit && last ? encodeKeyCursor([last.orgUnitPath, last.deviceId]) : null,
  }
}

/** Revokes a device; its next push or pull is answered 410 and the app wipes itself. */
export async function revokeDevice(ctx: Ctx, deviceId: string): Promise<DeviceHealth> {
  const row = await findDevice(ctx.db.db, deviceId)
  if (row === undefined) {
    throw new DomainError('not_found', message('faro.device_unknown', ctx.lang))
  }
  if (!decide(ctx.actor, 'device.manage', { orgUnitPath: decodePath(row.orgUnitPath) }).allowed) {
    await auditDenied(ctx, { action: 'device.manage', recordType: 'device', recordId: deviceId })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  await inTransaction(ctx, async (trx) => {
    await revokeDeviceRow(trx, deviceId, ctx.clock.now().toISOString(), ctx.actor.userId)
    await audit(trx, ctx, { action: 'device.manage', recordType: 'device', recordId: deviceId, decision: 'allowed' })
  })
  const after = await findDevice(ctx.db.db, deviceId)
  return healthOf(ctx, after ?? row)
}

async function healthOf(ctx: Ctx, row: DeviceRow): Promise<DeviceHealth> {
  const runs = await counterRuns(ctx.db.db, row.deviceId)
  const maxCounter = runs.reduce((m, r) => Math.max(m, r.to), 0)
  const summary = await rejectionSummary(ctx.db.db, row.deviceId)
  return {
    deviceId: row.deviceId,
    label: row.label,
    userId: row.userId,
    orgUnitId: row.orgUnitId,
    registeredAt: row.registeredAt,
    revokedAt: row.revokedAt,
    lastContactAt: row.lastContactAt,
    lastPushAt: row.lastPushAt,
    maxCounter,
    missingRanges: gapsBetween(runs, maxCounter),
    rejections: summary.rejections,
    conflicts: summary.conflicts,
    latestRejections: summary.latest,
  }
}
