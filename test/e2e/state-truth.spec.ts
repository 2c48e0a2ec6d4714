import type { Page } from '@playwright/test'
import { expect as baseExpect, gapsOf, mockEventSends, mockNow, openPlayground, sendAndWait, sendOnVirtualClock, test } from './fixtures.ts'

// The Mock state pane reads the mock after each action; on a loaded machine that read can take a while.
const expect = baseExpect.configure({ timeout: 30_000 })

// The machine is shared: a test that sends and waits for the mock gets room beyond the default 45 s.
test.describe.configure({ timeout: 150_000 })

/** The in-browser mock's own answer, fetched from the page (its service worker answers /_mock/). */
const mockGet = (page: Page, path: string): Promise<unknown> => page.evaluate(async (p) => (await fetch(`/_mock/${p}`)).json() as Promise<unknown>, path)

test('after Force 500 ×2 and a Send the fault list agrees with GET /_mock/faults', async ({ page }) => {
  // On the page's virtual clock: the backoff before each retry ends when the test advances the mock's clock.
  await openPlayground(page, '?clock=virtual')
  const mock = page.getByRole('region', { name: 'Mock state' })
  const status = mock.locator('.fault-status')
  await mock.getByRole('button', { name: 'Force 500 ×2' }).click()
  await expect(status).toContainText('Armed: the next 2 event sends answer 500.')
  expect(await mockGet(page, 'faults')).toEqual([expect.objectContaining({ status: 500, count: 2 })])
  const startedAt = await mockNow(page)
  const { advancedMs } = await sendOnVirtualClock(page)
  await mock.getByRole('button', { name: 'Refresh mock state' }).click()
  expect(await mockGet(page, 'faults')).toEqual([])
  await expect(status).toContainText('No faults armed.')
  await expect(status).not.toContainText('500')
  // Both faults were used by the Send's own retries, on the mock's clock, which moved only by the advances.
  expect((await mockEventSends(page)).map((s) => s.status)).toEqual([500, 500, 200])
  expect(await mockNow(page)).toBe(startedAt + advancedMs)
})

test('Restore key makes a revoked demo key work again', async ({ page }) => {
  await openPlayground(page)
  const mock = page.getByRole('region', { name: 'Mock state' })
  await mock.getByRole('button', { name: 'Revoke key' }).click()
  await expect(mock.locator('.fault-status')).toContainText('revoked')
  await expect(mock.getByRole('button', { name: 'Revoke key' })).toHaveCount(0)
  await mock.getByRole('button', { name: 'Restore key' }).click()
  await expect(mock.getByRole('button', { name: 'Revoke key' })).toBeVisible()
  await expect(mock.locator('.fault-status')).not.toContainText('revoked')
  const run = await sendAndWait(page)
  await expect(run.locator('li[data-outcome=delivered]')).toHaveCount(1)
})

test('Reset mock restores a revoked demo key', async ({ page }) => {
  await openPlayground(page)
  const mock = page.getByRole('region', { name: 'Mock state' })
  await mock.getByRole('button', { name: 'Revoke key' }).click()
  await expect(mock.locator('.fault-status')).toContainText('revoked')
  await mock.getByRole('button', { name: 'Reset mock' }).click()
  await expect(mock.locator('.fault-status')).toContainText('the API key in use works again')
  expect(await mockGet(page, 'keys')).toEqual([expect.objectContaining({ revoked: false })])
  const run = await sendAndWait(page)
  await expect(run.locator('li[data-outcome=delivered]')).toHaveCount(1)
})

test('Restore key puts the demo key back when the field was emptied', async ({ page }) => {
  await openPlayground(page)
  await page.getByLabel('API key').fill('')
  const mock = page.getByRole('region', { name: 'Mock state' })
  await expect(mock.locator('.fault-status')).toContainText('no longer holds the demo key')
  await mock.getByRole('button', { name: 'Restore key' }).click()
  await expect(page.getByLabel('API key')).toHaveValue(/^demo_[0-9a-f]{32}$/)
  const run = await sendAndWait(page)
  await expect(run.locator('li[data-outcome=delivered]')).toHaveCount(1)
})

test('Force 429 ×3 gives one banner in the Event log', async ({ page }) => {
  // On the page's virtual clock: the wait after each 429 ends when the test advances the mock's clock.
  await openPlayground(page, '?clock=virtual')
  const mock = page.getByRole('region', { name: 'Mock state' })
  await mock.getByRole('button', { name: 'Force 429 ×3' }).click()
  await expect(mock.locator('.fault-status')).toContainText('answer 429')
  const startedAt = await mockNow(page)
  const { run, advancedMs } = await sendOnVirtualClock(page)
  await expect(run.locator('li[data-outcome=delivered]')).toHaveCount(1)
  await expect(run.locator('.notice')).toHaveCount(1)
  await expect(run.locator('.notice')).toContainText('Loops answered 429')
  await expect(run.locator('.notice')).toContainText('(×3)')
  // Virtual time: a 429 without Retry-After holds every send for the 1 s window, so each attempt reached the mock
  // at least 1 s after the one before, on the mock's clock, which moved only by the advances.
  const sends = await mockEventSends(page)
  expect(sends.map((s) => s.status)).toEqual([429, 429, 429, 200])
  for (const gap of gapsOf(sends.map((s) => s.at))) expect(gap).toBeGreaterThanOrEqual(1000)
  expect(await mockNow(page)).toBe(startedAt + advancedMs)
})

test('without an API key the block header counts what its rows say, and the identify stays skipped', async ({ page }) => {
  await openPlayground(page)
  await page.getByLabel('API key').fill('')
  const run = await sendAndWait(page)
  await expect(run.locator('li[data-outcome=skipped]')).toHaveCount(1)
  await expect(run.locator('li[data-outcome=failed]')).toHaveCount(1)
  await expect(run.locator('.run-summary')).toHaveText('1 failed · 1 skipped')
})

test('Use the root shape is visible without opening a disclosure', async ({ page }) => {
  await openPlayground(page)
  const request = page.getByRole('region', { name: 'Loops request' })
  await expect(request.getByRole('button', { name: 'Use the root shape' })).toBeVisible()
  await request.getByRole('button', { name: 'Use the root shape' }).click()
  await expect(request.getByRole('button', { name: 'Use the root shape' })).toHaveCount(0)
  // The Default text with one key changed is no longer the Default preset, and is not called that.
  await expect(page.getByRole('region', { name: 'Preset' }).locator('header .hint')).toHaveText('"Default (edited)" in use')
})

test('a long skip reason can be read in full', async ({ page }) => {
  await openPlayground(page)
  const reason = page.getByRole('list', { name: 'Calls' }).locator('li[data-status=skipped] .clamp-text')
  const folded = (await reason.boundingBox())?.height ?? 0
  await expect(reason).toHaveAttribute('aria-expanded', 'false')
  await reason.click()
  await expect(reason).toHaveAttribute('aria-expanded', 'true')
  await expect.poll(async () => (await reason.boundingBox())?.height ?? 0).toBeGreaterThan(folded)
})

test('a custom preset without a name is not called Default, and an invalid one names what the preview uses', async ({ page }) => {
  await openPlayground(page)
  const preset = page.getByRole('region', { name: 'Preset' })
  await page.evaluate(() => window['__playground']!.setPreset('{ "events": { "Trial Started": "trial_started" } }'))
  await expect(preset.locator('header .hint')).toHaveText('"Custom preset (extends Default)" in use')
  await page.evaluate(() => window['__playground']!.setPreset('{ "events": { "Trial Started": 3 } }'))
  await expect(preset.getByRole('status')).toContainText('the preview uses the last valid preset ("Custom preset (extends Default)")')
})
