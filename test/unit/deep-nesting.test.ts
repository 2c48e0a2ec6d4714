import { expect, it } from 'vitest'
import { checkLoopsBody, defaultPreset, mapCalls, readInput, readScript } from '../../src/core/index.ts'
import { flattenValue } from '../../src/core/mapper/flatten-value.ts'

const deepArray = (n: number): string => '['.repeat(n) + ']'.repeat(n)
const deepObject = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n)
const nested = (n: number): unknown => JSON.parse(deepObject(n))

const mapText = (text: string, kind: 'ndjson' | 'json', preset = defaultPreset) => {
  const read = readInput(text, kind)
  if (!read.ok) throw new Error(read.message)
  return mapCalls(read.calls, preset)
}

it('turns a line nested 5,000 deep into one invalid result and maps the rest', () => {
  const lines = [
    `{"type":"track","event":"A","userId":"u1"}`,
    `{"type":"track","event":"Deep","userId":"u1","properties":{"deep":${deepArray(5000)}}}`,
    `{"type":"track","event":"B","userId":"u1"}`,
  ]
  const results = mapText(lines.join('\n'), 'ndjson')
  expect(results.map((r) => r.status)).toEqual(['ready', 'invalid', 'ready'])
  expect(results[1]?.issues).toEqual([expect.objectContaining({ severity: 'error', line: 2, message: expect.stringMatching(/^Line 2: .*more than 100 levels deep/) })])
  expect(JSON.stringify(results)).not.toMatch(/call stack/i)
})

it('turns a line nested 20,000 deep with flatten into one invalid result, in traits, with a messageId, or in a JSON array', () => {
  const flatten = { ...defaultPreset, nonScalarValues: 'flatten' as const }
  for (const deep of [
    `{"type":"track","event":"Deep","userId":"u1","properties":{"deep":${deepObject(20_000)}}}`,
    `{"type":"identify","userId":"u1","traits":{"deep":${deepObject(20_000)}}}`,
    `{"type":"track","event":"Deep","userId":"u1","messageId":"m1","anonymousId":"a1","timestamp":"2026-01-01T00:00:00Z","context":{"deep":${deepObject(20_000)}}}`,
  ]) {
    const ndjson = mapText([deep, `{"type":"track","event":"B","userId":"u1"}`].join('\n'), 'ndjson', flatten)
    expect(ndjson.map((r) => r.status)).toEqual(['invalid', 'ready'])
    const json = mapText(`[${deep},{"type":"track","event":"B","userId":"u1"}]`, 'json', flatten)
    expect(json.map((r) => r.status)).toEqual(['invalid', 'ready'])
  }
})

it('maps data nested up to the limit, flattening it when asked', () => {
  const flatten = { ...defaultPreset, nonScalarValues: 'flatten' as const }
  const [result] = mapText(`{"type":"track","event":"A","userId":"u1","properties":{"d":${deepObject(20)}}}`, 'ndjson', flatten)
  expect(result?.status).toBe('ready')
  expect(Object.keys(result?.request?.body.eventProperties ?? {})).toEqual([`d${'.a'.repeat(20)}`])
})

it('flattens and checks a value nested 20,000 deep without recursion', () => {
  expect(flattenValue('x', nested(20_000))).toEqual([[`x${'.a'.repeat(20_000)}`, 1]])
  expect(checkLoopsBody('events/send', { email: 'a@example.com', eventName: 'x', eventProperties: { deep: nested(20_000) } }).map((i) => i.code)).toEqual(['value-type'])
})

it('reports a script literal nested too deep as one issue, and a script acorn cannot parse with a clear message', () => {
  const moderate = readScript(`datafly.identify("u1")\ndatafly.track("A", { deep: ${deepArray(150)} })\ndatafly.track("B")`)
  expect(moderate.calls.map((c) => c.envelope === null)).toEqual([false, true, false])
  expect(moderate.calls[1]?.issues[0]?.message).toMatch(/nested more than 100 levels deep/)
  const extreme = readScript(`datafly.track("A", { deep: ${deepArray(20_000)} })`)
  expect(extreme.parsed).toBe(false)
  expect(extreme.issues[0]?.message).toMatch(/nests brackets too deeply/)
  expect(extreme.issues[0]?.message).not.toMatch(/stack/i)
})
