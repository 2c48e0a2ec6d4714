import type { Clock } from '../../src/core/index.ts'

/** A virtual clock for sender tests: `sleep` never waits for real time. */
export interface FakeClock extends Clock {
  /** Every `sleep` ever started, in order (the scheduled delays). */
  readonly sleeps: number[]
}

interface Timer {
  at: number
  seq: number
  resolve(): void
}

/**
 * A discrete-event clock. `sleep(ms)` registers a timer at `now + ms`; once the program is idle (a few
 * macrotask turns with nothing else to do) the earliest timer fires and `now` jumps to its time. Sleeps resolve
 * at once in real time, in deadline order, so concurrent sleeps overlap as they would on a real clock.
 */
export function createFakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let now = start
  let seq = 0
  let scheduled = false
  const timers: Timer[] = []
  const sleeps: number[] = []

  const idleTurns = (turns: number): Promise<void> =>
    turns === 0 ? Promise.resolve() : new Promise((resolve) => setImmediate(() => void idleTurns(turns - 1).then(resolve)))

  const schedule = (): void => {
    if (scheduled) return
    scheduled = true
    void idleTurns(5).then(() => {
      scheduled = false
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const timer = timers.shift()
      if (!timer) return
      now = Math.max(now, timer.at)
      timer.resolve()
      if (timers.length > 0) schedule()
    })
  }

  return {
    sleeps,
    now: () => now,
    sleep(ms, signal) {
      sleeps.push(ms)
      if (signal?.aborted) return Promise.reject(signal.reason)
      return new Promise<void>((resolve, reject) => {
        const timer: Timer = {
          at: now + Math.max(0, ms),
          seq: seq++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort)
            resolve()
          },
        }
        const onAbort = (): void => {
          const i = timers.indexOf(timer)
          if (i >= 0) timers.splice(i, 1)
          reject(signal?.reason)
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        timers.push(timer)
        schedule()
      })
    },
  }
}
