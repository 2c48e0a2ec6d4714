import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../src/core/index.ts'
import { createFakeClock, type FakeClock } from './sender-fake-clock.ts'

/** The most releases in any half-open window of `width` ms (sliding: every window that starts at a release). */
function busiestWindow(times: number[], width: number): number {
  let most = 0
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] ?? Infinity) < (times[i] ?? 0) + width) j++
    most = Math.max(most, j - i)
  }
  return most
}

/** Acquires `count` times at the given virtual offsets (all at once when omitted); returns the release times. */
async function releases(clock: FakeClock, limiter: ReturnType<typeof createRateLimiter>, count: number, offsets?: number[]): Promise<number[]> {
  const start = clock.now()
  const times: number[] = []
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const offset = offsets?.[i] ?? 0
      if (offset > 0) await clock.sleep(offset)
      await limiter.acquire()
      times.push(clock.now() - start)
    }),
  )
  return times.toSorted((a, b) => a - b)
}

describe('rate limiter', () => {
  it('never releases more than the limit in any 1-second window, sliding or fixed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 150 }),
        async (limit, margin, offsets) => {
          const clock = createFakeClock()
          const limiter = createRateLimiter({ clock, limit, margin })
          const start = clock.now() + 370 // fixed windows that do not line up with the first release
          const times = await releases(clock, limiter, offsets.length, offsets)
          expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(limit)
          const perFixedWindow = new Map<number, number>()
          for (const t of times) perFixedWindow.set(Math.floor((start + t) / 1000), (perFixedWindow.get(Math.floor((start + t) / 1000)) ?? 0) + 1)
          expect(Math.max(...perFixedWindow.values())).toBeLessThanOrEqual(limit)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('keeps half its margin when the timer wakes late: at most the limit in any window of interval / (1 − margin / 2)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 50 }),
        async (limit, lateness) => {
          const fake = createFakeClock()
          let n = 0
          const lateClock = { now: fake.now, sleep: (ms: number, signal?: AbortSignal) => fake.sleep(ms + (lateness[n++ % lateness.length] ?? 0), signal), sleeps: fake.sleeps }
          const times = await releases(lateClock, createRateLimiter({ clock: lateClock, limit, margin: 0.03 }), 3 * limit)
          expect(busiestWindow(times, 1000 / 0.985 - 0.01)).toBeLessThanOrEqual(limit)
        },
      ),
      { numRuns: 30 },
    )
  })

  it('spaces requests evenly, interval / (limit × (1 − margin)) apart, with no burst', async () => {
    const clock = createFakeClock()
    const times = await releases(clock, createRateLimiter({ clock, limit: 10, margin: 0.2 }), 5)
    expect(times).toEqual([0, 125, 250, 375, 500])
  })

  it('achieves the limit minus the margin over a long run', async () => {
    const clock = createFakeClock()
    const times = await releases(clock, createRateLimiter({ clock, limit: 50 }), 500)
    const rate = (times.length - 1) / ((times.at(-1) ?? 0) / 1000)
    expect(rate).toBeGreaterThan(50 * 0.97 - 0.01)
    expect(rate).toBeLessThanOrEqual(50)
  })

  it('holds every release while paused', async () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter({ clock, limit: 10, margin: 0 })
    const start = clock.now()
    await limiter.acquire()
    limiter.pause(2000)
    await limiter.acquire()
    expect(clock.now() - start).toBe(2000)
    await limiter.acquire()
    expect(clock.now() - start).toBe(2100)
  })

  it('lowers its limit to a smaller one and ignores a larger one', async () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter({ clock, limit: 10, margin: 0 })
    limiter.lowerLimit(20)
    expect(limiter.limit).toBe(10)
    limiter.lowerLimit(4)
    expect(limiter.limit).toBe(4)
    const times = await releases(clock, limiter, 3)
    expect(times).toEqual([0, 250, 500])
  })

  it('rejects a waiter whose signal aborts and still serves the others in order', async () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter({ clock, limit: 10, margin: 0 })
    await limiter.acquire()
    const controller = new AbortController()
    const aborted = limiter.acquire(controller.signal)
    const next = limiter.acquire()
    expect(limiter.queueSize).toBe(2)
    controller.abort(new Error('stop'))
    await expect(aborted).rejects.toThrow('stop')
    await next
    expect(limiter.queueSize).toBe(0)
  })

  it('rejects options that cannot work with a TypeError naming the option', () => {
    const clock = createFakeClock()
    expect(() => createRateLimiter({ clock, limit: 0 })).toThrow(/`limit`/)
    expect(() => createRateLimiter({ clock, interval: -1 })).toThrow(/`interval`/)
    expect(() => createRateLimiter({ clock, margin: 1 })).toThrow(/`margin`/)
  })
})
