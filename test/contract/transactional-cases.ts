import { expect, it } from 'vitest'
import type { ContractClient } from './contract-client.ts'

type Get = () => ContractClient
type Ctx = { skip: (note?: string) => never }

/** the mock's seeded transactional emails (a real account has its own: these cases need the mock) */
const WELCOME = 'cm3n2vjux00cgeyeflew9ly2w'
const DRAFT = 'cm7draft000000000000000001'

/** transactional: send, data variables, 404, addToAudience, idempotency; both list endpoints. */
export function transactionalCases(get: Get): void {
  const mockOnly = (ctx: Ctx): ContractClient => {
    const client = get()
    if (!client.target.control) ctx.skip('uses the mock seed transactional emails')
    return client
  }

  it('sends a published transactional email with its required data variables, optional ones left out', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const res = await client.call('POST', 'transactional', { body: { transactionalId: WELCOME, email: client.email('tx'), dataVariables: { firstName: 'Ada' } } })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ success: true })
  })

  it('answers 400 naming each missing required data variable', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const res = await client.call('POST', 'transactional', { body: { transactionalId: WELCOME, email: client.email('tx-missing'), dataVariables: { couponCode: 'X' } } })
    expect(res.status).toBe(400)
    expect(res.json).toEqual({ success: false, message: 'Missing required data variable(s): firstName' })
  })

  it('answers 404 for an unknown transactional email and 400 for an unpublished one', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const missing = await client.call('POST', 'transactional', { body: { transactionalId: 'cm0000000000000000000none', email: client.email('tx-404') } })
    expect(missing.status).toBe(404)
    expect(missing.json).toMatchObject({ success: false, message: 'Transactional email not found.' })
    const draft = await client.call('POST', 'transactional', { body: { transactionalId: DRAFT, email: client.email('tx-draft'), dataVariables: { trackingUrl: 'u' } } })
    expect(draft.status).toBe(400)
  })

  it('answers 400 for a null data variable and for a missing email or transactionalId', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    for (const body of [
      { transactionalId: WELCOME, email: client.email('tx-null'), dataVariables: { firstName: null } },
      { transactionalId: WELCOME, dataVariables: { firstName: 'A' } },
      { email: client.email('tx-noid'), dataVariables: { firstName: 'A' } },
    ]) expect((await client.call('POST', 'transactional', { body })).status, JSON.stringify(body)).toBe(400)
  })

  it('creates the contact only with addToAudience: true', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const [kept, added] = [client.email('tx-noadd'), client.email('tx-add')]
    await client.call('POST', 'transactional', { body: { transactionalId: WELCOME, email: kept, dataVariables: { firstName: 'A' } } })
    await client.call('POST', 'transactional', { body: { transactionalId: WELCOME, email: added, addToAudience: true, dataVariables: { firstName: 'B' } } })
    expect((await client.call('GET', `contacts/find?email=${encodeURIComponent(kept)}`)).json).toEqual([])
    expect((await client.call('GET', `contacts/find?email=${encodeURIComponent(added)}`)).json).toHaveLength(1)
  })

  it('answers 409 when a transactional idempotency key is reused', async (ctx: Ctx) => {
    const client = mockOnly(ctx)
    const email = client.email('tx-idem')
    const send = () => client.call('POST', 'transactional', { body: { transactionalId: WELCOME, email, dataVariables: { firstName: 'A' } }, headers: { 'Idempotency-Key': `tx-${email}` } })
    expect((await send()).status).toBe(200)
    expect((await send()).status).toBe(409)
  })

  it('lists transactional emails on the deprecated and the current list endpoint', async () => {
    const { call } = get()
    const old = await call('GET', 'transactional')
    expect(old.status).toBe(200)
    expect(old.json).toMatchObject({ pagination: { perPage: 20 }, data: expect.any(Array) })
    const current = await call('GET', 'transactional-emails?perPage=10')
    if (current.status === 401) return // real Loops: the content API is not enabled for this team
    expect(current.json).toMatchObject({ pagination: { perPage: 10 }, data: expect.any(Array) })
    expect((await call('GET', 'transactional-emails?perPage=5')).status).toBe(400)
  })
}
