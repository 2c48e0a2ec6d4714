import { expect, it } from 'vitest'
import type { ContractClient } from './contract-client.ts'

type Get = () => ContractClient
type Ctx = { skip: (note?: string) => never }

const DEFAULT_KEYS = ['id', 'email', 'firstName', 'lastName', 'source', 'subscribed', 'userGroup', 'userId']

/** api-key, contacts (create, update, find, delete), properties, lists, dedicated IPs. */
export function contactCases(get: Get): void {
  it('answers GET api-key with success, the team name and rate-limit headers', async () => {
    const res = await get().call('GET', 'api-key')
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ success: true, teamName: expect.any(String) })
    const limit = Number(res.headers.get('x-ratelimit-limit'))
    const remaining = Number(res.headers.get('x-ratelimit-remaining'))
    expect(limit).toBeGreaterThan(0)
    expect(remaining).toBeLessThan(limit)
  })

  it('answers 401 Invalid API key, without rate-limit headers, for a missing, unknown or non-Bearer key', async (ctx: Ctx) => {
    const { call, target } = get()
    if (!target.checksClientKey) ctx.skip('the target replaces the client key')
    for (const res of [
      await call('GET', 'api-key', { key: null }),
      await call('GET', 'api-key', { key: 'not-a-real-key-0000' }),
      await call('GET', 'api-key', { key: null, headers: { Authorization: `Basic ${target.apiKey}` } }),
    ]) {
      expect(res.status).toBe(401)
      expect(res.json).toEqual({ success: false, message: 'Invalid API key', error: 'Invalid API key' })
      expect(res.headers.get('x-ratelimit-limit')).toBeNull()
    }
  })

  it('creates a contact and finds it with the default keys in Loops order, set custom properties before mailingLists', async () => {
    const { call, target, email } = get()
    const address = email('find')
    const custom = target.control ? { planName: 'pro' } : {}
    const created = await call('POST', 'contacts/create', { body: { email: address, firstName: 'Ada', userId: `${address}-id`, ...custom } })
    expect(created.status).toBe(200)
    expect(created.json).toMatchObject({ success: true, id: expect.any(String) })
    const found = await call('GET', `contacts/find?email=${encodeURIComponent(address)}`)
    expect(found.status).toBe(200)
    const [contact] = found.json as Record<string, unknown>[]
    expect(Object.keys(contact ?? {})).toEqual([...DEFAULT_KEYS, ...Object.keys(custom), 'mailingLists', 'optInStatus'])
    expect(contact).toMatchObject({ id: (created.json as { id: string }).id, email: address, firstName: 'Ada', lastName: null, source: 'API', subscribed: true, userGroup: '', mailingLists: {}, optInStatus: null, ...custom })
  })

  it('answers 409 when creating a contact whose email is already on a contact', async () => {
    const { call, email } = get()
    const address = email('dup')
    expect((await call('POST', 'contacts/create', { body: { email: address } })).status).toBe(200)
    const again = await call('POST', 'contacts/create', { body: { email: address } })
    expect(again.status).toBe(409)
    expect(again.json).toMatchObject({ success: false, message: expect.any(String) })
  })

  it('answers 400 when creating a contact with an invalid or missing email', async () => {
    const { call } = get()
    for (const body of [{ email: 'not-an-email' }, { firstName: 'No email' }]) {
      const res = await call('POST', 'contacts/create', { body })
      expect(res.status).toBe(400)
      expect(res.json).toMatchObject({ success: false, message: expect.any(String) })
    }
  })

  it('answers find with [] when no contact matches, and 400 for both or neither of email and userId', async () => {
    const { call, email } = get()
    expect((await call('GET', `contacts/find?email=${encodeURIComponent(email('nobody'))}`)).json).toEqual([])
    expect((await call('GET', 'contacts/find?userId=no-such-user-contract')).json).toEqual([])
    expect((await call('GET', `contacts/find?email=${encodeURIComponent(email('x'))}&userId=u1`)).status).toBe(400)
    expect((await call('GET', 'contacts/find')).status).toBe(400)
  })

  it('updates a contact found by userId, changing its email, and keeps its id', async () => {
    const { call, email } = get()
    const [before, after] = [email('before'), email('after')]
    const userId = `${before}-uid`
    const { id } = (await call('POST', 'contacts/create', { body: { email: before, userId } })).json as { id: string }
    const updated = await call('PUT', 'contacts/update', { body: { email: after, userId, lastName: 'Lovelace' } })
    expect(updated.json).toEqual({ success: true, id })
    const [contact] = (await call('GET', `contacts/find?email=${encodeURIComponent(after)}`)).json as Record<string, unknown>[]
    expect(contact).toMatchObject({ id, email: after, userId, lastName: 'Lovelace' })
  })

  it('creates the contact on update when the email is unknown, and answers 400 for an unknown userId alone', async () => {
    const { call, email } = get()
    const address = email('upsert')
    const res = await call('PUT', 'contacts/update', { body: { email: address, firstName: 'New' } })
    expect(res.json).toMatchObject({ success: true, id: expect.any(String) })
    expect((await call('GET', `contacts/find?email=${encodeURIComponent(address)}`)).json).toHaveLength(1)
    const unknown = await call('PUT', 'contacts/update', { body: { userId: `${address}-missing`, firstName: 'X' } })
    expect(unknown.status).toBe(400)
  })

  it('deletes a contact by userId, then answers 404 for it', async () => {
    const { call, email, target } = get()
    const address = email('delete')
    await call('POST', 'contacts/create', { body: { email: address, userId: `${address}-uid` } })
    const deleted = await call('POST', 'contacts/delete', { body: { userId: `${address}-uid` } })
    expect(deleted.status).toBe(200)
    // live Loops says "Contact deleted" (its docs add a period); the mock emits the live text
    expect(deleted.json).toEqual({ success: true, message: target.control ? 'Contact deleted' : expect.stringMatching(/^Contact deleted\.?$/) })
    expect((await call('GET', `contacts/find?email=${encodeURIComponent(address)}`)).json).toEqual([])
    expect((await call('POST', 'contacts/delete', { body: { email: address } })).status).toBe(404)
    expect((await call('POST', 'contacts/delete', { body: { email: address, userId: 'both' } })).status).toBe(400)
  })

  it('reports the suppression status of a contact and answers 400 when removing one that is not suppressed', async () => {
    const { call, email } = get()
    const address = email('suppression')
    await call('POST', 'contacts/create', { body: { email: address } })
    const status = await call('GET', `contacts/suppression?email=${encodeURIComponent(address)}`)
    expect(status.status).toBe(200)
    expect(status.json).toMatchObject({ contact: { email: address }, isSuppressed: false, removalQuota: { limit: expect.any(Number), remaining: expect.any(Number) } })
    const removal = await call('DELETE', `contacts/suppression?email=${encodeURIComponent(address)}`)
    expect(removal.status).toBe(400)
    expect((await call('GET', `contacts/suppression?email=${encodeURIComponent(email('nobody'))}`)).status).toBe(404)
  })

  it('lists all contact properties with list=all and only custom ones with list=custom and customFields', async () => {
    const { call } = get()
    const all = (await call('GET', 'contacts/properties?list=all')).json as { key: string; type: string }[]
    expect(all.map((p) => p.key)).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'userId', 'subscribed', 'userGroup', 'source']))
    const custom = (await call('GET', 'contacts/properties?list=custom')).json as { key: string }[]
    expect(custom.map((p) => p.key)).not.toContain('firstName')
    expect((await call('GET', 'contacts/customFields')).json).toEqual(custom)
  })

  it('creates a custom property and answers 400 for a duplicate, a bad type or a reserved name', async (ctx: Ctx) => {
    const { call, target } = get()
    if (!target.control) ctx.skip('would create a permanent property in a real account')
    const name = `contract${Date.now().toString(36)}`
    expect((await call('POST', 'contacts/properties', { body: { name, type: 'number' } })).json).toEqual({ success: true })
    const listed = (await call('GET', 'contacts/properties?list=custom')).json as { key: string; label: string; type: string }[]
    expect(listed).toContainEqual({ key: name, label: expect.any(String), type: 'number' })
    for (const body of [{ name, type: 'number' }, { name: `${name}x`, type: 'list' }, { name: 'teamId', type: 'string' }]) {
      const res = await call('POST', 'contacts/properties', { body })
      expect(res.status).toBe(400)
      expect(res.json).toMatchObject({ success: false, message: expect.any(String) })
    }
  })

  it('lists mailing lists as {id, name, description, isPublic} and dedicated sending IPs as strings', async () => {
    const { call } = get()
    const lists = await call('GET', 'lists')
    expect(lists.status).toBe(200)
    for (const list of lists.json as unknown[]) expect(Object.keys(list as object)).toEqual(['id', 'name', 'description', 'isPublic'])
    const ips = await call('GET', 'dedicated-sending-ips')
    expect(ips.status).toBe(200)
    expect((ips.json as unknown[]).every((ip) => typeof ip === 'string')).toBe(true)
  })
}
