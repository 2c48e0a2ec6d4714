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
