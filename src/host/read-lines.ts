import { readFileChunks } from './read-file-chunks.ts'

/** One line of a text stream: its text without the line break, and its 1-based number. */
export interface Line {
  text: string
  lineNumber: number
  /** The line was longer than `maxLineLength`; `text` is empty and the line was not kept in memory. */
  tooLong?: true
}

/** The longest line kept (in bytes): NDJSON lines are events of at most a few MB; a longer line is reported, not read. */
export const MAX_LINE_LENGTH = 64 * 1024 * 1024

const LF = 0x0a
const CR = 0x0d

/**
 * Reads a file (or any byte stream) line by line in bounded memory, so files of any size (well past V8's 512 MiB
 * string limit) can be read. A file is read into one reused buffer; lines are found in the bytes and each is
 * decoded on its own (a line break byte never occurs inside a UTF-8 character, so no character is split), and
 * no string larger than a line is ever made. Only a line that spans two chunks is copied. `\n` and `\r\n` both
 * end a line; a last line without a break is still read.
 */
export async function* readLines(source: string | AsyncIterable<Uint8Array | string>, maxLineLength = MAX_LINE_LENGTH): AsyncGenerator<Line> {
  const stream = typeof source === 'string' ? readFileChunks(source) : source
  let lineNumber = 0
  /** the unfinished line begun in an earlier chunk (a copy: a file's chunk buffer is reused) */
  let carry: Buffer | undefined
  let skipping = false
  const line = (buf: Buffer, start: number, end: number): Line => {
    lineNumber++
    const stop = end > start && buf[end - 1] === CR ? end - 1 : end
    return { text: buf.toString('utf8', start, stop), lineNumber }
  }
  const tooLong = (): Line => {
    lineNumber++
    return { text: '', lineNumber, tooLong: true }
  }
  for await (const chunk of stream) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    let start = 0
    for (let nl = data.indexOf(LF); nl !== -1; nl = data.indexOf(LF, start)) {
      if (skipping) {
        skipping = false
        yield tooLong()
      } else if (carry !== undefined) {
        const whole = carry.length + (nl - start) > maxLineLength ? undefined : Buffer.concat([carry, data.subarray(start, nl)])
        carry = undefined
        yield whole === undefined ? tooLong() : line(whole, 0, whole.length)
      } else {
        yield nl - start > maxLineLength ? tooLong() : line(data, start, nl)
      }
      start = nl + 1
    }
    if (start < data.length && !skipping) {
      carry = carry === undefined ? Buffer.from(data.subarray(start)) : Buffer.concat([carry, data.subarray(start)])
      if (carry.length > maxLineLength) {
        skipping = true
        carry = undefined
      }
    }
  }
  if (skipping) yield tooLong()
  else if (carry !== undefined) yield line(carry, 0, carry.length)
}
