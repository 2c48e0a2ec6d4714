import { getResponse } from 'msw'
import { expect, it } from 'vitest'
import { createMock } from '../../mock-server/create-mock.ts'
import { createSender } from '../../src/core/index.ts'
import { createManualClock } from '../../src/playground/clock/manual-clock.ts'
import { readyResults } from './sender-fixtures.ts'

const START = Date.UTC(2026, 0, 1)

/** lets pending promise chains and msw's handlers run (macrotask turns, no real waiting) */
const settle = async (turns = 20): Promise<void> => {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve))
}

it('wakes a sleep only when advance carries the time past its end', async () => {
  const clock = createManualClock(START)
  let woke = false
  void clock.sleep(200).then(() => (woke = true))
  clock.advance(199)
  await settle(1)
  expect(woke).toBe(false)
  clock.advance(1)
  await settle(1)
  expect(woke).toBe(true)
  expect(clock.now()).toBe(START + 200)
})

it('wakes the sleeps one advance passes earliest first, ties in the order they started', async () => {
  const clock = createManualClock(START)
  const order: string[] = []
  void clock.sleep(300).then(() => order.push('300'))
  void clock.sleep(100).then(() => order.push('100 a'))
  void clock.sleep(100).then(() => order.push('100 b'))
  void clock.sleep(500).then(() => order.push('500'))
  clock.advance(400)
  await settle(1)
  expect(order).toEqual(['100 a', '100 b', '300'])
})

it('resolves a sleep of 0 ms or less at once', async () => {
  const clock = createManualClock(START)
  await expect(clock.sleep(0)).resolves.toBeUndefined()
  await expect(clock.sleep(-5)).resolves.toBeUndefined()
  expect(clock.now()).toBe(START)
})

it('rejects an aborted sleep with the signal’s reason, and advance no longer wakes it', async () => {
  const clock = createManualClock(START)
  const controller = new AbortController()
  const slept = clock.sleep(100, controller.signal)
  controller.abort(new Error('stop'))
  await expect(slept).rejects.toThrow('stop')
  expect(() => clock.advance(200)).not.toThrow()
  await expect(clock.sleep(10, controller.signal)).rejects.toThrow('stop')
})

it('refuses a negative or non-finite advance', () => {
  const clock = createManualClock(START)
  expect(() => clock.advance(-1)).toThrow(/finite number ≥ 0/)
  expect(() => clock.advance(Number.NaN)).toThrow(/finite number ≥ 0/)
  expect(clock.now()).toBe(START)
})

it('moves a clock that advances itself when the mock’s clock is advanced, so both keep one time', async () => {
  const clock = createManualClock(START)
  const mock = createMock({ keys: { k: 'Acme' }, clock })
  await mock.ready
  let woke = false
  void clock.sleep(1000).then(() => (woke = true))
  const answer = await getResponse(mock.handlers, new Request('http://mock.test/_mock/clock/advance', { method: 'POST', body: JSON.stringify({ ms: 1000 }) }))
  expect(answer?.status).toBe(200)
  await settle(1)
  expect(woke).toBe(true)
  expect(clock.now()).toBe(START + 1000)
  expect(mock.now()).toBe(START + 1000)
})

it('lets a sender on the mock’s virtual clock keep to the mock’s limit while a test advances it', async () => {
  const clock = createManualClock(START)
  const mock = createMock({ keys: { k: 'Acme' }, clock, rateLimit: 2 })
  await mock.ready
  const sender = createSender({
    fetch: async (request) => (await getResponse(mock.handlers, request)) ?? new Response(null, { status: 404 }),
    baseUrl: 'http://mock.test',
    apiKey: 'k',
    clock,
  })
  let report: Awaited<ReturnType<typeof sender.send>> | undefined
  void sender.send(readyResults(8)).then((r) => (report = r))
  const done = (): boolean => report !== undefined
  let advanced = 0
  while (!done() && advanced < 60_000) {
    await settle()
    mock.advance(100)
    advanced += 100
  }
  expect(report?.outcomes.map((o) => o.status)).toEqual(Array(8).fill('delivered'))
  const requests = mock.requests()
  expect(requests.filter((r) => r.status === 200)).toHaveLength(8)
  expect(requests.every((r) => r.status === 200 || r.status === 429)).toBe(true)
  // 8 requests at 2 per second span at least 3 seconds of the virtual clock, which moved only by the advances
  const times = requests.map((r) => Date.parse(r.at))
  expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(3000)
  expect(clock.now()).toBe(START + advanced)
})
