import type { MockClock } from './types.ts'

export interface VirtualClock extends MockClock {
  advance(ms: number): void
  offset(): number
}

/** The mock's clock: the base clock plus an offset that `advance` moves forward (never back). */
export function createVirtualClock(base: MockClock = { now: () => Date.now() }): VirtualClock {
  let offset = 0
  return {
    now: () => base.now() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`\`ms\` must be a finite number ≥ 0, got ${String(ms)}`)
      offset += ms
    },
    offset: () => offset,
  }
}
