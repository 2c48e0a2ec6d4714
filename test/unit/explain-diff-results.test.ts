import { describe, expect, it } from 'vitest'
import { addToSummary, diffResults, emptyDiffSummary } from '../../src/core/explain/diff-results.ts'
import { defaultPreset, mapCalls, readInput, type MapResult, type Preset } from '../../src/core/index.ts'

const SCRIPT = `datafly.identify('u1', { email: 'sam@example.com', first_name: 'Sam' })
datafly.track('Order Completed', { revenue: 89.97 })
datafly.page('Pricing')`

function mapUnder(preset: Preset, script = SCRIPT): MapResult[] {
  const read = readInput(script, 'script')
  if (!read.ok) throw new Error(read.message)
  return mapCalls(read.calls, preset)
}

describe('diffResults', () => {
  it('finds nothing when the same input is mapped under the same preset', () => {
    const a = mapUnder(defaultPreset)
    const b = mapUnder(defaultPreset)
    expect(a.map((r, i) => diffResults(r, b[i] as MapResult))).toEqual([undefined, undefined, undefined])
  })

  it('reports nested contact properties moved to the root as removed and added pointers with their values', () => {
    const base = mapUnder(defaultPreset)[1] as MapResult
    const next = mapUnder({ ...defaultPreset, contactProperties: 'root' })[1] as MapResult
    const diff = diffResults(base, next)
    expect(diff?.status).toBeUndefined()
    expect(diff?.changes).toEqual([
      { pointer: '/body/contactProperties/firstName', kind: 'removed', old: 'Sam' },
      { pointer: '/body/firstName', kind: 'added', new: 'Sam' },
    ])
  })

  it('reports a renamed event as a changed eventName with old and new values', () => {
    const preset = { ...defaultPreset, events: { ...defaultPreset.events, 'Order Completed': 'purchase' } }
    const diff = diffResults(mapUnder(defaultPreset)[1] as MapResult, mapUnder(preset)[1] as MapResult)
    expect(diff?.changes).toEqual([{ pointer: '/body/eventName', kind: 'changed', old: 'order_completed', new: 'purchase' }])
  })

  it('reports a status and endpoint change when identify starts updating the contact', () => {
    const diff = diffResults(mapUnder(defaultPreset)[0] as MapResult, mapUnder({ ...defaultPreset, identify: 'contacts/update' })[0] as MapResult)
    expect(diff).toMatchObject({ index: 0, type: 'identify', status: { from: 'skipped', to: 'ready' }, endpoint: { from: null, to: 'PUT /api/v1/contacts/update' } })
    expect(diff?.changes.map((c) => c.pointer)).toContain('/body/email')
  })

  it('escapes ~ and / in pointers as RFC 6901 says', () => {
    const base = mapUnder(defaultPreset, `datafly.identify('u1', { email: 'a@b.co' })\ndatafly.track('X', { 'a/b': 1, 'c~d': 2 })`)[1] as MapResult
    const next = mapUnder(defaultPreset, `datafly.identify('u1', { email: 'a@b.co' })\ndatafly.track('X', { 'a/b': 3, 'c~d': 4 })`)[1] as MapResult
    expect(diffResults(base, next)?.changes.map((c) => c.pointer)).toEqual(['/headers/Idempotency-Key', '/body/eventProperties/a~1b', '/body/eventProperties/c~0d'])
  })

  it('counts unchanged, changed, newly skipped, newly invalid and newly ready calls', () => {
    const base = mapUnder(defaultPreset)
    const next = mapUnder({ ...defaultPreset, unmappedEvents: 'drop', identify: 'contacts/update', events: { 'Order Completed': 'order_completed' } })
    const summary = base.reduce((s, r, i) => addToSummary(s, r, next[i] as MapResult, diffResults(r, next[i] as MapResult)), emptyDiffSummary())
    expect(summary).toEqual({ compared: 3, unchanged: 1, changed: 2, newlySkipped: 1, newlyInvalid: 0, newlyReady: 1 })
  })
})
