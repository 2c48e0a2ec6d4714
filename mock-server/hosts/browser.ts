import { setupWorker, type SetupWorker } from 'msw/browser'
import { createMock } from '../create-mock.ts'
import type { Mock, MockOptions } from '../types.ts'

export interface BrowserMockOptions extends MockOptions {
  /** where the worker script is served; default `${BASE_URL}mockServiceWorker.js` (the msw/vite plugin serves it) */
  serviceWorkerUrl?: string
  /** default true: no msw console banner or per-request logs */
  quiet?: boolean
}

/**
 * The mock in the browser, in a service worker: the page's fetches to '…/api/v1/…' and '…/_mock/…' are answered by
 * the mock; everything else passes through. The worker script comes from the `msw/vite` plugin, so it always
 * matches the installed msw.
 */
export async function startBrowserMock(options: BrowserMockOptions = {}): Promise<{ worker: SetupWorker; mock: Mock }> {
  const { serviceWorkerUrl, quiet = true, ...mockOptions } = options
  const mock = createMock(mockOptions)
  const worker = setupWorker(...mock.handlers)
  await worker.start({
    serviceWorker: { url: serviceWorkerUrl ?? `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledFrame: 'bypass',
    quiet,
  })
  await mock.ready
  return { worker, mock }
}
