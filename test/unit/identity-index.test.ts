import fc from 'fast-check'
import { expect, it } from 'vitest'
import { createIdentityIndex, mayChangeIdentity } from '../../src/core/mapper/identity-index.ts'
import { readEnvelopes, resolveIdentities } from '../../src/core/index.ts'

const anEnvelope = fc.record(
  {
    type: fc.constantFrom('track', 'identify', 'page', 'group'),
    event: fc.constant('Order Completed'),
    userId: fc.oneof(fc.constantFrom('u1', 'u2', '', 'u3'), fc.constant(null)),
    anonymousId: fc.constantFrom('a', 'b', 'c', '__proto__'),
    traits: fc.dictionary(fc.constantFrom('email', 'plan', '__proto__', 'first_name'), fc.oneof(fc.string({ maxLength: 5 }), fc.integer())),
    context: fc.record({ traits: fc.dictionary(fc.constantFrom('email', 'plan', 'company'), fc.string({ maxLength: 5 })) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['type'] },
)

it('resolves every call as resolveIdentities does, when the first pass learns only the lines that may change an identity', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(anEnvelope, fc.constant(null), fc.constant('not an envelope')), { maxLength: 40 }), (values) => {
      const envelopes = readEnvelopes(values).map((c) => c.envelope)
      const index = createIdentityIndex()
      values.forEach((value, i) => {
        const envelope = envelopes[i]
        if (envelope && mayChangeIdentity(JSON.stringify(value))) index.learn(envelope)
      })
      expect(envelopes.map((e) => index.resolve(e ?? null))).toEqual(resolveIdentities(envelopes))
    }),
  )
})

it('may skip a line only when no identity field can be in it', () => {
  expect(mayChangeIdentity('{"type":"track","anonymousId":"a"}')).toBe(false)
  expect(mayChangeIdentity('{"type":"track","userId":"u1"}')).toBe(true)
  expect(mayChangeIdentity('{"type":"identify"}')).toBe(true)
  expect(mayChangeIdentity('{"context":{"traits":{}}}')).toBe(true)
  expect(mayChangeIdentity('{"user\\u0049d":"u1"}')).toBe(true)
})
