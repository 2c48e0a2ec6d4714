import { expect, it } from 'vitest'
import { defaultPreset, mapCalls, readScript } from '../../src/core/index.ts'
import { runSend } from '../../src/playground/send/run-send.ts'
import { applySenderEvent, runs, type Run } from '../../src/playground/state/event-log.ts'
import { outcomeOf } from '../../src/playground/state/outcome-of.ts'
import { runSummary } from '../../src/playground/state/run-summary.ts'

const row = (index: number) => ({ index, call: `#${index + 1}`, name: 'signed_up', at: 0, attempts: [], exchanges: [] })
const runOf = (rows: number, done: boolean): Run => ({ id: 1, startedAt: 0, target: 'test', notes: [], done, rows: Array.from({ length: rows }, (_, i) => row(i)) })

it('gives three 429 pauses of one Send one note that counts them', () => {
  let run = runOf(1, false)
  for (const at of [1, 2, 3]) run = applySenderEvent(run, { type: 'paused', ms: 1000, reason: 'rate-limited', at })
  expect(run.notes).toHaveLength(1)
  expect(run.notes[0]).toMatchObject({ tone: 'warning', count: 3 })
  expect(run.notes[0]?.text).toContain('Loops answered 429')
})

it('announces a lowered rate once per Send, with the latest limit', () => {
  let run = runOf(1, false)
  run = applySenderEvent(run, { type: 'rate-lowered', limit: 8, at: 1 })
  run = applySenderEvent(run, { type: 'rate-lowered', limit: 5, at: 2 })
  expect(run.notes.map((n) => n.text)).toEqual(['Loops reports a limit of 5 requests per second: the sender slows down to match.'])
})

it('counts a finished block by the outcome each of its rows shows', () => {
  const run = runOf(2, true)
  expect(run.rows.map((r) => outcomeOf(r, run.done).label)).toEqual(['failed', 'failed'])
  expect(runSummary(run)).toBe('2 failed')
})

it('counts a running block by where each row is', () => {
  expect(runSummary(runOf(2, false))).toBe('2 queued')
})

it('without an API key keeps a skipped identify skipped and ends ready calls as not sent', async () => {
  const calls = readScript("datafly.track('Signed Up', { plan: 'pro' })\ndatafly.identify('u1', { email: 'a@example.com' })").calls
  const results = mapCalls(calls, defaultPreset)
  expect(results.map((r) => r.status)).toEqual(['ready', 'skipped'])
  await runSend(results, { label: 'test', baseUrl: 'http://127.0.0.1:9', apiKey: '' })
  const run = runs.value[0]
  expect(run).toBeDefined()
  if (!run) return
  expect(run.rows.map((r) => outcomeOf(r, run.done).label)).toEqual(['failed', 'skipped'])
  expect(run.rows[0]?.outcome).toMatchObject({ status: 'failed', code: 'not-sent' })
  expect(runSummary(run)).toBe('1 failed · 1 skipped')
  expect(run.notes).toEqual([expect.objectContaining({ tone: 'error', text: 'Enter an API key first: nothing was sent.' })])
})
