import { isHeaderToken } from '../loops/is-header-token.ts'
import type { MapResult } from '../mapper/map-result.ts'
import type { Clock } from './clock.ts'
import { deliverResult, type DeliveryContext, type RunStop } from './deliver-result.ts'
import type { FetchLike } from './attempt-once.ts'
import { createRateLimiter, type RateLimiter } from './rate-limiter.ts'
import { defaultRetryOptions, type RetryOptions } from './retry-options.ts'
import type { SenderEvent } from './sender-events.ts'
import type { SendOutcome } from './send-outcome.ts'
import type { SendReport } from './send-report.ts'
import { sendEachWith, type SendEachReport } from './send-each.ts'

export interface SenderOptions {
  /** Makes the HTTP requests: the global `fetch`, the browser's (`window.fetch`), or a test's. */
  fetch: FetchLike
  /** The Loops origin; each request goes to `baseUrl + request.path`. E.g. `https://app.loops.so`. */
  baseUrl: string
  /**
   * Sent as `Authorization: Bearer <apiKey>`; never part of an event, an error or the report. Leave it out when
   * a proxy that holds the key adds it (the playground's proxy mode).
   */
  apiKey?: string
  clock: Clock
  /**
   * Requests per second for this key's team (ignored when `limiter` is given).
   * @default 10
   */
  rate?: number
  /** A rate limiter to share between senders using keys of one team. */
  limiter?: RateLimiter
  /**
   * Requests in flight (or waiting to retry) at once. Events can complete out of order when above 1.
   * @default 10
   */
  concurrency?: number
  retry?: Partial<RetryOptions>
  /**
   * Milliseconds to wait for an answer to one attempt; 0 waits forever.
   * @default 30_000
   */
  timeout?: number
  /** A number in [0, 1) for the backoff jitter. @default Math.random */
  random?: () => number
  /** Lifecycle events, in order. A throwing listener does not stop the sender. */
  onEvent?: (event: SenderEvent) => void
  /** Aborting ends every event that has no answer yet as `failed` / `cancelled`; `send` still resolves. */
  signal?: AbortSignal
}

export interface Sender {
  /** Sends every `ready` result; resolves with exactly one outcome per result. Never rejects on Loops' answers. */
  send(results: readonly MapResult[], options?: { signal?: AbortSignal }): Promise<SendReport>
  /**
   * Sends results as they come (an iterable or a stream) without holding them or their outcomes: `onOutcome` gets
   * each event's one outcome as it lands (await it to slow the sender down, e.g. while a file write drains). Event
   * indexes count from 0 in arrival order. No `queued` events (the total is unknown). Resolves with the counts.
   */
  sendEach(
    results: Iterable<MapResult> | AsyncIterable<MapResult>,
    onOutcome: (index: number, outcome: SendOutcome, result: MapResult) => void | Promise<void>,
    options?: { signal?: AbortSignal },
  ): Promise<SendEachReport>
  /** The rate limiter in use (its `queueSize` is the number of requests waiting for their turn). */
  readonly limiter: RateLimiter
  /** Set once Loops rejected the API key; later sends record every event as `not-sent`. */
  readonly keyRejected: { status: number; message: string } | undefined
}

/**
 * The rate-limited sender: throttles per team before Loops must refuse, retries 429/5xx/network errors with
 * full-jitter backoff under one `Idempotency-Key` per event, stops on a rejected key, and records one outcome per
 * event. All I/O (fetch, clock, randomness) is injected, so it runs in Node, the browser and tests alike.
 */
export function createSender(options: SenderOptions): Sender {
  const { fetch, apiKey, clock, onEvent } = options
  const baseUrl = checkBaseUrl(options.baseUrl)
  // the message never echoes the key
  if (apiKey !== undefined && (typeof apiKey !== 'string' || !isHeaderToken(apiKey))) {
    throw new TypeError('Expected `apiKey` to be a non-empty string of printable ASCII without spaces, or left out when a proxy adds it')
  }
  const rate = options.rate ?? 10
  if (!(Number.isFinite(rate) && rate > 0)) throw new TypeError(`Expected \`rate\` to be a number above 0, got ${rate}`)
  const concurrency = options.concurrency ?? 10
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new TypeError(`Expected \`concurrency\` to be an integer of at least 1, got ${concurrency}`)
  const timeout = options.timeout ?? 30_000
  if (!(Number.isFinite(timeout) && timeout >= 0)) throw new TypeError(`Expected \`timeout\` to be a number of ms, 0 or more, got ${timeout}`)
  const retry: RetryOptions = { ...defaultRetryOptions, ...options.retry }
  if (!(Number.isInteger(retry.maxAttempts) && retry.maxAttempts >= 1)) {
    throw new TypeError(`Expected \`retry.maxAttempts\` to be an integer of at least 1, got ${retry.maxAttempts}`)
  }
  if (!(Number.isInteger(retry.refusedAttempts) && retry.refusedAttempts >= 1)) {
    throw new TypeError(`Expected \`retry.refusedAttempts\` to be an integer of at least 1, got ${retry.refusedAttempts}`)
  }
  for (const name of ['baseDelay', 'maxDelay', 'maxRetryAfter'] as const) {
    if (!(retry[name] >= 0)) throw new TypeError(`Expected \`retry.${name}\` to be a number of ms, 0 or more, got ${retry[name]}`)
  }
  const limiter = options.limiter ?? createRateLimiter({ clock, limit: rate })
  let keyRejected: { status: number; message: string } | undefined

  const emit = (event: SenderEvent): void => {
    if (!onEvent) return
    try {
      onEvent(event)
    } catch {
      // a display problem must not lose an outcome
    }
  }

  return {
    limiter,
    get keyRejected() {
      return keyRejected
    },
    async send(results, sendOptions) {
      results.forEach((_, index) => emit({ type: 'queued', index, total: results.length, at: clock.now() }))
      const outcomes: SendOutcome[] = Array.from({ length: results.length })
      const report = await this.sendEach(results, (index, outcome) => void (outcomes[index] = outcome), sendOptions)
      return { ...report, outcomes }
    },
    sendEach(results, onOutcome, sendOptions) {
      const signal = anySignal(options.signal, sendOptions?.signal)
      // ends every wait (rate limiter, backoff) at once when the key is rejected or the caller aborts
      const stop = new AbortController()
      const waitSignal = anySignal(signal, stop.signal) ?? stop.signal
      // a rejected key stays rejected for this sender; a refused target is tried again by the next send
      let runStop: RunStop | undefined = keyRejected ? { kind: 'key', ...keyRejected } : undefined
      if (runStop) stop.abort()
      const context: DeliveryContext = {
        fetch,
        clock,
        baseUrl,
        apiKey,
        limiter,
        retry,
        timeout,
        random: options.random ?? Math.random,
        signal,
        waitSignal,
        emit,
        counters: { retries: 0, rateLimited: 0 },
        runStopped: () => runStop,
        stopRun: (next) => {
          if (next.kind === 'key' && !keyRejected) {
            keyRejected = { status: next.status, message: next.message }
            emit({ type: 'key-rejected', status: next.status, message: next.message, at: clock.now() })
          }
          if (runStop) return
          runStop = next
          stop.abort()
        },
      }
      return sendEachWith({ context, concurrency, results, onOutcome, deliver: deliverResult, keyRejected: () => keyRejected })
    },
  }
}

function checkBaseUrl(baseUrl: string): string {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new TypeError(`Expected \`baseUrl\` to be an absolute http(s) URL such as https://app.loops.so, got "${baseUrl}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`Expected \`baseUrl\` to be an http(s) URL, got "${baseUrl}"`)
  }
  return baseUrl.replace(/\/+$/, '')
}

/** One signal that aborts when either does. */
function anySignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (!a || !b) return a ?? b
  return AbortSignal.any([a, b])
}
