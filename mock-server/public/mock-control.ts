import type { FaultRule, Mock, MockContact, MockKey, RequestLogEntry, SentEmail, StoredEvent } from '../types.ts'
import { MockControlError } from './mock-control-error.ts'

/**
 * The mock's control API as typed async functions: the same for a mock in this process (`startMockServer`'s or
 * `setupLoopsMock`'s `mock`) and for a `loops-playground mock-server` running elsewhere (its URL).
 */
export interface MockControl {
  /** back to the seed state: contacts, events, emails, request log, idempotency keys, rate windows, faults */
  reset(): Promise<void>
  contacts(team?: string): Promise<MockContact[]>
  events(team?: string): Promise<StoredEvent[]>
  emails(team?: string): Promise<SentEmail[]>
  /** the request log, oldest first */
  requests(): Promise<RequestLogEntry[]>
  faults(): Promise<(FaultRule & { id: string })[]>
  /** returns the rule's id */
  addFault(rule: FaultRule): Promise<string>
  removeFault(id: string): Promise<void>
  clearFaults(): Promise<void>
  /** the virtual clock, epoch milliseconds */
  now(): Promise<number>
  /** moves the virtual clock forward (rate-limit windows, idempotency expiry) */
  advance(ms: number): Promise<void>
  keys(): Promise<MockKey[]>
  /** adds a key for `team` (a new team is seeded); returns the key */
  addKey(team: string, key?: string): Promise<string>
  revokeKey(key: string): Promise<void>
}

/** Control of an in-process mock, or of a mock server at `url` (e.g. the `url` `mock-server --json` printed). */
export function mockControl(target: Mock | string): MockControl {
  return typeof target === 'string' ? overHttp(target) : inProcess(target)
}

function inProcess(mock: Mock): MockControl {
  return {
    reset: () => mock.reset(),
    contacts: async (team) => mock.contacts(team),
    events: async (team) => mock.events(team),
    emails: async (team) => mock.emails(team),
    requests: async () => mock.requests(),
    faults: async () => mock.faults(),
    addFault: async (rule) => mock.addFault(rule),
    removeFault: async (id) => mock.removeFault(id),
    clearFaults: async () => mock.clearFaults(),
    now: async () => mock.now(),
    advance: async (ms) => mock.advance(ms),
    keys: async () => mock.keys(),
    addKey: async (team, key) => {
      const added = mock.addKey(team, key)
      await mock.ready
      return added
    },
    revokeKey: async (key) => mock.revokeKey(key),
  }
}

function overHttp(url: string): MockControl {
  let base: URL
  try {
    base = new URL('_mock/', url.endsWith('/') ? url : `${url}/`)
  } catch {
    throw new TypeError(`mockControl: "${url}" is not a URL; pass the mock server's origin, e.g. http://127.0.0.1:4010`)
  }
  const call = async <T>(method: string, path: string, body?: unknown, team?: string): Promise<T> => {
    const target = new URL(path, base)
    if (team !== undefined) target.searchParams.set('team', team)
    const response = await fetch(target, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    })
    const text = await response.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    if (!response.ok) {
      const message = (json as { message?: unknown } | undefined)?.message
      throw new MockControlError(method, target.pathname, response.status, typeof message === 'string' ? message : text.slice(0, 200))
    }
    return json as T
  }
  return {
    reset: async () => void (await call('POST', 'reset')),
    contacts: (team) => call('GET', 'contacts', undefined, team),
    events: (team) => call('GET', 'events', undefined, team),
    emails: (team) => call('GET', 'emails', undefined, team),
    requests: () => call('GET', 'requests'),
    faults: () => call('GET', 'faults'),
    addFault: async (rule) => (await call<{ id: string }>('POST', 'faults', rule)).id,
    removeFault: async (id) => void (await call('DELETE', `faults/${encodeURIComponent(id)}`)),
    clearFaults: async () => void (await call('DELETE', 'faults')),
    now: async () => (await call<{ now: number }>('GET', 'clock')).now,
    advance: async (ms) => void (await call('POST', 'clock/advance', { ms })),
    keys: () => call('GET', 'keys'),
    addKey: async (team, key) => (await call<{ key: string }>('POST', 'keys', key === undefined ? { team } : { team, key })).key,
    revokeKey: async (key) => void (await call('POST', 'keys/revoke', { key })),
  }
}
