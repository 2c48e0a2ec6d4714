import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { ARTIFACTS, expect, openPlayground, sendAndWait, test } from './fixtures.ts'

const KEY = 'e2e0mockserver0key0000000000000a'
let server: HttpServerMock

test.beforeAll(async () => {
  server = await startHttpServerMock({ port: 0, host: '127.0.0.1', keys: { [KEY]: 'Acme' } })
})
test.afterAll(async () => {
  await server.close()
})

test('the mock server target sends to a standalone mock and shows its state', async ({ page }) => {
  // The playground remembers the mock server URL for the tab; start from it, so no request goes to a URL nobody serves.
  await page.addInitScript((url) => sessionStorage.setItem('loops-playground:mock-server-url', url), server.url)
  await openPlayground(page)
  await page.getByLabel('Target').selectOption('mock-server')
  await expect(page.getByLabel('URL')).toHaveValue(server.url)
  await page.getByLabel('API key').fill(KEY)
  const run = await sendAndWait(page)
  await expect(run.locator('li[data-outcome=delivered]')).toHaveCount(1)
  expect(server.mock.contacts().map((c) => c.contact['email'])).toEqual(['sam@example.com'])
  const mock = page.getByRole('region', { name: 'Mock state' })
  await expect(mock.getByRole('list', { name: 'Contacts' })).toContainText('sam@example.com')
  expect(page.url()).not.toContain(KEY)
  await expect(page.getByRole('region', { name: 'Event log' })).not.toContainText(KEY)
  await page.screenshot({ path: `${ARTIFACTS}08-mock-server-target.png` })
})
