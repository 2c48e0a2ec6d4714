import fc from 'fast-check'
import { Webhook } from 'standardwebhooks'
import { expect, it } from 'vitest'
import { createWebhookSecret, signLoopsWebhook, verifyLoopsWebhook, webhookSecretProblem } from '../../src/core/webhooks/index.ts'

// The signing example of the Loops contract notes (spec §7.2), computed from Loops' documented algorithm.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const ID = 'msg_2mock0001'
const TIMESTAMP = 1734425918
const BODY = '{"eventName":"testing.testEvent","eventTime":1734425918,"message":"test","webhookSchemaVersion":"1.0.0"}'
const SIGNATURE = 'v1,nodRtX2oyogjxjh4/BYd6akNGLJqDx3D3GF4/c8vDDo='
const NOW = TIMESTAMP * 1000

it('signs the Loops documentation example byte for byte', () => {
  expect(signLoopsWebhook({ secret: SECRET, id: ID, timestamp: TIMESTAMP, body: BODY })).toEqual({
    'webhook-id': ID,
    'webhook-timestamp': String(TIMESTAMP),
    'webhook-signature': SIGNATURE,
  })
})

it('accepts the Loops documentation example and returns its parsed payload', () => {
  const headers = { 'webhook-id': ID, 'webhook-timestamp': String(TIMESTAMP), 'webhook-signature': SIGNATURE }
  expect(verifyLoopsWebhook({ body: BODY, headers, secret: SECRET, now: NOW })).toEqual({ ok: true, id: ID, timestamp: TIMESTAMP, payload: JSON.parse(BODY) })
})

it('reads the headers from a fetch Headers object, in any letter case', () => {
  const headers = new Headers({ 'Webhook-Id': ID, 'Webhook-Timestamp': String(TIMESTAMP), 'Webhook-Signature': SIGNATURE })
  expect(verifyLoopsWebhook({ body: BODY, headers, secret: SECRET, now: NOW }).ok).toBe(true)
  const record = { 'Webhook-Id': ID, 'WEBHOOK-TIMESTAMP': String(TIMESTAMP), 'webhook-signature': SIGNATURE }
  expect(verifyLoopsWebhook({ body: BODY, headers: record, secret: SECRET, now: NOW }).ok).toBe(true)
})

it('rejects a tampered body with 401 INVALID_SIGNATURE', () => {
  const headers = signLoopsWebhook({ secret: SECRET, id: ID, timestamp: TIMESTAMP, body: BODY })
  const result = verifyLoopsWebhook({ body: BODY.replace('test"', 'tost"'), headers, secret: SECRET, now: NOW })
  expect(result).toMatchObject({ ok: false, status: 401, code: 'INVALID_SIGNATURE' })
})

it('rejects a delivery signed with another secret with 401 INVALID_SIGNATURE', () => {
  const other = createWebhookSecret(new Uint8Array(24).fill(7))
  const headers = signLoopsWebhook({ secret: other, id: ID, timestamp: TIMESTAMP, body: BODY })
  expect(verifyLoopsWebhook({ body: BODY, headers, secret: SECRET, now: NOW })).toMatchObject({ ok: false, status: 401, code: 'INVALID_SIGNATURE' })
})

it('rejects a timestamp more than five minutes old or ahead with 401, and accepts one at exactly five minutes', () => {
  const headers = signLoopsWebhook({ secret: SECRET, id: ID, timestamp: TIMESTAMP, body: BODY })
  expect(verifyLoopsWebhook({ body: BODY, headers, secret: SECRET, now: NOW + 301_000 })).toMatchObject({ status: 401, code: 'TIMESTAMP_TOO_OLD' })
  expect(verifyLoopsWebhook({ body: BODY, headers, secret: SECRET, now: NOW - 301_000 })).toMatchObject({ status: 401, code: 'TIMESTAMP_TOO_NEW' })
  expect(verifyLoopsWebhook({ body: BODY, headers, secret: SECRET, now: NOW + 300_000 }).ok).toBe(true)
})

it('answers 400 MISSING_HEADERS naming each missing header', () => {
  const result = verifyLoopsWebhook({ body: BODY, headers: { 'webhook-id': ID }, secret: SECRET, now: NOW })
  expect(result).toMatchObject({ ok: false, status: 400, code: 'MISSING_HEADERS' })
  expect(!result.ok && result.message).toContain('webhook-timestamp, webhook-signature')
})

it('answers 400 when the timestamp is not Unix seconds', () => {
  const headers = { 'webhook-id': ID, 'webhook-timestamp': '2024-12-17T09:00:00Z', 'webhook-signature': SIGNATURE }
  expect(verifyLoopsWebhook({ body: BODY, headers, secret: SECRET, now: NOW })).toMatchObject({ status: 400, code: 'MALFORMED_HEADERS' })
})

it('accepts a header with several signatures when any v1 entry matches (key rotation)', () => {
  const stale = 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
  const headers = { 'webhook-id': ID, 'webhook-timestamp': String(TIMESTAMP), 'webhook-signature': `v1a,xyz ${stale} ${SIGNATURE}` }
  expect(verifyLoopsWebhook({ body: BODY, headers, secret: SECRET, now: NOW }).ok).toBe(true)
  const none = { ...headers, 'webhook-signature': `${stale} v2,${SIGNATURE.slice(3)}` }
  expect(verifyLoopsWebhook({ body: BODY, headers: none, secret: SECRET, now: NOW })).toMatchObject({ code: 'INVALID_SIGNATURE' })
})

it('reports an unusable receiver secret instead of throwing', () => {
  const headers = signLoopsWebhook({ secret: SECRET, id: ID, timestamp: TIMESTAMP, body: BODY })
  expect(verifyLoopsWebhook({ body: BODY, headers, secret: 'MfKQ9r8', now: NOW })).toMatchObject({ ok: false, status: 500, code: 'INVALID_SECRET' })
  expect(webhookSecretProblem('whsec_')).toContain('base64')
  expect(webhookSecretProblem(SECRET)).toBeUndefined()
})

it('makes whsec_ secrets the standardwebhooks package accepts', () => {
  const secret = createWebhookSecret(crypto.getRandomValues(new Uint8Array(24)))
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
  expect(() => new Webhook(secret)).not.toThrow()
})

it('agrees with the standardwebhooks package on every signature, body and secret', () => {
  const now = Date.now()
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.string(), fc.string({ minLength: 1, maxLength: 40 }), fc.boolean(), (key, body, id, tamper) => {
      const secret = createWebhookSecret(key)
      const timestamp = Math.floor(now / 1000)
      const headers = signLoopsWebhook({ secret, id, timestamp, body })
      expect(headers['webhook-signature']).toBe(new Webhook(secret).sign(id, new Date(timestamp * 1000), body))
      const sent = tamper ? `${body}x` : body
      const ours = verifyLoopsWebhook({ body: sent, headers, secret, now }).ok
      let theirs: boolean
      try {
        new Webhook(secret).verify(sent, { ...headers }, { jsonParse: false })
        theirs = true
      } catch {
        theirs = false
      }
      expect(ours || (!tamper && !isJson(body))).toBe(theirs)
    }),
  )
})

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return text === ''
  }
}
