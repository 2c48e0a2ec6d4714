import { describe, expect, it } from 'vitest'
import { defaultRetryOptions, parseRetryAfter, retryDelay } from '../../src/core/index.ts'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)

describe('retry delay', () => {
  it('doubles the backoff ceiling on each retry and caps it at maxDelay', () => {
    const almostOne = (): number => 0.999999
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8].map((retry) => retryDelay(retry, { baseDelay: 500, maxDelay: 30_000 }, almostOne))
    expect(ceilings).toEqual([499, 999, 1999, 3999, 7999, 15_999, 29_999, 29_999])
  })

  it('spreads each delay over the whole range from 0 to the ceiling (full jitter)', () => {
    const options = { baseDelay: 500, maxDelay: 30_000 }
    expect(retryDelay(3, options, () => 0)).toBe(0)
    expect(retryDelay(3, options, () => 0.25)).toBe(500)
    expect(retryDelay(3, options, () => 0.5)).toBe(1000)
  })

  it('never waits less than Retry-After, and keeps a longer backoff', () => {
    const options = { baseDelay: 500, maxDelay: 30_000 }
    expect(retryDelay(1, options, () => 0, 2000)).toBe(2000)
    expect(retryDelay(6, options, () => 0.5, 2000)).toBe(8000)
  })

  it('defaults to 6 attempts, a 500 ms base, a 30 s cap, a 60 s Retry-After limit and 3 tries against a refusing target', () => {
    expect(defaultRetryOptions).toEqual({ maxAttempts: 6, baseDelay: 500, maxDelay: 30_000, maxRetryAfter: 60_000, refusedAttempts: 3 })
  })

  it('reads Retry-After given in seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('1.5', now)).toBe(1500)
  })

  it('reads Retry-After given as an HTTP date, relative to the clock', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:03 GMT', now)).toBe(3000)
    expect(parseRetryAfter(new Date(now + 45_000).toUTCString(), now)).toBe(45_000)
  })

  it('reads an HTTP date in the past as no wait', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:59:00 GMT', now)).toBe(0)
  })

  it('ignores a missing or unreadable Retry-After', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-3', now)).toBeUndefined()
  })
})
