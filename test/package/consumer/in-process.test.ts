// (b) A user's Vitest file: the mock's msw handlers composed with the user's own, in-process (no port).
import { LoopsClient } from 'loops'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { loopsHandlers, mockControl } from 'loops-playground/mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'

const loops = loopsHandlers({ keys: { 'test-key': 'Acme' } })
const server = setupServer(...loops, http.get('https://my-app.test/api/me', () => HttpResponse.json({ id: 'me' })))
const control = mockControl(loops.mock)
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => control.reset())
afterAll(() => server.close())

it('sends an event with the SDK to the in-process mock, beside the app\'s own handlers', async () => {
  const client = new LoopsClient('test-key')
  expect(await client.sendEvent({ email: 'sam@example.com', eventName: 'signup' })).toEqual({ success: true })
  expect((await control.events('Acme')).map((e) => e.eventName)).toEqual(['signup'])
  expect(await (await fetch('https://my-app.test/api/me')).json()).toEqual({ id: 'me' })
})

it('answers 503 from a fault rule, then normally', async () => {
  await control.addFault({ path: '/api/v1/events/send', status: 503, count: 1 })
  const send = () => fetch('https://app.loops.so/api/v1/events/send', {
    method: 'POST',
    headers: { Authorization: 'Bearer test-key', 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'sam@example.com', eventName: 'signup' }),
  })
  expect((await send()).status).toBe(503)
  expect((await send()).status).toBe(200)
})
