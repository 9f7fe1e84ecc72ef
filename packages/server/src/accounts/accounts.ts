import {
  DomainError,
  decide,
  scopesOf,
  message,
  PROBLEM_TITLES,
  type CreateOrgUnitInput,
  type CreateUserInput,
  type OrgUnit,
  type PolicyAction,
  type PolicyTarget,
  type Scope,
  type UpdateUserInput,
  type User,
} from '@faro/core'
import { isUniqueViolation } from '../db/dialect.ts'
import { findOrgUnit, insertOrgUnit } from './org-units-repo.ts'
import { deleteSessionsOfUser, revokeApiTokensOfUser } from './sessions-repo.ts'
import { countActiveAdministrators, findTotpColumns, findUserById, insertUser, toUser, updateUser, upsertCredentials, type UserRow } from './users-repo.ts'
import { audit, auditDenied } from '../log/audit.ts'
import { newId } from './sessions.ts'
import { inTransaction, type Ctx, type Executor } from '../log/context.ts'
import { appendToLog, lockLog } from '../log/log.ts'
import { hashPassword } from './passwords.ts'
import { clearTotp } from './totp-secrets.ts'

/** Throws forbidden (and audits the refusal) unless the policy allows the action on the target. */
export async function authorize(ctx: Ctx, action: PolicyAction, target: PolicyTarget, record?: { type: string; id?: string }): Promise<void> {
  if (decide(ctx.actor, action, target).allowed) {
    return
  }
  await auditDenied(ctx, { action, recordType: record?.type ?? null, recordId: record?.id ?? null })
  throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
}

/**
 * The scopes the actor's role holds for an action; refuses (audited) with 403 when it holds none,
 * as a list endpoint must before it filters by scope.
 */
export async function scopesOrRefuse(ctx: Ctx, action: PolicyAction, recordType: string): Promise<Scope[]> {
  const scopes = scopesOf(ctx.actor.role, action)
  if (scopes.length === 0) {
    await auditDenied(ctx, { action, recordType })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  return scopes
}

/** An `invalid` error for one field, in the caller's language. */
export function invalidField(ctx: Ctx, field: string, code: string, key: string): DomainError {
  return new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field, code, message: message(key, ctx.lang) }] })
}

export async function unitPathOrInvalid(ctx: Ctx, trx: Executor, orgUnitId: string, field: string): Promise<string[]> {
  const unit = await findOrgUnit(trx, orgUnitId)
  if (unit === undefined) {
    throw invalidField(ctx, field, 'unknown_org_unit', 'faro.unknown_org_unit')
  }
  return unit.path
}

/**
 * Creates a staff account: a UserCreated action in the log (never the password), the account
 * projection, its credentials and the audit row, in one transaction. The demo's accounts, which
 * share one published password, pass its hash once made rather than spending a scrypt on each.
 */
export async function createUser(ctx: Ctx, input: CreateUserInput, opts: { demo?: boolean; passwordHash?: string } = {}): Promise<User> {
  const path = await unitPathOrInvalid(ctx, ctx.db.db, input.orgUnitId, 'orgUnitId')
  await authorize(ctx, 'user.manage', { orgUnitPath: path }, { type: 'user' })
  const passwordHash = opts.passwordHash ?? (await hashPassword(input.password))
  const id = newId()
  const now = ctx.clock.now().toISOString()
  try {
    return await inTransaction(ctx, async (trx) => {
      const { password: _secret, ...profile } = input
      await appendToLog(trx, ctx, { id: newId(), recordType: 'user', recordId: id, type: 'UserCreated', payload: profile, orgUnitId: input.orgUnitId })
      const row = { id, username: input.username, displayName: input.displayName, role: input.role, orgUnitId: input.orgUnitId, disabled: 0, demo: opts.demo ? 1 : 0, createdAt: now, email: input.email ?? null, expiresAt: null }
      await insertUser(trx, row)
      await upsertCredentials(trx, id, { passwordHash }, now)
      await audit(trx, ctx, { action: 'user.manage', recordType: 'user', recordId: id, decision: 'allowed' })
      return toUser(row, false)
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', message('faro.username_taken', ctx.lang), {
        reason: 'username_taken',
        issues: [{ field: 'username', code: 'taken', message: message('faro.username_taken', ctx.lang) }],
      })
    }
    throw error
  }
}

/** Changes an account's profile, role, unit or status; disabling it ends its sessions. */
export async function changeUser(ctx: Ctx, userId: string, input: UpdateUserInput): Promise<User> {
  const existing = await accountInReach(ctx, 'user.manage', userId)
  if (input.orgUnitId !== undefined) {
    await authorize(ctx, 'user.manage', { orgUnitPath: await unitPathOrInvalid(ctx, ctx.db.db, input.orgUnitId, 'orgUnitId') }, { type: 'user', id: userId })
  }
  return inTransaction(ctx, async (trx) => {
    // Under the log lock, so two administrators demoting each other cannot both pass the count.
    await lockLog(trx, ctx)
    const endsAdministrator = existing.role === 'administrator' && existing.disabled === 0 && ((input.role !== undefined && input.role !== 'administrator') || input.disabled === true)
    if (endsAdministrator && (await countActiveAdministrators(trx)) <= 1) {
      throw new DomainError('conflict', message('faro.last_administrator', ctx.lang), { reason: 'last_administrator' })
    }
    await appendToLog(trx, ctx, { id: newId(), recordType: 'user', recordId: userId, type: 'UserUpdated', payload: input, orgUnitId: input.orgUnitId ?? existing.orgUnitId })
    const change = {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.orgUnitId !== undefined ? { orgUnitId: input.orgUnitId } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
    }
    await updateUser(trx, userId, change)
    if (input.disabled === true || input.role !== undefined) {
      await deleteSessionsOfUser(trx, userId)
    }
    await audit(trx, ctx, { action: 'user.manage', recordType: 'user', recordId: userId, decision: 'allowed' })
    const updated = await findUserById(trx, userId)
    if (updated === undefined) {
      throw new Error('user vanished inside its own transaction')
    }
    return toUser(updated, false)
  })
}

/**
 * Another account, for an action on it: 403 for a role that may never take the action (before
 * any lookup, so it cannot probe account ids), and 404 alike for an unknown account and one
 * outside the actor's reach, so a narrower scope cannot map the accounts elsewhere. Refusals
 * are audited.
 */
async function accountInReach(ctx: Ctx, action: 'user.manage' | 'user.reset_second_factor', userId: string): Promise<UserRow> {
  await scopesOrRefuse(ctx, action, 'user')
  const existing = await findUserById(ctx.db.db, userId)
  const unit = existing === undefined ? undefined : await findOrgUnit(ctx.db.db, existing.orgUnitId)
  if (existing === undefined || unit === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  if (!decide(ctx.actor, action, { orgUnitPath: unit.path }).allowed) {
    await auditDenied(ctx, { action, recordType: 'user', recordId: userId })
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  return existing
}

/**
 * Clears another account's second factor (active and pending) and ends its sessions, so a lost
 * or stolen phone neither signs in nor stays signed in. The account then signs in with its
 * password alone and enrols a new authenticator. Refusals are audited; the secret never is.
 */
export async function resetSecondFactor(ctx: Ctx, userId: string): Promise<User> {
  const action = 'user.reset_second_factor'
  const existing = await accountInReach(ctx, action, userId)
  if (userId === ctx.actor.userId) {
    // Setup and enable replace the own factor without ever leaving the account without one;
    // this route would let a stolen session strip it.
    await auditDenied(ctx, { action, recordType: 'user', recordId: userId })
    throw new DomainError('forbidden', message('faro.totp_reset_own', ctx.lang), { reason: 'own_second_factor' })
  }
  return inTransaction(ctx, async (trx) => {
    if (((await findTotpColumns(trx, userId))?.totpSecret ?? null) === null) {
      throw new DomainError('conflict', message('faro.totp_not_enabled', ctx.lang), { reason: 'totp_not_enabled' })
    }
    await clearTotp(trx, userId, ctx.clock.now().toISOString())
    await deleteSessionsOfUser(trx, userId)
    await audit(trx, ctx, { action, recordType: 'user', recordId: userId, decision: 'allowed' })
    return toUser(existing, false)
  })
}

/**
 * Sets a new password (already checked by the caller) and ends every session and API token of
 * the account: a password changed because it leaked must take with it whatever was opened with it.
 */
export async function setPassword(ctx: Ctx, userId: string, password: string, action: 'auth.password' | 'user.password_reset' = 'auth.password'): Promise<void> {
  const passwordHash = await hashPassword(password)
  await inTransaction(ctx, async (trx) => {
    await upsertCredentials(trx, userId, { passwordHash }, ctx.clock.now().toISOString())
    await deleteSessionsOfUser(trx, userId)
    await revokeApiTokensOfUser(trx, userId, ctx.clock.now().toISOString())
    await audit(trx, ctx, { action, recordType: 'user', recordId: userId, decision: 'allowed' })
  })
}

/**
 * Sets a new password for another account in reach (its owner forgot it), ending its sessions
 * and tokens like any password change. The own password is changed with the current one instead.
 */
export async function resetPassword(ctx: Ctx, userId: string, password: string): Promise<void> {
  await accountInReach(ctx, 'user.manage', userId)
  if (userId === ctx.actor.userId) {
    await auditDenied(ctx, { action: 'user.password_reset', recordType: 'user', recordId: userId })
    throw new DomainError('forbidden', message('faro.password_reset_own', ctx.lang), { reason: 'own_password' })
  }
  await setPassword(ctx, userId, password, 'user.password_reset')
}

/** Adds an org unit under an existing parent (or a new root), through the log. */
export async function createOrgUnit(ctx: Ctx, input: CreateOrgUnitInput, opts: { demo?: boolean } = {}): Promise<OrgUnit> {
  const parentPath = input.parentId === null ? [] : await unitPathOrInvalid(ctx, ctx.db.db, input.parentId, 'parentId')
  await authorize(ctx, 'org_unit.manage', { orgUnitPath: parentPath.length > 0 ? parentPath : [input.id] }, { type: 'org_unit', id: input.id })
  const unit: OrgUnit = { ...input, path: [...parentPath, input.id], demo: opts.demo ?? false }
  try {
    await inTransaction(ctx, async (trx) => {
      await appendToLog(trx, ctx, { id: newId(), recordType: 'org_unit', recordId: input.id, type: 'OrgUnitCreated', payload: input, orgUnitId: input.id })
      await insertOrgUnit(trx, unit, ctx.clock.now().toISOString())
      await audit(trx, ctx, { action: 'org_unit.manage', recordType: 'org_unit', recordId: input.id, decision: 'allowed' })
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', message('faro.org_unit_exists', ctx.lang), { reason: 'org_unit_exists' })
    }
    throw error
  }
  return unit
}
