import { expect, it } from 'vitest'
import { defaultPreset, idempotencyKeyFor, mapCalls, readScript } from '../../src/core/index.ts'
import { callsOf, makeIdentify, makeTrack } from '../fixtures/builders.ts'

const identified = { userId: 'u1' }
const mapOne = (properties: Record<string, unknown>, preset = defaultPreset) =>
  mapCalls(callsOf(makeTrack('Order Completed', properties, identified)), preset)[0]

it('drops an array event property with a warning that names its path and the fix', () => {
  const result = mapOne({ order_id: 'A1', items: [{ sku: 'S1' }] })
  expect(result?.status).toBe('ready')
  expect(result?.request?.body).toEqual({ userId: 'u1', eventName: 'order_completed', eventProperties: { order_id: 'A1' } })
  expect(result?.issues).toEqual([
    expect.objectContaining({ severity: 'warning', path: 'body.eventProperties.items', message: expect.stringMatching(/flatten/) }),
  ])
  expect(Object.keys(result?.issues[0] ?? {}).toSorted()).toEqual(['message', 'path', 'severity'])
})

it('flattens objects and arrays into items[0].sku keys when the preset asks', () => {
  const result = mapOne({ items: [{ sku: 'S1', qty: 2 }], shipping: { city: 'Leeds' } }, { ...defaultPreset, nonScalarValues: 'flatten' })
  expect(result?.status).toBe('ready')
  expect(result?.request?.body).toMatchObject({
    eventProperties: { 'items[0].sku': 'S1', 'items[0].qty': 2, 'shipping.city': 'Leeds' },
  })
})

it('drops a null event property with a warning, since only contact properties accept null', () => {
  const result = mapOne({ coupon: null })
  expect(result?.request?.body).not.toHaveProperty('eventProperties')
  expect(result?.issues[0]).toMatchObject({ severity: 'warning', path: 'body.eventProperties.coupon' })
})

it('marks a value longer than 500 characters as JSON invalid, naming its path', () => {
  const ok = mapOne({ note: 'x'.repeat(498) })
  const tooLong = mapOne({ note: 'x'.repeat(499) })
  expect(ok?.status).toBe('ready')
  expect(tooLong?.status).toBe('invalid')
  expect(tooLong?.issues).toContainEqual(expect.objectContaining({ severity: 'error', path: 'body.eventProperties.note', message: expect.stringMatching(/501 characters.*at most 500/) }))
})

it('marks an event name with a colon invalid and says to rename it in the preset', () => {
  const preset = { ...defaultPreset, events: { ...defaultPreset.events, 'Order Completed': 'shop:order' } }
  const result = mapOne({}, preset)
  expect(result?.status).toBe('invalid')
  expect(result?.issues).toContainEqual(expect.objectContaining({ path: 'body.eventName', message: expect.stringMatching(/cannot contain ":"/) }))
})

it('drops reserved contact property names with a warning', () => {
  const preset = { ...defaultPreset, routes: [...defaultPreset.routes, { from: 'traits.id', to: 'contactProperties.id' }] }
  const calls = callsOf(makeIdentify('u1', { email: 'a@example.com', id: 'x' }), makeTrack('Signed Up'))
  const [, result] = mapCalls(calls, preset)
  expect(result?.status).toBe('ready')
  expect(JSON.stringify(result?.request?.body)).not.toContain('"id"')
  expect(result?.issues).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'body.contactProperties.id', message: expect.stringMatching(/reserved/) }))
})

it('marks an invalid email trait invalid', () => {
  const [, result] = mapCalls(callsOf(makeIdentify('u1', { email: 'not-an-email' }), makeTrack('Signed Up')), defaultPreset)
  expect(result?.status).toBe('invalid')
  expect(result?.issues).toContainEqual(expect.objectContaining({ path: 'body.email' }))
})

it('keeps idempotency keys within 100 characters by hashing long message ids', () => {
  expect(idempotencyKeyFor('m-1')).toBe('m-1')
  const long = idempotencyKeyFor('m'.repeat(150))
  expect(long.length).toBeLessThanOrEqual(100)
  expect(long).toBe(idempotencyKeyFor('m'.repeat(150)))
  expect(idempotencyKeyFor('has space')).not.toContain(' ')
})

it('points a script issue at the property it came from', () => {
  const script = `datafly.identify("u1")\ndatafly.track("Order Completed", {\n  items: [{ sku: "S1" }],\n})`
  const [, result] = mapCalls(readScript(script).calls, defaultPreset)
  expect(result?.issues[0]).toMatchObject({ path: 'body.eventProperties.items', line: 3, column: 3 })
})

it('sends event properties named like Object.prototype members instead of dropping them', () => {
  const result = mapOne({ constructor: 'x', toString: 'y', hasOwnProperty: 1 })
  expect(result?.request?.body).toMatchObject({ eventProperties: { constructor: 'x', toString: 'y', hasOwnProperty: 1 } })
  expect(result?.issues).toEqual([])
})
