import { LoopsError } from './loops-error.ts'

/** What the sender knows about a request it made, for error messages (never the API key). */
export interface RequestLine {
  method: string
  path: string
}

/**
 * Loops answered with an error status. `message` is Loops' own (`{"success":false,"message"}`), and the error's
 * message names the method, path and what to do, after ky: "… failed with status 400: POST /api/v1/events/send".
 */
export class LoopsHttpError extends LoopsError {
  override name: string = 'LoopsHttpError'
  readonly status: number
  readonly loopsMessage: string
  readonly request: RequestLine

  constructor(status: number, loopsMessage: string, request: RequestLine, advice = 'fix the request and send it again') {
    super(`${request.method} ${request.path} failed with status ${status}: ${loopsMessage}; ${advice}`)
    this.status = status
    this.loopsMessage = loopsMessage
    this.request = request
  }
}
