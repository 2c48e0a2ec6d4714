import { expect, it } from 'vitest'
import { createMock } from '../../mock-server/create-mock.ts'
import { createFaultStore } from '../../mock-server/fault-store.ts'

it('applies a count rule to the next N matching requests only, then removes it', () => {
  const faults = createFaultStore(() => 0)
  faults.add({ path: '/api/v1/events/send', method: 'post', status: 500, count: 2 })
  expect(faults.match('GET', '/api/v1/events/send')).toBeUndefined()
  expect(faults.match('POST', '/api/v1/events/send')?.status).toBe(500)
  expect(faults.match('POST', '/api/v1/events/send')?.status).toBe(500)
  expect(faults.match('POST', '/api/v1/events/send')).toBeUndefined()
  expect(faults.list()).toEqual([])
})

it('applies a probability rule when random() falls below it', () => {
  const draws = [0.2, 0.8]
  const faults = createFaultStore(() => draws.shift() ?? 1)
  faults.add({ status: 503, probability: 0.5 })
  expect(faults.match('POST', '/api/v1/lists')?.status).toBe(503)
  expect(faults.match('POST', '/api/v1/lists')).toBeUndefined()
})

it('refuses a rule without an effect or with an out-of-range field, naming the field', () => {
  const faults = createFaultStore(() => 0)
  expect(() => faults.add({ path: '/api/v1/lists' })).toThrow(/`status`, `latencyMs` or `drop/)
  expect(() => faults.add({ status: 99 })).toThrow(/`status`/)
  expect(() => faults.add({ status: 500, probability: 2 })).toThrow(/`probability`/)
})

it('delays a matching request by latencyMs on the injected sleep, then answers normally', async () => {
  const waits: number[] = []
  const mock = createMock({ keys: { k: 'Acme' }, sleep: async (ms) => void waits.push(ms) })
  await mock.ready
  mock.addFault({ path: '/api/v1/api-key', latencyMs: 250, count: 1 })
  const { getResponse } = await import('msw')
  const res = await getResponse(mock.handlers, new Request('http://mock.test/api/v1/api-key', { headers: { Authorization: 'Bearer k' } }))
  expect(res?.status).toBe(200)
  expect(waits).toEqual([250])
})

it('refuses a forced status that cannot carry a JSON body (204, 205, 304)', () => {
  const faults = createFaultStore(() => 0)
  for (const status of [204, 205, 304]) expect(() => faults.add({ status })).toThrow(/carry no body/)
})
