import { afterAll, beforeAll, expect, it } from 'vitest'
import { setupServerMock } from '../../mock-server/hosts/setup-server.ts'
import { frozenClock } from './frozen-clock.ts'
import { openApiErrors } from './openapi.ts'

// A system transactional email (seeded with `system: true`): Loops fills its data variables, so Guardian requires the
// content to use each one (missingRequiredDataVariables). The API cannot create one, hence a seed and this own file.
const KEY = 'guardian-system-key'
const ORIGIN = 'http://guardian-system.mock.test'
const SYSTEM_ID = 'cmsystememail0000000000001'
const { server, mock } = setupServerMock({
  keys: { [KEY]: 'System Team' },
  origin: ORIGIN,
  clock: frozenClock(),
  rateLimit: 1000,
  seed: { transactionalEmails: [{ id: SYSTEM_ID, name: 'System email', system: true, dataVariables: ['confirmationUrl'] }] },
})
beforeAll(async () => {
  server.listen({ onUnhandledFrame: 'error' })
  await mock.ready
})
afterAll(() => server.close())

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${ORIGIN}/api/v1/${path}`, { method, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  const json = (await res.json()) as Json
  const errors = openApiErrors(method, `/api/v1/${path}`, res.status, json)
  if (errors !== undefined) expect(errors, `${method} ${path} → ${res.status} against the OpenAPI schema`).toEqual([])
  return { status: res.status, json }
}

it('has Guardian report the data variable a system email needs but its draft dropped, and block publishing until it is back', async () => {
  const draft = (await api('POST', `transactional-emails/${SYSTEM_ID}/draft`)).json
  const message = `email-messages/${draft.draftEmailMessageId}`
  expect((await api('GET', `${message}/guardian`)).json).toEqual({ errors: [], warnings: [] })
  expect((await api('POST', message, { lmx: '<Paragraph>Please confirm your subscription.</Paragraph>' })).status).toBe(200)
  const guardian = (await api('GET', `${message}/guardian`)).json
  expect(guardian.warnings).toEqual([])
  expect(guardian.errors).toEqual([{ rule: 'missingRequiredDataVariables', title: expect.any(String), description: expect.any(String), items: [{ label: '{data.confirmationUrl}', codeName: 'confirmationUrl' }] }])
  const refused = await api('POST', `transactional-emails/${SYSTEM_ID}/publish`)
  expect(refused.status).toBe(422)
  expect(refused.json.message).toMatch(/missingRequiredDataVariables \(\{data\.confirmationUrl\}\)/)
  expect((await api('POST', message, { lmx: '<Button href="{data.confirmationUrl}">Confirm</Button>' })).status).toBe(200)
  expect((await api('GET', `${message}/guardian`)).json).toEqual({ errors: [], warnings: [] })
  expect((await api('POST', `transactional-emails/${SYSTEM_ID}/publish`)).status).toBe(200)
})

it('has Guardian ask a regular transactional email for no required data variables', async () => {
  const tx = (await api('POST', 'transactional-emails', { name: 'Regular' })).json
  expect((await api('POST', `email-messages/${tx.draftEmailMessageId}`, { lmx: '<Paragraph>No variables at all.</Paragraph>' })).status).toBe(200)
  expect((await api('GET', `email-messages/${tx.draftEmailMessageId}/guardian`)).json).toEqual({ errors: [], warnings: [] })
})
