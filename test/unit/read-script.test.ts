import { expect, it } from 'vitest'
import { readScript } from '../../src/core/index.ts'

it('reports a syntax error with its line and column and reads no calls', () => {
  const read = readScript('datafly.track("A")\ndatafly.track("B", {a: 1,,})')
  expect(read.parsed).toBe(false)
  expect(read.calls).toEqual([])
  expect(read.issues[0]).toMatchObject({ severity: 'error', line: 2, column: 26, message: expect.stringMatching(/^Syntax error/) })
})

it('reports a variable argument as not a literal, at its position, and marks the call invalid', () => {
  const read = readScript('datafly.track("A", { total: price })')
  expect(read.calls[0]?.envelope).toBeNull()
  expect(read.calls[0]?.issues[0]).toMatchObject({
    severity: 'error',
    path: 'call.arguments[1].total',
    line: 1,
    column: 29,
    endColumn: 34,
    message: expect.stringMatching(/^The variable `price` is not a JSON-like literal/),
  })
})

it('refuses function calls, spreads, computed keys, template expressions and undefined without running them', () => {
  const script = 'datafly.track("A", { a: f(), ...x, [k]: 1, t: `${y}`, u: undefined, m() {} })'
  const issues = readScript(script).calls[0]?.issues ?? []
  expect(issues.map((i) => i.message.split(' is not')[0])).toEqual([
    'A call expression',
    'A spread (...)',
    'A computed key',
    'A template literal with ${…}',
    '`undefined` (use null, or leave the key out)',
    'The init method "m"',
  ])
  expect(issues.every((i) => i.line === 1 && typeof i.column === 'number')).toBe(true)
})

it('reads strings, numbers, negative numbers, booleans, null, arrays and nested objects', () => {
  const read = readScript('datafly.track(`Signed Up`, { n: -1.5, b: true, z: null, a: [1, "two"], o: { "k-1": 2 } })')
  expect(read.calls[0]?.envelope).toMatchObject({
    type: 'track',
    event: 'Signed Up',
    properties: { n: -1.5, b: true, z: null, a: [1, 'two'], o: { 'k-1': 2 } },
  })
})

it('keeps a __proto__ key as a plain property instead of changing the prototype', () => {
  const read = readScript('datafly.track("A", { "__proto__": { polluted: true } })')
  const properties = read.calls[0]?.envelope?.properties ?? {}
  expect(Object.getPrototypeOf(properties)).toBe(Object.prototype)
  expect(Object.keys(properties)).toEqual(['__proto__'])
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
})

it('warns about statements that are not datafly calls and keeps reading', () => {
  const read = readScript('const x = 1\ndatafly.track("A")\nconsole.log(x)')
  expect(read.calls).toHaveLength(1)
  expect(read.issues.map((i) => [i.severity, i.line])).toEqual([
    ['warning', 1],
    ['warning', 3],
  ])
})

it('reports an unsupported datafly method as an invalid call', () => {
  const read = readScript('datafly.alias("x")')
  expect(read.calls[0]).toMatchObject({ type: 'alias', envelope: null })
  expect(read.calls[0]?.issues[0]?.message).toMatch(/datafly.alias is not supported/)
})

it('reports a wrong argument type with the call usage', () => {
  const read = readScript('datafly.track(42)')
  expect(read.calls[0]?.issues[0]).toMatchObject({ path: 'call.arguments[0]', line: 1, column: 15, message: expect.stringMatching(/Usage: datafly.track/) })
})

it('reads page(name, properties), page(properties) and awaited calls', () => {
  const read = readScript('datafly.page("Home", { url: "/" })\nawait datafly.page({ path: "/x" })\ndatafly.page()')
  expect(read.calls.map((c) => c.envelope)).toEqual([
    expect.objectContaining({ type: 'page', name: 'Home', properties: { url: '/' } }),
    expect.objectContaining({ type: 'page', properties: { path: '/x' } }),
    expect.objectContaining({ type: 'page', properties: {} }),
  ])
})

it('gives every call of a script one anonymous visitor and distinct message ids', () => {
  const calls = readScript('datafly.track("A")\ndatafly.track("A")').calls
  expect(calls[0]?.envelope?.anonymousId).toBe(calls[1]?.envelope?.anonymousId)
  expect(calls[0]?.envelope?.messageId).not.toBe(calls[1]?.envelope?.messageId)
})
