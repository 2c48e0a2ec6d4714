/**
 * Time, injected. The core never reads the wall clock or sets a timer itself: hosts pass a clock (the command
 * line and the playground share `src/host/wall-clock.ts`), and tests pass a fake one whose `sleep` resolves at once
 * while advancing virtual time, so rate limits and backoff are tested without waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /**
   * Resolves after `ms` milliseconds. Rejects with `signal.reason` as soon as `signal` aborts (at once when it is
   * already aborted), and then releases the timer.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}
