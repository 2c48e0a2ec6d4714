import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHttpServerMock as startMockServer, type HttpServerMock as MockServer } from '../../mock-server/hosts/http-server.ts'
import { frozenClock } from './frozen-clock.ts'

// /_mock/content shows what the content API holds; reset clears it back to the seed, which can include content.
const KEY = 'content-control-key'
let server: MockServer
beforeAll(async () => {
  server = await startMockServer({
    keys: { [KEY]: 'Control Team' },
    clock: frozenClock(),
    rateLimit: 1000,
    seed: { content: { components: [{ id: 'cmseedfooter0000000000001', name: 'Footer', lmx: '<Paragraph>Seeded footer</Paragraph>' }], campaigns: [{ name: 'Seeded campaign', subject: 'Hello', lmx: '<Component componentId="cmseedfooter0000000000001" />' }], workflows: [{ name: 'Seeded workflow' }] } },
  })
})
afterAll(() => server.close())
const api = async (method: string, path: string, body?: unknown) =>
  (await fetch(`${server.url}/api/v1/${path}`, { method, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })).json() as Promise<Record<string, any>> // eslint-disable-line @typescript-eslint/no-explicit-any
const content = async () => ((await (await fetch(`${server.url}/_mock/content?team=Control%20Team`)).json()) as Record<string, any>[])[0] ?? {} // eslint-disable-line @typescript-eslint/no-explicit-any

it('shows the seeded content, then campaigns, transactional emails with status and data variables, and workflows as node lists', async () => {
  const seeded = await content()
  expect(seeded.campaigns.map((c: { name: string }) => c.name)).toEqual(['Seeded campaign'])
  expect(seeded.campaigns[0].email).toMatchObject({ subject: 'Hello', lmx: '<Component componentId="cmseedfooter0000000000001" />' })
  expect(seeded.workflows[0].nodes.map((n: { typeName: string }) => n.typeName)).toEqual(['BlankTrigger', 'ExitAction'])
  const tx = await api('POST', 'transactional-emails', { name: 'Shown' })
  await api('POST', `email-messages/${tx.draftEmailMessageId}`, { subject: 'S', lmx: '<Paragraph>{data.code}</Paragraph>' })
  await api('POST', `transactional-emails/${tx.id}/publish`)
  const shown = ((await content()).transactionalEmails as { id: string }[]).find((t) => t.id === tx.id)
  expect(shown).toMatchObject({ status: 'published', sendable: true, dataVariables: [{ name: 'code', required: true }], published: { subject: 'S', lmx: '<Paragraph>{data.code}</Paragraph>' } })
  expect(server.mock.content('Control Team')[0]?.transactionalEmails.find((t) => t.id === tx.id)).toMatchObject({ sendable: true })
})

it('clears the content on reset and brings back the seeded content', async () => {
  await api('POST', 'campaigns', { name: 'Made by a test' })
  expect((await content()).campaigns).toHaveLength(2)
  await fetch(`${server.url}/_mock/reset`, { method: 'POST' })
  const after = await content()
  expect(after.campaigns.map((c: { name: string }) => c.name)).toEqual(['Seeded campaign'])
  expect(after.transactionalEmails.map((t: { name: string }) => t.name)).not.toContain('Shown')
})

it('answers a control change of an unknown campaign with 404 and a bad status with 400', async () => {
  expect((await fetch(`${server.url}/_mock/content/campaigns/nope/status`, { method: 'POST', body: '{"status":"Sent"}' })).status).toBe(404)
  const id = (await content()).campaigns[0].id as string
  expect((await fetch(`${server.url}/_mock/content/campaigns/${id}/status`, { method: 'POST', body: '{"status":"Gone"}' })).status).toBe(400)
})
