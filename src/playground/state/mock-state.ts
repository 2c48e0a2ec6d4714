import { signal } from '@preact/signals'
import { createMockApi, type MockApi } from '../mock/mock-api.ts'
import { browserMockStatus } from '../mock/start-in-browser-mock.ts'
import { baseUrl, target } from './target.ts'

/** The parts of the mock's /_mock/ answers the Mock state panel shows. */
export interface ContactView {
  team?: string
  contact: Record<string, unknown>
  timeline: { eventName: string; at: string; eventProperties?: Record<string, unknown>; idempotencyKey?: string }[]
}
export interface RequestView {
  at: string
  method: string
  path: string
  status: number
  team?: string
  idempotencyKey?: string
  requestBody?: unknown
  responseBody?: unknown
}

export interface MockSnapshot {
  contacts: ContactView[]
  requests: RequestView[]
  /** Faults still armed (their remaining count, when limited). */
  faults: unknown[]
  /** The mock's API keys and whether each is revoked. */
  keys: KeyView[]
}
export interface KeyView {
  key: string
  team: string
  revoked: boolean
}

export const mockSnapshot = signal<MockSnapshot | null>(null)
export const mockError = signal<string | null>(null)
/** Faults queued from this page (the mock applies and counts them down). */
export const faultNotes = signal<string[]>([])

export const mockApi = (): MockApi => createMockApi(baseUrl.value)

const listOf = <T,>(value: unknown, key: string): T[] =>
  Array.isArray(value) ? (value as T[]) : Array.isArray((value as Record<string, unknown> | null)?.[key]) ? ((value as Record<string, T[]>)[key] ?? []) : []

let pending: Promise<void> | undefined

/** Reads contacts, requests and armed faults from the current target's mock. */
export function refreshMock(): Promise<void> {
  if (target.value === 'loops-proxy') return Promise.resolve()
  // Before its service worker answers, /_mock/ would reach the page's own server.
  if (target.value === 'browser-mock' && browserMockStatus.value.state !== 'ready') return Promise.resolve()
  pending ??= (async () => {
    const api = mockApi()
    try {
      const [contacts, requests, faults, keys] = await Promise.all([api.get('contacts?limit=200'), api.get('requests?offset=-200&limit=200'), api.get('faults'), api.get('keys')])
      mockSnapshot.value = {
        contacts: listOf<ContactView>(contacts, 'contacts'),
        requests: listOf<RequestView>(requests, 'requests'),
        faults: listOf<unknown>(faults, 'faults'),
        keys: listOf<KeyView>(keys, 'keys'),
      }
      mockError.value = null
    } catch (error) {
      mockError.value = error instanceof Error ? error.message : String(error)
    } finally {
      pending = undefined
    }
  })()
  return pending
}

/** Runs a control call, notes what was done, then refreshes. */
export async function controlMock(action: (api: MockApi) => Promise<unknown>, done?: string): Promise<void> {
  try {
    await action(mockApi())
    if (done) faultNotes.value = [...faultNotes.value.slice(-4), done]
    mockError.value = null
  } catch (error) {
    mockError.value = error instanceof Error ? error.message : String(error)
  }
  await refreshMock()
}

/** The mock's record of a key, when the mock knows it. */
export function keyInMock(key: string): KeyView | undefined {
  return key === '' ? undefined : mockSnapshot.value?.keys.find((k) => k.key === key)
}

/** Makes a revoked key work again (the mock's `POST /_mock/keys` with its team re-enables it). */
export async function restoreKey(key: string): Promise<void> {
  const known = keyInMock(key)
  if (!known) return
  await controlMock((api) => api.post('keys', { team: known.team, key }), 'The API key works again.')
}

/** Resets the mock (contacts, events, log, faults) and makes the key in use work again if it was revoked. */
export async function resetMock(key: string): Promise<void> {
  const revoked = keyInMock(key)
  await controlMock(async (api) => {
    await api.post('reset')
    if (revoked?.revoked) await api.post('keys', { team: revoked.team, key })
  }, revoked?.revoked ? 'Mock reset; the API key in use works again.' : 'Mock reset.')
}
