import type { Locator, Page } from '@playwright/test'
import { DOCS_IMAGES, expect, openPlayground, sendAndWait, test } from './fixtures.ts'

/** Fails unless the element's box lies wholly inside the viewport (nothing to scroll to, nothing cut off). */
async function expectInViewport(page: Page, locator: Locator, name: string): Promise<void> {
  await expect(locator, name).toBeVisible()
  const box = await locator.boundingBox()
  const size = page.viewportSize()
  expect(box, name).not.toBeNull()
  if (!box || !size) return
  expect({ name, left: box.x >= -0.5, top: box.y >= -0.5, right: box.x + box.width <= size.width + 0.5, bottom: box.y + box.height <= size.height + 0.5 }).toEqual({
    name,
    left: true,
    top: true,
    right: true,
    bottom: true,
  })
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
  expect(scroll, 'page width').toBeLessThanOrEqual(client)
}

const sendButton = (page: Page): Locator => page.locator('button[type=submit]', { hasText: 'Send' })

/** Shows a panel: directly when the layout shows it, else through its tab. */
async function show(page: Page, tab: string): Promise<void> {
  const button = page.getByRole('tab', { name: tab, exact: true })
  if ((await button.count()) > 0) await button.click()
}

for (const { width, height, layout } of [
  { width: 800, height: 600, layout: 'narrow' },
  { width: 1024, height: 768, layout: 'medium' },
  { width: 1440, height: 900, layout: 'wide' },
]) {
  test(`at ${width}×${height} the script, the request, Send and the latest outcome are on screen without scrolling sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await openPlayground(page)
    await expect(page.locator('main.workspace')).toHaveAttribute('data-layout', layout)
    await expectNoHorizontalScroll(page)
    for (const [name, locator] of [
      ['Examples', page.getByLabel('Examples')],
      ['Target', page.getByLabel('Target')],
      ['API key', page.getByLabel('API key')],
      ['Send', sendButton(page)],
    ] as const) {
      await expectInViewport(page, locator, name)
    }
    await show(page, 'Script')
    await expectInViewport(page, page.getByRole('region', { name: 'Datafly.js script' }), 'script pane')
    await show(page, 'Loops request')
    await expectInViewport(page, page.getByRole('region', { name: 'Loops request' }), 'request pane')
    await expectInViewport(page, page.getByRole('list', { name: 'Calls' }), 'call list')
    const run = await sendAndWait(page)
    await expect(run.locator('li[data-outcome=delivered]')).toHaveCount(1)
    if (layout !== 'wide') {
      // The latest outcome sits beside Send and opens the Event log.
      const latest = page.getByRole('button', { name: /^Latest send:/ })
      await expectInViewport(page, latest, 'latest outcome')
      await expect(latest).toContainText('1 delivered · 1 skipped')
      await latest.click()
    }
    await expectInViewport(page, page.getByRole('region', { name: 'Event log' }), 'Event log pane')
    await expectInViewport(page, run.locator('li[data-outcome=delivered]'), 'delivered row')
    await show(page, 'Mock state')
    await expectInViewport(page, page.getByRole('region', { name: 'Mock state' }).getByRole('button', { name: 'Reset mock' }), 'Reset mock')
    await expectNoHorizontalScroll(page)
  })
}

test('at 1280×800 choosing the Mock server target pushes nothing off-screen', async ({ page }) => {
  await page.addInitScript(() => sessionStorage.setItem('loops-playground:mock-server-url', 'http://127.0.0.1:9'))
  await openPlayground(page)
  await page.getByLabel('Target').selectOption('mock-server')
  await expectNoHorizontalScroll(page)
  for (const [name, locator] of [
    ['Examples', page.getByLabel('Examples')],
    ['Share link', page.getByRole('button', { name: 'Share link' })],
    ['Target', page.getByLabel('Target')],
    ['URL', page.getByLabel('URL')],
    ['API key', page.getByLabel('API key')],
    ['Send', sendButton(page)],
    ['script pane', page.getByRole('region', { name: 'Datafly.js script' })],
    ['preset pane', page.getByRole('region', { name: 'Preset' })],
    ['request pane', page.getByRole('region', { name: 'Loops request' })],
    ['Event log pane', page.getByRole('region', { name: 'Event log' })],
    ['Mock state pane', page.getByRole('region', { name: 'Mock state' })],
  ] as const) {
    await expectInViewport(page, locator, name)
  }
})

test('a stacked pane folds away so its neighbour gets the room', async ({ page }) => {
  await openPlayground(page)
  const mock = page.getByRole('region', { name: 'Mock state' })
  const before = (await mock.boundingBox())?.height ?? 0
  await page.getByRole('button', { name: 'Fold Event log' }).click()
  await expect(page.getByRole('region', { name: 'Event log' }).locator('.panel-body')).toBeHidden()
  await expect.poll(async () => (await mock.boundingBox())?.height ?? 0).toBeGreaterThan(before * 2)
  await page.getByRole('button', { name: 'Show Event log' }).click()
  await expect(page.getByRole('region', { name: 'Event log' }).locator('.panel-body')).toBeVisible()
})

// Times change from run to run: hidden in the pictures, so an unchanged playground gives unchanged files.
const STILL = '.time, .run-time { visibility: hidden !important; } .monaco-editor .cursors-layer { display: none !important; }'

test('writes the screenshots the docs show (docs/images)', async ({ page }) => {
  await openPlayground(page)
  const run = await sendAndWait(page)
  await expect(run.locator('li[data-outcome=delivered]')).toHaveCount(1)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: `${DOCS_IMAGES}playground.png`, style: STILL, animations: 'disabled', caret: 'hide' })
  await page.setViewportSize({ width: 800, height: 600 })
  await expect(page.locator('main.workspace')).toHaveAttribute('data-layout', 'narrow')
  await page.getByRole('tab', { name: 'Loops request' }).click()
  await expect(page.getByRole('region', { name: 'Loops request' })).toBeVisible()
  await page.screenshot({ path: `${DOCS_IMAGES}playground-narrow.png`, style: STILL, animations: 'disabled', caret: 'hide' })
})
