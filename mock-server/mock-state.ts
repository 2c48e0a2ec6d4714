import { createDb, type Db } from './db.ts'
import type { FaultStore } from './fault-store.ts'
import type { IdempotencyStore } from './idempotency-store.ts'
import type { Mutex } from './mutex.ts'
import type { RateLimiter } from './rate-limiter.ts'
import type { RequestLog } from './state/request-log.ts'
import type { MockSeed } from './types.ts'
import type { VirtualClock } from './virtual-clock.ts'
import type { MockWebhooks } from './webhooks/create-webhooks.ts'

export type { LogRecord } from './state/request-log.ts'

/** Everything a route can read or change; one per `createMock`. */
export interface MockState {
  db: Db
  clock: VirtualClock
  limiter: RateLimiter
  rateLimit: number
  idempotency: IdempotencyStore
  /** serialises every state change that reads before it writes */
  lock: Mutex
  keys: Map<string, { team: string; revoked: boolean }>
  /** teams whose seed data exists */
  seeded: Set<string>
  /** the request log, oldest first, bounded in entries and bytes; bodies kept as clipped text, parsed when read */
  log: RequestLog
  faults: FaultStore
  seed: MockSeed
  sleep: (ms: number) => Promise<void>
  newId: () => string
  /** settles when the latest seeding (start, reset, new team) is done; routes await it */
  ready: Promise<void>
  /** false while seeding is in flight */
  isReady: boolean
  eventSeq: number
  /** outgoing webhooks: routes call `webhooks.emit` (through mock-server/webhooks/emit-contact-events.ts) */
  webhooks: MockWebhooks
}

export { createDb, type Db }
