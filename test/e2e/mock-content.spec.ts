import { expect, openPlayground, test } from './fixtures.ts'

// A program writes through the content API of the in-browser mock; Mock state → Content shows what it created.
test('Mock state shows the campaigns, transactional emails and workflows a program created', async ({ page }) => {
  await openPlayground(page)
  await page.evaluate(async () => {
    const key = ((await (await fetch('/_mock/keys')).json()) as { key: string }[])[0]?.key ?? ''
    const api = async (method: string, path: string, body?: unknown) =>
      (await fetch(`/api/v1/${path}`, { method, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })).json() as Promise<Record<string, string>>
    const tx = await api('POST', 'transactional-emails', { name: 'Order receipt' })
    await api('POST', `email-messages/${tx.draftEmailMessageId}`, { subject: 'Your receipt', lmx: '<Paragraph>Order {data.orderId}</Paragraph>', dataVariablesFallbacks: {} })
    await api('POST', `transactional-emails/${tx.id}/publish`)
    await api('POST', 'campaigns', { name: 'Spring launch' })
    await api('POST', 'workflows', { name: 'Onboarding flow' })
  })
  const mock = page.getByRole('region', { name: 'Mock state' })
  await mock.getByRole('button', { name: 'Refresh mock state' }).click()
  await mock.getByRole('button', { name: /^Content/ }).click()
  const transactional = mock.getByRole('list', { name: 'Transactional emails' })
  await expect(transactional.getByRole('listitem').filter({ hasText: 'Order receipt' })).toContainText('published')
  await expect(transactional.getByRole('listitem').filter({ hasText: 'Order receipt' })).toContainText('orderId')
  await expect(mock.getByRole('list', { name: 'Campaigns' })).toContainText('Spring launch')
  await expect(mock.getByRole('list', { name: 'Workflows' })).toContainText('BlankTrigger → ExitAction')
})
