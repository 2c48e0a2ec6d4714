import { getResponse } from 'msw'
import { expect, it } from 'vitest'
import { mockWithInbox, SECRET } from './webhook-fixtures.ts'

const control = async (call: Awaited<ReturnType<typeof mockWithInbox>>['call'], method: string, path: string, body?: unknown) => call(method, `/_mock/webhooks${path}`, body)

it('shows the endpoint: URL, secret, every toggle on, enabled, and where deliveries go', async () => {
  const { call } = await mockWithInbox()
  const { status, body } = await control(call, 'GET', '')
  expect(status).toBe(200)
  expect(body).toMatchObject({ team: 'Acme', url: null, secret: SECRET, enabled: true, disabledReason: null, target: 'callback' })
  expect(Object.values((body as { events: Record<string, boolean> }).events).every(Boolean)).toBe(true)
  expect(Object.keys((body as { events: Record<string, boolean> }).events)).toHaveLength(17)
})

it('changes URL, secret and toggles with PATCH, and answers with the new settings', async () => {
  const { call } = await mockWithInbox()
  const secret = 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
  const { status, body } = await control(call, 'PATCH', '', { url: 'http://127.0.0.1:8790/in', secret, events: { 'contact.deleted': false } })
  expect(status).toBe(200)
  expect(body).toMatchObject({ url: 'http://127.0.0.1:8790/in', secret, target: 'url', events: { 'contact.deleted': false, 'contact.created': true } })
  const list = await control(call, 'PATCH', '', { events: ['contact.created'], url: null })
  expect(list.body).toMatchObject({ url: null, target: 'callback', events: { 'contact.created': true, 'contact.deleted': false, 'testing.testEvent': false } })
})

it('answers 400 saying what is wrong for a bad URL, secret, event, field or body', async () => {
  const { call } = await mockWithInbox()
  for (const [body, says] of [
    [{ url: 'not a url' }, /"not a url" is not a URL/],
    [{ url: 'ftp://example.com/' }, /must use http or https, not ftp/],
    [{ url: 42 }, /`url` must be a string/],
    [{ secret: 'abc' }, /must start with "whsec_"/],
    [{ events: { 'contact.exploded': true } }, /"contact.exploded" is not a Loops webhook event; the events are contact.created/],
    [{ events: { 'contact.created': 'yes' } }, /must be true or false/],
    [{ enabled: 'no' }, /`enabled` must be true or false/],
    [{ colour: 'red' }, /Unknown field\(s\) "colour"/],
    [[1, 2], /must be a JSON object/],
  ] as const) {
    const res = await control(call, 'PATCH', '', body)
    expect([res.status, (res.body as { message: string }).message]).toEqual([400, expect.stringMatching(says)])
  }
  const { mock } = await mockWithInbox()
  const unparsable = await getResponse(mock.handlers, new Request('http://mock.test/_mock/webhooks', { method: 'PATCH', body: '{"url": ' }))
  expect(unparsable?.status).toBe(400)
  expect(await unparsable?.json()).toMatchObject({ message: expect.stringMatching(/The body is not JSON/) })
})

it('lists deliveries with every attempt, filters them, shows one, and 404s an unknown id', async () => {
  const { mock, call } = await mockWithInbox()
  await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com' })
  await control(call, 'POST', '/test')
  await mock.webhooks.idle()
  const all = (await control(call, 'GET', '/deliveries')).body as { id: string; eventName: string; state: string; attempts: unknown[] }[]
  expect(all.map((d) => [d.eventName, d.state, d.attempts.length])).toEqual([
    ['contact.created', 'delivered', 1],
    ['testing.testEvent', 'delivered', 1],
  ])
  expect(((await control(call, 'GET', '/deliveries?event=testing.testEvent')).body as unknown[]).length).toBe(1)
  expect(((await control(call, 'GET', '/deliveries?state=failed')).body as unknown[]).length).toBe(0)
  expect((await control(call, 'GET', '/deliveries?state=lost')).status).toBe(400)
  const one = await control(call, 'GET', `/deliveries/${all[0]?.id ?? ''}`)
  expect(one.body).toMatchObject({ id: all[0]?.id, payload: { eventName: 'contact.created' }, attempts: [{ status: 200, response: '' }] })
  expect((await control(call, 'GET', '/deliveries/msg_nope')).status).toBe(404)
})

it('redelivers through the control API, and refuses a pending one with 409', async () => {
  const attempts: [string, number][] = []
  const { mock, call } = await mockWithInbox({ webhooks: { retrySchedule: [5_000], deliver: (r) => (attempts.push([r.id, r.attempt]), r.attempt === 1 ? 500 : 204) } })
  const sent = (await control(call, 'POST', '/test')).body as { id: string }
  await mock.webhooks.idle()
  expect(mock.webhooks.delivery(sent.id)?.state).toBe('pending')
  const refused = await control(call, 'POST', `/deliveries/${sent.id}/redeliver`)
  expect([refused.status, (refused.body as { message: string }).message]).toEqual([409, expect.stringMatching(/still pending/)])
  mock.advance(5_000)
  await mock.webhooks.idle()
  const again = await control(call, 'POST', `/deliveries/${sent.id}/redeliver`)
  expect(again.status).toBe(200)
  await mock.webhooks.idle()
  expect(attempts).toEqual([
    [sent.id, 1],
    [sent.id, 2],
    [sent.id, 3],
  ])
  expect(mock.webhooks.delivery(sent.id)?.attempts.map((a) => a.status)).toEqual([500, 204, 204])
})

it('refuses the test event with 409 when the endpoint has nowhere to send', async () => {
  const { call } = await mockWithInbox({ webhooks: { deliver: undefined as never } })
  const res = await control(call, 'POST', '/test')
  expect(res.status).toBe(409)
  expect((res.body as { message: string }).message).toMatch(/no URL/)
})

it('answers 404 naming the webhook routes for an unknown one', async () => {
  const { call } = await mockWithInbox()
  const res = await control(call, 'DELETE', '/everything')
  expect(res.status).toBe(404)
  expect((res.body as { message: string }).message).toMatch(/GET\/PATCH \/_mock\/webhooks/)
})
