import { LoopsRequestError } from './loops-request-error.ts'
import type { MockState } from './mock-state.ts'
import type { Reply } from './reply.ts'

/**
 * Runs `fn` (under the state lock) as the one use of `key`: a key that succeeded in the last 24 hours, or is in
 * use by a concurrent request, is a 409; the key is recorded only when `fn` answers 2xx.
 */
export function withIdempotency(
  state: MockState,
  scope: string,
  key: string | undefined,
  bodyText: string,
  fn: () => Promise<Reply>,
): Promise<Reply> {
  return state.lock.run(async () => {
    if (key === undefined) return fn()
    const reservation = state.idempotency.reserve(scope, key, bodyText)
    if (!reservation.ok)
      throw new LoopsRequestError(
        409,
        reservation.sameBody ? 'Idempotency key already used.' : 'Idempotency key already used with a different request body.',
      )
    try {
      const reply = await fn()
      if (reply.status >= 200 && reply.status < 300) reservation.commit()
      else reservation.release()
      return reply
    } catch (error) {
      reservation.release()
      throw error
    }
  })
}
