import { signal } from '@preact/signals'
import { mockClockOptions } from '../clock/page-clock.ts'
import { setApiKey } from '../state/target.ts'
import { connectInbox, inboxDeliver } from '../state/webhook-inbox.ts'

/** 'starting' until the service worker answers; 'failed' with a reason when it cannot start. */
export const browserMockStatus = signal<{ state: 'starting' | 'ready' | 'failed'; message?: string }>({ state: 'starting' })

/** The in-browser mock's rate limit (requests per second per team); Loops' is 10. */
export const browserMockLimit = signal(10)

let running: { worker: import('msw/browser').SetupWorker; key: string } | undefined

function demoKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `demo_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * Starts the Loops mock in this page (msw's service worker; the worker script comes from the msw/vite plugin),
 * seeded with one generated demo key that the API key field gets for the in-browser mock target.
 * `?mockRateLimit=N` in the page address starts it with a lower limit, to watch throttling; `?clock=virtual` puts it
 * on the page's virtual clock (`pageClock`).
 */
export async function startInBrowserMock(): Promise<void> {
  const key = demoKey()
  const limit = Number(new URLSearchParams(location.search).get('mockRateLimit'))
  try {
    const { startBrowserMock } = await import('../../../mock-server/hosts/browser.ts')
    const rateLimit = Number.isFinite(limit) && limit > 0 ? limit : 10
    const { worker, mock } = await startBrowserMock({ keys: { [key]: 'Demo team' }, origin: location.origin, rateLimit, webhooks: { deliver: inboxDeliver }, ...mockClockOptions })
    connectInbox(mock.webhooks)
    running = { worker, key }
    browserMockLimit.value = rateLimit
    setApiKey(key, 'browser-mock')
    browserMockStatus.value = { state: 'ready' }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    browserMockStatus.value = { state: 'failed', message: `The in-browser mock could not start (${message}). Use a mock server URL instead.` }
  }
}

/** Replaces the in-browser mock with a fresh one (same demo key) limited to `limit` requests per second. */
export async function setBrowserMockLimit(limit: number): Promise<void> {
  if (!running) return
  const { createMock } = await import('../../../mock-server/create-mock.ts')
  const mock = createMock({ keys: { [running.key]: 'Demo team' }, origin: location.origin, rateLimit: limit, webhooks: { deliver: inboxDeliver }, ...mockClockOptions })
  connectInbox(mock.webhooks)
  running.worker.resetHandlers(...mock.handlers)
  await mock.ready
  browserMockLimit.value = limit
}

/** The demo key the in-browser mock was started with (undefined until it runs). */
export function browserMockKey(): string | undefined {
  return running?.key
}
