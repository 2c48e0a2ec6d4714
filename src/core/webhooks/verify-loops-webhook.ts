import { signer } from './sign-loops-webhook.ts'
import { webhookSecretProblem } from './webhook-secret.ts'

/** Standard Webhooks' tolerance, which Loops' receivers use too: 5 minutes either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60

export type WebhookHeadersLike = Headers | Readonly<Record<string, string | readonly string[] | undefined>>

export interface VerifyInput {
  /** the raw body text exactly as received (never a re-serialised object) */
  body: string
  headers: WebhookHeadersLike
  /** `whsec_…` */
  secret: string
  /** the receiver's clock, epoch ms */
  now: number
  /** default 300 */
  toleranceSeconds?: number
}

export type WebhookFailureCode = 'MISSING_HEADERS' | 'MALFORMED_HEADERS' | 'TIMESTAMP_TOO_OLD' | 'TIMESTAMP_TOO_NEW' | 'INVALID_SIGNATURE' | 'INVALID_JSON' | 'INVALID_SECRET'

export type WebhookVerification =
  | { ok: true; id: string; timestamp: number; payload: unknown }
  | { ok: false; status: 400 | 401 | 500; code: WebhookFailureCode; message: string }

function header(headers: WebhookHeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>))
    if (key.toLowerCase() === name) return typeof value === 'string' ? value : value?.join(' ')
  return undefined
}

/** Constant-time comparison of two signatures (the HMAC itself comes from `standardwebhooks`). */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}

const fail = (status: 400 | 401 | 500, code: WebhookFailureCode, message: string): WebhookVerification => ({ ok: false, status, code, message })

/**
 * Verifies a Loops webhook as Standard Webhooks does: the three `webhook-*` headers must be present (400), the
 * timestamp within `toleranceSeconds` of `now` (401), and one `v1,` entry of the space-separated
 * `webhook-signature` must match the HMAC computed by the `standardwebhooks` package (401). Returns the parsed
 * payload, or the reason with the HTTP status a receiver should answer.
 */
export function verifyLoopsWebhook({ body, headers, secret, now, toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS }: VerifyInput): WebhookVerification {
  const secretProblem = webhookSecretProblem(secret)
  if (secretProblem !== undefined) return fail(500, 'INVALID_SECRET', `The receiver's signing secret is unusable: ${secretProblem}.`)
  const id = header(headers, 'webhook-id')
  const stamp = header(headers, 'webhook-timestamp')
  const signatures = header(headers, 'webhook-signature')
  const missing = [['webhook-id', id], ['webhook-timestamp', stamp], ['webhook-signature', signatures]].filter(([, v]) => !v).map(([n]) => n)
  if (missing.length > 0) return fail(400, 'MISSING_HEADERS', `Missing required header(s): ${missing.join(', ')}. Loops signs every delivery with webhook-id, webhook-timestamp and webhook-signature.`)
  if (!/^\d{1,12}$/.test(stamp ?? '')) return fail(400, 'MALFORMED_HEADERS', `webhook-timestamp must be Unix seconds, got "${stamp ?? ''}".`)
  const timestamp = Number(stamp)
  const skew = Math.floor(now / 1000) - timestamp
  if (skew > toleranceSeconds) return fail(401, 'TIMESTAMP_TOO_OLD', `webhook-timestamp ${timestamp} is ${skew} s old, more than the ${toleranceSeconds} s allowed: a replay, or a sender clock that is off.`)
  if (-skew > toleranceSeconds) return fail(401, 'TIMESTAMP_TOO_NEW', `webhook-timestamp ${timestamp} is ${-skew} s in the future, more than the ${toleranceSeconds} s allowed: the sender's clock is ahead.`)
  const expected = signer(secret).sign(id ?? '', new Date(timestamp * 1000), body).slice('v1,'.length)
  const matches = (signatures ?? '').split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2)
    return version === 'v1' && signature !== undefined && sameText(signature, expected)
  })
  if (!matches) return fail(401, 'INVALID_SIGNATURE', 'No signature in webhook-signature matches this body and secret: the body was changed, or the secret is not the endpoint\'s.')
  if (body === '') return { ok: true, id: id ?? '', timestamp, payload: undefined }
  try {
    return { ok: true, id: id ?? '', timestamp, payload: JSON.parse(body) as unknown }
  } catch {
    return fail(400, 'INVALID_JSON', 'The signature is valid but the body is not JSON.')
  }
}
