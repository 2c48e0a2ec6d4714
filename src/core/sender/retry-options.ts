/** How the sender retries 429, 5xx, 408 and network errors. */
export interface RetryOptions {
  /**
   * Attempts per event, the first one included.
   * @default 6
   */
  maxAttempts: number
  /**
   * The backoff base in ms: before retry n (1, 2, …) the sender waits `random() * min(maxDelay, baseDelay * 2^(n-1))`
   * (full jitter).
   * @default 500
   */
  baseDelay: number
  /**
   * The backoff cap in ms.
   * @default 30_000
   */
  maxDelay: number
  /**
   * The longest `Retry-After` (ms) the sender honours. Loops asking for longer fails the event rather than
   * stalling the queue.
   * @default 60_000
   */
  maxRetryAfter: number
  /**
   * Attempts an event makes when the target refuses the connection (`ECONNREFUSED`: nothing listens at that
   * address, e.g. a mock or proxy that is not running). When an event has used them, the run stops sending: that
   * event fails `retries-exhausted`, every event not yet answered ends `not-sent`. Browsers do not tell a refused
   * connection from other network errors, so there `maxAttempts` applies.
   * @default 3
   */
  refusedAttempts: number
}

export const defaultRetryOptions: RetryOptions = { maxAttempts: 6, baseDelay: 500, maxDelay: 30_000, maxRetryAfter: 60_000, refusedAttempts: 3 }
