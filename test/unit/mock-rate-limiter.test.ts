import { expect, it } from 'vitest'
import { createRateLimiter } from '../../mock-server/rate-limiter.ts'

const manualClock = (start = 1_000_000) => {
  let now = start
  return { now: () => now, set: (ms: number) => void (now = ms) }
}

it('counts remaining down within a one-second window and refuses past the limit', () => {
  const limiter = createRateLimiter({ limit: 3, clock: manualClock() })
  expect([1, 2, 3, 4].map(() => limiter.take('Acme'))).toEqual([
    { allowed: true, limit: 3, remaining: 2 },
    { allowed: true, limit: 3, remaining: 1 },
    { allowed: true, limit: 3, remaining: 0 },
    { allowed: false, limit: 3, remaining: 0 },
  ])
})

it('starts a fresh window when the clock crosses a second boundary, not one second after the first request', () => {
  const clock = manualClock(5_900)
  const limiter = createRateLimiter({ limit: 2, clock })
  limiter.take('Acme')
  limiter.take('Acme')
  expect(limiter.take('Acme').allowed).toBe(false)
  clock.set(6_000)
  expect(limiter.take('Acme')).toEqual({ allowed: true, limit: 2, remaining: 1 })
})

it('keeps a separate window per team', () => {
  const limiter = createRateLimiter({ limit: 1, clock: manualClock() })
  expect(limiter.take('Acme').allowed).toBe(true)
  expect(limiter.take('Acme').allowed).toBe(false)
  expect(limiter.take('Globex').allowed).toBe(true)
})

it('forgets every window on reset', () => {
  const limiter = createRateLimiter({ limit: 1, clock: manualClock() })
  limiter.take('Acme')
  limiter.reset()
  expect(limiter.take('Acme').allowed).toBe(true)
})

it('throws a TypeError naming `limit` for a limit that is not a positive integer', () => {
  expect(() => createRateLimiter({ limit: 0, clock: manualClock() })).toThrow(/`limit`/)
  expect(() => createRateLimiter({ limit: 2.5, clock: manualClock() })).toThrow(TypeError)
})

it('peeks at the current window without counting a request', () => {
  const limiter = createRateLimiter({ limit: 2, clock: manualClock() })
  limiter.take('Acme')
  expect(limiter.peek('Acme')).toEqual({ allowed: true, limit: 2, remaining: 1 })
  expect(limiter.peek('Acme')).toEqual({ allowed: true, limit: 2, remaining: 1 })
  expect(limiter.peek('Globex')).toEqual({ allowed: true, limit: 2, remaining: 2 })
})
