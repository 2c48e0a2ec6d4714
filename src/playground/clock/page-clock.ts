import type { MockOptions } from '../../../mock-server/types.ts'
import type { Clock } from '../../core/index.ts'
import { wallClock } from '../../host/wall-clock.ts'
import { createManualClock } from './manual-clock.ts'

/** `?clock=virtual` in the page address: a developer and test option, never the default. */
const virtual =
  typeof location !== 'undefined' && new URLSearchParams(location.search).get('clock') === 'virtual' ? createManualClock(Date.now()) : undefined

/**
 * The playground's clock: the senders' (Send, the Clay column), the Event log's times and the webhook inbox's.
 * The wall clock by default. With `?clock=virtual`, a virtual clock shared with the in-browser mock: it stands still
 * until the mock's clock is advanced (`POST /_mock/clock/advance {"ms": 1000}`), which moves both.
 */
export const pageClock: Clock = virtual ?? wallClock

/**
 * What puts the in-browser mock on the page's clock: nothing by default (the mock keeps its own wall clock); with
 * `?clock=virtual`, the shared virtual clock for its time (rate windows, timestamps, webhook retries) and for the
 * waits of its latency faults.
 */
export const mockClockOptions: Pick<MockOptions, 'clock' | 'sleep'> = virtual ? { clock: virtual, sleep: (ms) => virtual.sleep(ms) } : {}
