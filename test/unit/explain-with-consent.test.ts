import { describe, expect, it } from 'vitest'
import { withConsent } from '../../src/core/explain/with-consent.ts'
import { defaultPreset, mapCalls, readInput } from '../../src/core/index.ts'

const SCRIPT = `datafly.setConsent({ marketing: false })
datafly.identify('u1', { email: 'sam@example.com' })
datafly.track('Signed Up')`

function calls() {
  const read = readInput(SCRIPT, 'script')
  if (!read.ok) throw new Error(read.message)
  return read.calls
}

const subscribedOf = (whatIf: Parameters<typeof withConsent>[1]) => {
  const body = mapCalls(withConsent(calls(), whatIf), defaultPreset).at(-1)?.request?.body as Record<string, unknown>
  const nested = body['contactProperties'] as Record<string, unknown> | undefined
  return nested?.['subscribed'] ?? body['subscribed']
}

describe('withConsent', () => {
  it('maps as written when asked to', () => {
    expect(withConsent(calls(), 'as-written')).toEqual(calls())
    expect(subscribedOf('as-written')).toBeUndefined()
  })

  it('adds subscribed: true when marketing consent is granted', () => {
    expect(subscribedOf('granted')).toBe(true)
  })

  it('omits subscribed when consent is denied or absent, never sending false', () => {
    expect(subscribedOf('denied')).toBeUndefined()
    expect(subscribedOf('absent')).toBeUndefined()
  })

  it('leaves the input calls unchanged', () => {
    const input = calls()
    const before = structuredClone(input.map((c) => c.envelope))
    withConsent(input, 'granted')
    expect(input.map((c) => c.envelope)).toEqual(before)
  })
})
