import type { RetryOptions } from './retry-options.ts'

/**
 * The delay before retry number `retry` (1 for the first retry): full jitter, `random() * min(maxDelay,
 * baseDelay * 2^(retry-1))`, raised to `retryAfterMs` when Loops sent `Retry-After` (a floor, never shortened).
 * Pure: `random` returns a number in [0, 1).
 */
export function retryDelay(
  retry: number,
  options: Pick<RetryOptions, 'baseDelay' | 'maxDelay'>,
  random: () => number,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(options.maxDelay, options.baseDelay * 2 ** Math.max(0, retry - 1))
  const jittered = Math.floor(random() * ceiling)
  return retryAfterMs === undefined ? jittered : Math.max(jittered, retryAfterMs)
}
