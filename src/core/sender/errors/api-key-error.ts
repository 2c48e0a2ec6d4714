import { LoopsHttpError, type RequestLine } from './loops-http-error.ts'

/**
 * 401/403: the API key is wrong or revoked. Every later request with it would fail too, so the sender stops
 * sending with this key.
 */
export class ApiKeyError extends LoopsHttpError {
  override name: string = 'ApiKeyError'

  constructor(status: number, loopsMessage: string, request: RequestLine) {
    super(status, loopsMessage, request, 'check the API key (Loops → Settings → API) and send again')
  }
}
