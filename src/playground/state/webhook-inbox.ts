import { signal } from '@preact/signals'
import type { MockWebhooks } from '../../../mock-server/webhooks/create-webhooks.ts'
import type { WebhookDeliverFn, WebhookDelivery as MockDelivery, WebhookEndpoint } from '../../../mock-server/webhooks/webhook-types.ts'
import { verifyLoopsWebhook } from '../../core/webhooks/index.ts'
import { pageClock } from '../clock/page-clock.ts'

/**
 * One delivery of the in-browser mock as the playground shows it: the mock's record (id, eventName, payload parsed,
 * headers of the latest attempt, attempts, state pending / delivered / failed…) and whether its signature verifies
 * with the endpoint's secret.
 */
export type WebhookDelivery = MockDelivery & { verified: boolean }

/** The in-browser mock's deliveries, oldest first (newest last); updated live. */
export const webhookDeliveries = signal<readonly WebhookDelivery[]>([])

/** The in-browser mock's endpoint settings (URL, secret, toggles), or null before it starts. */
export const webhookEndpoint = signal<WebhookEndpoint | null>(null)

/** The in-browser mock's webhooks, for the panel's actions (redeliver, toggles, test event, URL). */
export const browserWebhooks = signal<MockWebhooks | null>(null)

/** verdicts the inbox reached when it received a delivery, by webhook-id + attempt */
const received = new Map<string, boolean>()

/**
 * The playground's own receiver, passed to the in-browser mock as its `deliver` callback: it verifies each delivery
 * as a real receiver would (signature and timestamp, against the secret the mock shows) and acknowledges with 200,
 * or answers 401 when verification fails.
 */
export const inboxDeliver: WebhookDeliverFn = (request) => {
  const secret = browserWebhooks.peek()?.endpoint(request.team).secret ?? ''
  const verdict = verifyLoopsWebhook({ body: request.body, headers: request.headers, secret, now: pageClock.now() })
  received.set(`${request.id}#${request.attempt}`, verdict.ok)
  return verdict.ok ? { status: 200, body: '{"received":true}' } : { status: verdict.status, body: JSON.stringify({ code: verdict.code, message: verdict.message }) }
}

/** signature checks of deliveries sent elsewhere (a URL), by webhook-id + attempt + secret: each is done once */
const checked = new Map<string, boolean>()

function verifiedOf(delivery: MockDelivery, secret: string): boolean {
  const key = `${delivery.id}#${delivery.attempts.length}`
  const verdict = received.get(key)
  if (verdict !== undefined) return verdict
  const cached = checked.get(`${key}#${secret}`)
  if (cached !== undefined) return cached
  // sent to a URL (or not sent yet): check the signature of its latest headers, at their own timestamp
  const stamp = Number(delivery.headers['webhook-timestamp'])
  const ok = Number.isFinite(stamp) && verifyLoopsWebhook({ body: delivery.body, headers: delivery.headers, secret, now: stamp * 1000 }).ok
  if (checked.size > 10_000) checked.clear()
  checked.set(`${key}#${secret}`, ok)
  return ok
}

let unsubscribe: (() => void) | undefined
let scheduled = false

/** Mirrors `webhooks` (the in-browser mock's) into the signals, batched to one update per task. */
export function connectInbox(webhooks: MockWebhooks): void {
  unsubscribe?.()
  received.clear()
  checked.clear()
  browserWebhooks.value = webhooks
  const update = (): void => {
    scheduled = false
    const endpoint = webhooks.endpoint()
    webhookEndpoint.value = endpoint
    webhookDeliveries.value = webhooks.deliveries().map((d) => ({ ...d, verified: verifiedOf(d, endpoint.secret) }))
  }
  unsubscribe = webhooks.subscribe(() => {
    if (scheduled) return
    scheduled = true
    setTimeout(update, 0)
  })
  update()
}
