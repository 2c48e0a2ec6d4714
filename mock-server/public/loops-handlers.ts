import type { HttpHandler } from 'msw'
import { createMock } from '../create-mock.ts'
import type { Mock, MockOptions } from '../types.ts'
import { isMock } from './is-mock.ts'

/** Loops' own origin: where the `loops` SDK and the core sender send by default. */
export const LOOPS_ORIGIN = 'https://app.loops.so'

/** The mock's msw handlers, plus the mock they answer from (`handlers.mock`: state, clock, faults, reset). */
export type LoopsHandlers = HttpHandler[] & { readonly mock: Mock }

/**
 * The mock Loops API as msw handlers, to compose with your own:
 * `setupServer(...loopsHandlers({ keys: { test_key: 'Acme' } }), ...yours)`.
 * Unless `options.origin` says otherwise they answer only https://app.loops.so (where the `loops` SDK sends), so
 * your own `…/api/…` routes on other origins stay yours; pass `origin: '*'` to answer every origin. Pass a mock
 * made with `createMock` instead of options to share one mock between hosts.
 */
export function loopsHandlers(options: MockOptions | Mock = {}): LoopsHandlers {
  const mock = isMock(options) ? options : createMock({ origin: LOOPS_ORIGIN, ...options })
  const handlers = [...mock.handlers]
  Object.defineProperty(handlers, 'mock', { value: mock, enumerable: false })
  return handlers as LoopsHandlers
}
