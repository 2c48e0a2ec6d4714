import fc from 'fast-check'
import { expect, it } from 'vitest'
import { jsonKeyLines } from '../../src/playground/state/json-key-lines.ts'

/** The key each reported line really holds in JSON.stringify(value, null, 2). */
function keyOnLine(text: string, line: number): string | undefined {
  return /^\s*(?:"((?:[^"\\]|\\.)*)":|(?=\S))/.exec(text.split('\n')[line - 1] ?? '')?.[1]
}

it('finds the line of each key in a pretty-printed request', () => {
  const value = [{ call: '#1', status: 'ready', body: { email: 'a@b.co', contactProperties: { firstName: 'Sam' }, empty: {} } }]
  const lines = jsonKeyLines(value)
  expect(lines.find((l) => l.path.join('/') === '0/body/contactProperties/firstName')?.line).toBe(8)
  expect(lines.find((l) => l.path.join('/') === '0/body/empty')?.line).toBe(10)
})

it('agrees with JSON.stringify on any JSON value', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
      const text = JSON.stringify(value, null, 2)
      for (const { line, path } of jsonKeyLines(value)) {
        const last = path[path.length - 1]
        if (typeof last === 'string') expect(JSON.parse(`"${keyOnLine(text, line) ?? ''}"`)).toBe(last)
      }
    }),
    { numRuns: 200 },
  )
})

