import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { scanMarkedLines, type MarkedLine } from '../../src/host/scan-marked-lines.ts'

const scan = async (text: string | Buffer, options: { max?: number; always?: (n: number) => boolean } = {}) => {
  const path = join(mkdtempSync(join(tmpdir(), 'scan-')), 'f')
  writeFileSync(path, text)
  const lines: MarkedLine[] = []
  await scanMarkedLines(path, ['"userId"', 'traits"'], (line) => lines.push(line), {
    maxLineLength: options.max ?? 1024,
    ...(options.always ? { always: options.always } : {}),
  })
  return lines
}

it('decodes only the lines holding a marker, numbers every line and tells blank ones', async () => {
  const lines = await scan('{"a":1}\r\n{"userId":"u"}\n  \n{"traits":{}}\r\n{"b":2}')
  expect(lines).toEqual([
    { lineNumber: 1, blank: false, text: undefined, tooLong: false },
    { lineNumber: 2, blank: false, text: '{"userId":"u"}', tooLong: false },
    { lineNumber: 3, blank: true, text: undefined, tooLong: false },
    { lineNumber: 4, blank: false, text: '{"traits":{}}', tooLong: false },
    { lineNumber: 5, blank: false, text: undefined, tooLong: false },
  ])
})

it('finds markers and lines across 1 MiB chunk boundaries, and reads asked-for lines too', async () => {
  const filler = `{"pad":"${'x'.repeat(1000)}"}\n`
  const text = filler.repeat(1100) + '{"userId":"late","é":"€"}\n' + filler
  const lines = await scan(text, { max: 64 * 1024 * 1024, always: (n) => n === 1 })
  expect(lines).toHaveLength(1102)
  expect(lines[0]?.text).toBe(filler.trim())
  expect(lines.filter((l) => l.text !== undefined).map((l) => l.lineNumber)).toEqual([1, 1101])
  expect(lines[1100]?.text).toBe('{"userId":"late","é":"€"}')
})

it('reports a line longer than the limit without decoding it', async () => {
  const lines = await scan(`{"userId":"a"}\n${'y'.repeat(3 * 1024 * 1024)}\n{"userId":"b"}\n`, { max: 1024 * 1024 })
  expect(lines.map((l) => [l.lineNumber, l.tooLong, l.text])).toEqual([
    [1, false, '{"userId":"a"}'],
    [2, true, undefined],
    [3, false, '{"userId":"b"}'],
  ])
})

it('decodes a marked line that spans three chunks whole, and the lines around it', async () => {
  const long = `{"userId":"u","pad":"${'z'.repeat(2.5 * 1024 * 1024)}"}`
  const lines = await scan(`{"a":1}\n${long}\n{"traits":{}}\n`, { max: 64 * 1024 * 1024 })
  expect(lines.map((l) => [l.lineNumber, l.text?.length])).toEqual([
    [1, undefined],
    [2, long.length],
    [3, '{"traits":{}}'.length],
  ])
  expect(lines[1]?.text).toBe(long)
})
