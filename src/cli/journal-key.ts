import { createHash } from 'node:crypto'
import type { LoopsRequest } from '../core/index.ts'

/**
 * Names an event in the journal: method, path and Idempotency-Key, the key Loops itself deduplicates on (derived
 * from the event's content). A request without one is named by a hash of its method, path and body.
 */
export function journalKey(request: LoopsRequest): string {
  const key = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'idempotency-key')?.[1]
  if (key !== undefined && key !== '') return `${request.method} ${request.path} ${key}`
  const hash = createHash('sha256').update(JSON.stringify(request.body)).digest('hex').slice(0, 32)
  return `${request.method} ${request.path} #${hash}`
}
