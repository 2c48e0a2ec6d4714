import { expect, loadExample, openPlayground, sendAndWait, test } from './fixtures.ts'

test('the Timeline draws every attempt of the latest Send, coloured by its answer', async ({ page }) => {
  await openPlayground(page)
  await loadExample(page, 'funnel')
  const mock = page.getByRole('region', { name: 'Mock state' })
  await mock.getByRole('button', { name: /Force 500/ }).click()
  await sendAndWait(page)
  const chart = page.getByRole('region', { name: 'Timeline' }).getByTestId('timeline-chart')
  // 7 events delivered, 2 of them after one forced 500 each
  await expect(chart.locator('rect.attempt')).toHaveCount(9)
  await expect(chart.locator('rect.attempt-server-error')).toHaveCount(2)
  await expect(chart.locator('rect.attempt-ok')).toHaveCount(7)
  await expect(chart.locator('rect.wait-backoff')).toHaveCount(2)
  await expect(chart.locator('path.budget')).toHaveCount(1)
})
