import type { LogRow } from './event-log.ts'

export interface RowOutcome {
  /** The chip's style and the row's `data-outcome`. */
  chip: 'delivered' | 'duplicate' | 'skipped' | 'failed' | 'retrying' | 'sending' | 'pending'
  label: string
  reason?: string
}

/**
 * What one Event log row says: its outcome, or where it is while the Send runs. The row's chip and its block's
 * header counts both read this, so they cannot disagree.
 */
export function outcomeOf(row: LogRow, done: boolean): RowOutcome {
  const o = row.outcome
  if (!o) {
    if (done) return { chip: 'failed', label: 'failed', reason: 'No outcome was recorded.' }
    if (row.attempts.length > 1) return { chip: 'retrying', label: 'retrying' }
    return row.attempts.length ? { chip: 'sending', label: 'sending' } : { chip: 'pending', label: 'queued' }
  }
  if (o.status === 'delivered') {
    const confirmed = o.confirmedByIdempotency ? ' (confirmed by the idempotency key)' : ''
    return { chip: 'delivered', label: 'delivered', reason: `HTTP ${o.httpStatus} after ${o.attempts} attempt${o.attempts > 1 ? 's' : ''}${confirmed}.` }
  }
  if (o.status === 'duplicate') return { chip: 'duplicate', label: 'duplicate', reason: o.reason }
  if (o.status === 'skipped') return { chip: 'skipped', label: 'skipped', reason: o.reason }
  return { chip: 'failed', label: 'failed', reason: `${o.reason}${o.httpStatus ? ` (HTTP ${o.httpStatus})` : ''}` }
}
