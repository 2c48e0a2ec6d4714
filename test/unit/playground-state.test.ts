import { describe, expect, it } from 'vitest'
import { NetworkError } from '../../src/core/index.ts'
import { applySenderEvent, type Run } from '../../src/playground/state/event-log.ts'
import { scriptMarkers } from '../../src/playground/state/markers.ts'
import { mapping } from '../../src/playground/state/mapping.ts'
import { nestsContactProperties, requestText } from '../../src/playground/state/request-text.ts'
import { presetText, scriptText } from '../../src/playground/state/source.ts'

const emptyRun = (): Run => ({
  id: 1,
  startedAt: 0,
  target: 'test',
  notes: [],
  done: false,
  rows: [{ index: 0, call: '#1', name: 'signed_up', at: 0, attempts: [], exchanges: [] }],
})

describe('playground state', () => {
  it('shows each call of the script in the Loops request view with its status and the request parts', () => {
    presetText.value = '{}'
    scriptText.value = "datafly.identify('u1', { email: 'a@example.com' })\ndatafly.track('Signed Up', { plan: 'pro' })"
    const entries = JSON.parse(requestText.value) as Record<string, unknown>[]
    expect(entries.map((e) => e['status'])).toEqual(['skipped', 'ready'])
    expect(entries[1]).toMatchObject({ request: 'POST /api/v1/events/send', body: { eventName: 'signed_up', email: 'a@example.com' } })
    expect(Object.keys(entries[1]?.['headers'] as object)).toEqual(['Authorization', 'Content-Type', 'Idempotency-Key'])
  })

  it('marks a non-literal argument at its position and a skipped call with a hint', () => {
    presetText.value = '{}'
    scriptText.value = "datafly.identify('u1', { email: 'a@example.com' })\ndatafly.track('Signed Up', { total: cart.total })"
    expect(scriptMarkers.value).toEqual([
      expect.objectContaining({ severity: 'hint', startLineNumber: 1 }),
      expect.objectContaining({ severity: 'error', startLineNumber: 2, startColumn: 37, endColumn: 47 }),
    ])
  })

  it('keeps the last preview that parsed while the script has a syntax error', () => {
    presetText.value = '{}'
    scriptText.value = "datafly.identify('u1', { email: 'a@example.com' })\ndatafly.track('Signed Up')"
    const before = requestText.value
    scriptText.value = "datafly.track('Signed Up', {"
    expect(mapping.value.stale).toBe(true)
    expect(requestText.value).toBe(before)
    expect(scriptMarkers.value.map((m) => m.severity)).toEqual(['error'])
  })

  it('notes nested contact properties only while the preset nests them', () => {
    scriptText.value = "datafly.identify('u1', { email: 'a@example.com', first_name: 'A' })\ndatafly.track('Signed Up')"
    presetText.value = '{}'
    expect(nestsContactProperties.value).toBe(true)
    presetText.value = '{ "contactProperties": "root" }'
    expect(nestsContactProperties.value).toBe(false)
  })

  it('folds sender events into attempts, a retry delay and one outcome per row', () => {
    let run = emptyRun()
    run = applySenderEvent(run, { type: 'attempt', index: 0, attempt: 1, method: 'POST', url: 'x', at: 1 })
    run = applySenderEvent(run, { type: 'response', index: 0, attempt: 1, status: 500, durationMs: 12, at: 2 })
    const error = new NetworkError({ method: 'POST', path: '/api/v1/events/send' }, new Error('reset'))
    run = applySenderEvent(run, { type: 'retry', index: 0, attempt: 1, delayMs: 250, reason: 'server-error', status: 500, error, at: 2 })
    run = applySenderEvent(run, { type: 'attempt', index: 0, attempt: 2, method: 'POST', url: 'x', at: 3 })
    run = applySenderEvent(run, { type: 'response', index: 0, attempt: 2, status: 200, durationMs: 9, at: 4 })
    run = applySenderEvent(run, { type: 'outcome', index: 0, outcome: { status: 'delivered', attempts: 2, httpStatus: 200 }, at: 5 })
    expect(run.rows[0]?.attempts).toEqual([
      { n: 1, at: 1, status: 500, durationMs: 12, retry: { delayMs: 250, reason: 'server-error' } },
      { n: 2, at: 3, status: 200, durationMs: 9 },
    ])
    expect(run.rows[0]?.outcome?.status).toBe('delivered')
  })

  it('says a rejected key once, as an error note on the run', () => {
    let run = emptyRun()
    run = applySenderEvent(run, { type: 'key-rejected', status: 401, message: 'Invalid API key', at: 1 })
    expect(run.notes).toEqual([expect.objectContaining({ tone: 'error', text: expect.stringContaining('The API key was rejected (401): Invalid API key.') })])
  })
})
