import { readFile } from 'node:fs/promises'
import { defaultPreset, mapCalls, readScript } from '../../src/core/index.ts'
import { workedExample } from '../../src/playground/examples/worked-example.ts'
import { expect, loadExample, openPlayground, test } from './fixtures.ts'

test('Export as test downloads a Vitest file for the package; copy as SDK code and copy as fetch copy the request, the key left in LOOPS_API_KEY', async ({ page }) => {
  // what the page writes to the clipboard, recorded (headless Chromium has no clipboard to read back reliably)
  await page.addInitScript(() => {
    const copied: string[] = []
    Object.assign(window, { copiedTexts: copied })
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) } })
  })
  const copied = () => page.evaluate(() => (window as unknown as { copiedTexts: string[] }).copiedTexts.at(-1) ?? '')
  await openPlayground(page)
  await loadExample(page, 'worked-example')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as test' }).click()])
  expect(download.suggestedFilename()).toBe('loops-playground.test.ts')
  const file = await readFile(await download.path(), 'utf8')
  expect(file).toContain("import { setupLoopsMock } from 'loops-playground/mock'")
  expect(file).toContain("datafly.track('Order Completed', {")
  expect(file).toContain('eventName: "order_completed"')
  expect(file).toContain('status: "delivered"')
  expect(file).toContain('email: "sam@example.com"')

  const [request] = mapCalls(readScript(workedExample.script).calls, defaultPreset).flatMap((r) => (r.request ? [r.request] : []))
  const ready = page.getByRole('list', { name: 'Calls' }).locator('li[data-status=ready]')
  await ready.getByRole('button', { name: 'copy as SDK code' }).click()
  await expect.poll(copied).toContain('await loops.sendEvent({')
  const sdk = await copied()
  expect(sdk).toContain('new LoopsClient(apiKey)')
  expect(sdk).toContain(`"Idempotency-Key": "${request?.headers['Idempotency-Key']}"`)
  await ready.getByRole('button', { name: 'copy as fetch' }).click()
  await expect.poll(copied).toContain('await fetch("https://app.loops.so/api/v1/events/send"')
  expect(await copied()).toContain('Authorization: `Bearer ${process.env.LOOPS_API_KEY}`')
})
