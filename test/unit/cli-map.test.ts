import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const BIN = join(import.meta.dirname, '../../src/cli/bin.js')
const dir = mkdtempSync(join(tmpdir(), 'lp-map-'))
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...(input !== undefined ? { input } : {}) })

it('prints one JSON line per input call, in input order, and exits 0', () => {
  const script = file('a.js', 'datafly.identify("u1", { email: "a@example.com" })\ndatafly.track("Signed Up")\ndatafly.group("g")')
  const out = run(['map', script])
  expect(out.status).toBe(0)
  const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; source: { index: number; type: string } })
  expect(lines.map((l) => [l.source.index, l.source.type, l.status])).toEqual([
    [0, 'identify', 'skipped'],
    [1, 'track', 'ready'],
    [2, 'group', 'skipped'],
  ])
  expect(Object.keys(lines[1] ?? {})).toEqual(['status', 'request', 'issues', 'source'])
})

it('reads NDJSON from stdin with -', () => {
  const out = run(['map', '-'], '{"type":"track","event":"Order Completed","userId":"u1"}\n')
  expect(out.status).toBe(0)
  expect(JSON.parse(out.stdout)).toMatchObject({ status: 'ready', request: { body: { eventName: 'order_completed' } } })
})

it('applies a partial preset file over the Default preset', () => {
  const preset = file('p.json', '{"contactProperties":"root","unmappedEvents":"drop"}')
  const input = file('e.json', '[{"type":"track","event":"Plan Upgraded","userId":"u1"}]')
  const out = run(['map', input, '--preset', preset])
  expect(JSON.parse(out.stdout)).toMatchObject({ status: 'skipped' })
})

it('exits 2 with a one-line explanation when the file cannot be read', () => {
  const out = run(['map', join(dir, 'missing.js')])
  expect(out.status).toBe(2)
  expect(out.stdout).toBe('')
  expect(out.stderr.trim().split('\n')).toHaveLength(1)
  expect(out.stderr).toMatch(/cannot read .*missing\.js: no such file/)
})

it('exits 2 when a script does not parse, naming the line and column', () => {
  const out = run(['map', file('bad.js', 'datafly.track("a",')])
  expect(out.status).toBe(2)
  expect(out.stderr).toMatch(/not a Datafly\.js script: 1:19: Syntax error/)
})

it('exits 2 when a preset is invalid, naming the field', () => {
  const out = run(['map', file('x.js', 'datafly.track("a")'), '--preset', file('bad-preset.json', '{"contactProperties":"sideways"}')])
  expect(out.status).toBe(2)
  expect(out.stderr).toMatch(/preset\.contactProperties/)
})

it('documents the command and its output with --help', () => {
  const out = run(['map', '--help'])
  expect(out.status).toBe(0)
  expect(out.stdout).toMatch(/one JSON object per input call/)
})
