import type { Clock } from './clock.ts'
import { NetworkError } from './errors/network-error.ts'
import { TimeoutError } from './errors/timeout-error.ts'
import type { RequestLine } from './errors/loops-http-error.ts'
import { readLoopsMessage } from './read-loops-message.ts'

/** A fetch function: the global one, the browser's, or a test's. */
export type FetchLike = (input: Request) => Promise<Response>

/** What one HTTP attempt came to. */
export type Answer =
  | { kind: 'response'; status: number; headers: Headers; message: string }
  | { kind: 'no-answer'; error: NetworkError | TimeoutError }
  | { kind: 'cancelled' }

/** One attempt's request, built once, with the controller that aborts it (timeout or the caller's stop). */
export interface PreparedAttempt {
  request: Request
  controller: AbortController
}

/**
 * Builds the `Request` of one attempt (each attempt needs its own: a body is read once, and the abort signal is
 * per attempt). Throws what `new Request` throws (e.g. a header value fetch refuses), before anything is sent.
 */
export function prepareAttempt(url: string, init: { method: string; headers: Record<string, string>; body?: string }): PreparedAttempt {
  const controller = new AbortController()
  return { request: new Request(url, { ...init, signal: controller.signal }), controller }
}

export interface AttemptInput {
  fetch: FetchLike
  clock: Clock
  attempt: PreparedAttempt
  line: RequestLine
  /** 0: no timeout. */
  timeout: number
  signal: AbortSignal | undefined
}

/**
 * Sends one prepared request and reads its body, under the attempt timeout (on the injected clock) and the
 * caller's signal. Never throws: a rejected fetch is `no-answer`, an abort by the caller is `cancelled`.
 */
export async function attemptOnce(input: AttemptInput): Promise<Answer> {
  const { clock, line, timeout, signal } = input
  const { request, controller } = input.attempt
  const timer = new AbortController()
  const onAbort = (): void => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  let timedOut = false
  if (timeout > 0) {
    clock.sleep(timeout, timer.signal).then(
      () => {
        timedOut = true
        controller.abort(new TimeoutError(line, timeout))
      },
      () => undefined,
    )
  }
  try {
    if (signal?.aborted) return { kind: 'cancelled' }
    const response = await input.fetch(request)
    // a Response.error() (what msw answers for a dropped connection) has status 0
    if (response.type === 'error' || response.status === 0) return { kind: 'no-answer', error: new NetworkError(line, 'connection dropped') }
    let text = ''
    try {
      text = await response.text()
    } catch {
      // the status arrived; only the body was lost
      if (signal?.aborted) return { kind: 'cancelled' }
    }
    return { kind: 'response', status: response.status, headers: response.headers, message: readLoopsMessage(response.status, text) }
  } catch (error) {
    if (signal?.aborted) return { kind: 'cancelled' }
    if (timedOut) return { kind: 'no-answer', error: new TimeoutError(line, timeout) }
    return { kind: 'no-answer', error: new NetworkError(line, error) }
  } finally {
    timer.abort()
    signal?.removeEventListener('abort', onAbort)
  }
}
