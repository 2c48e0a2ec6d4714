import { getResponse } from 'msw'
import { expect, it } from 'vitest'
import { createMock } from '../../mock-server/create-mock.ts'

it('keeps one type per new property when two concurrent requests introduce it with different types', async () => {
  const mock = createMock({ keys: { k: 'Acme' }, clock: { now: () => Date.UTC(2026, 10, 1) } })
  await mock.ready
  const send = (email: string, plan: unknown) =>
    getResponse(
      mock.handlers,
      new Request('http://mock.test/api/v1/events/send', {
        method: 'POST',
        headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, eventName: 'signed_up', plan }),
      }),
    )
  const [a, b] = await Promise.all([send('a@example.com', 5), send('b@example.com', 'gold')])
  expect([a?.status, b?.status]).toEqual([200, 400])
  expect(await b?.json()).toMatchObject({ success: false, message: 'Invalid value for "plan": it is a number property, got a string.' })
  expect(mock.contacts('Acme').map((c) => c.contact.email)).toEqual(['a@example.com'])
})
