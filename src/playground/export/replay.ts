import { getResponse } from 'msw'
import { createMock } from '../../../mock-server/index.ts'
import type { Mock } from '../../../mock-server/index.ts'
import { createSender, mapCalls, readScript, type Clock, type MapStatus, type Preset, type SendStatus } from '../../core/index.ts'

/** The mock a replay runs against: one team, one key, Loops' own origin (the exported test uses the same). */
export const REPLAY_TEAM = 'Playground'
export const REPLAY_KEY = 'playground-test-key'
export const REPLAY_START = Date.UTC(2026, 0, 1)

export interface ReplayedCall {
  status: MapStatus
  request?: { method: string; path: string; body: unknown }
  outcome: { status: SendStatus; httpStatus?: number }
}

/** What a replay leaves: each call's mapping and outcome, and the mock's contacts and events afterwards. */
export interface Replay {
  calls: ReplayedCall[]
  /** the contacts as contacts/find returns them, without their generated ids */
  contacts: Record<string, unknown>[]
  events: { email?: unknown; eventName: string; eventProperties: unknown; contactProperties: unknown; idempotencyKey?: string }[]
}

/** One virtual clock for the mock and the sender: pacing and retries advance it instead of waiting. */
export function virtualClock(start = REPLAY_START): Clock {
  let now = start
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms
    },
  }
}

/** The mock's contacts and events, without what changes from run to run (generated ids). */
export function observe(mock: Mock): Pick<Replay, 'contacts' | 'events'> {
  const stored = mock.contacts(REPLAY_TEAM)
  const emailOf = new Map(stored.map(({ contact }) => [contact.id, contact.email]))
  return {
    contacts: stored.map(({ contact }) => Object.fromEntries(Object.entries(contact).filter(([key]) => key !== 'id'))),
    events: mock.events(REPLAY_TEAM).map((event) => ({
      email: emailOf.get(event.contactId),
      eventName: event.eventName,
      eventProperties: event.eventProperties,
      contactProperties: event.contactProperties,
      ...(event.idempotencyKey !== undefined ? { idempotencyKey: event.idempotencyKey } : {}),
    })),
  }
}

/**
 * Maps the script with the preset and sends it, one call at a time on a virtual clock, to a fresh in-process mock
 * (msw's getResponse: no worker, no port). The exported test does the same with the package, so it sees the same.
 */
export async function replay(script: string, preset: Preset): Promise<Replay> {
  const clock = virtualClock()
  const mock = createMock({ keys: { [REPLAY_KEY]: REPLAY_TEAM }, clock, origin: 'https://app.loops.so' })
  await mock.ready
  const results = mapCalls(readScript(script).calls, preset)
  const sender = createSender({
    fetch: async (request) => (await getResponse(mock.handlers, request)) ?? new Response(null, { status: 404 }),
    baseUrl: 'https://app.loops.so',
    apiKey: REPLAY_KEY,
    clock,
    concurrency: 1,
    timeout: 0,
  })
  const report = await sender.send(results)
  const calls = results.map((result, i): ReplayedCall => {
    const outcome = report.outcomes[i]
    const httpStatus = outcome && 'httpStatus' in outcome ? outcome.httpStatus : undefined
    return {
      status: result.status,
      ...(result.request ? { request: { method: result.request.method, path: result.request.path, body: result.request.body } } : {}),
      outcome: { status: outcome?.status ?? 'failed', ...(httpStatus !== undefined ? { httpStatus } : {}) },
    }
  })
  return { calls, ...observe(mock) }
}
