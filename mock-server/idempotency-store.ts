import { stableHash } from '../src/core/index.ts'
import type { MockClock } from './types.ts'

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000
/** Loops' limit for an Idempotency-Key (the core's constant). */
export { IDEMPOTENCY_KEY_MAX } from '../src/core/index.ts'

export type Reservation =
  | { ok: true; commit(): void; release(): void }
  | { ok: false; sameBody: boolean }

export interface IdempotencyStore {
  /**
   * Claims `key` within `scope` (team and endpoint) for a request with `body`. Refused when the key succeeded in
   * the last 24 hours or another request holds it right now. The claim becomes a use only on `commit()`; a request
   * that fails calls `release()` and the key stays free.
   */
  reserve(scope: string, key: string, body: string): Reservation
  /** how many keys are remembered (the last 24 hours' successful ones) */
  readonly size: number
  reset(): void
}

/** The store keeps a hash of the body (the core's `stableHash`), not the body, for its 24 hours. */
const hashOf = (text: string): string => stableHash(text)

/**
 * Keys that succeeded are kept in commit order (a Map keeps insertion order, and a re-used key is moved to the
 * end), so expiry only looks at the oldest entries: each commit drops the expired ones from the front and stops at
 * the first live one. No commit walks the whole map, and the store holds only the keys of the last 24 hours.
 */
export function createIdempotencyStore(clock: MockClock, windowMs = IDEMPOTENCY_WINDOW_MS): IdempotencyStore {
  const used = new Map<string, { at: number; body: string }>()
  const pending = new Map<string, string>()
  const expire = (now: number): void => {
    for (const [id, entry] of used) {
      if (now - entry.at < windowMs) return
      used.delete(id)
    }
  }
  return {
    reserve(scope, key, text) {
      const body = hashOf(text)
      const id = `${scope}\u0000${key}`
      const now = clock.now()
      const previous = used.get(id)
      if (previous && now - previous.at < windowMs) return { ok: false, sameBody: previous.body === body }
      const held = pending.get(id)
      if (held !== undefined) return { ok: false, sameBody: held === body }
      pending.set(id, body)
      let settled = false
      return {
        ok: true,
        commit() {
          if (settled) return
          settled = true
          pending.delete(id)
          const at = clock.now()
          used.delete(id)
          used.set(id, { at, body })
          expire(at)
        },
        release() {
          if (settled) return
          settled = true
          pending.delete(id)
        },
      }
    },
    get size() {
      return used.size
    },
    reset() {
      used.clear()
      pending.clear()
    },
  }
}
