import { z } from 'zod'
import { Role } from './roles.ts'
import { RecordId } from '../util/ids.ts'

/** Shared limits, so the form and the API agree. */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 200

export const Username = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'faro.username_chars' })
  .describe('login name; never a person\'s real name in demo data')

export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH)

/** Body of POST /api/auth/login. */
export const LoginInput = z.strictObject({
  username: Username,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  totp: z.string().regex(/^\d{6}$/).optional().describe('six-digit code, when the account has a second factor'),
})
export type LoginInput = z.infer<typeof LoginInput>

/** Body of POST /api/users. */
export const CreateUserInput = z.strictObject({
  username: Username,
  displayName: z.string().min(1).max(120).describe('how the account is shown to colleagues'),
  role: Role,
  orgUnitId: RecordId,
  password: Password,
  email: z.email().max(200).optional().describe('work address Faro writes to about new cases, reminders and escalations'),
}).meta({ examples: [{ username: 'agente.ejemplo', displayName: 'Agente de ejemplo', role: 'field_agent', orgUnitId: 'beta-tijuana', password: 'una contraseña larga de ejemplo' }] })
export type CreateUserInput = z.infer<typeof CreateUserInput>

/** Body of PATCH /api/users/:id. */
export const UpdateUserInput = z.strictObject({
  displayName: z.string().min(1).max(120).optional(),
  role: Role.optional(),
  orgUnitId: RecordId.optional(),
  disabled: z.boolean().optional(),
  email: z.email().max(200).nullable().optional().describe('null removes it'),
}).refine((change) => Object.values(change).some((v) => v !== undefined), { message: 'faro.nothing_to_change' })
export type UpdateUserInput = z.infer<typeof UpdateUserInput>

/** Body of POST /api/auth/password. */
/** The first sign-in of an account made in bulk: its one-time code and the password its owner chooses. */
export const ActivateInput = z.strictObject({
  username: z.string().min(1).max(64),
  code: z.string().min(1).max(40).describe('the one-time code handed over with the account'),
  password: Password,
})
export type ActivateInput = z.infer<typeof ActivateInput>

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: Password,
})

/**
 * Body of POST /api/auth/totp/setup: the password, and the current code when a second factor is
 * already on, so a session left open on a shared computer cannot replace the factor.
 */
export const StartTotpInput = z.strictObject({
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  code: z.string().regex(/^\d{6}$/).optional().describe('a code of the current authenticator; needed when the second factor is on'),
})
export type StartTotpInput = z.infer<typeof StartTotpInput>

/**
 * Body of POST /api/users/:id/password: a new password an administrator sets for another
 * account (a forgotten one), to be changed by its owner under «My account».
 */
export const ResetPasswordInput = z.strictObject({
  newPassword: Password,
})
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>

/** Body of POST /api/auth/totp/enable. */
export const EnableTotpInput = z.strictObject({
  code: z.string().regex(/^\d{6}$/),
})

/** Body of POST /api/tokens. */
export const CreateTokenInput = z.strictObject({
  name: z.string().min(1).max(80).describe('what the partner system is'),
  expiresInDays: z.number().int().min(1).max(366).optional(),
})

/** A staff account as the API shows it: never a password hash or a second-factor secret. */
export const User = z.object({
  id: z.string(),
  username: Username,
  displayName: z.string(),
  role: Role,
  orgUnitId: z.string(),
  disabled: z.boolean(),
  email: z.string().nullable(),
  totpEnabled: z.boolean(),
  createdAt: z.string(),
})
export type User = z.infer<typeof User>
