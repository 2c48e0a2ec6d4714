import fc from 'fast-check'
import { expect, it } from 'vitest'
import { presetArbitrary } from '../fixtures/preset-arbitrary.ts'
import { defaultPreset, mapCalls, readEnvelopes, readScript } from '../../src/core/index.ts'

const jsonValue = fc.jsonValue({ maxDepth: 3 })
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'email', 'eventName', 'toString'))
const record = fc.dictionary(key, jsonValue, { maxKeys: 6 })

const envelope = fc.record(
  {
    type: fc.oneof(fc.constantFrom('track', 'identify', 'page', 'group'), fc.string()),
    event: fc.oneof(fc.string({ maxLength: 600 }), fc.constantFrom('Order Completed', 'a:b', '', '   ')),
    name: fc.string(),
    properties: fc.oneof(record, jsonValue),
    traits: fc.oneof(record, fc.record({ email: fc.oneof(fc.emailAddress(), fc.string()), first_name: jsonValue })),
    userId: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
    anonymousId: fc.constantFrom('a', 'b', 'c'),
    context: fc.oneof(jsonValue, fc.record({ consent: fc.oneof(jsonValue, fc.record({ canonical: record, categories: fc.oneof(record, fc.array(fc.string())) })), traits: record, page: record })),
    messageId: fc.string({ maxLength: 150 }),
    timestamp: fc.string(),
  },
  { requiredKeys: [] },
)

const preset = presetArbitrary

it('never throws on arbitrary envelopes and returns exactly one result of a known status per call', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(envelope, jsonValue), { maxLength: 8 }), preset, (values, p) => {
      const results = mapCalls(readEnvelopes(values), p)
      expect(results).toHaveLength(values.length)
      results.forEach((result, i) => {
        expect(['ready', 'skipped', 'invalid']).toContain(result.status)
        expect(result.source.index).toBe(i)
        if (result.status === 'ready') expect(result.request).toBeDefined()
        if (result.status === 'skipped') expect(result.reason).toBeTruthy()
        if (result.status === 'invalid') expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true)
      })
    }),
    { numRuns: 400 },
  )
}, 30_000)

it('never throws on arbitrary script text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => `datafly.track("X", ${JSON.stringify(v)})`)), (source) => {
      const read = readScript(source)
      const results = mapCalls(read.calls, defaultPreset)
      expect(results).toHaveLength(read.calls.length)
    }),
    { numRuns: 300 },
  )
})

it('only ever puts scalar values of at most 500 JSON characters in a ready request', () => {
  fc.assert(
    fc.property(fc.array(envelope, { maxLength: 5 }), preset, (values, p) => {
      for (const result of mapCalls(readEnvelopes(values), p)) {
        if (result.status !== 'ready') continue
        const body = result.request?.body as Record<string, unknown>
        const props = { ...(body['eventProperties'] as object | undefined) }
        for (const value of Object.values(props)) {
          expect(['string', 'number', 'boolean']).toContain(typeof value)
          expect(JSON.stringify(value).length).toBeLessThanOrEqual(500)
        }
        expect(String(body['eventName'])).not.toContain(':')
        expect((result.request?.headers['Idempotency-Key'] ?? '').length).toBeLessThanOrEqual(100)
      }
    }),
    { numRuns: 300 },
  )
})
