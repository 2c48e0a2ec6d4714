import { readFileChunks } from './read-file-chunks.ts'

/** One line as the marked scan sees it: its number, whether it is blank, and its text only when it is marked. */
export interface MarkedLine {
  lineNumber: number
  blank: boolean
  /** The line's text when it contains one of the markers (or `always` asked for it), else undefined. */
  text: string | undefined
  /** Longer than the limit: never decoded. */
  tooLong: boolean
}

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0b || byte === 0x0c
const EMPTY = Buffer.alloc(0)

/**
 * Reads a file line by line without decoding most of it: each chunk (read into one reused buffer) is searched
 * natively (`Buffer.indexOf`) for the byte patterns in `markers`, and only the lines holding one are turned into
 * strings. For a first pass that needs a few lines (the identity index) out of a big file. `always(lineNumber)`
 * may ask for the text of other lines too. Calls `onLine` for every line, in order, synchronously. Only a line
 * that spans two chunks is copied.
 */
export async function scanMarkedLines(
  path: string,
  markers: readonly string[],
  onLine: (line: MarkedLine) => void,
  options: { maxLineLength: number; always?: (lineNumber: number) => boolean },
): Promise<void> {
  const patterns = markers.map((m) => Buffer.from(m, 'utf8'))
  let carry: Buffer = EMPTY
  let skipping = false
  let lineNumber = 0
  const hits: number[] = []
  const emit = (buf: Buffer, start: number, end: number, marked: boolean): void => {
    lineNumber++
    let blank = true
    for (let i = start; i < end; i++) {
      if (!isSpace(buf[i] ?? 0)) {
        blank = false
        break
      }
    }
    const want = !blank && (marked || options.always?.(lineNumber) === true)
    const stop = end > start && buf[end - 1] === 0x0d ? end - 1 : end
    onLine({ lineNumber, blank, text: want ? buf.toString('utf8', start, stop) : undefined, tooLong: false })
  }
  const tooLong = (): void => {
    lineNumber++
    onLine({ lineNumber, blank: false, text: undefined, tooLong: true })
  }
  /** The lines of `buf` up to and including its last line break; returns where the unfinished rest begins. */
  const lines = (buf: Buffer): number => {
    const last = buf.lastIndexOf(10)
    if (last === -1) return 0
    hits.length = 0
    for (const pattern of patterns) {
      for (let at = buf.indexOf(pattern); at !== -1 && at < last; at = buf.indexOf(pattern, at + 1)) hits.push(at)
    }
    if (patterns.length > 1) hits.sort((a, b) => a - b)
    let start = 0
    let h = 0
    while (start <= last) {
      const end = buf.indexOf(10, start)
      while (h < hits.length && (hits[h] ?? 0) < start) h++
      emit(buf, start, end, h < hits.length && (hits[h] ?? 0) < end)
      start = end + 1
    }
    return last + 1
  }
  for await (const chunk of readFileChunks(path)) {
    let data = chunk
    if (skipping || carry.length > 0) {
      // the line begun in an earlier chunk: finish it first (copying only it), then go on from its line break
      const nl = data.indexOf(10)
      if (nl === -1) {
        if (!skipping) carry = Buffer.concat([carry, data])
        if (carry.length > options.maxLineLength) {
          skipping = true
          carry = EMPTY
        }
        continue
      }
      if (skipping) {
        skipping = false
        tooLong()
      } else {
        const line = Buffer.concat([carry, data.subarray(0, nl + 1)])
        carry = EMPTY
        lines(line)
      }
      data = data.subarray(nl + 1)
    }
    const rest = lines(data)
    if (rest < data.length) {
      // the chunk's buffer is reused by the next read: keep a copy of the unfinished line
      carry = Buffer.from(data.subarray(rest))
      if (carry.length > options.maxLineLength) {
        skipping = true
        carry = EMPTY
      }
    }
  }
  if (skipping) tooLong()
  else if (carry.length > 0) emit(carry, 0, carry.length, patterns.some((p) => carry.includes(p)))
}
