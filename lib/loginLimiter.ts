import { pbkdf2 } from 'node:crypto'
import { promisify } from 'node:util'

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

// Sign-in protection by address, so that a stranger can neither guess passwords quickly nor
// lock staff out. Limits count per client address (never per account alone: a per-account
// lock is something anyone who knows an e-mail address can trigger):
// - an address gets LOGIN_LIMITS.perAddress failed attempts in a window, whatever the accounts
//   (every attempt is counted when it starts, so a burst cannot overtake the count, and given
//   back when it succeeds);
// - an address + e-mail pair gets LOGIN_LIMITS.perAccount consecutive failures, reset by a
//   successful sign-in.
// Forgot-password requests are limited per address the same way. Counters live in memory:
// one server process per site (README), and a restart only gives an attacker a fresh window.

export const LOGIN_LIMITS = {
  perAddress: 20,
  perAccount: 5,
  forgotPassword: 5,
  windowSeconds: 15 * 60,
} as const

const perAddress = new RateLimiterMemory({
  keyPrefix: 'login-address',
  points: LOGIN_LIMITS.perAddress,
  duration: LOGIN_LIMITS.windowSeconds,
})
const perAccount = new RateLimiterMemory({
  keyPrefix: 'login-account',
  points: LOGIN_LIMITS.perAccount,
  duration: LOGIN_LIMITS.windowSeconds,
})
const forgot = new RateLimiterMemory({
  keyPrefix: 'forgot-password',
  points: LOGIN_LIMITS.forgotPassword,
  duration: LOGIN_LIMITS.windowSeconds,
})

export const LOGIN_LIMIT_MESSAGE =
  'ログインの試行回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。'
export const FORGOT_LIMIT_MESSAGE =
  'パスワード再設定の申請が多すぎます。しばらく時間をおいてから、もう一度お試しください。'

const accountKey = (address: string, email: unknown) =>
  `${address}|${String(email ?? '')
    .trim()
    .toLowerCase()
    .slice(0, 320)}`

/** Seconds until the caller may try again, or 0 when this attempt may go ahead (and is counted). */
async function consume(limiter: RateLimiterMemory, key: string): Promise<number> {
  try {
    await limiter.consume(key)
    return 0
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.ceil(rejection.msBeforeNext / 1000)
    throw rejection
  }
}

/** Counts a sign-in attempt; returns the seconds to wait when it is over a limit. */
export async function takeLoginAttempt(address: string, email: unknown): Promise<number> {
  const waitAccount = await consume(perAccount, accountKey(address, email))
  if (waitAccount) return waitAccount
  return consume(perAddress, address)
}

/** A successful sign-in clears the account's consecutive failures and gives the attempt back. */
export async function loginSucceeded(address: string, email: unknown): Promise<void> {
  await perAccount.delete(accountKey(address, email))
  await perAddress.reward(address, 1)
}

/** Counts a forgot-password request; returns the seconds to wait when it is over the limit. */
export const takeForgotPasswordAttempt = (address: string) => consume(forgot, address)

const hash = promisify(pbkdf2)

/**
 * The work Payload 3.90 does to check a password (pbkdf2-sha256, 600,000 rounds, 32 bytes:
 * payload/dist/auth/strategies/local/generatePasswordSaltHash.js), done for an e-mail that has
 * no account, so that a sign-in takes as long whether or not the account exists.
 */
export const hashLikeAPasswordCheck = (password: unknown) =>
  hash(String(password ?? ''), 'no-such-account', 600_000, 32, 'sha256')
