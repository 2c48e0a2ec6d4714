import type { Mock, MockOptions } from '../types.ts'

/** Tells a mock made with `createMock` from mock options. */
export function isMock(value: MockOptions | Mock): value is Mock {
  return Array.isArray((value as Partial<Mock>).handlers) && typeof (value as Partial<Mock>).reset === 'function'
}
