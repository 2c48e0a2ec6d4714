import type { SenderEvent } from '../core/index.ts'

/** Live progress for `send` on a terminal: one line on stderr, redrawn at most every 100 ms. */
export interface SendProgress {
  onEvent(event: SenderEvent): void
  /** Prints a message above the progress line. */
  note(message: string): void
  /** Draws the final state and ends the line. */
  stop(): void
}

export function createSendProgress(stream: NodeJS.WriteStream, total: number): SendProgress {
  const started = new Set<number>()
  const attemptTimes: number[] = []
  const counts = { delivered: 0, duplicate: 0, skipped: 0, failed: 0 }
  let retries = 0
  let rateLimited = 0
  let lastDraw = 0
  let done = 0

  const line = (): string => {
    const now = Date.now()
    while (attemptTimes.length > 0 && (attemptTimes[0] ?? 0) <= now - 1000) attemptTimes.shift()
    const queue = total - done - started.size
    return (
      `done ${done}/${total} · ${attemptTimes.length}/s · queue ${Math.max(0, queue)} · retries ${retries}` +
      (rateLimited > 0 ? ` (${rateLimited}× 429)` : '') +
      ` · delivered ${counts.delivered} · duplicates ${counts.duplicate} · skipped ${counts.skipped} · failed ${counts.failed}`
    )
  }
  const draw = (force = false): void => {
    const now = Date.now()
    if (!force && now - lastDraw < 100) return
    lastDraw = now
    stream.write(`\r\x1b[K${line()}`)
  }

  return {
    onEvent(event) {
      if (event.type === 'attempt') {
        started.add(event.index)
        attemptTimes.push(Date.now())
      } else if (event.type === 'retry') {
        retries++
        if (event.reason === 'rate-limited') rateLimited++
      } else if (event.type === 'outcome') {
        started.delete(event.index)
        done++
        counts[event.outcome.status]++
      }
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
