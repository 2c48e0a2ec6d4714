import { StringDecoder } from 'node:string_decoder'
import { readFileChunks } from './read-file-chunks.ts'

/** One line of a text stream: its text without the line break, and its 1-based number. */
export interface Line {
  text: string
  lineNumber: number
  /** The line was longer than `maxLineLength`; `text` is empty and the line was not kept in memory. */
  tooLong?: true
}

/** The longest line kept: NDJSON lines are events of at most a few MB; a longer line is reported, not read. */
export const MAX_LINE_LENGTH = 64 * 1024 * 1024

/**
 * Reads a file (or any byte stream) line by line in bounded memory: one chunk (a file is read into one reused
 * buffer) and one line at a time, so files of any size (well past V8's 512 MiB string limit) can be read. `\n` and `\r\n` both end a line; a last line without
 * a break is still read.
 */
export async function* readLines(source: string | AsyncIterable<Uint8Array | string>, maxLineLength = MAX_LINE_LENGTH): AsyncGenerator<Line> {
  const stream = typeof source === 'string' ? readFileChunks(source) : source
  const decoder = new StringDecoder('utf8')
  let pending = ''
  let skipping = false
  let lineNumber = 0
  const line = (text: string): Line => {
    lineNumber++
    return { text: text.endsWith('\r') ? text.slice(0, -1) : text, lineNumber }
  }
  try {
    for await (const chunk of stream) {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer)
      let from = 0
      for (;;) {
        const end = text.indexOf('\n', from)
        if (end === -1) break
        if (skipping) {
          skipping = false
          lineNumber++
          yield { text: '', lineNumber, tooLong: true }
        } else {
          yield line(pending === '' ? text.slice(from, end) : pending + text.slice(from, end))
        }
        pending = ''
        from = end + 1
      }
      if (!skipping) {
        pending += text.slice(from)
        if (pending.length > maxLineLength) {
          skipping = true
          pending = ''
        }
      }
    }
    const rest = pending + decoder.end()
    if (skipping) {
      lineNumber++
      yield { text: '', lineNumber, tooLong: true }
    } else if (rest !== '') {
      yield line(rest)
    }
  } finally {
    if (typeof source === 'string') await (stream as AsyncGenerator<Buffer>).return(undefined)
  }
}
