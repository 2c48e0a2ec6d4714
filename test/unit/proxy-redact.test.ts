// The last line of defence for "the key never appears in a response": redaction across arbitrary chunk boundaries.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { redact, redactStream } from '../../src/proxy/redact.ts'

const KEY = 'd2d561f5ff80136f69b4b5a31b9fb3c9'

async function throughStream(chunks: Uint8Array[], secrets: string[]): Promise<string> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })
  const scrub = redactStream(secrets)
  return new Response(scrub ? stream.pipeThrough(scrub) : stream).text()
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].toSorted((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let from = 0
  for (const at of [...points, bytes.length]) {
    chunks.push(bytes.slice(from, at))
    from = at
  }
  return chunks
}

it('replaces the key wherever the chunk boundaries fall, and changes nothing else', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(fc.string(), fc.constant(KEY), fc.constant(KEY.slice(0, 10)), fc.constant('é€😀')), { maxLength: 8 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      async (parts, cuts) => {
        const text = parts.join('')
        const out = await throughStream(split(new TextEncoder().encode(text), cuts), [KEY])
        expect(out).toBe(text.replaceAll(KEY, '[redacted]'))
      },
    ),
    { numRuns: 300 },
  )
})

it('passes a chunk on at once unless its tail could begin the key', async () => {
  const scrub = redactStream([KEY])!
  const writer = scrub.writable.getWriter()
  const reader = scrub.readable.getReader()
  void writer.write(new TextEncoder().encode('{"ok":true}\n'))
  expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"ok":true}\n')
  void writer.write(new TextEncoder().encode(`x${KEY.slice(0, 4)}`))
  void writer.write(new TextEncoder().encode(`${KEY.slice(4)}y`))
  void writer.close()
  let rest = ''
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value)
  expect(rest).toBe('x[redacted]y')
})

it('leaves secrets shorter than 8 characters alone, so short tokens cannot corrupt bodies', async () => {
  expect(redactStream(['abc'])).toBeUndefined()
  expect(redact('abc abc', ['abc'])).toBe('abc abc')
  expect(redact(`Bearer ${KEY}`, [KEY, undefined])).toBe('Bearer [redacted]')
})
