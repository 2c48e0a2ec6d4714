import { fail, type Reply } from './reply.ts'

/**
 * The request cannot be served as sent: fix it as `reply.body.message` says. Thrown by the body reader and the
 * validators, turned into the reply (400, 404, 409, 413…) in one place, the route pipeline.
 */
export class LoopsRequestError extends Error {
  override name = 'LoopsRequestError'
  readonly reply: Reply
  constructor(status: number, message: string, extra: Record<string, unknown> = {}) {
    super(message)
    this.reply = fail(status, message, extra)
  }
}

export const badRequest = (message: string, extra?: Record<string, unknown>): LoopsRequestError =>
  new LoopsRequestError(400, message, extra)
