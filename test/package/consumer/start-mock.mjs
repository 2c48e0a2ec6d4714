// (a) A user's plain Node ESM script: the mock on a real port, driven by the official loops SDK.
import assert from 'node:assert/strict'
import { LoopsClient, RateLimitExceededError } from 'loops'
import { startMockServer } from 'loops-playground/mock'
import { signLoopsWebhook, verifyLoopsWebhook } from 'loops-playground/webhooks'

// the webhook helpers, as a user's server would use them
const secret = `whsec_${Buffer.from('a 32-byte secret for the test ok').toString('base64')}`
const delivery = JSON.stringify({ eventName: 'contact.created', contact: { email: 'ada@example.com' } })
const signed = signLoopsWebhook({ secret, id: 'msg_1', timestamp: 1767225600, body: delivery })
assert.equal(verifyLoopsWebhook({ body: delivery, headers: signed, secret, now: 1767225600_000 }).ok, true)
assert.equal(verifyLoopsWebhook({ body: `${delivery} `, headers: signed, secret, now: 1767225600_000 }).ok, false)

// a clock that only moves when told to, so the rate-limit window cannot roll over mid-script
let now = Date.UTC(2026, 0, 1)
const server = await startMockServer({ keys: { 'app-key': 'Acme' }, rateLimit: 3, clock: { now: () => now } })
try {
  const loops = new LoopsClient('app-key')
  loops.apiRoot = server.sdkApiRoot
  const created = await loops.createContact({ email: 'ada@example.com', properties: { firstName: 'Ada' } })
  assert.equal(created.success, true)
  const send = () => loops.sendEvent({ email: 'ada@example.com', eventName: 'order_completed', eventProperties: { total: 42 }, headers: { 'Idempotency-Key': 'order-1' } })
  assert.deepEqual(await send(), { success: true })
  now += 1000
  await assert.rejects(send(), (error) => error.statusCode === 409)
  await loops.testApiKey()
  await loops.testApiKey()
  await assert.rejects(loops.testApiKey(), (error) => error instanceof RateLimitExceededError && error.limit === 3)
  const [contact] = server.mock.contacts('Acme')
  assert.equal(contact?.contact.email, 'ada@example.com')
  assert.deepEqual(server.mock.events('Acme').map((e) => e.eventName), ['order_completed'])
  assert.deepEqual(server.mock.requests().map((r) => r.status), [200, 200, 409, 200, 200, 429])
  console.log(JSON.stringify({ ok: true, url: server.url }))
} finally {
  await server.close()
}
