import { closeSync, existsSync, openSync, readSync, fstatSync, writeSync } from 'node:fs'
import { readLines } from './read-lines.ts'

/** One line of the journal: an event's outcome, as `send` recorded it. */
export interface JournalEntry {
  /** The event: `METHOD path Idempotency-Key` (or a hash of the request when it has no key). */
  key: string
  status: 'delivered' | 'duplicate' | 'failed'
  code?: string
  httpStatus?: number
  /** Whether the outcome is final: sending the event again cannot change it (delivered, duplicate, 400). */
  final: boolean
  /** The event's position in the input of the run that recorded it. */
  index: number
}

export interface FileJournal {
  /** Whether an earlier run recorded a final outcome for the event (as the file stood when it was opened). */
  isDone(key: string): boolean
  /** Events with a final outcome when the file was opened. */
  readonly doneAtOpen: number
  /** Lines ignored when the file was opened (a line torn by a crash, or not a journal line). */
  readonly ignoredAtOpen: number
  /** Appends one line; on return the line is in the operating system's hands, so it survives the process dying. */
  record(entry: JournalEntry): void
  close(): void
}

/**
 * The append-only journal of `send --journal FILE`. Each outcome is one JSON line written with one `write(2)` as
 * it happens, so a `kill -9` loses at most the line being written; a torn last line is ignored when the file is
 * opened again (a line break is added first, so later lines never join it). Lines are not fsync'd: a crash of the
 * process loses nothing, a power cut may lose the last lines (those events are then sent again, under the same
 * Idempotency-Key, and Loops answers 409).
 */
export async function openFileJournal(path: string): Promise<FileJournal> {
  const done = new Set<string>()
  let ignored = 0
  if (existsSync(path)) {
    for await (const line of readLines(path)) {
      if (line.text.trim() === '') continue
      const entry = parseEntry(line.text)
      if (!entry) ignored++
      else if (entry.final) done.add(entry.key)
    }
  }
  const fd = openSync(path, 'a+')
  const size = fstatSync(fd).size
  if (size > 0) {
    const last = Buffer.alloc(1)
    readSync(fd, last, 0, 1, size - 1)
    if (last[0] !== 0x0a) writeSync(fd, '\n')
  }
  const doneAtOpen = done.size
  return {
    isDone: (key) => done.has(key),
    doneAtOpen,
    ignoredAtOpen: ignored,
    record(entry) {
      writeSync(fd, `${JSON.stringify(entry)}\n`)
    },
    close() {
      closeSync(fd)
    },
  }
}

function parseEntry(text: string): JournalEntry | undefined {
  try {
    const value = JSON.parse(text) as Partial<JournalEntry> | null
    if (typeof value !== 'object' || value === null || typeof value.key !== 'string' || typeof value.final !== 'boolean') return undefined
    return value as JournalEntry
  } catch {
    return undefined
  }
}
