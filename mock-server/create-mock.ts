import { http, type HttpHandler } from 'msw'
import { createIdFactory } from './create-id.ts'
import { contentSnapshot } from './content/content-control.ts'
import { resetContent, setTeamFeatures } from './content/content-store.ts'
import { createDb } from './db.ts'
import { createFaultStore } from './fault-store.ts'
import { handleRequest } from './handle-request.ts'
import { createIdempotencyStore } from './idempotency-store.ts'
import { listContacts, listEmails, listEvents } from './inspect.ts'
import { fromFetchRequest, toFetchResponse } from './mock-request.ts'
import type { MockState } from './mock-state.ts'
import { createMutex } from './mutex.ts'
import { createRateLimiter } from './rate-limiter.ts'
import { createRouteTable } from './route-table.ts'
import { routes } from './routes/index.ts'
import { seedTeam } from './seed-team.ts'
import { createRequestLog, REQUEST_LOG_BYTES, REQUEST_LOG_ENTRIES } from './state/request-log.ts'
import type { Mock, MockOptions } from './types.ts'
import { createVirtualClock } from './virtual-clock.ts'
import { createWebhooks } from './webhooks/create-webhooks.ts'

/** A Loops-looking key: 32 hex characters. */
export function generateKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The mock Loops API: in-memory state and one array of msw handlers ('…/api/v1/…' and '…/_mock/…') that
 * setupServer, setupWorker and the node:http adapter all serve. Host-neutral: no node:*, no DOM.
 */
export function createMock(options: MockOptions = {}): Mock {
  const clock = createVirtualClock(options.clock)
  const rateLimit = options.rateLimit ?? 10
  const state: MockState = {
    db: createDb(),
    clock,
    limiter: createRateLimiter({ limit: rateLimit, clock }),
    rateLimit,
    idempotency: createIdempotencyStore(clock),
    lock: createMutex(),
    keys: new Map(),
    seeded: new Set(),
    log: createRequestLog(options.requestLogLimit ?? REQUEST_LOG_ENTRIES, options.requestLogBytes ?? REQUEST_LOG_BYTES),
    faults: createFaultStore(options.random ?? Math.random),
    seed: options.seed ?? {},
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    newId: createIdFactory(() => clock.now(), options.random),
    ready: Promise.resolve(),
    isReady: false,
    eventSeq: 0,
    webhooks: createWebhooks({
      clock,
      realTime: options.clock === undefined,
      newId: createIdFactory(() => clock.now()),
      defaultTeam: () => state.keys.values().next().value?.team ?? 'Acme',
      ...(options.webhooks !== undefined ? { options: options.webhooks } : {}),
    }),
  }
  const keys = options.keys ?? { [generateKey()]: 'Acme' }
  for (const [key, team] of Object.entries(keys)) state.keys.set(key, { team, revoked: false })
  for (const [team, features] of Object.entries(options.teams ?? {})) setTeamFeatures(state, team, features)

  /** seeds every team not seeded yet, after whatever seeding is in flight */
  const seedNewTeams = (): Promise<void> => {
    const teams = [...new Set([...state.keys.values()].map((k) => k.team))].filter((t) => !state.seeded.has(t))
    for (const team of teams) state.seeded.add(team)
    state.isReady = false
    const ready = state.ready.then(async () => {
      for (const team of teams) await seedTeam(state, team)
    })
    state.ready = ready
    void ready.then(() => {
      if (state.ready === ready) state.isReady = true
    }, () => undefined)
    return ready
  }

  const prefix = options.origin === undefined ? '*' : options.origin.replace(/\/+$/, '')
  // the route table finds a route by its segments instead of trying each pattern in turn
  const findRoute = createRouteTable(routes)
  const mock: Mock = {
    handlers: [] as HttpHandler[],
    handle: (request) => handleRequest(mock, state, findRoute, request),
    get ready() {
      return state.ready
    },
    keys: () => [...state.keys].map(([key, k]) => ({ key, team: k.team, revoked: k.revoked })),
    advance(ms) {
      clock.advance(ms)
      state.webhooks.tick()
    },
    now: () => clock.now(),
    reset() {
      const { db } = state
      for (const collection of [db.contacts, db.lists, db.properties, db.transactionals, db.sentEmails, db.events]) collection.clear()
      state.seeded.clear()
      state.log.clear()
      state.eventSeq = 0
      state.limiter.reset()
      state.idempotency.reset()
      state.faults.clear()
      state.webhooks.reset()
      resetContent(state)
      return seedNewTeams()
    },
    contacts: (team) => listContacts(state, team),
    events: (team) => listEvents(state, team),
    emails: (team) => listEmails(state, team),
    content: (team) => contentSnapshot(state, team),
    requests: () => state.log.page(0, state.log.size),
    faults: () => state.faults.list(),
    addFault: (rule) => state.faults.add(rule),
    removeFault: (id) => state.faults.remove(id),
    clearFaults: () => state.faults.clear(),
    get webhooks() {
      return state.webhooks
    },
    addKey(team, key = generateKey()) {
      if (team.trim() === '') throw new TypeError('`team` must be a non-empty team name')
      if (key.trim() === '' || /\s/.test(key)) throw new TypeError('`key` must be a non-empty string without spaces')
      const existing = state.keys.get(key)
      if (existing && existing.team !== team) throw new TypeError(`the key already belongs to team "${existing.team}"`)
      state.keys.set(key, { team, revoked: false })
      void seedNewTeams().catch(() => undefined)
      return key
    },
    revokeKey(key) {
      const existing = state.keys.get(key)
      if (!existing) throw new TypeError('no such key')
      existing.revoked = true
    },
  }
  void seedNewTeams().catch(() => undefined)
  // the one handler set of the browser and setupServer hosts; users can put their own before it with server.use()
  const resolver = async ({ request }: { request: Request }): Promise<Response> => toFetchResponse(await mock.handle(fromFetchRequest(request)))
  mock.handlers.push(http.all(`${prefix}/api/*`, resolver), http.all(`${prefix}/_mock/*`, resolver), http.all(`${prefix}/_mock`, resolver))
  return mock
}
