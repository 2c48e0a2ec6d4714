import { expect, gapsOf, loadExample, mockEventSends, mockNow, openPlayground, sendOnVirtualClock, test } from './fixtures.ts'

// Monaco's hover and diff widgets need a little longer than a plain page on a loaded machine
test.describe.configure({ timeout: 120_000 })

test('the Timeline draws every attempt of the latest Send, coloured by its answer', async ({ page }) => {
  // On the page's virtual clock: rate spacing and backoff end when the test advances the mock's clock.
  await openPlayground(page, '?clock=virtual')
  await loadExample(page, 'funnel')
  const mock = page.getByRole('region', { name: 'Mock state' })
  await mock.getByRole('button', { name: /Force 500/ }).click()
  // the fault is armed by a control call: wait until the mock says so, or the Send may start first
  await expect(mock.locator('.fault-status')).toContainText('Armed: the next 2 event sends answer 500.')
  const startedAt = await mockNow(page)
  const { advancedMs } = await sendOnVirtualClock(page)
  const chart = page.getByRole('region', { name: 'Send timeline' }).getByTestId('timeline-chart')
  // 7 events delivered, 2 of them after one forced 500 each
  await expect(chart.locator('rect.attempt')).toHaveCount(9)
  await expect(chart.locator('rect.attempt-server-error')).toHaveCount(2)
  await expect(chart.locator('rect.attempt-ok')).toHaveCount(7)
  await expect(chart.locator('rect.wait-backoff')).toHaveCount(2)
  await expect(chart.locator('path.budget')).toHaveCount(1)
  // Virtual time: each retried event reached the mock again at least a drawn backoff later, on the mock's clock,
  // which moved only by the advances. Which backoff is whose does not matter: when every gap covers its own
  // backoff, the gaps sorted cover the backoffs sorted.
  const backoffs = (await chart.locator('rect.wait-backoff').allTextContents()).map((title) => Number(/^backoff (\d+) ms/.exec(title)?.[1]))
  const sends = await mockEventSends(page)
  const retried = [...new Set(sends.filter((s) => s.status === 500).map((s) => s.idempotencyKey))]
  expect(retried).toHaveLength(2)
  const gaps = retried.map((key) => gapsOf(sends.filter((s) => s.idempotencyKey === key).map((s) => s.at)))
  expect(gaps.map((g) => g.length)).toEqual([1, 1])
  const ascending = (values: readonly number[]): number[] => values.toSorted((a, b) => a - b)
  const [shortGap, longGap] = ascending(gaps.flat())
  const [shortBackoff, longBackoff] = ascending(backoffs)
  expect(shortGap).toBeGreaterThanOrEqual(shortBackoff ?? Infinity)
  expect(longGap).toBeGreaterThanOrEqual(longBackoff ?? Infinity)
  expect(await mockNow(page)).toBe(startedAt + advancedMs)
})

test('hovering a request field shows where it came from, and clicking it selects the source in the script', async ({ page }) => {
  await openPlayground(page)
  const request = page.getByRole('region', { name: 'Loops request' })
  await page.evaluate(() => window['__playground']!.reveal('/loops-request.json', '"firstName": "Sam"'))
  // Monaco shows a hover over text, not over the empty rest of a line: point at the key itself
  const line = request.locator('.view-line', { hasText: '"firstName": "Sam"' }).locator('span', { hasText: 'firstName' }).last()
  await line.hover()
  const hover = page.locator('.monaco-hover').filter({ hasText: 'traits.first_name' })
  await expect(hover).toBeVisible()
  await expect(hover).toContainText('routes[0]')
  await line.click()
  await expect.poll(() => page.evaluate(() => window['__playground']!.scriptSelection())).toBe('first_name')
})

test('hovering a trait in the script says it is dropped and which preset key would send it', async ({ page }) => {
  await openPlayground(page)
  await page.evaluate(() => window['__playground']!.setScript("datafly.identify('u1', { email: 'a@b.co', plan_name: 'pro' })\ndatafly.track('Signed Up', { plan: 'pro' })\n"))
  const script = page.getByRole('region', { name: 'Datafly.js script' })
  await expect.poll(() => page.evaluate(() => window['__playground']!.getScript())).toContain('plan_name')
  await script.locator('.view-line span', { hasText: 'plan_name' }).first().hover()
  const hover = page.locator('.monaco-hover').filter({ hasText: 'is not sent' })
  await expect(hover).toBeVisible()
  await expect(hover).toContainText('contactProperties.planName')
})

test('the consent what-if shows subscribed appearing without editing the script', async ({ page }) => {
  await openPlayground(page)
  const before = await page.evaluate(() => window['__playground']!.getScript())
  const whatIf = page.getByRole('group', { name: 'Consent what-if' })
  await whatIf.getByRole('combobox').selectOption('granted')
  await expect(whatIf.getByRole('status')).toContainText('+ /body/contactProperties/subscribed: true')
  await whatIf.getByRole('combobox').selectOption('denied')
  await expect(whatIf.getByRole('status')).toContainText('no request changes')
  expect(await page.evaluate(() => window['__playground']!.getScript())).toBe(before)
})

test('Compare with Default shows the Default preset beside the edited one', async ({ page }) => {
  await openPlayground(page)
  await page.getByRole('button', { name: 'Use the root shape' }).click()
  // a secondary view: it starts folded on a wide screen
  await page.getByRole('button', { name: 'Show Compare with Default' }).click()
  const diff = page.getByRole('region', { name: 'Compare with Default' }).getByTestId('preset-diff')
  await expect(diff.locator('.monaco-diff-editor')).toBeVisible()
  const text = (path: string) => page.evaluate((p) => window['__playground']!.modelText(p), path)
  await expect.poll(() => text('/compare-presets.original.json')).toContain('"contactProperties": {')
  await expect.poll(() => text('/compare-presets.modified.json')).not.toContain('"contactProperties": {')
  // the diff editor marks the lines that differ
  await expect(diff.locator('.line-insert, .char-insert, .line-delete, .char-delete').first()).toBeAttached()
})
