import { expect, it } from 'vitest'
import { defaultPreset, isHeaderToken, mapCalls, readInput, type MapResult } from '../../src/core/index.ts'

const keyOf = (result: MapResult | undefined): string | undefined => result?.request?.headers['Idempotency-Key']
const keysOf = (text: string, kind: 'ndjson' | 'script'): (string | undefined)[] => {
  const read = readInput(text, kind)
  if (!read.ok) throw new Error(read.message)
  return mapCalls(read.calls, defaultPreset).map(keyOf)
}
const envelope = (i: number): string => JSON.stringify({ type: 'track', event: 'Order Completed', userId: `u${i % 50}`, properties: { n: i } })

it('keeps the keys of the other 2,997 envelopes when 3 bad lines of 3,000 are fixed or removed', () => {
  const bad = new Set([10, 1500, 2990])
  const lines = Array.from({ length: 3000 }, (_, i) => (bad.has(i) ? `{"type":"track", oops ${i}` : envelope(i)))
  const before = keysOf(lines.join('\n'), 'ndjson')
  const fixed = keysOf(lines.map((line, i) => (bad.has(i) ? envelope(i) : line)).join('\n'), 'ndjson')
  const removed = keysOf(lines.filter((_, i) => !bad.has(i)).join('\n'), 'ndjson')
  const good = (keys: (string | undefined)[]) => keys.filter((_, i) => !bad.has(i))
  expect(good(before).every((k) => k !== undefined)).toBe(true)
  expect(good(fixed)).toEqual(good(before))
  expect(removed).toEqual(good(before))
  expect(new Set(fixed).size).toBe(3000)
})

it('changes only the edited call’s key when one value of the first of three track calls changes', () => {
  const script = (plan: string) =>
    [`datafly.identify("u1", { email: "sam@example.com" })`, `datafly.track("Signed Up", { plan: "${plan}" })`, `datafly.track("Signed Up", { plan: "team" })`, `datafly.track("Order Completed", { total: 5 })`].join('\n')
  const before = keysOf(script('pro'), 'script')
  const after = keysOf(script('enterprise'), 'script')
  expect(after[1]).not.toBe(before[1])
  expect([after[2], after[3]]).toEqual([before[2], before[3]])
})

it('keeps the keys of later calls when a statement is inserted above them', () => {
  const calls = [`datafly.identify("u1", { email: "sam@example.com" })`, `datafly.track("A")`, `datafly.track("B")`]
  const before = keysOf(calls.join('\n'), 'script')
  const after = keysOf([calls[0], `datafly.track("New")`, calls[1], calls[2]].join('\n'), 'script')
  expect([after[2], after[3]]).toEqual([before[1], before[2]])
})

it('gives identical calls distinct keys by their ordinal among identical calls', () => {
  const keys = keysOf([`datafly.identify("u1", { email: "sam@example.com" })`, `datafly.track("Clicked")`, `datafly.track("Clicked")`, `datafly.track("Clicked")`].join('\n'), 'script')
  expect(new Set(keys.slice(1)).size).toBe(3)
  const lines = [envelope(1), envelope(1), envelope(2)]
  const ndjson = keysOf(lines.join('\n'), 'ndjson')
  expect(new Set(ndjson).size).toBe(3)
})

it('keeps keys header-safe and within 100 characters whatever the content', () => {
  const odd = JSON.stringify({ type: 'track', event: 'Ünïcødé ☃ "quoted"\n', userId: 'u1', properties: { s: 'x'.repeat(400) } })
  for (const key of keysOf([odd, odd].join('\n'), 'ndjson')) {
    expect(key).toBeDefined()
    expect(key?.length).toBeLessThanOrEqual(100)
    expect(isHeaderToken(key ?? '')).toBe(true)
  }
})

it('keeps a key that a message id gives, whatever else changes', () => {
  const line = (plan: string) => JSON.stringify({ type: 'track', event: 'A', userId: 'u1', messageId: 'msg-1', properties: { plan } })
  expect(keysOf(line('pro'), 'ndjson')).toEqual(keysOf(line('team'), 'ndjson'))
  expect(keysOf(line('pro'), 'ndjson')).toEqual(['msg-1'])
})
