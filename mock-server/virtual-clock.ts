import type { MockClock } from './types.ts'

export interface VirtualClock extends MockClock {
  advance(ms: number): void
  offset(): number
}

/** The largest epoch ms a JavaScript Date can hold. */
const MAX_DATE_MS = 8.64e15

/**
 * The mock's clock: the base clock plus an offset that `advance` moves forward (never back). A base clock that can
 * advance itself is advanced instead, and the offset stays 0: time is then shared with whoever else reads that clock.
 */
export function createVirtualClock(base: MockClock = { now: () => Date.now() }): VirtualClock {
  let offset = 0
  return {
    now: () => base.now() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`\`ms\` must be a finite number ≥ 0, got ${String(ms)}`)
      // checked before moving: a clock past the last representable date (year 275760) would break every answer
      if (base.now() + offset + ms > MAX_DATE_MS) throw new TypeError(`\`ms\` would move the clock past the last date JavaScript can represent; advance by less than ${MAX_DATE_MS - base.now() - offset}`)
      if (base.advance) base.advance(ms)
      else offset += ms
    },
    offset: () => offset,
  }
}
