import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { createTestIo, runCli } from '../fixtures/cli-io.ts'

// counts the passes over the input: the identity index pass (scanMarkedLines) and the map pass (readLines)
const passes = vi.hoisted(() => ({ index: [] as string[], map: [] as string[] }))
vi.mock('../../src/host/scan-marked-lines.ts', async (original) => {
  const actual = await original<typeof import('../../src/host/scan-marked-lines.ts')>()
  return { ...actual, scanMarkedLines: (path: string, ...rest: [never, never, never]) => (passes.index.push(path), actual.scanMarkedLines(path, ...rest)) }
})
vi.mock('../../src/host/read-lines.ts', async (original) => {
  const actual = await original<typeof import('../../src/host/read-lines.ts')>()
  return { ...actual, readLines: (source: string, ...rest: [never]) => (passes.map.push(source), actual.readLines(source, ...rest)) }
})

const dir = mkdtempSync(join(tmpdir(), 'lp-diff-streaming-'))
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const envelope = (i: number, type: 'identify' | 'track'): string =>
  JSON.stringify({
    type,
    ...(type === 'identify' ? { userId: `u${i}`, traits: { email: `p${i}@example.com`, first_name: `P${i}` } } : { event: 'Order Completed', properties: { revenue: i } }),
    anonymousId: `a${i}`,
    messageId: `m${i}-${type}`,
    timestamp: '2026-11-29T00:00:00Z',
  })
// each visitor's track comes before its identify: its first name can only come from the index pass
const corpus = (n: number): string => Array.from({ length: n }, (_, i) => `${envelope(i, 'track')}\n${envelope(i, 'identify')}`).join('\n')
const root = file('root.json', JSON.stringify({ contactProperties: 'root' }))

beforeAll(() => runCli(['diff', '-h']), 60_000)
beforeEach(() => {
  passes.index.length = 0
  passes.map.length = 0
})

it('reads NDJSON twice in all for diff: one identity index pass and one map pass serve both presets', async () => {
  const input = file('passes.ndjson', corpus(3))
  const out = await runCli(['diff', input, '--preset', root], { cwd: dir })
  expect(out.code).toBe(1)
  expect(out.stdout).toContain('#1 track "Order Completed"\n  - /body/contactProperties/firstName: "P0"\n  + /body/firstName: "P0"')
  expect(out.stdout.trim().split('\n').at(-1)).toBe('6 calls compared: 3 unchanged, 3 changed (0 newly skipped, 0 newly invalid, 0 newly ready)')
  expect(passes).toEqual({ index: [input], map: [input] })
})

it('stops reading while stdout is full and finishes once it drains, so diff output never queues up in memory', async () => {
  const input = file('backpressure.ndjson', corpus(200))
  let flowing = false
  const held: (() => void)[] = []
  let text = ''
  const stdout = new Writable({
    highWaterMark: 256,
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString()
      if (flowing) done()
      else held.push(done)
    },
  })
  const test = createTestIo({ cwd: dir })
  const running = main(['diff', input, '--preset', root], { ...test.io, stdout })
  await vi.waitFor(() => expect(held.length).toBe(1))
  await sleep(50)
  // one line handed to the stream, at most one more buffered behind it: the rest of the input waits
  expect(held.length).toBe(1)
  expect(stdout.writableLength).toBeLessThan(256 + 200)
  expect(text).not.toContain('calls compared')
  flowing = true
  for (const done of held.splice(0)) done()
  expect(await running).toBe(1)
  expect(text.match(/^#\d+ track/gm)).toHaveLength(200)
  expect(text.trim().split('\n').at(-1)).toBe('400 calls compared: 200 unchanged, 200 changed (0 newly skipped, 0 newly invalid, 0 newly ready)')
})
