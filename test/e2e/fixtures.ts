import { test as base, expect, type Page } from '@playwright/test'

export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname
/** The pictures the docs show; written by test/e2e/layout.spec.ts, so they follow the playground. */
export const DOCS_IMAGES = new URL('../../docs/images/', import.meta.url).pathname

/** Every test fails on a console error or an uncaught page error. */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        // Chromium logs every non-2xx answer; the Loops API's 401/409/429/500 are answers the playground shows.
        if (message.text().startsWith('Failed to load resource') && /\/api\/v1\//.test(message.location().url)) return
        problems.push(`console: ${message.text()} (${message.location().url})`)
      })
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
      await use(problems)
      expect(problems, 'console errors and page errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Opens the playground and waits for the editors and the in-browser mock. */
export async function openPlayground(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`)
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 })
}

export const requestText = (page: Page): Promise<string> => page.evaluate(() => window['__playground']!.getRequestText())

export async function loadExample(page: Page, id: string): Promise<void> {
  await page.getByLabel('Examples').selectOption(id)
}

/** Clicks Send and waits for that Send's run to finish; returns its run element. */
export async function sendAndWait(page: Page, timeout = 20_000) {
  const before = await page.locator('.log-run').count()
  await page.getByRole('button', { name: 'Send', exact: false }).and(page.locator('button[type=submit]')).click()
  const run = page.locator('.log-run').first()
  await expect(page.locator('.log-run')).toHaveCount(before + 1)
  await expect(run).toHaveAttribute('data-done', 'true', { timeout })
  return run
}

/**
 * Clicks Send on a page opened with `?clock=virtual` and advances the page's virtual clock (through the in-browser
 * mock's `POST /_mock/clock/advance`, which moves the sender's clock too) `stepMs` at a time until that Send's run
 * is done. Nothing waits on real time: rate spacing, backoff and Retry-After end when the clock passes them. Each
 * step is one request through the service worker, as long as the sender's own, so the clock moves about one step
 * while a request is in flight. Returns the run element and the virtual milliseconds advanced.
 */
export async function sendOnVirtualClock(page: Page, { stepMs = 100, maxMs = 120_000 } = {}) {
  const before = await page.locator('.log-run').count()
  await page.getByRole('button', { name: 'Send', exact: false }).and(page.locator('button[type=submit]')).click()
  await expect(page.locator('.log-run')).toHaveCount(before + 1)
  const advancedMs = await page.evaluate(
    async ({ step, max }) => {
      let advanced = 0
      while (document.querySelector('.log-run')?.getAttribute('data-done') !== 'true') {
        if (advanced >= max) throw new Error(`the Send was not done after ${max} ms of virtual time`)
        const body = JSON.stringify({ ms: step })
        const response = await fetch('/_mock/clock/advance', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
        if (!response.ok) throw new Error(`POST /_mock/clock/advance answered ${response.status}: ${await response.text()}`)
        advanced += step
      }
      return advanced
    },
    { step: stepMs, max: maxMs },
  )
  return { run: page.locator('.log-run').first(), advancedMs }
}

/** The in-browser mock's clock, epoch ms (`GET /_mock/clock`). */
export const mockNow = (page: Page): Promise<number> =>
  page.evaluate(async () => ((await (await fetch('/_mock/clock')).json()) as { now: number }).now)

/** One entry of the in-browser mock's request log, as `GET /_mock/requests` shows it (bodies left out). */
export interface MockRequest {
  at: string
  path: string
  status: number
  idempotencyKey?: string
}

/** The in-browser mock's request log, oldest first (`GET /_mock/requests`, up to 1000 entries). */
export const mockRequests = (page: Page): Promise<MockRequest[]> =>
  page.evaluate(async () => (await (await fetch('/_mock/requests?limit=1000')).json()) as MockRequest[])

/** The event sends (`/api/v1/events/send`) in the in-browser mock's request log, oldest first, `at` in epoch ms of its clock. */
export async function mockEventSends(page: Page): Promise<{ at: number; status: number; idempotencyKey?: string }[]> {
  return (await mockRequests(page))
    .filter((r) => r.path === '/api/v1/events/send')
    .map((r) => ({ at: Date.parse(r.at), status: r.status, ...(r.idempotencyKey !== undefined ? { idempotencyKey: r.idempotencyKey } : {}) }))
}

/** Milliseconds between each entry and the next (`[t1 - t0, t2 - t1, …]`). */
export const gapsOf = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - (times[i] ?? t))
