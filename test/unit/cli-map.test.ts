import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { runCli } from '../fixtures/cli-io.ts'

const dir = mkdtempSync(join(tmpdir(), 'lp-map-'))
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const map = (args: string[], stdin?: string) => runCli(['map', ...args], { cwd: dir, ...(stdin !== undefined ? { stdin } : {}) })

// loading the command's modules is the slow part (on a busy machine); do it once, outside the tests' timeouts
beforeAll(() => map(['-h']), 60_000)

it('prints one JSON line per input call, in input order, and exits 0', async () => {
  const script = file('a.js', 'datafly.identify("u1", { email: "a@example.com" })\ndatafly.track("Signed Up")\ndatafly.group("g")')
  const out = await map([script])
  expect(out.code).toBe(0)
  const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; source: { index: number; type: string } })
  expect(lines.map((l) => [l.source.index, l.source.type, l.status])).toEqual([
    [0, 'identify', 'skipped'],
    [1, 'track', 'ready'],
    [2, 'group', 'skipped'],
  ])
  expect(Object.keys(lines[1] ?? {})).toEqual(['status', 'request', 'issues', 'source'])
})

it('reads NDJSON from stdin with -', async () => {
  const out = await map(['-'], '{"type":"track","event":"Order Completed","userId":"u1"}\n')
  expect(out.code).toBe(0)
  expect(JSON.parse(out.stdout)).toMatchObject({ status: 'ready', request: { body: { eventName: 'order_completed' } } })
})

it('resolves a streamed NDJSON file\'s identities over the whole file, so an event before identify reaches its contact', async () => {
  const lines = [
    { type: 'track', event: 'Product Viewed', anonymousId: 'v1' },
    'not json',
    { type: 'identify', userId: 'u7', anonymousId: 'v1', traits: { email: 'late@example.com' } },
    { type: 'track', event: 'Product Viewed', anonymousId: 'v2' },
  ]
  const out = await map([file('late.ndjson', lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\r\n'))])
  const results = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; request?: { body: Record<string, unknown> }; issues: { message: string }[] })
  expect(results.map((r) => r.status)).toEqual(['ready', 'invalid', 'skipped', 'skipped'])
  expect(results[0]?.request?.body).toMatchObject({ email: 'late@example.com', userId: 'u7' })
  expect(results[1]?.issues[0]?.message).toMatch(/^Line 2 is not JSON/)
})

it('applies a partial preset file over the Default preset', async () => {
  const preset = file('p.json', '{"contactProperties":"root","unmappedEvents":"drop"}')
  const input = file('e.json', '[{"type":"track","event":"Plan Upgraded","userId":"u1"}]')
  const out = await map([input, '--preset', preset])
  expect(JSON.parse(out.stdout)).toMatchObject({ status: 'skipped' })
})

it('exits 2 with a one-line explanation when the file cannot be read', async () => {
  const out = await map([join(dir, 'missing.js')])
  expect(out.code).toBe(2)
  expect(out.stdout).toBe('')
  expect(out.stderr.trim().split('\n')).toHaveLength(1)
  expect(out.stderr).toMatch(/cannot read .*missing\.js: the file does not exist/)
})

it('says the preset file does not exist when --preset names a missing file', async () => {
  const out = await map([file('ok.js', 'datafly.track("a")'), '--preset', 'nowhere.json'])
  expect(out.code).toBe(2)
  expect(out.stderr).toBe('loops-playground map: --preset: cannot read nowhere.json: the file does not exist\n')
})

it('exits 2 for notes.txt and for a script without datafly calls, as the README promises', async () => {
  const notes = await map([file('notes.txt', 'TODO: call Sam\n')])
  expect(notes.code).toBe(2)
  expect(notes.stderr).toMatch(/notes\.txt: a \.txt file is not an input this tool reads/)
  const empty = await map([file('empty.js', '// nothing here\nconsole.log(1)\n')])
  expect(empty.code).toBe(2)
  expect(empty.stderr).toMatch(/no datafly\.track \/ identify \/ page \/ group \/ setConsent calls found/)
  expect((await map([file('blank.ndjson', '\n\n')])).stderr).toMatch(/no envelopes: the input is empty/)
})

it('exits 2 when a script does not parse, naming the line and column', async () => {
  const out = await map([file('bad.js', 'datafly.track("a",')])
  expect(out.code).toBe(2)
  expect(out.stderr).toMatch(/not a Datafly\.js script: 1:19: Syntax error/)
})

it('exits 2 when a preset is invalid, naming the field', async () => {
  const out = await map([file('x.js', 'datafly.track("a")'), '--preset', file('bad-preset.json', '{"contactProperties":"sideways"}')])
  expect(out.code).toBe(2)
  expect(out.stderr).toMatch(/preset\.contactProperties/)
})

it('refuses a long option written with one dash, naming the two-dash form', async () => {
  const out = await map([file('y.js', 'datafly.track("a")'), '-preset', 'p.json'])
  expect(out.code).toBe(2)
  expect(out.stderr).toMatch(/unknown option -preset: long options take two dashes, --preset/)
})

it('documents the command and its output with --help and -h', async () => {
  for (const flag of ['--help', '-h']) {
    const out = await map([flag])
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/one JSON object per input call/)
  }
})
