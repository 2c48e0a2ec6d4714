import type { RequestHandler } from 'msw'
import { setupServer, type SetupServer } from 'msw/node'
import type { Mock, MockOptions } from '../types.ts'
import { loopsHandlers } from './loops-handlers.ts'

export interface LoopsMockSetup {
  /** msw's setupServer with the mock's handlers (then yours): call `listen()` before the tests, `close()` after */
  server: SetupServer
  /** the mock's state and controls: contacts, events, requests, faults, clock, reset */
  mock: Mock
  /** the first API key the mock accepts (`options.keys`, or the one it generated) */
  apiKey: string
}

/**
 * A ready msw `setupServer` that answers the Loops API in-process (no port): the `loops` SDK and `fetch` calls to
 * https://app.loops.so/api/v1/… reach the mock. Your own handlers go after the options.
 */
export function setupLoopsMock(options: MockOptions = {}, ...handlers: RequestHandler[]): LoopsMockSetup {
  const loops = loopsHandlers(options)
  const [first] = loops.mock.keys()
  if (!first) throw new TypeError('setupLoopsMock: the mock has no API key; pass keys: { "<key>": "<team>" }')
  return { server: setupServer(...loops, ...handlers), mock: loops.mock, apiKey: first.key }
}
