import type { HttpHandler } from 'msw'
import type { MockAnswer, MockRequest } from './mock-request.ts'
import type { MockWebhooks } from './webhooks/create-webhooks.ts'
import type { WebhookOptions } from './webhooks/webhook-types.ts'
import type { TeamContentSnapshot } from './content/content-snapshot.ts'

/**
 * The mock's clock: epoch milliseconds. Tests pass a manual clock; `Mock.advance` adds an offset on top, or, when
 * the clock has an `advance` of its own, moves the clock itself (so whatever else runs on it, such as a sender's
 * sleeps, moves with the mock).
 */
export interface MockClock {
  now(): number
  advance?(ms: number): void
}

export type PropertyType = 'string' | 'number' | 'boolean' | 'date'
export type ContactValue = string | number | boolean

/** Extra seed data, applied to every team on start and on reset (on top of the default seed). */
export interface MockSeed {
  lists?: { id?: string; name: string; description?: string | null; isPublic?: boolean }[]
  properties?: { key: string; label?: string; type: PropertyType }[]
  transactionalEmails?: {
    id?: string
    name: string
    /** `"name"` is a required variable; `{ name, required: false }` an optional one */
    dataVariables?: (string | { name: string; required?: boolean })[]
    published?: boolean
    /**
     * a system transactional email: Loops fills its data variables, and Guardian reports each one its content does
     * not use (`missingRequiredDataVariables`); the API cannot create one
     */
    system?: boolean
  }[]
  contacts?: ({ email: string; userId?: string; mailingLists?: Record<string, boolean>; suppressed?: boolean } & Record<
    string,
    unknown
  >)[]
  /** content-API data every team starts with (created when the team's content is first used, again after reset) */
  content?: {
    themes?: { id?: string; name: string; styles?: Record<string, string | number> }[]
    components?: { id?: string; name: string; lmx: string }[]
    campaigns?: { id?: string; name: string; subject?: string; lmx?: string }[]
    workflows?: { id?: string; name: string; description?: string }[]
  }
}

export interface MockOptions {
  /** API key → team name; keys of one team share its rate limit. Default: one generated key for team "Acme". */
  keys?: Record<string, string>
  /** requests per second per team, default 10 */
  rateLimit?: number
  seed?: MockSeed
  /** default: real time; a clock with `advance(ms)` is moved by `Mock.advance` instead of an offset */
  clock?: MockClock
  /** default Math.random; used for a fault's `probability` and the random part of ids */
  random?: () => number
  /** how a fault's `latencyMs` waits; default setTimeout */
  sleep?: (ms: number) => Promise<void>
  /** match only this origin (e.g. 'http://127.0.0.1:4010'); default any origin ('*') */
  origin?: string
  /** how many request-log entries to keep (oldest dropped first), default 1000 */
  requestLogLimit?: number
  /** about how many bytes the request log may hold (oldest dropped first), default 4 MiB; bodies are clipped to 4,000 characters */
  requestLogBytes?: number
  /** outgoing webhooks: where they go (a URL or a `deliver` callback), secret, toggles, cap, retries (docs/webhooks.md) */
  webhooks?: WebhookOptions
  /** per-team switches: `contentApi: false` answers the content API with 401 (default on); `attachments: false`
   * refuses transactional attachments with Loops' 400 (default off) */
  teams?: Record<string, { contentApi?: boolean; attachments?: boolean }>
}

/** One accepted `events/send`, in the order accepted. */
export interface StoredEvent {
  id: string
  team: string
  contactId: string
  eventName: string
  eventProperties: Record<string, ContactValue>
  /** the contact properties the event set (root keys and nested `contactProperties`, merged) */
  contactProperties: Record<string, ContactValue | null>
  idempotencyKey?: string
  at: string
}

/** A contact as `contacts/find` returns it, plus the mock's own fields. */
export interface MockContact {
  team: string
  contact: Record<string, unknown>
  suppressed: boolean
  createdAt: string
  updatedAt: string
  /** every event the contact received, oldest first */
  timeline: StoredEvent[]
  /** transactional emails sent to the contact's address */
  emails: SentEmail[]
}

export interface SentEmail {
  team: string
  transactionalId: string
  email: string
  dataVariables: Record<string, unknown>
  idempotencyKey?: string
  at: string
}

export interface RequestLogEntry {
  at: string
  team?: string
  method: string
  path: string
  status: number
  idempotencyKey?: string
  requestBody: unknown
  responseBody: unknown
}

export interface FaultRule {
  /** e.g. '/api/v1/events/send'; default every /api/v1 route */
  path?: string
  method?: string
  /** force this status with a {success:false,message} body */
  status?: number
  /** delay the answer by this many ms (then answer normally unless status/drop is set) */
  latencyMs?: number
  /** drop the connection: fetch rejects */
  drop?: boolean
  /** apply to the next N matching requests only */
  count?: number
  /** apply to this fraction (0..1) of matching requests */
  probability?: number
}

export interface MockKey {
  key: string
  team: string
  revoked: boolean
}

export interface Mock {
  /** msw 3 handlers for '*\/api/v1/...' and '*\/_mock/...' (the browser and setupServer hosts serve these) */
  handlers: HttpHandler[]
  /**
   * Answers one request without msw: what the handlers call, and what the standalone HTTP server calls directly
   * (no Fetch Request or Response is built on that path). Never rejects.
   */
  handle(request: MockRequest): Promise<MockAnswer>
  keys(): MockKey[]
  /** virtual clock: adds `ms` to the clock's offset */
  advance(ms: number): void
  now(): number
  /** back to the seed state: data, events, request log, idempotency keys, rate windows and faults; teams/keys kept */
  reset(): Promise<void>
  contacts(team?: string): MockContact[]
  events(team?: string): StoredEvent[]
  emails(team?: string): SentEmail[]
  /** what the content API holds per team: campaigns and transactional emails with their LMX, workflows as node lists */
  content(team?: string): TeamContentSnapshot[]
  requests(): RequestLogEntry[]
  faults(): (FaultRule & { id: string })[]
  addFault(rule: FaultRule): string
  removeFault(id: string): void
  clearFaults(): void
  addKey(team: string, key?: string): string
  revokeKey(key: string): void
  /** resolves once the seed data is in place (createMock seeds asynchronously) */
  ready: Promise<void>
  /** outgoing webhooks: endpoint settings, deliveries, redeliver, test event (docs/webhooks.md) */
  readonly webhooks: MockWebhooks
}
