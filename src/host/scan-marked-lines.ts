import { createReadStream } from 'node:fs'

/** One line as the marked scan sees it: its number, whether it is blank, and its text only when it is marked. */
export interface MarkedLine {
  lineNumber: number
  blank: boolean
  /** The line's text when it contains one of the markers (or `always` asked for it), else undefined. */
  text: string | undefined
  /** Longer than the limit: never decoded. */
  tooLong: boolean
}

const SPACE = new Set([0x20, 0x09, 0x0d, 0x0b, 0x0c])

/**
 * Reads a file line by line without decoding most of it: each chunk is searched (natively, `Buffer.indexOf`) for
 * the byte patterns in `markers`, and only the lines holding one are turned into strings. For a first pass that
 * needs a few lines (the identity index) out of a big file. `always(lineNumber, nonBlankSoFar)` may ask for the
 * text of other lines too. Calls `onLine` for every line, in order, synchronously.
 */
export async function scanMarkedLines(
  path: string,
  markers: readonly string[],
  onLine: (line: MarkedLine) => void,
  options: { maxLineLength: number; always?: (lineNumber: number) => boolean },
): Promise<void> {
  const patterns = markers.map((m) => Buffer.from(m, 'utf8'))
  let carry: Buffer = Buffer.alloc(0)
  let skipping = false
  let lineNumber = 0
  const emit = (buf: Buffer, start: number, end: number, marked: boolean): void => {
    lineNumber++
    let blank = true
    for (let i = start; i < end; i++) {
      if (!SPACE.has(buf[i] ?? 0)) {
        blank = false
        break
      }
    }
    const want = !blank && (marked || options.always?.(lineNumber) === true)
    const stop = end > start && buf[end - 1] === 0x0d ? end - 1 : end
    onLine({ lineNumber, blank, text: want ? buf.toString('utf8', start, stop) : undefined, tooLong: false })
  }
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    let data = chunk as Buffer
    if (skipping) {
      const nl = data.indexOf(10)
      if (nl === -1) continue
      skipping = false
      lineNumber++
      onLine({ lineNumber, blank: false, text: undefined, tooLong: true })
      data = data.subarray(nl + 1)
    }
    const buf = carry.length > 0 ? Buffer.concat([carry, data]) : data
    const last = buf.lastIndexOf(10)
    if (last === -1) {
      carry = buf
      if (carry.length > options.maxLineLength) {
        skipping = true
        carry = Buffer.alloc(0)
      }
      continue
    }
    const hits: number[] = []
    for (const pattern of patterns) {
      for (let at = buf.indexOf(pattern); at !== -1 && at < last; at = buf.indexOf(pattern, at + 1)) hits.push(at)
    }
    hits.sort((a, b) => a - b)
    let start = 0
    let h = 0
    while (start <= last) {
      const end = buf.indexOf(10, start)
      while (h < hits.length && (hits[h] ?? 0) < start) h++
      emit(buf, start, end, h < hits.length && (hits[h] ?? 0) < end)
      start = end + 1
    }
    carry = Buffer.from(buf.subarray(last + 1))
  }
  if (skipping) {
    lineNumber++
    onLine({ lineNumber, blank: false, text: undefined, tooLong: true })
  } else if (carry.length > 0) {
    const marked = patterns.some((p) => carry.includes(p))
    emit(carry, 0, carry.length, marked)
  }
}
