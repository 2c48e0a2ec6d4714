import type { Clock } from '../core/index.ts'

/**
 * The sender's clock on a real host, Node (the CLI) or the browser (the playground): wall time and a setTimeout
 * sleep that honours an AbortSignal. The core may touch neither, so hosts pass this in; tests pass a fake clock.
 */
export const wallClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(signal?.reason)
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, Math.max(0, ms))
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}
