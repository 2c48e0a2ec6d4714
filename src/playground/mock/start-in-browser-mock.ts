import { signal } from '@preact/signals'
import { setApiKey } from '../state/target.ts'

/** 'starting' until the service worker answers; 'failed' with a reason when it cannot start. */
export const browserMockStatus = signal<{ state: 'starting' | 'ready' | 'failed'; message?: string }>({ state: 'starting' })

function demoKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `demo_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * Starts the Loops mock in this page (msw's service worker; the worker script comes from the msw/vite plugin),
 * seeded with one generated demo key that the API key field gets for the in-browser mock target.
 * `?mockRateLimit=N` in the page address starts it with a lower limit, to watch throttling.
 */
export async function startInBrowserMock(): Promise<void> {
  const key = demoKey()
  const limit = Number(new URLSearchParams(location.search).get('mockRateLimit'))
  try {
    const { startBrowserMock } = await import('../../../mock-server/browser.ts')
    await startBrowserMock({
      keys: { [key]: 'Demo team' },
      origin: location.origin,
      ...(Number.isFinite(limit) && limit > 0 ? { rateLimit: limit } : {}),
    })
    setApiKey(key, 'browser-mock')
    browserMockStatus.value = { state: 'ready' }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    browserMockStatus.value = { state: 'failed', message: `The in-browser mock could not start (${message}). Use a mock server URL instead.` }
  }
}
