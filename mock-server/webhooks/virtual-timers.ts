import type { VirtualClock } from '../virtual-clock.ts'

export interface VirtualTimers {
  /** runs `fn` once the mock's clock reaches `time` (epoch ms); returns a cancel function */
  at(time: number, fn: () => void): () => void
  /** runs every timer that is due now, in time order (call after the clock moves) */
  check(): void
  /** cancels every timer */
  clear(): void
}

interface Timer {
  time: number
  seq: number
  fn: () => void
}

/**
 * Timers on the mock's virtual clock: a timer fires when `check()` runs at or after its time, so advancing the
 * clock (`Mock.advance`, `POST /_mock/clock/advance`) fires every timer it passes. With `realTime` (the mock runs on
 * the wall clock) one real timer also wakes the earliest timer when its moment comes; it is unref'd in Node, so a
 * pending retry never keeps a process alive.
 */
export function createVirtualTimers(clock: VirtualClock, realTime: boolean): VirtualTimers {
  const timers: Timer[] = []
  let seq = 0
  let real: ReturnType<typeof setTimeout> | undefined
  let realAt = Infinity

  const arm = (): void => {
    if (!realTime) return
    const next = timers[0]?.time ?? Infinity
    if (next === realAt) return
    if (real !== undefined) clearTimeout(real)
    real = undefined
    realAt = next
    if (next === Infinity) return
    real = setTimeout(() => {
      real = undefined
      realAt = Infinity
      check()
    }, Math.min(Math.max(next - clock.now(), 0), 2 ** 31 - 1))
    ;(real as { unref?: () => void }).unref?.()
  }

  const check = (): void => {
    const now = clock.now()
    while (timers.length > 0 && (timers[0]?.time ?? Infinity) <= now) timers.shift()?.fn()
    arm()
  }

  return {
    at(time, fn) {
      const timer = { time, seq: ++seq, fn }
      let i = timers.length
      while (i > 0 && (timers[i - 1]?.time ?? 0) > time) i--
      timers.splice(i, 0, timer)
      arm()
      return () => {
        const index = timers.indexOf(timer)
        if (index >= 0) timers.splice(index, 1)
      }
    },
    check,
    clear() {
      timers.length = 0
      arm()
    },
  }
}
