import type { Page } from '@playwright/test'
import { ARTIFACTS, expect, loadExample, sendAndWait, test } from './fixtures.ts'

/** As the fixtures' openPlayground, with room for a loaded machine (these tests load Monaco more than once). */
async function openPlayground(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 })
}

const CSV = ['Email,First name,Note', 'ana@acme.dev,Ana,"Hi, ""you"""', 'zoe@example.com,Zoë,"two', 'lines"', ',Nobody,no email', ''].join('\n')

test('a CSV import and an HTTP API column run that shows 200 and 400 cells, kept over a reload and in the share link', async ({ page }) => {
  test.setTimeout(240_000)
  await openPlayground(page)
  const clay = page.getByRole('region', { name: 'Clay table' })
  await expect(clay).toBeVisible()
  await clay.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
  await expect(clay.getByRole('textbox', { name: 'Row 2, First name' })).toHaveValue('Zoë')
  await expect(clay.getByRole('textbox', { name: 'Row 1, Note' })).toHaveValue('Hi, "you"')
  await expect(clay.getByRole('textbox', { name: 'Row 2, Note' })).toHaveValue('two\nlines')

  await clay.getByRole('button', { name: 'Add HTTP API column' }).click()
  const editor = clay.getByRole('region', { name: /HTTP API column/ })
  await expect(editor.getByLabel('Body preview')).toContainText('"email": "ana@acme.dev"')
  await editor.getByRole('button', { name: /Run all rows/ }).click()
  await expect(clay.getByRole('button', { name: /^Row 1, HTTP API 1: 200$/ })).toBeVisible()
  await expect(clay.getByRole('button', { name: /^Row 2, HTTP API 1: 200$/ })).toBeVisible()
  await expect(clay.getByRole('button', { name: /^Row 3, HTTP API 1: 400$/ })).toBeVisible()
  await clay.getByRole('button', { name: /^Row 3, HTTP API 1/ }).click()
  const detail = clay.getByRole('region', { name: 'Cell details' })
  await expect(detail.getByLabel('Request')).toContainText('PUT http://127.0.0.1')
  await expect(detail.getByLabel('Request')).toContainText('Bearer ••••')
  await expect(detail.getByLabel('Response')).toContainText('400')
  const mock = page.getByRole('region', { name: 'Mock state' })
  await expect(mock.getByRole('list', { name: 'Contacts' })).toContainText('zoe@example.com')
  await page.screenshot({ path: `${ARTIFACTS}clay-01-run.png` })

  // the table survives a reload; the share link carries it, never the key
  await page.reload()
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 })
  await expect(page.getByRole('region', { name: 'Clay table' }).getByRole('textbox', { name: 'Row 2, First name' })).toHaveValue('Zoë')
  const key = await page.getByLabel('API key').inputValue()
  const hash = new URL(page.url()).hash
  const shared = Buffer.from(hash.slice(4).replaceAll('-', '+').replaceAll('_', '/'), 'base64').toString('utf8')
  expect(shared).toContain('zoe@example.com')
  expect(shared).toContain('{{Email}}')
  expect(shared).not.toContain(key)
})

test('Clay round trip: identify + track create contacts, contact.created fills rows, enrichment is written back', async ({ page }) => {
  test.setTimeout(240_000)
  await openPlayground(page)
  await loadExample(page, 'clay-round-trip')
  const clay = page.getByRole('region', { name: 'Clay table' })
  await expect(clay.getByRole('button', { name: 'Edit HTTP API column Write back to Loops' })).toBeVisible()
  const run = await sendAndWait(page)
  await expect(run.locator('li[data-outcome=delivered]')).toHaveCount(4)

  // a contact.created webhook per new contact → a row, its mapped and enriched columns filled
  await expect(clay.getByRole('row', { name: /^Row \d$/ })).toHaveCount(2)
  await expect(clay.getByLabel('Row 1, Email')).toHaveText('ada@acme.dev')
  await expect(clay.getByLabel('Row 1, First name')).toHaveText('Ada')
  await expect(clay.getByLabel('Row 1, Company')).toHaveText('Acme')
  await expect(clay.getByLabel('Row 1, Size')).toHaveText('120')
  await expect(clay.getByLabel('Row 2, Email')).toHaveText('lin@gmail.com')
  await expect(clay.getByLabel('Row 2, Company')).toHaveText('')

  // Auto-update ran both HTTP API columns: 200s, and "Only run if" Company skipped Lin's event
  await expect(clay.getByRole('button', { name: 'Row 1, Write back to Loops: 200' })).toBeVisible()
  await expect(clay.getByRole('button', { name: 'Row 2, Write back to Loops: 200' })).toBeVisible()
  await expect(clay.getByRole('button', { name: 'Row 1, Send event: 200' })).toBeVisible()
  await expect(clay.getByRole('button', { name: 'Row 2, Send event: skipped' })).toBeVisible()

  // the webhook cell opens the full body as a tree
  await clay.getByRole('button', { name: 'Row 1, Webhook: open the request body' }).click()
  const detail = clay.getByRole('region', { name: 'Cell details' })
  await expect(detail).toContainText('contactIdentity')
  await expect(detail).toContainText('"ada@acme.dev"')

  // the written-back properties and the event are on the contact in Mock state
  const mock = page.getByRole('region', { name: 'Mock state' })
  await expect(mock.getByRole('list', { name: 'Contacts' })).toContainText('company: "Acme"')
  await expect(mock.getByRole('list', { name: 'Contacts' })).toContainText('companySize: 120')
  await expect(mock.getByRole('list', { name: 'Contacts' })).toContainText('clay_enriched')
  await page.screenshot({ path: `${ARTIFACTS}clay-02-round-trip.png` })
})

test('typing / in the body offers the columns, and the preview marks a bare text value as invalid JSON', async ({ page }) => {
  test.setTimeout(240_000)
  await openPlayground(page)
  const clay = page.getByRole('region', { name: 'Clay table' })
  await clay.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
  await expect(clay.getByRole('textbox', { name: 'Row 1, First name' })).toHaveValue('Ana')
  await clay.getByRole('button', { name: 'Add HTTP API column' }).click()
  const editor = clay.getByRole('region', { name: /HTTP API column/ })
  await expect(editor.getByLabel('Body preview')).toContainText('"email": "ana@acme.dev"')
  // type "/" in the body: the columns are offered and the pick is inserted as {{Column name}}
  await editor.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('End')
  await page.keyboard.insertText(',\n  "firstName": "')
  await page.keyboard.type('/Fir')
  await expect(page.locator('.suggest-widget')).toContainText('/First name')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('"')
  await expect(editor.getByLabel('Body preview')).toContainText('"firstName": "Ana"')
  await expect(editor.getByRole('list', { name: 'Body problems' }).getByRole('listitem')).toHaveCount(0)

  // a bare token inserts the raw value: text there is invalid JSON, marked at the token
  await page.keyboard.insertText(',\n  "note": {{Note}}')
  await expect(editor.getByRole('list', { name: 'Body problems' })).toContainText('The value of "Note"')
  await expect.poll(() => page.evaluate(async () => (await window['__playground']!.markers('/clay-body-h4.txt')).map((m) => m.message).join(' '))).toContain('wrap it in quotes')
})
