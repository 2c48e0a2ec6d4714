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
}

export const defaultRetryOptions: RetryOptions = { maxAttempts: 6, baseDelay: 500, maxDelay: 30_000, maxRetryAfter: 60_000 }
