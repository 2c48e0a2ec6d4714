import { afterAll, beforeAll, expect, it } from 'vitest'
import { setupServerMock } from '../../mock-server/hosts/setup-server.ts'
import { createSender, type MapResult } from '../../src/core/index.ts'
import { createFakeClock } from '../unit/sender-fake-clock.ts'
import { readyResults } from '../unit/sender-fixtures.ts'

const KEY = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4'
const clock = createFakeClock(Date.UTC(2026, 10, 23, 12, 0, 0))
const { server, mock } = setupServerMock({ keys: { [KEY]: 'Acme' }, clock: { now: () => clock.now() } })

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

it('delivers through the global fetch that msw’s setupServer intercepts, retrying injected faults once each', async () => {
  await mock.ready
  mock.addFault({ path: '/api/v1/events/send', status: 429, count: 2 })
  mock.addFault({ path: '/api/v1/events/send', status: 503, count: 1 })
  mock.addFault({ path: '/api/v1/events/send', drop: true, count: 1 })
  const results: MapResult[] = readyResults(12)
  const sender = createSender({ fetch: (request) => fetch(request), baseUrl: 'https://app.loops.so', apiKey: KEY, clock, timeout: 0, random: () => 0.5 })
  const report = await sender.send(results)
  expect(report.summary).toMatchObject({ total: 12, delivered: 12, failed: 0, rateLimited: 2, retries: 4 })
  expect(mock.events('Acme').map((e) => e.idempotencyKey).toSorted()).toEqual(results.map((r) => r.request?.headers['Idempotency-Key']).toSorted())
})
