import { LoopsError } from './loops-error.ts'
import type { RequestLine } from './loops-http-error.ts'

/** No answer within the attempt timeout. Like a network error, the request may or may not have reached Loops. */
export class TimeoutError extends LoopsError {
  override name: string = 'TimeoutError'
  readonly request: RequestLine
  readonly timeoutMs: number

  constructor(request: RequestLine, timeoutMs: number) {
    super(`${request.method} ${request.path} got no answer within ${timeoutMs} ms; check the target or raise the timeout`)
    this.request = request
    this.timeoutMs = timeoutMs
  }
}
