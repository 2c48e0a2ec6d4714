import type { Clock, SenderEvent } from '../core/index.ts'

/** Progress for `send` on stderr: a live line on a terminal, periodic plain lines otherwise. */
export interface SendProgress {
  onEvent(event: SenderEvent): void
  /** Events an earlier run's journal already finished: counted as done, not sent. */
  journaled(): void
  /** Prints a message (above the live line on a terminal). */
  note(message: string): void
  /** Draws the final state (a terminal) and ends the line. */
  stop(): void
}

interface Output {
  write(text: string): unknown
}

/** Counts what `send` has done so far, for either display. */
function createCounts(clock: Clock, total: number) {
  const started = new Set<number>()
  const attemptTimes: number[] = []
  const counts = { delivered: 0, duplicate: 0, skipped: 0, failed: 0 }
  let retries = 0
  let rateLimited = 0
  let done = 0
  let journaled = 0
  return {
    onEvent(event: SenderEvent): void {
      if (event.type === 'attempt') {
        started.add(event.index)
        attemptTimes.push(clock.now())
      } else if (event.type === 'retry') {
        retries++
        if (event.reason === 'rate-limited') rateLimited++
      } else if (event.type === 'outcome') {
        started.delete(event.index)
        done++
        counts[event.outcome.status]++
      }
    },
    journaled(): void {
      journaled++
      done++
    },
    line(): string {
      const now = clock.now()
      while (attemptTimes.length > 0 && (attemptTimes[0] ?? 0) <= now - 1000) attemptTimes.shift()
      const queue = total - done - started.size
      return (
        `done ${done}/${total} · ${attemptTimes.length}/s · queue ${Math.max(0, queue)} · retries ${retries}` +
        (rateLimited > 0 ? ` (${rateLimited}× 429)` : '') +
        ` · delivered ${counts.delivered} · duplicates ${counts.duplicate} · skipped ${counts.skipped} · failed ${counts.failed}` +
        (journaled > 0 ? ` · from journal ${journaled}` : '')
      )
    },
  }
}

/** A terminal: one line on stderr, redrawn at most every 100 ms. */
export function createSendProgress(stream: Output, total: number, clock: Clock): SendProgress {
  const counts = createCounts(clock, total)
  let lastDraw = Number.NEGATIVE_INFINITY
  const draw = (force = false): void => {
    const now = clock.now()
    if (!force && now - lastDraw < 100) return
    lastDraw = now
    stream.write(`\r\x1b[K${counts.line()}`)
  }
  return {
    onEvent(event) {
      counts.onEvent(event)
      draw()
    },
    journaled() {
      counts.journaled()
      draw()
    },
    note(message) {
      stream.write(`\r\x1b[K${message}\n`)
      draw(true)
    },
    stop() {
      draw(true)
      stream.write('\n')
    },
  }
}

/**
 * Not a terminal (a log file, CI): a plain line "loops-playground send: done …" at most every `everyMs` of the
 * clock, when something happened; no control characters. `everyMs` 0 prints one per finished event.
 */
export function createPlainProgress(stream: Output, total: number, clock: Clock, everyMs: number): SendProgress {
  const counts = createCounts(clock, total)
  let last = clock.now()
  const maybePrint = (): void => {
    const now = clock.now()
    if (now - last < everyMs) return
    last = now
    stream.write(`loops-playground send: ${counts.line()}\n`)
  }
  return {
    onEvent(event) {
      counts.onEvent(event)
      if (event.type === 'outcome') maybePrint()
    },
    journaled() {
      counts.journaled()
      maybePrint()
    },
    note(message) {
      stream.write(`${message}\n`)
    },
    stop() {},
  }
}
