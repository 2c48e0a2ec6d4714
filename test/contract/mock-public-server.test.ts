import { LoopsClient } from 'loops'
import { expect, it } from 'vitest'
import { mockControl, MockControlError, startMockServer } from '../../mock-server/public/index.ts'
import { frozenClock } from './frozen-clock.ts'

// `loops-playground/mock` on a real port, and its control API as typed functions (in-process and over HTTP).

it('startMockServer gives the url, the SDK apiRoot and the keys; the SDK gets 409 on a reused idempotency key', async () => {
  const server = await startMockServer({ keys: { 'port-key': 'Acme' }, clock: frozenClock() })
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.sdkApiRoot).toBe(`${server.url}/api/`)
    expect(server.keys).toEqual([{ key: 'port-key', team: 'Acme' }])
    const loops = new LoopsClient('port-key')
    loops.apiRoot = server.sdkApiRoot
    const send = () => loops.sendEvent({ email: 'sam@example.com', eventName: 'paid', headers: { 'Idempotency-Key': 'order-1' } })
    expect(await send()).toEqual({ success: true })
    await expect(send()).rejects.toMatchObject({ statusCode: 409 })
  } finally {
    await server.close()
  }
})

it('mockControl gives the same typed answers for a mock in this process and for one over HTTP', async () => {
  const server = await startMockServer({ keys: { 'control-key': 'Acme' }, clock: frozenClock() })
  try {
    const local = mockControl(server.mock)
    const remote = mockControl(server.url)
    const loops = new LoopsClient('control-key')
    loops.apiRoot = server.sdkApiRoot
    await loops.sendEvent({ email: 'eve@example.com', eventName: 'signup', eventProperties: { plan: 'pro' } })
    expect(await remote.events('Acme')).toEqual(await local.events('Acme'))
    expect((await remote.contacts('Acme')).map((c) => c.contact.email)).toContain('eve@example.com')
    expect((await remote.requests()).map((r) => r.status)).toEqual([200])
    const id = await remote.addFault({ path: '/api/v1/events/send', status: 503, count: 1 })
    expect(await local.faults()).toEqual([{ id, path: '/api/v1/events/send', status: 503, count: 1 }])
    await remote.clearFaults()
    const before = await remote.now()
    await remote.advance(60_000)
    expect(await local.now()).toBe(before + 60_000)
    const key = await remote.addKey('Globex')
    expect((await local.keys()).map((k) => k.team)).toContain('Globex')
    await remote.revokeKey(key)
    await remote.reset()
    expect(await local.events('Acme')).toEqual([])
  } finally {
    await server.close()
  }
})

it('mockControl over HTTP throws a MockControlError with the status and the mock\'s message', async () => {
  const server = await startMockServer({ keys: { k: 'Acme' } })
  try {
    const error = await mockControl(server.url).revokeKey('no-such-key').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MockControlError)
    expect(error).toMatchObject({ status: 400, method: 'POST', path: '/_mock/keys/revoke' })
    expect(String((error as Error).message)).toContain('no such key')
  } finally {
    await server.close()
  }
})

it('mockControl refuses a target that is not a URL, saying what to pass', () => {
  expect(() => mockControl('not a url')).toThrow(/pass the mock server's origin/)
})
