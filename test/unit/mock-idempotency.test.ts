import { expect, it } from 'vitest'
import { createIdempotencyStore, IDEMPOTENCY_WINDOW_MS } from '../../mock-server/idempotency-store.ts'
import { createVirtualClock } from '../../mock-server/virtual-clock.ts'

const setup = () => {
  const clock = createVirtualClock({ now: () => 0 })
  return { clock, store: createIdempotencyStore(clock) }
}

const use = (store: ReturnType<typeof setup>['store'], key: string, body = '{}') => {
  const r = store.reserve('team/events', key, body)
  if (r.ok) r.commit()
  return r.ok
}

it('refuses a key used within 24 hours and accepts it again when advance(24h) has passed', () => {
  const { clock, store } = setup()
  expect(use(store, 'k')).toBe(true)
  clock.advance(IDEMPOTENCY_WINDOW_MS - 1)
  expect(use(store, 'k')).toBe(false)
  clock.advance(1)
  expect(use(store, 'k')).toBe(true)
})

it('says whether a refused request had the same body as the one that used the key', () => {
  const { store } = setup()
  use(store, 'k', '{"a":1}')
  expect(store.reserve('team/events', 'k', '{"a":1}')).toEqual({ ok: false, sameBody: true })
  expect(store.reserve('team/events', 'k', '{"a":2}')).toEqual({ ok: false, sameBody: false })
})

it('does not record the key of a request that released it (a failed request)', () => {
  const { store } = setup()
  const failed = store.reserve('team/events', 'k', '{}')
  expect(failed.ok).toBe(true)
  if (failed.ok) failed.release()
  expect(use(store, 'k')).toBe(true)
})

it('refuses a key held by a request still in flight', () => {
  const { store } = setup()
  const first = store.reserve('team/events', 'k', '{}')
  expect(store.reserve('team/events', 'k', '{}').ok).toBe(false)
  if (first.ok) first.release()
  expect(store.reserve('team/events', 'k', '{}').ok).toBe(true)
})

it('keeps keys apart per scope (team and endpoint)', () => {
  const { store } = setup()
  expect(use(store, 'k')).toBe(true)
  const other = store.reserve('team/transactional', 'k', '{}')
  expect(other.ok).toBe(true)
})

it('never moves the virtual clock backwards', () => {
  const { clock } = setup()
  expect(() => clock.advance(-1)).toThrow(/`ms`/)
  expect(() => clock.advance(Number.NaN)).toThrow(TypeError)
})

it('refuses to advance the virtual clock past the last representable date and leaves it where it was', () => {
  const clock = createVirtualClock({ now: () => 0 })
  clock.advance(1000)
  expect(() => clock.advance(1e16)).toThrow(/past the last date/)
  expect(clock.now()).toBe(1000)
})

it('forgets keys in time order: once the window has passed, the store holds only the last 24 hours of keys', () => {
  const { clock, store } = setup()
  for (const key of ['a', 'b', 'c']) use(store, key)
  clock.advance(IDEMPOTENCY_WINDOW_MS / 2)
  use(store, 'd')
  clock.advance(IDEMPOTENCY_WINDOW_MS / 2)
  use(store, 'e')
  expect(store.size).toBe(2)
  expect(use(store, 'd')).toBe(false)
  expect(use(store, 'a')).toBe(true)
})
