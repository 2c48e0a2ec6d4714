import type { RequestLogEntry } from '../types.ts'

/** How much of a request or response body the log keeps (the rest is counted, not stored). */
export const LOG_TEXT_MAX = 4000
/** Default bounds of the request log: whichever is reached first drops the oldest entries. */
export const REQUEST_LOG_ENTRIES = 1000
export const REQUEST_LOG_BYTES = 4 * 1024 * 1024

/** One logged request; bodies are kept as (clipped) text and parsed only when read. */
export interface LogRecord {
  at: number
  team?: string
  method: string
  path: string
  status: number
  idempotencyKey?: string
  /** the request body, at most LOG_TEXT_MAX characters; undefined when none was read */
  requestText: string | undefined
  /** the request body's full length in characters */
  requestLength: number
  /** the response body (JSON text) or a note such as "connection dropped", clipped like the request */
  responseText: string | null
  responseLength: number
}

export interface RequestLog {
  add(record: LogRecord): void
  /** `limit` entries from `offset`, oldest first, as the inspection API shows them */
  page(offset: number, limit: number): RequestLogEntry[]
  readonly size: number
  /** the approximate memory the stored entries hold */
  readonly bytes: number
  clear(): void
}

export const clip = (text: string): string => (text.length > LOG_TEXT_MAX ? text.slice(0, LOG_TEXT_MAX) : text)

/** UTF-16 strings: two bytes a character, plus a flat allowance for the record and its small fields. */
const sizeOf = (r: LogRecord): number =>
  2 * ((r.requestText?.length ?? 0) + (r.responseText?.length ?? 0) + r.path.length + (r.idempotencyKey?.length ?? 0)) + 200

function shown(text: string | null | undefined, length: number): unknown {
  if (text === undefined || text === null) return text ?? null
  if (length > text.length) return `${text}… (${length} characters)`
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A record as the inspection API shows it: ISO time, bodies parsed when they are whole JSON. */
export function toLogEntry(r: LogRecord): RequestLogEntry {
  return {
    at: new Date(r.at).toISOString(),
    ...(r.team !== undefined ? { team: r.team } : {}),
    method: r.method,
    path: r.path,
    status: r.status,
    ...(r.idempotencyKey !== undefined ? { idempotencyKey: r.idempotencyKey } : {}),
    requestBody: shown(r.requestText, r.requestLength),
    responseBody: shown(r.responseText, r.responseLength),
  }
}

/**
 * The request log, bounded twice: at most `maxEntries` entries and about `maxBytes` of memory (bodies are clipped
 * to LOG_TEXT_MAX characters as they are stored, so 1,000 one-megabyte requests hold kilobytes, not a gigabyte).
 * The oldest entries go first; `clear` (the mock's reset) drops everything.
 */
export function createRequestLog(maxEntries = REQUEST_LOG_ENTRIES, maxBytes = REQUEST_LOG_BYTES): RequestLog {
  let records: LogRecord[] = []
  let sizes: number[] = []
  let head = 0
  let bytes = 0
  const compact = (): void => {
    if (head > 1024 && head * 2 > records.length) {
      records = records.slice(head)
      sizes = sizes.slice(head)
      head = 0
    }
  }
  return {
    add(record) {
      const size = sizeOf(record)
      records.push(record)
      sizes.push(size)
      bytes += size
      while (records.length - head > maxEntries || (bytes > maxBytes && records.length - head > 1)) {
        bytes -= sizes[head] ?? 0
        records[head] = undefined as unknown as LogRecord
        head += 1
      }
      compact()
    },
    page(offset, limit) {
      return records.slice(head + offset, head + offset + limit).map(toLogEntry)
    },
    get size() {
      return records.length - head
    },
    get bytes() {
      return bytes
    },
    clear() {
      records = []
      sizes = []
      head = 0
      bytes = 0
    },
  }
}
