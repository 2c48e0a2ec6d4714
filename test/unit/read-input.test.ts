import { expect, it } from 'vitest'
import { inputKindOf, readInput } from '../../src/core/index.ts'

it('picks the reader from the file extension, and sniffs stdin', () => {
  expect(inputKindOf('a.js', '')).toBe('script')
  expect(inputKindOf('a.ndjson', '')).toBe('ndjson')
  expect(inputKindOf('a.json', '')).toBe('json')
  expect(inputKindOf(undefined, '  [{"type":"track"}]')).toBe('json')
  expect(inputKindOf(undefined, '{"type":"track"}\n')).toBe('ndjson')
  expect(inputKindOf(undefined, 'datafly.track("x")')).toBe('script')
})

it('turns a bad NDJSON line into an invalid call with its line number and keeps the others', () => {
  const read = readInput('{"type":"track","event":"A","userId":"u"}\nnot json\n\n{"type":"track","event":"B","userId":"u"}', 'ndjson')
  expect(read.ok).toBe(true)
  if (!read.ok) return
  expect(read.calls.map((c) => [c.index, c.envelope === null])).toEqual([
    [0, false],
    [1, true],
    [2, false],
  ])
  expect(read.calls[1]?.issues[0]).toMatchObject({ line: 2, message: expect.stringMatching(/Line 2 is not JSON/) })
})

it('refuses a file where no line is JSON as not envelopes', () => {
  const read = readInput('hello\nworld', 'ndjson')
  expect(read).toMatchObject({ ok: false, message: expect.stringMatching(/not NDJSON envelopes: line 1/) })
})

it('reads a JSON array, and a single JSON object as one envelope', () => {
  const array = readInput('[{"type":"track","event":"A","userId":"u"},{"type":"page","userId":"u"}]', 'json')
  const single = readInput('{"type":"identify","userId":"u"}', 'json')
  expect(array.ok && array.calls.length).toBe(2)
  expect(single.ok && single.calls.length).toBe(1)
})

it('reports envelope schema errors with the field path', () => {
  const read = readInput('[{"type":"purchase"},{"type":"track","properties":[1]}]', 'json')
  if (!read.ok) throw new Error('expected ok')
  expect(read.calls[0]?.issues[0]?.path).toBe('envelope.type')
  expect(read.calls[1]?.issues[0]?.path).toBe('envelope.properties')
})

it('fills a missing messageId deterministically', () => {
  const id = () => {
    const read = readInput('{"type":"track","event":"A","userId":"u"}', 'ndjson')
    return read.ok ? read.calls[0]?.envelope?.messageId : undefined
  }
  expect(id()).toMatch(/^[0-9a-f-]{36}$/)
  expect(id()).toBe(id())
})
