import { expect, it } from 'vitest'
import type { ContractClient } from './contract-client.ts'

type Get = () => ContractClient
type Ctx = { skip: (note?: string) => never }

const find = async (client: ContractClient, query: string): Promise<Record<string, unknown> | undefined> =>
  ((await client.call('GET', `contacts/find?${query}`)).json as Record<string, unknown>[])[0]

/** events/send: contact resolution and properties, value rules, Idempotency-Key. */
export function eventCases(get: Get): void {
  it('creates the contact when an event names an unknown email', async () => {
    const client = get()
    const address = client.email('event-new')
    const res = await client.call('POST', 'events/send', { body: { email: address, eventName: 'signed_up', eventProperties: { plan: 'pro', seats: 3, trial: true } } })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ success: true })
    expect(await find(client, `email=${encodeURIComponent(address)}`)).toMatchObject({ email: address, source: 'API', subscribed: true })
  })

  it('answers 400 when an event names only a userId that no contact has', async () => {
    const res = await get().call('POST', 'events/send', { body: { userId: `unknown-${Date.now()}`, eventName: 'signed_up' } })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ success: false, message: expect.any(String) })
  })

  it('with both email and userId, matches the contact by either and writes the other', async () => {
    const client = get()
    const address = client.email('event-both')
    await client.call('POST', 'events/send', { body: { email: address, eventName: 'visited' } })
    await client.call('POST', 'events/send', { body: { email: address, userId: `${address}-uid`, eventName: 'logged_in' } })
    expect(await find(client, `userId=${encodeURIComponent(`${address}-uid`)}`)).toMatchObject({ email: address })
  })

  it('applies contact properties sent at the root, and null resets one', async () => {
    const client = get()
    const address = client.email('event-props')
    await client.call('POST', 'events/send', { body: { email: address, eventName: 'signed_up', firstName: 'Grace', userGroup: 'beta' } })
    expect(await find(client, `email=${encodeURIComponent(address)}`)).toMatchObject({ firstName: 'Grace', userGroup: 'beta' })
    await client.call('POST', 'events/send', { body: { email: address, eventName: 'renamed', firstName: null } })
    expect(await find(client, `email=${encodeURIComponent(address)}`)).toMatchObject({ firstName: null, userGroup: 'beta' })
  })

  it('merges contact properties nested under contactProperties (the Datafly shape) into the contact', async (ctx: Ctx) => {
    const client = get()
    if (!client.target.control) ctx.skip('real Loops documents only the root shape')
    const address = client.email('event-nested')
    const res = await client.call('POST', 'events/send', { body: { email: address, eventName: 'order_completed', contactProperties: { firstName: 'Sam', planName: 'team' }, eventProperties: { revenue: 89.97 } } })
    expect(res.status).toBe(200)
    expect(await find(client, `email=${encodeURIComponent(address)}`)).toMatchObject({ firstName: 'Sam', planName: 'team' })
  })

  it('subscribes the contact to the mailing lists given by id', async (ctx: Ctx) => {
    const client = get()
    const lists = (await client.call('GET', 'lists')).json as { id: string }[]
    const list = lists[0]
    if (!list) ctx.skip('the team has no mailing lists')
    const address = client.email('event-list')
    await client.call('POST', 'events/send', { body: { email: address, eventName: 'joined', mailingLists: { [list?.id ?? '']: true } } })
    expect(await find(client, `email=${encodeURIComponent(address)}`)).toMatchObject({ mailingLists: { [list?.id ?? '']: true } })
  })

  it('answers 400 for a missing event name, a colon in it, or an object or array property value', async () => {
    const client = get()
    const email = client.email('event-bad')
    for (const body of [
      { email },
      { email, eventName: 'checkout:started' },
      { email, eventName: 'x', eventProperties: { cart: { sku: 'A1' } } },
      { email, eventName: 'x', eventProperties: { items: ['A1'] } },
      { email, eventName: 'x', nested: { a: 1 } },
    ]) {
      const res = await client.call('POST', 'events/send', { body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json).toMatchObject({ success: false, message: expect.any(String) })
    }
  })

  it('accepts a 500-character value including its quotes and answers 400 for 501', async () => {
    const client = get()
    const email = client.email('event-long')
    const ok = await client.call('POST', 'events/send', { body: { email, eventName: 'long', eventProperties: { note: 'a'.repeat(498) } } })
    expect(ok.status).toBe(200)
    const long = await client.call('POST', 'events/send', { body: { email, eventName: 'long', eventProperties: { note: 'a'.repeat(499) } } })
    expect(long.status).toBe(400)
  })

  it('answers 409 when an idempotency key is reused within 24 hours, whatever the body', async () => {
    const client = get()
    const email = client.email('idem')
    const key = `contract-${email}`
    const first = await client.call('POST', 'events/send', { body: { email, eventName: 'paid' }, headers: { 'Idempotency-Key': key } })
    expect(first.status).toBe(200)
    for (const body of [{ email, eventName: 'paid' }, { email, eventName: 'other' }]) {
      const again = await client.call('POST', 'events/send', { body, headers: { 'Idempotency-Key': key } })
      expect(again.status).toBe(409)
      expect(again.json).toMatchObject({ success: false, message: expect.any(String) })
    }
  })

  it('answers 400 for an idempotency key over 100 characters and records only keys of requests that succeeded', async () => {
    const client = get()
    const email = client.email('idem-fail')
    const tooLong = await client.call('POST', 'events/send', { body: { email, eventName: 'x' }, headers: { 'Idempotency-Key': 'k'.repeat(101) } })
    expect(tooLong.status).toBe(400)
    const key = `contract-failed-${email}`
    const failed = await client.call('POST', 'events/send', { body: { email, eventName: 'bad:name' }, headers: { 'Idempotency-Key': key } })
    expect(failed.status).toBe(400)
    const retried = await client.call('POST', 'events/send', { body: { email, eventName: 'good_name' }, headers: { 'Idempotency-Key': key } })
    expect(retried.status).toBe(200)
  })

  it('accepts an idempotency key again once 24 hours have passed on the virtual clock', async (ctx: Ctx) => {
    const client = get()
    if (!client.target.control) ctx.skip('needs the mock clock')
    const email = client.email('idem-24h')
    const send = () => client.call('POST', 'events/send', { body: { email, eventName: 'daily' }, headers: { 'Idempotency-Key': `day-${email}` } })
    expect((await send()).status).toBe(200)
    await client.control('POST', 'clock/advance', { ms: 24 * 60 * 60 * 1000 - 1000 })
    expect((await send()).status).toBe(409)
    await client.control('POST', 'clock/advance', { ms: 1000 })
    expect((await send()).status).toBe(200)
  })

  it('keeps a timeline of the events each contact received', async (ctx: Ctx) => {
    const client = get()
    if (!client.target.control) ctx.skip('needs the mock inspection API')
    const email = client.email('timeline')
    await client.call('POST', 'events/send', { body: { email, eventName: 'signed_up', eventProperties: { plan: 'pro' } } })
    await client.call('POST', 'events/send', { body: { email, eventName: 'upgraded', firstName: 'Tim' } })
    const contacts = (await client.control('GET', 'contacts')) as { contact: { email: string }; timeline: { eventName: string; eventProperties: object; contactProperties: object }[] }[]
    const mine = contacts.find((c) => c.contact.email === email)
    expect(mine?.timeline.map((e) => e.eventName)).toEqual(['signed_up', 'upgraded'])
    expect(mine?.timeline[0]?.eventProperties).toEqual({ plan: 'pro' })
    expect(mine?.timeline[1]?.contactProperties).toEqual({ firstName: 'Tim' })
  })
}
