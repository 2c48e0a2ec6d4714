import type { Clock } from './clock.ts'

export interface RateLimiterOptions {
  clock: Clock
  /**
   * Requests per `interval`. Loops allows 10 requests per second per team.
   * @default 10
   */
  limit?: number
  /**
   * The window in ms.
   * @default 1000
   */
  interval?: number
  /**
   * Headroom kept below `limit`, as a fraction: requests are spaced `interval / (limit * (1 - margin))` ms apart,
   * so a fixed-window server still sees at most `limit` in any window when network jitter moves a request by up
   * to `interval * margin / (1 - margin)` ms (31 ms at the default).
   * @default 0.03
   */
  margin?: number
}

/**
 * A token bucket of capacity 1 (even spacing, no bursts) with a FIFO queue of waiters. On schedule, `limit`
 * releases span `interval / (1 - margin)` ms. Releases are also held to at most `limit` in any sliding window of
 * `interval / (1 - margin / 2)` ms (by the injected clock), so timer lateness followed by a catch-up eats at most
 * half the margin, and small lateness does not pile up: no window of `interval` — sliding, hence fixed — ever sees
 * more than `limit` requests, with at least half the margin's worth of network jitter to spare.
 */
export interface RateLimiter {
  /** Resolves when the caller may start one request. Rejects with `signal.reason` if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void>
  /** Holds every release for `ms` from now (after a 429, or when `x-ratelimit-remaining` reaches 0). */
  pause(ms: number): void
  /** Lowers the limit (e.g. to the server's `x-ratelimit-limit`); never raises it above the configured one. */
  lowerLimit(limit: number): void
  /** Requests waiting for a release. */
  readonly queueSize: number
  /** How many requests were released at or after `since` (epoch ms; history covers two intervals). */
  releasedSince(since: number): number
  /** The current limit per interval. */
  readonly limit: number
  readonly interval: number
}

interface Waiter {
  resolve(): void
  reject(reason: unknown): void
  signal: AbortSignal | undefined
  onAbort: (() => void) | undefined
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { clock, interval = 1000, margin = 0.03 } = options
  let limit = options.limit ?? 10
  if (!(Number.isFinite(limit) && limit > 0)) throw new TypeError(`Expected \`limit\` to be a number above 0, got ${limit}`)
  if (!(Number.isFinite(interval) && interval > 0)) throw new TypeError(`Expected \`interval\` to be a number above 0, got ${interval}`)
  if (!(margin >= 0 && margin < 1)) throw new TypeError(`Expected \`margin\` to be a fraction in [0, 1), got ${margin}`)

  const queue: Waiter[] = []
  const released: number[] = [] // release times of the last two windows, oldest first
  const window = interval / (1 - margin / 2)
  let spacing = interval / (limit * (1 - margin))
  let nextSlot = -Infinity
  let blockedUntil = -Infinity
  let pumping = false
  let wake: AbortController | undefined

  const earliestRelease = (): number => {
    const full = released.length >= Math.floor(limit) ? (released[released.length - Math.floor(limit)] ?? -Infinity) + window : -Infinity
    return Math.max(nextSlot, blockedUntil, full)
  }

  const pump = async (): Promise<void> => {
    pumping = true
    try {
      while (queue.length > 0) {
        const now = clock.now()
        const at = earliestRelease()
        if (now < at) {
          wake = new AbortController()
          await clock.sleep(at - now, wake.signal).catch(() => undefined)
          continue
        }
        const waiter = queue.shift()
        if (!waiter) break
        // Keep the schedule absolute while the release is late by less than a slot (timer lateness does not
        // slow the rate); after an idle gap, start afresh from now.
        nextSlot = (now - at < spacing ? at : now) + spacing
        released.push(now)
        while (released.length > Math.floor(limit) && (released[0] ?? 0) <= now - 2 * window) released.shift()
        if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort)
        waiter.resolve()
      }
    } finally {
      pumping = false
      wake = undefined
    }
  }

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason)
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal, onAbort: undefined }
        if (signal) {
          waiter.onAbort = () => {
            const i = queue.indexOf(waiter)
            if (i >= 0) queue.splice(i, 1)
            if (queue.length === 0) wake?.abort()
            reject(signal.reason)
          }
          signal.addEventListener('abort', waiter.onAbort, { once: true })
        }
        queue.push(waiter)
        if (!pumping) void pump()
      })
    },
    pause(ms) {
      blockedUntil = Math.max(blockedUntil, clock.now() + ms)
    },
    lowerLimit(next) {
      if (!(Number.isFinite(next) && next > 0) || next >= limit) return
      limit = next
      spacing = interval / (limit * (1 - margin))
    },
    get queueSize() {
      return queue.length
    },
    releasedSince(since) {
      let count = 0
      for (let i = released.length - 1; i >= 0 && (released[i] ?? -Infinity) >= since; i--) count++
      return count
    },
    get limit() {
      return limit
    },
    interval,
  }
}
