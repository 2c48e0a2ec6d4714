import { Readable } from 'node:stream'
import { expect, it } from 'vitest'
import { readLines } from '../../src/host/read-lines.ts'

const collect = async (chunks: (string | Buffer)[], max?: number) => {
  const lines = []
  for await (const line of readLines(Readable.from(chunks), max)) lines.push(line)
  return lines
}

it('splits on LF and CRLF across chunks, numbers lines from 1 and reads a last line without a break', async () => {
  expect(await collect(['a\r', '\nb', 'c\n\nd'])).toEqual([
    { text: 'a', lineNumber: 1 },
    { text: 'bc', lineNumber: 2 },
    { text: '', lineNumber: 3 },
    { text: 'd', lineNumber: 4 },
  ])
})

it('keeps a multi-byte character that a chunk boundary splits', async () => {
  const bytes = Buffer.from('é€\n')
  expect(await collect([bytes.subarray(0, 1), bytes.subarray(1, 3), bytes.subarray(3)])).toEqual([{ text: 'é€', lineNumber: 1 }])
})

it('reports a line longer than the limit without keeping it, and goes on with the next', async () => {
  expect(await collect(['ok\n', 'x'.repeat(10), 'x'.repeat(10), '\nnext\n'], 15)).toEqual([
    { text: 'ok', lineNumber: 1 },
    { text: '', lineNumber: 2, tooLong: true },
    { text: 'next', lineNumber: 3 },
  ])
})

it('reads a file across its read chunks, keeping a character split by a chunk boundary', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const path = join(mkdtempSync(join(tmpdir(), 'lines-')), 'f.ndjson')
  // 1 MiB - 1 bytes of 'a', then '€' (3 bytes) straddles the first 1 MiB read
  const first = `${'a'.repeat(1024 * 1024 - 1)}€`
  const second = `é${'b'.repeat(1024 * 1024)}`
  writeFileSync(path, `${first}\n${second}\r\nlast`)
  const lines = []
  for await (const line of readLines(path)) lines.push(line)
  expect(lines.map((l) => [l.lineNumber, l.text.length, l.text.at(-1)])).toEqual([
    [1, first.length, '€'],
    [2, second.length, 'b'],
    [3, 4, 't'],
  ])
  expect(lines[1]?.text.startsWith('é')).toBe(true)
})
