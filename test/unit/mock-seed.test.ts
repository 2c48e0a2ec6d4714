import { getResponse } from 'msw'
import { expect, it } from 'vitest'
import { createMock } from '../../mock-server/create-mock.ts'
import { parseSeed } from '../../mock-server/parse-seed.ts'

it('adds a seed file\'s lists, properties, transactional emails and contacts to the default seed', async () => {
  const mock = createMock({
    keys: { k: 'Acme' },
    seed: parseSeed({ lists: [{ id: 'vip', name: 'VIP' }], properties: [{ key: 'tier', type: 'string' }], contacts: [{ email: 'ada@example.com', tier: 'gold', mailingLists: { vip: true } }] }),
  })
  await mock.ready
  const [ada] = mock.contacts('Acme')
  expect(ada?.contact).toMatchObject({ email: 'ada@example.com', tier: 'gold', mailingLists: { vip: true } })
  const lists = await getResponse(mock.handlers, new Request('http://mock.test/api/v1/lists', { headers: { Authorization: 'Bearer k' } }))
  if (!lists) throw new Error('the mock did not answer GET /api/v1/lists')
  expect(((await lists.json()) as { id: string }[]).map((l) => l.id)).toEqual(['cm3n274xf027h0mi33t4qhrdg', 'cm6gb0ku002d00kiig98e153r', 'vip'])
})

it('names every problem of an invalid seed file with its path', () => {
  expect(() => parseSeed({ lists: [{ id: 'x' }], properties: [{ key: 'a b', type: 'text' }] })).toThrow(/lists\[0\]\.name[\s\S]*properties\[0\]\.key[\s\S]*properties\[0\]\.type/)
})

it('answers every request with a JSON 503 naming the problem when the seed is invalid', async () => {
  const mock = createMock({ keys: { k: 'Acme' }, seed: { contacts: [{ email: 'not-an-email' }] } })
  await expect(mock.ready).rejects.toThrow(/contacts\[0\] is invalid: Invalid email address/)
  const res = await getResponse(mock.handlers, new Request('http://mock.test/api/v1/api-key', { headers: { Authorization: 'Bearer k' } }))
  expect(res?.status).toBe(503)
  expect(await res?.json()).toMatchObject({ success: false, message: expect.stringMatching(/could not load its seed/) })
})

it('refuses seed content whose LMX does not compile, naming where', () => {
  expect(() => parseSeed({ content: { components: [{ name: 'x', lmx: '<p>hi</p>' }] } })).toThrow(/content\.components\[0\]\.lmx does not compile: Unknown tag <p>/)
})
