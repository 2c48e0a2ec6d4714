import { describe, expect, it } from 'vitest'
import { defaultPreset, mapCalls, readScript } from '../../src/core/index.ts'
import { decodeState, encodeState } from '../../src/playground/state/share-url.ts'
import { toCurl } from '../../src/playground/state/to-curl.ts'

describe('playground share links and curl export', () => {
  it('round-trips a script and a preset through a #v1/ share hash, unicode included', () => {
    const state = { script: "datafly.track('Café ☕ Opened', { note: \"it's\" })\n", preset: '{ "contactProperties": "root" }' }
    const hash = encodeState(state)
    expect(hash.startsWith('#v1/')).toBe(true)
    expect(hash.slice('#v1/'.length)).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeState(hash, { script: 'fallback' })).toEqual(state)
  })

  it('leaves the preset out of the link when it is the default one', () => {
    expect(decodeState(encodeState({ script: 'datafly.page()' }), { script: 'x' })).toEqual({ script: 'datafly.page()' })
  })

  it('gives the fallback for a foreign, truncated or malformed hash', () => {
    const fallback = { script: 'fallback' }
    expect(decodeState('#code/abc', fallback)).toBe(fallback)
    expect(decodeState(encodeState({ script: 'datafly.page()' }).slice(0, 9), fallback)).toBe(fallback)
    expect(decodeState(`#v1/${btoa('{"s": 42}')}`, fallback)).toBe(fallback)
    expect(decodeState('#v1/%%%', fallback)).toBe(fallback)
  })

  it('exports a request as curl with the key left in $LOOPS_API_KEY and quotes escaped', () => {
    const script = `datafly.identify('u1', { email: 'o@example.com' })\ndatafly.track('Signed Up', { note: "it's" })`
    const request = mapCalls(readScript(script).calls, defaultPreset)[1]?.request
    if (!request) throw new Error('the track call should map to a request')
    const curl = toCurl(request)
    expect(curl).toContain(`curl -X POST 'https://app.loops.so/api/v1/events/send'`)
    expect(curl).toContain('-H "Authorization: Bearer $LOOPS_API_KEY"')
    expect(curl).toContain(`-H 'Idempotency-Key: ${request.headers['Idempotency-Key']}'`)
    expect(curl).toContain(`"eventProperties":{"note":"it'\\''s"}}'`)
  })
})
