import { LoopsError } from './loops-error.ts'
import type { RequestLine } from './loops-http-error.ts'

/** No HTTP answer: the connection failed or dropped. The request may or may not have reached Loops. */
export class NetworkError extends LoopsError {
  override name: string = 'NetworkError'
  readonly request: RequestLine

  constructor(request: RequestLine, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause)
    super(`${request.method} ${request.path} got no answer (${why}); check the target URL and your connection`, { cause })
    this.request = request
  }
}
