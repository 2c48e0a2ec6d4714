import fc from 'fast-check'
import { expect, it } from 'vitest'
import { createIdentityIndex } from '../../src/core/mapper/identity-index.ts'
import { readEnvelopes, resolveIdentities } from '../../src/core/index.ts'

const envelope = fc.record(
  {
    type: fc.constantFrom('track', 'identify', 'page', 'group'),
    event: fc.constant('Order Completed'),
    userId: fc.oneof(fc.constantFrom('u1', 'u2', '', 'u3'), fc.constant(null)),
    anonymousId: fc.constantFrom('a', 'b', 'c', '__proto__'),
    traits: fc.dictionary(fc.constantFrom('email', 'plan', '__proto__', 'first_name'), fc.oneof(fc.string({ maxLength: 5 }), fc.integer())),
    context: fc.record({ traits: fc.dictionary(fc.constantFrom('email', 'plan', 'company'), fc.string({ maxLength: 5 })) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['type', 'anonymousId'] },
)

it('resolves every call to the same identity as resolveIdentities, one envelope at a time', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(envelope, fc.constant(null)), { maxLength: 40 }), (values) => {
      const calls = readEnvelopes(values)
      const envelopes = calls.map((c) => c.envelope)
      const index = createIdentityIndex()
      envelopes.forEach((e, i) => index.add(i, e))
      expect(envelopes.map((_, i) => index.identityOf(i))).toEqual(resolveIdentities(envelopes))
      expect(index.size).toBe(envelopes.length)
    }),
  )
})

it('refuses calls out of input order', () => {
  const index = createIdentityIndex()
  expect(() => index.add(1, null)).toThrow(/add calls in input order/)
})
