import type { MockClock } from './types.ts'

export interface RateDecision {
  allowed: boolean
  limit: number
  /** requests left in the current window after this one (0 when refused) */
  remaining: number
}

export interface RateLimiter {
  take(team: string): RateDecision
  /** the team's current window, without counting a request */
  peek(team: string): RateDecision
  reset(): void
}

/**
 * Loops' per-team limit as a fixed window: `limit` requests per `windowMs`, windows aligned on the clock
 * (`floor(now / windowMs)`), so two requests in one second count down 9, 8 as the real API does.
 */
export function createRateLimiter(options: { limit: number; clock: MockClock; windowMs?: number }): RateLimiter {
  const { limit, clock } = options
  const windowMs = options.windowMs ?? 1000
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`\`limit\` must be an integer ≥ 1, got ${String(limit)}`)
  const windows = new Map<string, { window: number; count: number }>()
  return {
    take(team) {
      const window = Math.floor(clock.now() / windowMs)
      let state = windows.get(team)
      if (!state || state.window !== window) {
        state = { window, count: 0 }
        windows.set(team, state)
      }
      if (state.count >= limit) return { allowed: false, limit, remaining: 0 }
      state.count++
      return { allowed: true, limit, remaining: limit - state.count }
    },
    peek(team) {
      const state = windows.get(team)
      const used = state && state.window === Math.floor(clock.now() / windowMs) ? state.count : 0
      return { allowed: used < limit, limit, remaining: Math.max(0, limit - used) }
    },
    reset: () => windows.clear(),
  }
}
