import fc from 'fast-check'
import { expect, it } from 'vitest'
import { parseBodyTemplate, renderBodyTemplate } from '../../src/core/clay/index.ts'

const cell = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '"', '\\', '\n', '}', '{{x}}', 'null', '42', 'true', '{"a":1}', '[1,'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }),
)
const row = fc.record({ Email: cell, Seats: cell, 'Company name': cell })
const template = fc.constantFrom(
  '{"email": "{{Email}}", "seats": {{Seats}}, "company": "{{Company name}}"}',
  '{"email": {{Email}}, "seats": "{{Seats}}"}',
  '{"nested": {"a": [{{Seats}}, "{{Email}}"]}, "c": {{Company name}}}',
  '{"x": "{{Email}} and {{Seats}}"}',
)

it('renders any row values to a JSON object or to issues, and never throws', () => {
  fc.assert(
    fc.property(template, row, fc.boolean(), (source, values, removeEmpty) => {
      const result = renderBodyTemplate(parseBodyTemplate(source), values, { rowNumber: 1, removeEmpty })
      if (result.ok) {
        expect(typeof result.body).toBe('object')
        expect(JSON.parse(result.text)).toEqual(result.body)
      } else {
        expect(result.issues.length).toBeGreaterThan(0)
        for (const issue of result.issues) expect(issue.row).toBe(1)
      }
    }),
    { numRuns: 500 },
  )
})

it('round-trips any text through a quoted token exactly', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const result = renderBodyTemplate(parseBodyTemplate('{"v": "{{V}}"}'), { V: text }, { rowNumber: 1 })
      expect(result.ok && result.body['v']).toBe(text)
    }),
  )
})

it('never throws on any template text', () => {
  fc.assert(
    fc.property(fc.string(), row, (source, values) => {
      const result = renderBodyTemplate(parseBodyTemplate(source), values, { rowNumber: 2 })
      expect(typeof result.ok).toBe('boolean')
    }),
    { numRuns: 500 },
  )
})

it('agrees with JSON.parse on whether a template without tokens is JSON', () => {
  fc.assert(
    fc.property(fc.oneof(fc.json(), fc.string()), (source) => {
      const clean = source.replaceAll('{{', '{ {')
      let parses = true
      try {
        JSON.parse(clean)
      } catch {
        parses = false
      }
      const result = renderBodyTemplate(parseBodyTemplate(clean), {}, { rowNumber: 1 })
      const isObject = parses && (() => { const v: unknown = JSON.parse(clean); return typeof v === 'object' && v !== null && !Array.isArray(v) })()
      expect(result.ok).toBe(isObject)
    }),
    { numRuns: 500 },
  )
})
