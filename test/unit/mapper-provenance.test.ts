import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { presetArbitrary } from '../fixtures/preset-arbitrary.ts'
import { pointerToken } from '../../src/core/mapper/provenance.ts'
import { defaultPreset, mapCalls, readEnvelopes, readInput, type MapResult, type Preset } from '../../src/core/index.ts'

const WORKED_EXAMPLE = `// The Datafly Signal document's worked example.
datafly.track('Order Completed', {
  order_id: 'ORD-1042',
  revenue: 89.97,
  currency: 'GBP',
})
datafly.identify('user_8821', { email: 'sam@example.com', first_name: 'Sam' })`

function explain(script: string, preset: Preset = defaultPreset): MapResult[] {
  const read = readInput(script, 'script')
  if (!read.ok) throw new Error(read.message)
  return mapCalls(read.calls, preset, { explain: true })
}

describe('provenance', () => {
  it('says where every field of the worked example came from (golden)', () => {
    const [order, identify] = explain(WORKED_EXAMPLE)
    expect(order?.provenance).toEqual({
      '/body/email': { call: 1, from: 'traits.email', rule: 'identity.emailTraits', line: 7, column: 33 },
      '/body/userId': { call: 1, from: 'userId', rule: 'identity (the user id of datafly.identify, resolved over the session)', line: 7, column: 18 },
      '/body/contactProperties/firstName': { call: 1, from: 'traits.first_name', rule: 'routes[0]: traits.first_name → contactProperties.firstName', line: 7, column: 59 },
      '/body/eventName': { call: 0, from: 'event', rule: 'events["Order Completed"]', line: 2, column: 15 },
      '/body/eventProperties/order_id': { call: 0, from: 'properties.order_id', rule: 'track properties are sent as event properties', line: 3, column: 3 },
      '/body/eventProperties/revenue': { call: 0, from: 'properties.revenue', rule: 'track properties are sent as event properties', line: 4, column: 3 },
      '/body/eventProperties/currency': { call: 0, from: 'properties.currency', rule: 'track properties are sent as event properties', line: 5, column: 3 },
    })
    expect(order?.dropped).toEqual([])
    expect(identify?.status).toBe('skipped')
  })

  it('names the events-table rule for every Default-preset row', () => {
    for (const [datafly, loops] of Object.entries(defaultPreset.events)) {
      const call = datafly === 'page' ? `datafly.page('Home')` : `datafly.track(${JSON.stringify(datafly)})`
      const [result] = explain(`${call}\ndatafly.identify('u1', { email: 'a@b.co' })`)
      expect(result?.request?.body).toMatchObject({ eventName: loops })
      expect(result?.provenance?.['/body/eventName']).toMatchObject({ call: 0, rule: `events[${JSON.stringify(datafly)}]` })
    }
  })

  it('marks a snake_cased unmapped event name as transformed', () => {
    const [result] = explain(`datafly.identify('u1', { email: 'a@b.co' })\ndatafly.track('Plan Upgraded')`).slice(1)
    expect(result?.provenance?.['/body/eventName']).toEqual({ call: 1, from: 'event', rule: 'unmappedEvents: "snake_case"', transform: 'snake_case', line: 2, column: 15 })
  })

  it('traces subscribed to the consent it was read from', () => {
    const [, result] = explain(`datafly.setConsent({ marketing: true })\ndatafly.identify('u1', { email: 'a@b.co' })\ndatafly.track('Signed Up')`)
    expect(result?.provenance?.['/body/contactProperties/subscribed']).toMatchObject({ from: 'context.consent.canonical.marketing', rule: 'consent.subscribeWhenGranted: "marketing"' })
  })

  it('traces each flattened key to its nested input path', () => {
    const [, result] = explain(`datafly.identify('u1', { email: 'a@b.co' })\ndatafly.track('Order Completed', { items: [{ sku: 'A1' }] })`, { ...defaultPreset, nonScalarValues: 'flatten' })
    expect(result?.provenance?.['/body/eventProperties/items[0].sku']).toMatchObject({ call: 1, from: 'properties.items[0].sku', transform: 'flatten' })
  })

  it('traces root-shape contact properties to the same traits', () => {
    const [result] = explain(WORKED_EXAMPLE, { ...defaultPreset, contactProperties: 'root' })
    expect(result?.provenance?.['/body/firstName']).toMatchObject({ from: 'traits.first_name', call: 1 })
    expect(result?.provenance?.['/body/contactProperties/firstName']).toBeUndefined()
  })

  it('lists dropped inputs with the reason and the preset key that would send them', () => {
    const results = explain(`datafly.identify('u1', { email: 'a@b.co', plan_name: 'pro' })\ndatafly.track('Order Completed', { items: [{ sku: 'A1' }] })\ndatafly.track('Other')`, { ...defaultPreset, unmappedEvents: 'drop' })
    expect(results[0]?.dropped).toEqual([{ call: 0, from: 'traits.plan_name', reason: 'no route of the preset reads traits.plan_name', route: 'routes: {"from":"traits.plan_name","to":"contactProperties.planName"}' }])
    expect(results[1]?.dropped).toEqual([expect.objectContaining({ call: 1, from: 'properties.items', route: '"nonScalarValues": "flatten"' })])
    expect(results[2]?.dropped).toEqual([expect.objectContaining({ call: 2, from: 'event', route: 'events["Other"]' })])
  })

  it('adds nothing to results when not asked to explain', () => {
    const read = readInput(WORKED_EXAMPLE, 'script')
    if (!read.ok) throw new Error(read.message)
    const [result] = mapCalls(read.calls, defaultPreset)
    expect(result).not.toHaveProperty('provenance')
    expect(result).not.toHaveProperty('dropped')
  })
})

/** Every leaf of a body as a JSON pointer. */
function pointersOf(body: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'object' && value !== null) for (const inner of Object.keys(value)) out.push(`/body/${pointerToken(key)}/${pointerToken(inner)}`)
    else out.push(`/body/${pointerToken(key)}`)
  }
  return out
}

const jsonValue = fc.jsonValue({ maxDepth: 3 })
const record = fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('first_name', 'email', 'plan', 'a/b', 'c~d')), jsonValue, { maxKeys: 5 })
const envelope = fc.record({
  type: fc.constantFrom('track', 'identify', 'page'),
  event: fc.oneof(fc.constantFrom(...Object.keys(defaultPreset.events)), fc.string({ maxLength: 20 })),
  properties: record,
  traits: fc.record({ email: fc.constantFrom('sam@example.com', 'a@b.co'), first_name: jsonValue, last_name: fc.string() }, { requiredKeys: [] }),
  userId: fc.option(fc.constantFrom('u1', 'u2'), { nil: undefined }),
  anonymousId: fc.constantFrom('a', 'b'),
  context: fc.record({ consent: fc.record({ canonical: fc.record({ marketing: fc.boolean() }) }) }, { requiredKeys: [] }),
  messageId: fc.uuid(),
  timestamp: fc.constant('2026-11-29T00:00:00Z'),
}, { requiredKeys: ['type', 'anonymousId', 'messageId', 'timestamp'] })
const preset = presetArbitrary

it('gives every field of every ready body a provenance entry', () => {
  fc.assert(
    fc.property(fc.array(envelope, { minLength: 1, maxLength: 6 }), preset, (values, p) => {
      for (const result of mapCalls(readEnvelopes(values), p, { explain: true })) {
        if (result.status !== 'ready' || !result.request) continue
        const missing = pointersOf(result.request.body as Record<string, unknown>).filter((pointer) => !result.provenance?.[pointer])
        expect(missing).toEqual([])
      }
    }),
    { numRuns: 300 },
  )
}, 30_000)
