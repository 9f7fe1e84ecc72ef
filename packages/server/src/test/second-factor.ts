import * as OTPAuth from 'otpauth'
import { call, signIn, TEST_PASSWORD, type Session, type TestEnv } from './harness.ts'

/**
 * Turns on the second factor of an account through the API, as its owner would, and returns the
 * secret with the session that enrolled it.
 */
export async function enrolSecondFactor(env: TestEnv, username: string): Promise<{ secret: string; session: Session }> {
  const session = await signIn(env, username)
  const setup = await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: TEST_PASSWORD } })
  if (setup.status !== 200) {
    throw new Error(`second-factor setup of ${username} failed: ${setup.status}`)
  }
  const { secret } = (await setup.json()) as { secret: string }
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: env.clock.now().getTime() })
  const enable = await call(env, 'POST', '/api/auth/totp/enable', { as: session, body: { code } })
  if (enable.status !== 204) {
    throw new Error(`second-factor enable of ${username} failed: ${enable.status}`)
  }
  return { secret, session }
}
