import type { SendOutcome } from './send-outcome.ts'

/** The counts the command line prints (`--json`) and the playground shows. */
export interface SendSummary {
  /** Results passed to `send`. */
  total: number
  delivered: number
  /** 409: already delivered before this run. */
  duplicates: number
  /** Skipped by the mapper. */
  skipped: number
  /** Everything else: invalid, rejected, key rejected, not sent, retries exhausted, cancelled. */
  failed: number
  /** Retries scheduled, over all events. */
  retries: number
  /** 429 responses received. */
  rateLimited: number
  /** From `send` to the last outcome, on the injected clock. */
  elapsedMs: number
}

export interface SendReport {
  summary: SendSummary
  /** One per result, in the results' order. */
  outcomes: SendOutcome[]
  /** The signal aborted before every event had an answer. */
  cancelled: boolean
  /** Set when Loops rejected the API key (401/403) during this run. */
  keyRejected?: { status: number; message: string }
}
