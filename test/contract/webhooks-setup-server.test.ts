import { afterAll, beforeAll, expect, it } from 'vitest'
import { setupServerMock as createMockServer } from '../../mock-server/hosts/setup-server.ts'
import type { WebhookRequest } from '../../mock-server/webhooks/webhook-types.ts'
import { verifyLoopsWebhook } from '../../src/core/webhooks/index.ts'
import { startReceiver } from './webhook-receiver.ts'

// What a user's test does: setupServer with a `deliver` callback, then asserts on the webhooks a call caused.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const received: WebhookRequest[] = []
const { server, mock } = createMockServer({ keys: { k_setup: 'Acme' }, webhooks: { secret: SECRET, deliver: (request) => void received.push(request) } })

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

it('lets a test assert that one create sent exactly one signed contact.created, without a server', async () => {
  await mock.ready
  const res = await fetch('https://app.loops.so/api/v1/contacts/create', {
    method: 'POST',
    headers: { Authorization: 'Bearer k_setup', 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'ada@example.com' }),
  })
  expect(res.status).toBe(200)
  await mock.webhooks.idle()
  expect(received.map((r) => r.eventName)).toEqual(['contact.created'])
  expect(verifyLoopsWebhook({ body: received[0]?.body ?? '', headers: received[0]?.headers ?? {}, secret: SECRET, now: Date.now() }).ok).toBe(true)
})

it('delivers to a real URL past msw interception, even with onUnhandledFrame: "error"', async () => {
  const r = await startReceiver()
  try {
    mock.webhooks.configure({ url: r.url })
    mock.webhooks.sendTestEvent()
    await mock.webhooks.idle()
    expect(r.received.map((x) => (JSON.parse(x.body) as { eventName: string }).eventName)).toEqual(['testing.testEvent'])
    expect(mock.webhooks.deliveries().at(-1)?.state).toBe('delivered')
  } finally {
    mock.webhooks.configure({ url: null })
    await r.close()
  }
})
