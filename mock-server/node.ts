import { setupServer, type SetupServer } from 'msw/node'
import { createMock } from './create-mock.ts'
import type { Mock, MockOptions } from './types.ts'

/**
 * The mock for tests in Node: `server.listen({ onUnhandledFrame: 'error' })` makes every fetch to '…/api/v1/…' and
 * '…/_mock/…' (any origin, or `options.origin`) answer from the mock.
 */
export function createMockServer(options: MockOptions = {}): { server: SetupServer; mock: Mock } {
  const mock = createMock(options)
  return { server: setupServer(...mock.handlers), mock }
}
