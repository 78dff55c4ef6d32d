import type { CollectionAfterOperationHook, CollectionBeforeOperationHook } from 'payload'

import { clientAddress } from '@/lib/clientAddress'
import {
  FORGOT_LIMIT_MESSAGE,
  hashLikeAPasswordCheck,
  LOGIN_LIMIT_MESSAGE,
  loginSucceeded,
  takeForgotPasswordAttempt,
  takeLoginAttempt,
} from '@/lib/loginLimiter'
import { PublicError } from '@/lib/publicError'

const emailOf = (args: unknown) => (args as { data?: { email?: unknown } }).data?.email
const passwordOf = (args: unknown) => (args as { data?: { password?: unknown } }).data?.password

/**
 * Sign-in and forgot-password through every API count against the caller's address
 * (lib/loginLimiter.ts) and are refused with 429 over the limit. A sign-in for an e-mail with
 * no account does the same password work as one for a real account, so timing does not tell
 * which staff addresses exist.
 */
export const limitSignIn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  if (req.payloadAPI === 'local') return args
  const address = clientAddress(req.headers)
  if (operation === 'forgotPassword') {
    if (await takeForgotPasswordAttempt(address)) throw new PublicError(FORGOT_LIMIT_MESSAGE, 429)
    return args
  }
  const email = emailOf(args)
  if (await takeLoginAttempt(address, email)) throw new PublicError(LOGIN_LIMIT_MESSAGE, 429)
  const known =
    typeof email === 'string' && email.length <= 320
      ? await req.payload.count({
          collection: 'users',
          where: { email: { equals: email.trim().toLowerCase() } },
          overrideAccess: true,
          req,
        })
      : { totalDocs: 0 }
  if (known.totalDocs === 0) await hashLikeAPasswordCheck(passwordOf(args))
  return args
}

/** A successful sign-in clears that account's failures from the caller's address. */
export const clearSignInFailures: CollectionAfterOperationHook = async ({
  args,
  operation,
  req,
  result,
}) => {
  if (operation === 'login' && result && req.payloadAPI !== 'local') {
    await loginSucceeded(clientAddress(req.headers), emailOf(args))
  }
  return result
}
