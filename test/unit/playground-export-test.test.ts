import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { defaultPreset, parsePreset } from '../../src/core/index.ts'
import { workedExample } from '../../src/playground/examples/worked-example.ts'
import { replay } from '../../src/playground/export/replay.ts'
import { toTemplateLiteral } from '../../src/playground/export/to-template-literal.ts'
import { toVitestTest } from '../../src/playground/export/to-vitest-test.ts'

// The exported test file itself is run in a user's project by the packaging test (test/package).

const twice = `datafly.identify('u1', { email: 'ada@example.com', first_name: 'Ada' })
datafly.track('Signed Up', { plan: 'pro' })
datafly.track('Plan Changed', { plan: 'team' })
datafly.track('', {})
`

it('replays the worked example: the order is delivered (200) and the mock holds Sam with the order event', async () => {
  const result = await replay(workedExample.script, defaultPreset)
  expect(result.calls.map((c) => [c.status, c.outcome])).toEqual([
    ['ready', { status: 'delivered', httpStatus: 200 }],
    ['skipped', { status: 'skipped' }],
  ])
  expect(result.contacts).toEqual([expect.objectContaining({ email: 'sam@example.com', userId: 'user_8821', firstName: 'Sam' })])
  expect(result.events).toEqual([
    expect.objectContaining({ email: 'sam@example.com', eventName: 'order_completed', eventProperties: expect.objectContaining({ order_id: 'ORD-1042' }) }),
  ])
})

it('replays each call to its outcome (skipped, delivered, failed) and gives the same result on every run', async () => {
  const first = await replay(twice, defaultPreset)
  expect(first.calls.map((c) => c.outcome)).toEqual([
    { status: 'skipped' },
    { status: 'delivered', httpStatus: 200 },
    { status: 'delivered', httpStatus: 200 },
    { status: 'failed' },
  ])
  expect(first.events.map((e) => e.eventName)).toEqual(['signed_up', 'plan_changed'])
  expect(await replay(twice, defaultPreset)).toEqual(first)
})

it('exports a Vitest file that imports the package by name and carries the script, the preset and what the replay saw', async () => {
  const result = await replay(twice, defaultPreset)
  const file = toVitestTest({ script: twice, preset: undefined, replay: result })
  expect(file).toContain("from 'loops-playground/core'")
  expect(file).toContain("import { setupLoopsMock } from 'loops-playground/mock'")
  expect(file).toContain('const preset = defaultPreset')
  expect(file).toContain(toTemplateLiteral(twice))
  expect(file).toContain(`status: "failed"`)
  expect(file).not.toMatch(/\.\.\/|src\/|mock-server\//)
  const read = parsePreset({ ...defaultPreset, contactProperties: 'root' })
  if (!read.ok) throw new Error('preset')
  const custom = toVitestTest({ script: twice, preset: read.preset, replay: await replay(twice, read.preset) })
  expect(custom).toContain('const presetRead = parsePreset(')
  expect(custom).toContain('contactProperties: "root"')
})

it('writes any script as a template literal that evaluates back to exactly the same text', async () => {
  const texts = fc.sample(fc.string({ unit: fc.constantFrom('`', '$', '{', '}', '\\', '\r', '\n', 'a', 'é', '☕', '\u2028') }), 200)
  texts.push('a `b` ${c} \\${d} \\ \r\n e')
  const dir = join(import.meta.dirname, '../../.vitest/generated')
  await mkdir(dir, { recursive: true })
  const path = join(dir, `template-${process.pid}.mjs`)
  await writeFile(path, `export default [\n${texts.map(toTemplateLiteral).join(',\n')}\n]`)
  const back = ((await import(/* @vite-ignore */ pathToFileURL(path).href)) as { default: string[] }).default
  expect(back).toEqual(texts)
})
