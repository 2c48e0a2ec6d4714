/** A control-API request the webhooks part cannot honour: the HTTP status and what to do instead. */
export class WebhookControlError extends Error {
  override name = 'WebhookControlError'
  readonly status: number

  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}
