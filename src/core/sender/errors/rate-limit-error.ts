import { LoopsHttpError, type RequestLine } from './loops-http-error.ts'

/** 429: Loops refused the request because the team's rate limit was spent. Retried after a delay. */
export class RateLimitError extends LoopsHttpError {
  override name: string = 'RateLimitError'
  /** `x-ratelimit-limit`, when Loops sent it. */
  readonly limit: number | undefined
  /** `Retry-After` in milliseconds, when Loops sent it. */
  readonly retryAfterMs: number | undefined

  constructor(loopsMessage: string, request: RequestLine, limit: number | undefined, retryAfterMs: number | undefined) {
    super(429, loopsMessage, request, 'wait, or lower the send rate')
    this.limit = limit
    this.retryAfterMs = retryAfterMs
  }
}
