import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { setupServerMock } from '../../mock-server/hosts/setup-server.ts'

// The setupServer host serves the mock's one handler set; a user overrides a single route with msw's own
// server.use(), and every other route (and the override's removal) keeps the mock's answers.
const KEY = 'override-key'
const { server, mock } = setupServerMock({ keys: { [KEY]: 'Override' }, clock: { now: () => Date.UTC(2026, 0, 1) } })
const auth = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }
const event = (eventName: string) =>
  fetch('https://app.loops.so/api/v1/events/send', { method: 'POST', headers: auth, body: JSON.stringify({ email: 'o@example.com', eventName }) })

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

it('lets a user override one route with server.use() while the mock answers the others', async () => {
  await mock.ready
  server.use(http.post('*/api/v1/events/send', () => HttpResponse.json({ success: false, message: 'Overridden by the test' }, { status: 500 })))
  const overridden = await event('first')
  expect(overridden.status).toBe(500)
  expect(await overridden.json()).toEqual({ success: false, message: 'Overridden by the test' })
  const other = await fetch('https://app.loops.so/api/v1/api-key', { headers: auth })
  expect(other.status).toBe(200)
  expect(mock.events('Override')).toHaveLength(0)
})

it("answers from the mock again once the override is reset", async () => {
  const response = await event('second')
  expect(response.status).toBe(200)
  expect(mock.events('Override').map((e) => e.eventName)).toEqual(['second'])
})
