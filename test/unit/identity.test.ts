import { expect, it } from 'vitest'
import { defaultPreset, mapCalls, readScript, resolveIdentities } from '../../src/core/index.ts'
import { callsOf, makeIdentify, makeTrack } from '../fixtures/builders.ts'

it('resolves events before and after identify to the same identified contact', () => {
  const calls = callsOf(makeTrack('Signed Up'), makeIdentify('u1', { email: 'a@example.com' }), makeTrack('Logged In'))
  const [before, , after] = mapCalls(calls, defaultPreset)
  expect(before?.request?.body).toMatchObject({ email: 'a@example.com', userId: 'u1' })
  expect(after?.request?.body).toMatchObject({ email: 'a@example.com', userId: 'u1' })
})

it('merges traits across identify calls, later keys overwriting earlier ones', () => {
  const identities = resolveIdentities([
    makeIdentify('u1', { email: 'old@example.com', first_name: 'Sam' }),
    makeIdentify('u1', { email: 'new@example.com' }),
  ])
  expect(identities[0]?.traits).toEqual({ email: 'new@example.com', first_name: 'Sam' })
})

it('keeps two visitors apart by anonymous id', () => {
  const calls = callsOf(
    makeTrack('Signed Up', {}, { anonymousId: 'a' }),
    makeIdentify('u1', { email: 'a@example.com' }, { anonymousId: 'a' }),
    makeTrack('Signed Up', {}, { anonymousId: 'b' }),
  )
  const [a, , b] = mapCalls(calls, defaultPreset)
  expect(a?.status).toBe('ready')
  expect(b?.status).toBe('skipped')
})

it('starts a new person when the same device identifies as a different user', () => {
  const calls = callsOf(
    makeIdentify('u1', { email: 'one@example.com', first_name: 'One' }),
    makeTrack('Logged In'),
    makeIdentify('u2', { email: 'two@example.com' }),
    makeTrack('Logged In'),
  )
  const results = mapCalls(calls, defaultPreset)
  expect(results[1]?.request?.body).toMatchObject({ email: 'one@example.com', userId: 'u1' })
  expect(results[3]?.request?.body).toMatchObject({ email: 'two@example.com', userId: 'u2' })
  expect(JSON.stringify(results[3]?.request?.body)).not.toContain('One')
})

it('applies setConsent to the calls that follow it in a script', () => {
  const script = `datafly.identify("u1", { email: "a@example.com" })
datafly.track("Signed Up")
datafly.setConsent({ marketing: true })
datafly.track("Logged In")`
  const [, signup, login] = mapCalls(readScript(script).calls, defaultPreset)
  expect(JSON.stringify(signup?.request?.body)).not.toContain('subscribed')
  expect(login?.request?.body).toMatchObject({ contactProperties: { subscribed: true } })
})

it('keeps a __proto__ trait a plain key, so it cannot supply an email through the prototype', () => {
  const calls = readScript('datafly.identify("u1", { "__proto__": { email: "victim@example.com" } })\ndatafly.track("Signed Up")').calls
  const [, result] = mapCalls(calls, defaultPreset)
  expect(result?.request?.body).toEqual({ userId: 'u1', eventName: 'signed_up' })
  expect(Object.getPrototypeOf(resolveIdentities(calls.map((c) => c.envelope))[1]?.traits)).toBe(Object.prototype)
})
