import { defaultPreset, mapCalls, parsePreset, readScript } from '../../src/core/index.ts'
import { examples } from '../../src/playground/examples/index.ts'
import { encodeState } from '../../src/playground/state/share-url.ts'
import { ARTIFACTS, expect, loadExample, openPlayground, requestText, test } from './fixtures.ts'

test('typing a call in the script editor updates the Loops request', async ({ page }) => {
  await openPlayground(page)
  await page.screenshot({ path: `${ARTIFACTS}01-initial.png` })
  const script = page.getByRole('region', { name: 'Datafly.js script' })
  await script.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type("datafly.track('Plan Upgraded', { seats: 3 })")
  await expect.poll(() => page.evaluate(() => window['__playground']!.getScript())).toContain("datafly.track('Plan Upgraded', { seats: 3 })")
  await expect.poll(() => requestText(page)).toContain('"eventName": "plan_upgraded"')
  expect(await requestText(page)).toContain('"seats": 3')
  await expect(page.getByRole('list', { name: 'Calls' }).locator('li')).toHaveCount(3)
})

test('every example loads and maps as the core maps it', async ({ page }) => {
  await openPlayground(page)
  for (const example of examples) {
    await loadExample(page, example.id)
    // an example may come with its own preset (laid over the Default one, as the Preset pane does)
    const preset = example.preset ? parsePreset(example.preset) : undefined
    const expected = mapCalls(readScript(example.script).calls, preset?.ok ? preset.preset : defaultPreset).map((r) => r.status)
    const calls = page.getByRole('list', { name: 'Calls' }).locator('li')
    await expect(calls).toHaveCount(expected.length)
    expect(await calls.evaluateAll((items) => items.map((li) => li.getAttribute('data-status')))).toEqual(expected)
    const shown = JSON.parse(await requestText(page)) as { status: string }[]
    expect(shown.map((entry) => entry.status)).toEqual(expected)
  }
})

test('an invalid event shows its issue in the call list and at its place in the script', async ({ page }) => {
  await openPlayground(page)
  await loadExample(page, 'invalid-property')
  const invalid = page.getByRole('list', { name: 'Calls' }).locator('li[data-status=invalid]')
  await expect(invalid).toHaveCount(1)
  await expect(invalid).toContainText('not a JSON-like literal')
  const markers = await page.evaluate(() => window['__playground']!.markers('/datafly-script.js'))
  const error = markers.find((m) => m.severity === 'error')
  expect(error?.message).toContain('not a JSON-like literal')
  expect(error?.startLineNumber).toBe(3)
  expect(markers.some((m) => m.severity === 'warning' && m.message.includes('"items" is an array'))).toBe(true)
  expect(markers.find((m) => m.severity === 'hint')).toMatchObject({ startLineNumber: 1, message: expect.stringContaining('Skipped: identify only resolves identity') })
  await page.screenshot({ path: `${ARTIFACTS}02-invalid-property.png` })
})

test('a syntax error is marked and the preview keeps the last script that parsed', async ({ page }) => {
  await openPlayground(page)
  const before = await requestText(page)
  await page.evaluate(() => window['__playground']!.setScript("datafly.track('Signed Up', {"))
  const request = page.getByRole('region', { name: 'Loops request' })
  await expect(request.getByRole('status')).toContainText('Syntax error')
  expect(await requestText(page)).toBe(before)
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled()
  await expect.poll(async () => (await page.evaluate(() => window['__playground']!.markers('/datafly-script.js'))).map((m) => m.severity)).toContain('error')
})

test('the preset is validated inline and the preview follows it', async ({ page }) => {
  await openPlayground(page)
  await page.evaluate(() => window['__playground']!.setPreset('{ "contactProperties": "root" }'))
  await expect.poll(() => requestText(page)).toContain('"firstName": "Sam"')
  expect(await requestText(page)).not.toContain('"contactProperties"')
  await expect(page.getByRole('region', { name: 'Loops request' }).getByRole('group', { name: 'Contact properties shape' })).toHaveCount(0)
  await page.evaluate(() => window['__playground']!.setPreset('{ "contactProperties": "sideways" }'))
  await expect(page.getByRole('region', { name: 'Preset' }).getByRole('status')).toContainText('preset.contactProperties')
  await expect
    .poll(async () => (await page.evaluate(() => window['__playground']!.markers('/preset.json'))).length, { timeout: 15_000 })
    .toBeGreaterThan(0)
  expect(await requestText(page)).toContain('"firstName": "Sam"')
})

test('the script editor completes the preset event names and shows hover docs', async ({ page }) => {
  await openPlayground(page)
  await page.evaluate(() => window['__playground']!.setScript("datafly.identify('u1', { email: 'a@example.com' })\n"))
  const script = page.getByRole('region', { name: 'Datafly.js script' })
  await script.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type("datafly.track('")
  await page.keyboard.press('Control+Space')
  const suggestions = script.locator('.suggest-widget .monaco-list-row')
  await expect(suggestions.filter({ hasText: 'Signed Up' })).toHaveCount(1, { timeout: 15_000 })
  await expect(suggestions.filter({ hasText: 'Order Completed' })).toHaveCount(1)
  await page.screenshot({ path: `${ARTIFACTS}09-completion.png` })
  await page.keyboard.press('Escape')
  const line = script.locator('.view-line').filter({ hasText: 'datafly.track' })
  const token = line.locator('span span').filter({ hasText: 'datafly.track' }).first()
  const box = await token.boundingBox()
  await token.hover({ position: { x: (box?.width ?? 60) - 10, y: (box?.height ?? 16) / 2 } })
  await expect(page.locator('.monaco-hover').filter({ hasText: 'POST /api/v1/events/send' })).toBeVisible({ timeout: 15_000 })
  await page.screenshot({ path: `${ARTIFACTS}10-hover.png` })
})

test('a share link restores its script and preset, and the address follows edits', async ({ page }) => {
  const script = "datafly.identify('u9', { email: 'shared@example.com', first_name: 'Ana' })\ndatafly.track('Shared Event')\n"
  await page.goto(`/${encodeState({ script, preset: '{ "contactProperties": "root" }' })}`)
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  expect(await page.evaluate(() => window['__playground']!.getScript())).toBe(script)
  expect(await requestText(page)).toContain('"eventName": "shared_event"')
  expect(await requestText(page)).toContain('"firstName": "Ana"')
  expect(await requestText(page)).not.toContain('"contactProperties"')
  await page.evaluate(() => window['__playground']!.setScript("datafly.track('Edited')"))
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(encodeState({ script: "datafly.track('Edited')", preset: '{ "contactProperties": "root" }' }))
})
