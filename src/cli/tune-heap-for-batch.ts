import { setFlagsFromString } from 'node:v8'

/** The commands that stream big files through the mapper (and the sender): memory before speed. */
const BATCH_COMMANDS: ReadonlySet<string> = new Set(['map', 'send', 'diff', 'clay'])

/**
 * For a batch command, lets V8's old generation grow by at most a quarter past what the last full GC found live
 * (V8 otherwise lets it reach several times that while garbage arrives fast). Streaming a million lines makes
 * garbage at a high rate and keeps only ~50 MB live; without this, `send` peaked at 438 MB RSS, with it 279 MB,
 * for about a quarter more time spent collecting (docs/decisions/0023-batch-commands-bound-heap-growth.md).
 * Process-wide, so only the process host calls it; servers (mock-server, proxy, webhooks) keep V8's defaults.
 */
export function tuneHeapForBatch(command: string | undefined): boolean {
  if (command === undefined || !BATCH_COMMANDS.has(command)) return false
  setFlagsFromString('--heap-growing-percent=25')
  return true
}
