import type { LoopsError } from './errors/loops-error.ts'

/**
 * Why an event failed:
 * - `invalid`: the mapper marked it invalid, or its request cannot be built (e.g. a header value fetch refuses); it
 *   was not sent.
 * - `rejected`: Loops answered 400 (or another 4xx); not retried.
 * - `api-key`: Loops answered 401/403 to this event's request.
 * - `not-sent`: never sent because the key was rejected earlier in the run.
 * - `retries-exhausted`: 429, 5xx or network errors on every attempt.
 * - `unsafe-retry`: a POST without an `Idempotency-Key` got no clear answer; retrying it could deliver twice.
 * - `cancelled`: the send was aborted before the event had an answer.
 * - `internal`: a bug in the sender; the outcome is still recorded.
 */
export type FailureCode = 'invalid' | 'rejected' | 'api-key' | 'not-sent' | 'retries-exhausted' | 'unsafe-retry' | 'cancelled' | 'internal'

/**
 * The one recorded end of an event. `delivered`: Loops accepted it (also when a retry got 409 after an earlier
 * attempt of this run had no clear answer: that attempt reached Loops). `duplicate`: Loops answered 409 because
 * the idempotency key was already used (delivered before this run): not a failure. `skipped`: the mapper dropped
 * it (its reason). `failed`: see `code` and `reason`.
 */
export type SendOutcome =
  | { status: 'delivered'; attempts: number; httpStatus: number; confirmedByIdempotency?: true }
  | { status: 'duplicate'; attempts: number; httpStatus: number; reason: string }
  | { status: 'skipped'; attempts: 0; reason: string }
  | { status: 'failed'; attempts: number; code: FailureCode; reason: string; httpStatus?: number; error?: LoopsError }

export type SendStatus = SendOutcome['status']
