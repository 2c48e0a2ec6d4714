import type { Clock } from '../../core/index.ts'

/** A clock that stands still until `advance` moves it. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms` (finite, ≥ 0) and wakes every sleep then due, earliest first. */
  advance(ms: number): void
}

interface Timer {
  at: number
  seq: number
  wake(): void
}

/**
 * A virtual clock for the sender (and, shared with it, the mock): `sleep` resolves only when `advance` carries the
 * time past its end, so rate spacing, backoff and Retry-After take no real time. A sleep already due (0 ms or
 * less) resolves at once.
 */
export function createManualClock(start: number): ManualClock {
  let now = start
  let seq = 0
  const timers: Timer[] = []

  return {
    now: () => now,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason)
      if (!(ms > 0)) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          const i = timers.indexOf(timer)
          if (i >= 0) timers.splice(i, 1)
          reject(signal?.reason)
        }
        const timer: Timer = {
          at: now + ms,
          seq: seq++,
          wake: () => {
            signal?.removeEventListener('abort', onAbort)
            resolve()
          },
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        timers.push(timer)
      })
    },
    advance(ms) {
      if (!(Number.isFinite(ms) && ms >= 0)) throw new TypeError(`\`ms\` must be a finite number ≥ 0, got ${String(ms)}`)
      now += ms
      const due = timers.filter((t) => t.at <= now).toSorted((a, b) => a.at - b.at || a.seq - b.seq)
      for (const timer of due) {
        timers.splice(timers.indexOf(timer), 1)
        timer.wake()
      }
    },
  }
}
