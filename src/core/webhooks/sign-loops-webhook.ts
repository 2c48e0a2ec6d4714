import { Webhook } from 'standardwebhooks'

export type WebhookSignatureHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

export interface SignInput {
  /** `whsec_…` */
  secret: string
  /** the `webhook-id`, the same on every attempt of one delivery */
  id: string
  /** Unix seconds of this attempt */
  timestamp: number
  /** the exact body text that is sent */
  body: string
}

/**
 * The three Standard Webhooks headers Loops sends, signed with the `standardwebhooks` package (HMAC-SHA256 over
 * `${id}.${timestamp}.${body}`, key = base64 after `whsec_`). Throws a TypeError naming the problem on a bad secret.
 */
export function signLoopsWebhook({ secret, id, timestamp, body }: SignInput): WebhookSignatureHeaders {
  if (!Number.isInteger(timestamp)) throw new TypeError(`the timestamp must be whole Unix seconds, got ${String(timestamp)}`)
  const signature = signer(secret).sign(id, new Date(timestamp * 1000), body)
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature }
}

const cache = new Map<string, Webhook>()

/** One `Webhook` per secret (decoding the key each time would dominate a burst of deliveries). */
export function signer(secret: string): Webhook {
  let webhook = cache.get(secret)
  if (!webhook) {
    try {
      webhook = new Webhook(secret)
    } catch (error) {
      throw new TypeError(`cannot sign with this secret: ${(error as Error).message}`, { cause: error })
    }
    if (cache.size > 100) cache.clear()
    cache.set(secret, webhook)
  }
  return webhook
}
