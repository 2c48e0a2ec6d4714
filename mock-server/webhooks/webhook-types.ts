import type { WebhookEventName, WebhookPayload } from '../../src/core/webhooks/index.ts'

export type DeliveryState = 'pending' | 'delivered' | 'failed'

/** One try at handing a delivery to its endpoint. */
export interface WebhookAttempt {
  /** when it was sent, on the mock's clock (ISO) */
  at: string
  /** the answer's status; null when there was none (refused, timed out, callback threw) */
  status: number | null
  /** real milliseconds from sending to the end of the answer */
  latencyMs: number
  /** the first 2 kB of the answer's body */
  response: string
  /** why there was no 2xx, in words */
  error?: string
  /** the signature headers this attempt carried */
  headers: Record<string, string>
}

/** One event for one endpoint, with every attempt; never dropped while pending. */
export interface WebhookDelivery {
  /** the `webhook-id`, the same on every attempt */
  id: string
  team: string
  eventName: WebhookEventName
  payload: WebhookPayload
  /** the exact body sent */
  body: string
  /** the headers of the latest attempt (or the ones the first attempt will carry) */
  headers: Record<string, string>
  /** where it went: the endpoint URL, or "callback" */
  target: string
  state: DeliveryState
  attempts: WebhookAttempt[]
  createdAt: string
  /** when the next attempt is due (ISO), while pending */
  nextAttemptAt: string | null
}

/** What a `deliver` callback receives: the request Loops would POST. */
export interface WebhookRequest {
  id: string
  team: string
  eventName: WebhookEventName
  /** `content-type`, `webhook-id`, `webhook-timestamp`, `webhook-signature` */
  headers: Record<string, string>
  body: string
  payload: WebhookPayload
  /** 1 for the first attempt */
  attempt: number
}

/** A callback's answer: a status, a `{status, body}`, a fetch Response, or nothing (= 200). Throwing = no answer. */
export type WebhookReply = void | number | { status: number; body?: string } | Response

export type WebhookDeliverFn = (request: WebhookRequest) => WebhookReply | Promise<WebhookReply>

export interface WebhookOptions {
  /** the endpoint URL (http or https) every team's deliveries go to; default none */
  url?: string
  /** `whsec_…`; default a random secret per team */
  secret?: string
  /** the events that are on (default all), as a list or `{name: on}` */
  events?: readonly string[] | Readonly<Record<string, boolean>>
  /** deliveries go to this function (in tests and in the browser) when no URL is set */
  deliver?: WebhookDeliverFn
  /** deliveries started per second per endpoint, default 10 (as Loops); `Infinity` lifts the cap */
  rateLimit?: number
  /** ms to wait for an answer, default 10 000 */
  timeoutMs?: number
  /** ms to wait before each retry; default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts in all) */
  retrySchedule?: readonly number[]
  /** settled deliveries kept for inspection (oldest dropped first); pending ones are always kept. Default 1000 */
  historyLimit?: number
}

/** An endpoint's settings as the control API shows them. */
export interface WebhookEndpoint {
  team: string
  url: string | null
  secret: string
  events: Record<WebhookEventName, boolean>
  enabled: boolean
  /** why it was disabled (a 410), else null */
  disabledReason: string | null
  /** where deliveries go now: "url", "callback", or "none" (no URL and no callback: nothing is sent) */
  target: 'url' | 'callback' | 'none'
}

export interface WebhookEndpointPatch {
  url?: string | null
  secret?: string
  events?: readonly string[] | Readonly<Record<string, boolean>>
  enabled?: boolean
}
