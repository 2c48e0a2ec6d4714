import { createWebhookSecret, signLoopsWebhook, testEventPayload, WEBHOOK_EVENT_NAMES, type WebhookEventName, type WebhookPayload } from '../../src/core/webhooks/index.ts'
import type { VirtualClock } from '../virtual-clock.ts'
import { readEventToggles, readWebhookSecret, readWebhookUrl } from './read-endpoint-settings.ts'
import { callDeliver, postToUrl, type AttemptOutcome } from './send-attempt.ts'
import { createVirtualTimers } from './virtual-timers.ts'
import { WebhookControlError } from './webhook-control-error.ts'
import type { DeliveryState, WebhookDelivery, WebhookEndpoint, WebhookEndpointPatch, WebhookOptions, WebhookRequest } from './webhook-types.ts'

/** Standard Webhooks' (Svix's) schedule: the waits before retries 1…7, so 8 attempts over about 28 hours. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000
/** Loops sends at most 10 webhook events per second per endpoint. */
export const DEFAULT_WEBHOOK_RATE = 10

export interface MockWebhooks {
  /** the team's endpoint settings (default: the first key's team) */
  endpoint(team?: string): WebhookEndpoint
  /** changes the URL, secret, toggles or enabled flag; a WebhookControlError (400) on bad input */
  configure(patch: WebhookEndpointPatch, team?: string): WebhookEndpoint
  /** deliveries, oldest first */
  deliveries(filter?: { team?: string; state?: DeliveryState; eventName?: string }): WebhookDelivery[]
  delivery(id: string): WebhookDelivery | undefined
  /** sends a settled delivery once more, with the same webhook-id (no automatic retries follow) */
  redeliver(id: string): WebhookDelivery
  /** what Loops' "Send test event" button does: a `testing.testEvent` to the endpoint, whatever the toggles */
  sendTestEvent(team?: string): WebhookDelivery
  /** queues `payload` for the team's endpoint, if the endpoint has a target and the event is on */
  emit(team: string, payload: WebhookPayload): WebhookDelivery | undefined
  /** called after every change (new delivery, attempt, settings); returns the unsubscribe function */
  subscribe(listener: () => void): () => void
  /** resolves when no attempt is in flight and none is due now (later retries wait for the clock) */
  idle(): Promise<void>
  /** fires the timers the clock has passed (the mock calls it after `advance`) */
  tick(): void
  /** forgets every delivery and the queues; endpoint settings stay */
  reset(): void
}

interface Endpoint {
  team: string
  url: string | null
  secret: string
  events: Set<WebhookEventName>
  enabled: boolean
  disabledReason: string | null
}

interface Delivery extends WebhookDelivery {
  seq: number
  due: number
  /** a redelivery: one attempt, no retries */
  manual: boolean
}

interface Lane {
  pending: Delivery[]
  inFlight: boolean
  /** start times of recent attempts, for the per-second cap */
  starts: number[]
  cancelWake?: (() => void) | undefined
}

export interface WebhooksDeps {
  clock: VirtualClock
  /** true when the mock runs on the wall clock: real timers then wake due retries too */
  realTime: boolean
  newId: () => string
  /** the team the control API means when it names none */
  defaultTeam: () => string
  options?: WebhookOptions
}

const randomSecret = (): string => createWebhookSecret(crypto.getRandomValues(new Uint8Array(24)))
const now = (): number => (globalThis.performance ?? Date).now()

/** The outgoing side of the mock: per-team endpoints, the delivery queue (10/s, retries on the virtual clock). */
export function createWebhooks({ clock, realTime, newId, defaultTeam, options = {} }: WebhooksDeps): MockWebhooks {
  const initialUrl = options.url === undefined ? null : readWebhookUrl(options.url, '`webhooks.url`')
  const initialSecret = options.secret === undefined ? undefined : readWebhookSecret(options.secret, '`webhooks.secret`')
  const initialEvents = options.events === undefined ? new Set(WEBHOOK_EVENT_NAMES) : readEventToggles(options.events, new Set(), '`webhooks.events`')
  const rate = options.rateLimit ?? DEFAULT_WEBHOOK_RATE
  if (!(rate > 0)) throw new TypeError('`webhooks.rateLimit` must be a number above 0 (Infinity lifts the cap)')
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS
  const schedule = options.retrySchedule ?? DEFAULT_RETRY_SCHEDULE_MS
  const historyLimit = options.historyLimit ?? 1000
  const deliver = options.deliver

  const timers = createVirtualTimers(clock, realTime)
  const endpoints = new Map<string, Endpoint>()
  const lanes = new Map<string, Lane>()
  const all = new Map<string, Delivery>()
  const listeners = new Set<() => void>()
  let idleWaiters: (() => void)[] = []
  let seq = 0
  let settledCount = 0
  let generation = 0

  const endpointOf = (team: string): Endpoint => {
    let endpoint = endpoints.get(team)
    if (!endpoint) {
      endpoint = { team, url: initialUrl, secret: initialSecret ?? randomSecret(), events: new Set(initialEvents), enabled: true, disabledReason: null }
      endpoints.set(team, endpoint)
    }
    return endpoint
  }
  const laneOf = (team: string): Lane => {
    let lane = lanes.get(team)
    if (!lane) lanes.set(team, (lane = { pending: [], inFlight: false, starts: [] }))
    return lane
  }
  const targetOf = (endpoint: Endpoint): WebhookEndpoint['target'] => (endpoint.url !== null ? 'url' : deliver ? 'callback' : 'none')

  const view = (endpoint: Endpoint): WebhookEndpoint => ({
    team: endpoint.team,
    url: endpoint.url,
    secret: endpoint.secret,
    events: Object.fromEntries(WEBHOOK_EVENT_NAMES.map((name) => [name, endpoint.events.has(name)])) as Record<WebhookEventName, boolean>,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    target: targetOf(endpoint),
  })
  const snapshot = (d: Delivery): WebhookDelivery => ({
    id: d.id,
    team: d.team,
    eventName: d.eventName,
    payload: d.payload,
    body: d.body,
    headers: d.headers,
    target: d.target,
    state: d.state,
    attempts: [...d.attempts],
    createdAt: d.createdAt,
    nextAttemptAt: d.nextAttemptAt,
  })

  const isIdle = (): boolean => {
    const t = clock.now()
    for (const [team, lane] of lanes) {
      if (lane.inFlight) return false
      const head = lane.pending[0]
      if (head && head.due <= t && endpointOf(team).enabled && !capped(lane, t)) return false
    }
    return true
  }
  const changed = (): void => {
    for (const listener of listeners) listener()
    if (idleWaiters.length > 0 && isIdle()) {
      const waiters = idleWaiters
      idleWaiters = []
      for (const resolve of waiters) resolve()
    }
  }

  const capped = (lane: Lane, t: number): boolean => {
    while (lane.starts.length > 0 && (lane.starts[0] ?? 0) <= t - 1000) lane.starts.shift()
    return lane.starts.length >= rate
  }

  const enqueue = (team: string, d: Delivery): void => {
    const lane = laneOf(team)
    let i = lane.pending.length
    while (i > 0 && ((lane.pending[i - 1]?.due ?? 0) > d.due || ((lane.pending[i - 1]?.due ?? 0) === d.due && (lane.pending[i - 1]?.seq ?? 0) > d.seq))) i--
    lane.pending.splice(i, 0, d)
    d.nextAttemptAt = new Date(d.due).toISOString()
  }

  const wake = (team: string, lane: Lane, at: number): void => {
    lane.cancelWake?.()
    lane.cancelWake = timers.at(at, () => {
      lane.cancelWake = undefined
      pump(team)
    })
  }

  const pump = (team: string): void => {
    const lane = laneOf(team)
    const endpoint = endpointOf(team)
    if (lane.inFlight || !endpoint.enabled) return
    const head = lane.pending[0]
    if (!head) return
    const t = clock.now()
    if (head.due > t) return wake(team, lane, head.due)
    if (capped(lane, t)) return wake(team, lane, (lane.starts[0] ?? t) + 1000)
    lane.pending.shift()
    lane.starts.push(t)
    if (lane.starts.length > rate && Number.isFinite(rate)) lane.starts.shift()
    if (!Number.isFinite(rate)) lane.starts.length = 0
    lane.inFlight = true
    const startedIn = generation
    void attempt(endpoint, head)
      .catch((error: unknown) => {
        // a bug here must not take the mock down: the delivery keeps its place and the reason is logged
        console.error('loops mock: a webhook attempt failed unexpectedly', error)
        if (head.state !== 'pending' || lane.pending.includes(head)) return
        head.attempts.push({ at: new Date(clock.now()).toISOString(), status: null, latencyMs: 0, response: '', headers: head.headers, error: `the mock failed to send it: ${(error as Error).message}` })
        settle(head, 'failed')
      })
      .finally(() => {
        if (startedIn !== generation) return
        lane.inFlight = false
        pump(team)
        changed()
      })
  }

  const settle = (d: Delivery, state: 'delivered' | 'failed'): void => {
    d.state = state
    d.nextAttemptAt = null
    settledCount++
    if (settledCount <= historyLimit) return
    for (const [id, old] of all) {
      if (old.state === 'pending') continue
      all.delete(id)
      settledCount--
      if (settledCount <= historyLimit) break
    }
  }

  const attempt = async (endpoint: Endpoint, d: Delivery): Promise<void> => {
    const number = d.attempts.length + 1
    // the signature's timestamp is the moment of sending on the clock the mock was given, without the offset
    // Mock.advance adds: jumping the clock ahead to reach a retry must not make the receiver reject it as stale
    const stamp = Math.floor((clock.now() - clock.offset()) / 1000)
    const headers = { 'content-type': 'application/json', ...signLoopsWebhook({ secret: endpoint.secret, id: d.id, timestamp: stamp, body: d.body }) }
    d.headers = headers
    const target = targetOf(endpoint)
    d.target = target === 'url' ? (endpoint.url ?? '') : target
    const request: WebhookRequest = { id: d.id, team: d.team, eventName: d.eventName, headers, body: d.body, payload: d.payload, attempt: number }
    const controller = new AbortController()
    const cancelTimeout = timers.at(clock.now() + timeoutMs, () => controller.abort(new Error('timeout')))
    const at = clock.now()
    const started = now()
    let outcome: AttemptOutcome
    try {
      if (target === 'url') outcome = await postToUrl(endpoint.url ?? '', request, controller.signal)
      else if (target === 'callback' && deliver) outcome = await callDeliver(deliver, request, controller.signal)
      else outcome = { status: null, response: '', error: 'the endpoint has no URL (and no deliver callback): set one with PATCH /_mock/webhooks {"url": …}' }
    } catch {
      outcome = { status: null, response: '', error: `no answer within ${timeoutMs / 1000} s: timed out` }
    } finally {
      cancelTimeout()
    }
    const status = outcome.status
    const ok = status !== null && status >= 200 && status < 300
    d.attempts.push({
      at: new Date(at).toISOString(),
      status,
      latencyMs: Math.round((now() - started) * 10) / 10,
      response: outcome.response,
      headers,
      ...(ok ? {} : { error: outcome.error ?? `the endpoint answered ${String(status)}; any 2xx acknowledges` }),
    })
    if (ok) return settle(d, 'delivered')
    if (status === 410) {
      settle(d, 'failed')
      disable(endpoint, `the endpoint answered 410 Gone to ${d.id} at ${new Date(at).toISOString()}`)
      return
    }
    const wait = schedule[number - 1]
    if (d.manual || wait === undefined) return settle(d, 'failed')
    d.due = clock.now() + wait
    enqueue(d.team, d)
  }

  /** a 410: no more sends; what was waiting is marked failed (never dropped silently) */
  const disable = (endpoint: Endpoint, reason: string): void => {
    endpoint.enabled = false
    endpoint.disabledReason = reason
    const lane = laneOf(endpoint.team)
    lane.cancelWake?.()
    for (const waiting of lane.pending.splice(0)) {
      waiting.attempts.push({ at: new Date(clock.now()).toISOString(), status: null, latencyMs: 0, response: '', headers: waiting.headers, error: `not sent: the endpoint was disabled (${reason})` })
      settle(waiting, 'failed')
    }
  }

  const create = (team: string, payload: WebhookPayload, endpoint: Endpoint, manual = false): Delivery => {
    const t = clock.now()
    const body = JSON.stringify(payload)
    const d: Delivery = {
      id: `msg_${newId()}`,
      team,
      eventName: payload.eventName,
      payload,
      body,
      headers: {},
      target: targetOf(endpoint) === 'url' ? (endpoint.url ?? '') : targetOf(endpoint),
      state: 'pending',
      attempts: [],
      createdAt: new Date(t).toISOString(),
      nextAttemptAt: null,
      seq: ++seq,
      due: t,
      manual,
    }
    all.set(d.id, d)
    enqueue(team, d)
    pump(team)
    changed()
    return d
  }

  const find = (id: string): Delivery => {
    const d = all.get(id)
    if (!d) throw new WebhookControlError(404, `No delivery "${id}". List them with GET /_mock/webhooks/deliveries.`)
    return d
  }

  return {
    endpoint: (team = defaultTeam()) => view(endpointOf(team)),
    configure(patch, team = defaultTeam()) {
      const endpoint = endpointOf(team)
      const url = patch.url === undefined ? endpoint.url : patch.url === null ? null : readWebhookUrl(patch.url)
      const secret = patch.secret === undefined ? endpoint.secret : readWebhookSecret(patch.secret)
      const events = patch.events === undefined ? endpoint.events : readEventToggles(patch.events, endpoint.events)
      if (patch.enabled !== undefined && typeof patch.enabled !== 'boolean') throw new WebhookControlError(400, '`enabled` must be true or false')
      Object.assign(endpoint, { url, secret, events })
      if (patch.enabled === true && !endpoint.enabled) Object.assign(endpoint, { enabled: true, disabledReason: null })
      if (patch.enabled === false && endpoint.enabled) Object.assign(endpoint, { enabled: false, disabledReason: 'disabled through the control API' })
      pump(team)
      changed()
      return view(endpoint)
    },
    deliveries(filter = {}) {
      const out: WebhookDelivery[] = []
      for (const d of all.values())
        if ((filter.team === undefined || d.team === filter.team) && (filter.state === undefined || d.state === filter.state) && (filter.eventName === undefined || d.eventName === filter.eventName))
          out.push(snapshot(d))
      return out
    },
    delivery: (id) => {
      const d = all.get(id)
      return d && snapshot(d)
    },
    redeliver(id) {
      const d = find(id)
      if (d.state === 'pending') throw new WebhookControlError(409, `Delivery ${id} is still pending (next attempt ${d.nextAttemptAt ?? 'now'}); redeliver it once it is delivered or failed.`)
      const endpoint = endpointOf(d.team)
      if (!endpoint.enabled) throw new WebhookControlError(409, `The endpoint is disabled (${endpoint.disabledReason ?? ''}); re-enable it with PATCH /_mock/webhooks {"enabled": true} first.`)
      if (targetOf(endpoint) === 'none') throw new WebhookControlError(409, 'The endpoint has no URL: set one with PATCH /_mock/webhooks {"url": …} first.')
      d.state = 'pending'
      d.manual = true
      d.due = clock.now()
      d.seq = ++seq
      settledCount--
      enqueue(d.team, d)
      pump(d.team)
      changed()
      return snapshot(d)
    },
    sendTestEvent(team = defaultTeam()) {
      const endpoint = endpointOf(team)
      if (!endpoint.enabled) throw new WebhookControlError(409, `The endpoint is disabled (${endpoint.disabledReason ?? ''}); re-enable it with PATCH /_mock/webhooks {"enabled": true} first.`)
      if (targetOf(endpoint) === 'none') throw new WebhookControlError(409, 'The endpoint has no URL: set one with PATCH /_mock/webhooks {"url": "http://127.0.0.1:8790/"} first.')
      return snapshot(create(team, testEventPayload(clock.now()), endpoint))
    },
    emit(team, payload) {
      const endpoint = endpointOf(team)
      if (!endpoint.enabled || !endpoint.events.has(payload.eventName) || targetOf(endpoint) === 'none') return undefined
      return create(team, payload, endpoint)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    idle: () => (isIdle() ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    tick: () => timers.check(),
    reset() {
      generation++
      timers.clear()
      all.clear()
      lanes.clear()
      settledCount = 0
      changed()
    },
  }
}
