import { getResponse } from 'msw'
import { createMock } from '../../mock-server/create-mock.ts'
import type { Mock, MockOptions } from '../../mock-server/types.ts'
import type { WebhookRequest } from '../../mock-server/webhooks/webhook-types.ts'

export const KEY = 'k_webhooks'
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
export const NEWSLETTER = 'cm3n274xf027h0mi33t4qhrdg'
export const UPDATES = 'cm6gb0ku002d00kiig98e153r'
export const WELCOME = 'cm3n2vjux00cgeyeflew9ly2w'
export const T0 = Date.UTC(2026, 10, 1, 12, 0, 0)

/** A mock on a frozen clock whose deliveries land in `received` (a `deliver` callback answering 200). */
export async function mockWithInbox(options: MockOptions = {}): Promise<{ mock: Mock; received: WebhookRequest[]; call: Call }> {
  const received: WebhookRequest[] = []
  const mock = createMock({
    keys: { [KEY]: 'Acme' },
    clock: { now: () => T0 },
    ...options,
    webhooks: { secret: SECRET, deliver: (request) => void received.push(request), ...options.webhooks },
  })
  await mock.ready
  return { mock, received, call: caller(mock) }
}

export type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: unknown }>

export function caller(mock: Mock): Call {
  return async (method, path, body, headers = {}) => {
    const request = new Request(`http://mock.test${path}`, {
      method,
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    const response = await getResponse(mock.handlers, request)
    if (!response) throw new Error(`no handler for ${method} ${path}`)
    const text = await response.text()
    return { status: response.status, body: text === '' ? null : JSON.parse(text) }
  }
}

export const names = (received: readonly WebhookRequest[]): string[] => received.map((r) => r.eventName)
