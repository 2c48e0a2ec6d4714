import { expect, it } from 'vitest'
import { defaultPreset, mapCalls, readScript } from '../../src/core/index.ts'

const SEED_SCRIPT = `datafly.track("Order Completed", {
  order_id: "ORD-1042",
  revenue: 89.97,
  currency: "GBP",
  tax: 14.99,
  shipping: 4.99,
  coupon: "WELCOME10",
});
datafly.identify("user_8821", {
  email: "sam@example.com",
  first_name: "Sam",
});`

it('maps the seed worked example to exactly the request the Datafly document shows', () => {
  const [order, identify] = mapCalls(readScript(SEED_SCRIPT).calls, defaultPreset)
  expect(order?.status).toBe('ready')
  expect(order?.request?.method).toBe('POST')
  expect(order?.request?.path).toBe('/api/v1/events/send')
  expect(JSON.stringify(order?.request?.body)).toBe(
    '{"email":"sam@example.com","userId":"user_8821","eventName":"order_completed","contactProperties":{"firstName":"Sam"},"eventProperties":{"order_id":"ORD-1042","revenue":89.97,"currency":"GBP","tax":14.99,"shipping":4.99,"coupon":"WELCOME10"}}',
  )
  expect(order?.issues).toEqual([])
  expect(identify?.status).toBe('skipped')
})

it('sends the worked example with a JSON content type and an idempotency key of at most 100 characters', () => {
  const [order] = mapCalls(readScript(SEED_SCRIPT).calls, defaultPreset)
  expect(order?.request?.headers['Content-Type']).toBe('application/json')
  const key = order?.request?.headers['Idempotency-Key'] ?? ''
  expect(key.length).toBeGreaterThan(0)
  expect(key.length).toBeLessThanOrEqual(100)
})

it('gives the same script the same message ids and idempotency keys every time', () => {
  const keys = () => mapCalls(readScript(SEED_SCRIPT).calls, defaultPreset).map((r) => r.request?.headers['Idempotency-Key'])
  const ids = () => readScript(SEED_SCRIPT).calls.map((c) => c.envelope?.messageId)
  expect(keys()).toEqual(keys())
  expect(ids()).toEqual(ids())
  expect(new Set(ids()).size).toBe(2)
})

it('gives an edited script new idempotency keys', () => {
  const key = (src: string) => mapCalls(readScript(src).calls, defaultPreset)[0]?.request?.headers['Idempotency-Key']
  expect(key(SEED_SCRIPT)).not.toBe(key(SEED_SCRIPT.replace('ORD-1042', 'ORD-1043')))
})
