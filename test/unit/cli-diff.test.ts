import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { runCli } from '../fixtures/cli-io.ts'

const dir = mkdtempSync(join(tmpdir(), 'lp-diff-'))
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const cli = (args: string[]) => runCli(args, { cwd: dir })

beforeAll(() => cli(['diff', '-h']), 60_000)

const corpus = (n: number): string =>
  Array.from({ length: n }, (_, i) => [
    JSON.stringify({ type: 'identify', userId: `u${i}`, traits: { email: `p${i}@example.com`, first_name: `P${i}` }, anonymousId: `a${i}`, messageId: `m${i}-0`, timestamp: '2026-11-29T00:00:00Z' }),
    JSON.stringify({ type: 'track', event: 'Order Completed', properties: { revenue: i }, anonymousId: `a${i}`, messageId: `m${i}-1`, timestamp: '2026-11-29T00:00:00Z' }),
  ].join('\n')).join('\n')

it('prints each changed field of a nested → root preset change and exits 1', async () => {
  const input = file('corpus.ndjson', corpus(3))
  const root = file('root.json', JSON.stringify({ contactProperties: 'root' }))
  const out = await cli(['diff', input, '--preset', root])
  expect(out.code).toBe(1)
  expect(out.stdout).toContain('#2 track "Order Completed"\n  - /body/contactProperties/firstName: "P0"\n  + /body/firstName: "P0"')
  expect(out.stdout.trim().split('\n').at(-1)).toBe('6 calls compared: 3 unchanged, 3 changed (0 newly skipped, 0 newly invalid, 0 newly ready)')
})

it('exits 0 and says nothing changed when the preset maps the corpus the same way', async () => {
  const input = file('same.ndjson', corpus(2))
  const same = file('same.json', JSON.stringify({ name: 'Mine' }))
  const out = await cli(['diff', input, '--preset', same, '--base', 'default'])
  expect(out.code).toBe(0)
  expect(out.stdout.trim()).toBe('4 calls compared: 4 unchanged, 0 changed (0 newly skipped, 0 newly invalid, 0 newly ready)')
})

it('prints one JSON object per changed call and the summary with --json', async () => {
  const input = file('json.ndjson', corpus(1))
  const update = file('update.json', JSON.stringify({ identify: 'contacts/update' }))
  const out = await cli(['diff', input, '--preset', update, '--json'])
  const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
  expect(lines[0]).toMatchObject({ index: 0, type: 'identify', status: { from: 'skipped', to: 'ready' }, endpoint: { from: null, to: 'PUT /api/v1/contacts/update' } })
  expect(lines.at(-1)).toEqual({ summary: { compared: 2, unchanged: 1, changed: 1, newlySkipped: 0, newlyInvalid: 0, newlyReady: 1 } })
})

it('exits 2 naming the flag whose preset file cannot be read, and when --preset is missing', async () => {
  const input = file('x.ndjson', corpus(1))
  const missing = await cli(['diff', input, '--preset', 'nope.json'])
  expect(missing.code).toBe(2)
  expect(missing.stderr).toMatch(/--preset: cannot read nope.json: the file does not exist/)
  const base = await cli(['diff', input, '--preset', file('ok.json', '{}'), '--base', 'gone.json'])
  expect(base.stderr).toMatch(/--base: cannot read gone.json/)
  const none = await cli(['diff', input])
  expect(none.code).toBe(2)
  expect(none.stderr).toMatch(/--preset is required/)
})

it('adds provenance and dropped inputs to each map line with --explain', async () => {
  const script = file('s.js', "datafly.identify('u1', { email: 'a@b.co', plan_name: 'pro' })\ndatafly.track('Signed Up', { plan: 'pro' })")
  const out = await cli(['map', script, '--explain'])
  expect(out.code).toBe(0)
  const [identify, track] = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
  expect(identify?.['dropped']).toEqual([expect.objectContaining({ call: 0, from: 'traits.plan_name', route: expect.stringContaining('contactProperties.planName') })])
  expect(track?.['provenance']).toMatchObject({
    '/body/email': { call: 0, line: 1, from: 'traits.email', rule: 'identity.emailTraits' },
    '/body/eventName': { call: 1, line: 2, from: 'event', rule: 'events["Signed Up"]' },
    '/body/eventProperties/plan': { call: 1, from: 'properties.plan' },
  })
})

it('explains streamed NDJSON too, naming the line whose identify supplied a trait', async () => {
  const input = file('e.ndjson', corpus(1))
  const out = await cli(['map', input, '--explain'])
  const track = JSON.parse(out.stdout.trim().split('\n')[1] ?? '{}') as { provenance: Record<string, { call: number }> }
  expect(track.provenance['/body/contactProperties/firstName']?.call).toBe(0)
  expect(track.provenance['/body/eventName']?.call).toBe(1)
})

it('compares a script too, read whole and mapped under both presets', async () => {
  const script = file('d.js', "datafly.track('Order Completed', { revenue: 1 })\ndatafly.identify('u1', { email: 'a@b.co', first_name: 'Ann' })")
  const out = await cli(['diff', script, '--preset', file('root-js.json', JSON.stringify({ contactProperties: 'root' }))])
  expect(out.code).toBe(1)
  expect(out.stdout).toContain('#1 track "Order Completed"\n  - /body/contactProperties/firstName: "Ann"\n  + /body/firstName: "Ann"')
  expect(out.stdout.trim().split('\n').at(-1)).toBe('2 calls compared: 1 unchanged, 1 changed (0 newly skipped, 0 newly invalid, 0 newly ready)')
})
