import { setupServer, type SetupServer } from 'msw/node'
import { createMock } from '../create-mock.ts'
import type { Mock, MockOptions } from '../types.ts'

/**
 * The mock for tests in Node, on msw's `setupServer`: after `server.listen({ onUnhandledFrame: 'error' })`, every
 * fetch to '…/api/v1/…' and '…/_mock/…' (any origin, or `options.origin`) is answered by the mock. Override one
 * route as with any msw handler: `server.use(http.post('*\/api/v1/events/send', () => …))`.
 */
export function setupServerMock(options: MockOptions = {}): { server: SetupServer; mock: Mock } {
  const mock = createMock(options)
  return { server: setupServer(...mock.handlers), mock }
}
