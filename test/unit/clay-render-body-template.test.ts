import { expect, it } from 'vitest'
import { parseBodyTemplate, renderBodyTemplate, type ClayRow, type RenderOptions } from '../../src/core/clay/index.ts'

const render = (template: string, row: ClayRow, options: Partial<RenderOptions> = {}) =>
  renderBodyTemplate(parseBodyTemplate(template), row, { rowNumber: 1, ...options })

const bodyOf = (template: string, row: ClayRow, options: Partial<RenderOptions> = {}): Record<string, unknown> => {
  const result = render(template, row, options)
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'))
  return result.body
}

it('inserts a quoted token as JSON-escaped text (Loops guide style)', () => {
  expect(bodyOf('{"email": "{{Email}}"}', { Email: 'sam@example.com' })).toEqual({ email: 'sam@example.com' })
})

it('inserts a bare token as the raw value (Clay docs style)', () => {
  expect(bodyOf('{"age": {{Age}}, "vip": {{VIP}}}', { Age: '42', VIP: 'true' })).toEqual({ age: 42, vip: true })
})

it('inserts numbers and booleans raw when bare and as text when quoted', () => {
  const row = { Seats: 12, Paid: false }
  expect(bodyOf('{"seats": {{Seats}}, "paid": {{Paid}}}', row)).toEqual({ seats: 12, paid: false })
  expect(bodyOf('{"seats": "{{Seats}}", "paid": "{{Paid}}"}', row)).toEqual({ seats: '12', paid: 'false' })
})

it('escapes quotes, backslashes, newlines, tabs and control characters inside a string', () => {
  const value = 'He said "hi"\\ then\nleft\tquickly\u0001'
  expect(bodyOf('{"note": "{{Note}}"}', { Note: value })).toEqual({ note: value })
  const result = render('{"note": "{{Note}}"}', { Note: value })
  expect(result.ok && result.text).toBe('{"note": "He said \\"hi\\"\\\\ then\\nleft\\tquickly\\u0001"}')
})

it('keeps non-ASCII text exactly, including emoji and right-to-left scripts', () => {
  const value = 'Zoë Ångström — 東京 🚀 مرحبا'
  expect(bodyOf('{"firstName": "{{Name}}"}', { Name: value })).toEqual({ firstName: value })
})

it('reads column names with spaces and trims spaces inside the braces', () => {
  expect(bodyOf('{"company": "{{ Company name }}"}', { 'Company name': 'Acme, Inc.' })).toEqual({ company: 'Acme, Inc.' })
})

it('inserts an object cell as JSON when bare and as escaped JSON text when quoted', () => {
  const row = { Contact: { plan: 'pro' } }
  expect(bodyOf('{"c": {{Contact}}}', row)).toEqual({ c: { plan: 'pro' } })
  expect(bodyOf('{"c": "{{Contact}}"}', row)).toEqual({ c: '{"plan":"pro"}' })
})

it('inserts an empty cell as null when bare and as an empty string when quoted', () => {
  expect(bodyOf('{"a": {{A}}, "b": "{{B}}"}', { A: '', B: null })).toEqual({ a: null, b: '' })
})

it('removes null values at every depth with "Remove null & undefined values"', () => {
  const body = bodyOf('{"email": "{{Email}}", "plan": {{Plan}}, "nested": {"x": null, "y": 1}, "list": [null, 2]}', { Email: 'a@b.co', Plan: '' }, { removeEmpty: true })
  expect(body).toEqual({ email: 'a@b.co', nested: { y: 1 }, list: [null, 2] })
})

it('keeps null values without the option (a null resets a Loops contact property)', () => {
  expect(bodyOf('{"plan": {{Plan}}}', { Plan: undefined })).toEqual({ plan: null })
})

it('names the row, the column and the position when a column is missing', () => {
  const result = render('{\n  "email": "{{Email}}",\n  "seats": {{Seats}}\n}', { Email: 'a@b.co' }, { columns: ['Email', 'seats'], rowNumber: 7 })
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.issues).toHaveLength(1)
  expect(result.issues[0]).toMatchObject({
    code: 'unknown-column',
    row: 7,
    column: 'Seats',
    start: { line: 3, character: 12, offset: 37 },
    end: { line: 3, character: 21 },
  })
  expect(result.issues[0]?.message).toContain('did you mean "seats"')
})

it('points at the token whose bare value makes the JSON invalid, and says to quote it', () => {
  const result = render('{"email": "{{Email}}", "company": {{Company}}}', { Email: 'a@b.co', Company: 'Acme' }, { rowNumber: 3 })
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.issues[0]).toMatchObject({ code: 'invalid-json', row: 3, column: 'Company', start: { line: 1, character: 35 } })
  expect(result.issues[0]?.message).toMatch(/wrap it in quotes/)
})

it('points at the template text when the template itself is invalid JSON', () => {
  const result = render('{\n  "email": "{{Email}}",\n}', { Email: 'a@b.co' })
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.issues[0]).toMatchObject({ code: 'invalid-json', start: { line: 3, character: 1 } })
  expect(result.issues[0]?.message).toMatch(/trailing comma/)
})

it('reports an unclosed and an empty token with their positions', () => {
  const result = render('{"a": "{{Email", "b": "{{}}"}', {})
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.issues.map((i) => [i.code, i.start.character])).toEqual([
    ['unclosed-token', 8],
    ['empty-token', 24],
  ])
})

it('refuses a body that is not a JSON object', () => {
  const result = render('[{{A}}]', { A: '1' })
  expect(result.ok).toBe(false)
  if (!result.ok) expect(result.issues[0]?.code).toBe('not-an-object')
})

it('does not treat an escaped quote in the template as the end of a string', () => {
  expect(bodyOf('{"title": "The \\"{{Role}}\\" role"}', { Role: 'CTO "acting"' })).toEqual({ title: 'The "CTO "acting"" role' })
})

it('refuses nesting deeper than 64 levels with an issue instead of exhausting the stack', () => {
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
  const result = render('{"a": {{A}}}', { A: deep })
  expect(result.ok).toBe(false)
  if (!result.ok) expect(result.issues[0]?.message).toMatch(/nested deeper than 64 levels/)
  expect(render('{"a": {{A}}}', { A: `${'['.repeat(60)}${']'.repeat(60)}` }).ok).toBe(true)
})
