import { LoopsClient } from 'loops'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createMock, loopsHandlers, setupLoopsMock } from '../../mock-server/public/index.ts'
import { frozenClock } from './frozen-clock.ts'

// `loops-playground/mock` in-process, as a user's tests meet it (the packaging test runs the built package).

const inProcess = setupLoopsMock({ keys: { 'in-process-key': 'Acme' }, clock: frozenClock() }, http.get('https://my-app.test/api/me', () => HttpResponse.json({ me: 'mine' })))
beforeAll(() => inProcess.server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => inProcess.server.close())

it('answers the loops SDK in-process through setupLoopsMock, beside the user\'s own handlers', async () => {
  const loops = new LoopsClient(inProcess.apiKey)
  expect(inProcess.apiKey).toBe('in-process-key')
  expect(await loops.sendEvent({ email: 'ada@example.com', eventName: 'signup' })).toEqual({ success: true })
  expect(inProcess.mock.events('Acme').map((e) => e.eventName)).toEqual(['signup'])
  expect(await (await fetch('https://my-app.test/api/me')).json()).toEqual({ me: 'mine' })
})

it('loopsHandlers answer only Loops\' origin by default, so the user\'s own /api routes elsewhere stay theirs', async () => {
  const handlers = loopsHandlers({ keys: { k: 'Acme' } })
  const server = setupServer(...handlers, http.all('https://shop.test/api/*', () => HttpResponse.json({ shop: true })))
  // a second interceptor on top of the first: close the outer one while this runs
  inProcess.server.close()
  server.listen({ onUnhandledFrame: 'error' })
  try {
    expect(await (await fetch('https://shop.test/api/v1/events/send', { method: 'POST' })).json()).toEqual({ shop: true })
    const res = await fetch('https://app.loops.so/api/v1/api-key', { headers: { Authorization: 'Bearer k' } })
    expect(await res.json()).toEqual({ success: true, teamName: 'Acme' })
    expect(handlers.mock.requests().map((r) => r.path)).toEqual(['/api/v1/api-key'])
    expect(handlers).toHaveLength(handlers.mock.handlers.length)
  } finally {
    server.close()
    inProcess.server.listen({ onUnhandledFrame: 'error' })
  }
})

it('loopsHandlers take an existing mock, whose own origin setting then applies', async () => {
  const mock = createMock({ keys: { k: 'Acme' }, origin: 'http://loops.local' })
  expect(loopsHandlers(mock).mock).toBe(mock)
})
