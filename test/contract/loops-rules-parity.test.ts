import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { checkLoopsBody, defaultPreset, errorsOf, mapCalls, type LoopsEndpoint } from '../../src/core/index.ts'
import { callsOf, makeIdentify, makeTrack } from '../fixtures/builders.ts'
import { frozenClock } from './frozen-clock.ts'

// One table of bodies, two judges: the core rulebook (what the mapper shows) and the mock over real HTTP (what it
// answers). Any difference in verdict, or in the 400 message, fails.
const KEY = 'parity-key'
const LIST = 'cm3n274xf027h0mi33t4qhrdg'
const TRANSACTIONAL = 'cm3n2vjux00cgeyeflew9ly2w'
let server: HttpServerMock
let n = 0
const fresh = (): string => `parity-${++n}@example.com`

interface Row {
  name: string
  endpoint: LoopsEndpoint
  body: unknown
  key?: string
  /** what Loops does: accepts (2xx, or another non-400 such as delete's 404) or refuses with a 400 */
  accepted: boolean
}

const VALID_EMAILS = [
  'a+tag@example.com',
  "o'brien@example.com",
  'user@sub.example.co.uk',
  'x@e.io',
  '1@2.3',
  'josé@exämple.com',
  'UPPER@EXAMPLE.COM',
  'a.b-c_d@example-domain.com',
  'a..b@example.com',
  'first/last=x?y!z#$%&*{}|~^`@example.com',
  `${'l'.repeat(308)}@example.com`, // exactly 320 characters
]
const INVALID_EMAILS = [
  'sam(work)@example.com',
  '"quoted"@example.com',
  '"very.unusual.@.unusual.com"@example.com',
  'a@b',
  'a@@b.com',
  'a@b@c.com',
  'a b@c.com',
  ' a@b.co',
  'a@b.co ',
  'a@b.co\n',
  'a\u00a0b@c.co',
  '<a@b.co>',
  'Sam <a@b.co>',
  'a@b.co,c@d.co',
  'a@b.co;c@d.co',
  'a@.com',
  'a@com.',
  '@example.com',
  'a@[127.0.0.1]',
  'not-an-email',
  '',
  `${'l'.repeat(309)}@example.com`, // 321 characters
  `a@${'a.'.repeat(200_000)} `, // the quadratic-regex case of issue 10, 400 003 characters
]

const rows = (): Row[] => [
  ...VALID_EMAILS.map((email): Row => ({ name: `accepts the address ${JSON.stringify(email.slice(0, 40))}`, endpoint: 'events/send', body: { email, eventName: 'parity' }, accepted: true })),
  ...INVALID_EMAILS.map((email): Row => ({ name: `refuses the address ${JSON.stringify(email.slice(0, 40))}`, endpoint: 'events/send', body: { email, eventName: 'parity' }, accepted: false })),
  { name: 'refuses a non-string email', endpoint: 'events/send', body: { email: 42, eventName: 'x' }, accepted: false },
  { name: 'accepts a null email next to a known userId', endpoint: 'events/send', body: { email: null, userId: 'known-user', eventName: 'x' }, accepted: true },
  { name: 'accepts a known userId alone', endpoint: 'events/send', body: { userId: 'known-user', eventName: 'x' }, accepted: true },
  { name: 'refuses an empty userId', endpoint: 'events/send', body: { userId: '', eventName: 'x' }, accepted: false },
  { name: 'refuses a numeric userId', endpoint: 'events/send', body: { userId: 5, eventName: 'x' }, accepted: false },
  { name: 'refuses an event with no email and no userId', endpoint: 'events/send', body: { eventName: 'x', firstName: 'Ada' }, accepted: false },
  { name: 'accepts an email nested under contactProperties', endpoint: 'events/send', body: { eventName: 'x', contactProperties: { email: fresh() } }, accepted: true },
  { name: 'refuses a body that is an array', endpoint: 'events/send', body: [{ email: fresh(), eventName: 'x' }], accepted: false },
  { name: 'refuses a missing event name', endpoint: 'events/send', body: { email: fresh() }, accepted: false },
  { name: 'refuses an empty event name', endpoint: 'events/send', body: { email: fresh(), eventName: '' }, accepted: false },
  { name: 'refuses a blank event name', endpoint: 'events/send', body: { email: fresh(), eventName: '   ' }, accepted: false },
  { name: 'refuses a numeric event name', endpoint: 'events/send', body: { email: fresh(), eventName: 5 }, accepted: false },
  { name: 'refuses a colon in the event name', endpoint: 'events/send', body: { email: fresh(), eventName: 'checkout:started' }, accepted: false },
  { name: 'accepts a 500-character event name', endpoint: 'events/send', body: { email: fresh(), eventName: 'e'.repeat(498) }, accepted: true },
  { name: 'refuses a 501-character event name', endpoint: 'events/send', body: { email: fresh(), eventName: 'e'.repeat(499) }, accepted: false },
  { name: 'accepts a 500-character value', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: { note: 'a'.repeat(498) } }, accepted: true },
  { name: 'refuses a 501-character value', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: { note: 'a'.repeat(499) } }, accepted: false },
  { name: 'counts escapes as JSON characters', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: { note: '"'.repeat(250) } }, accepted: false },
  { name: 'refuses a 501-character key', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: { ['k'.repeat(499)]: 1 } }, accepted: false },
  { name: 'accepts scalar event properties and dates', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: { n: 1.5, b: true, s: 's', d: '2026-01-01' } }, accepted: true },
  { name: 'accepts eventProperties as an empty array (PHP)', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: [] }, accepted: true },
  { name: 'refuses eventProperties that are a string', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: 'plan=pro' }, accepted: false },
  { name: 'refuses an object event property', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: { cart: { sku: 'A1' } } }, accepted: false },
  { name: 'refuses an array event property', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: { items: ['A1'] } }, accepted: false },
  { name: 'refuses a null event property', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: { coupon: null } }, accepted: false },
  { name: 'refuses a blank event property name', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', eventProperties: { '  ': 1 } }, accepted: false },
  { name: 'accepts default and custom contact properties at the root', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', firstName: 'Ada', userGroup: null, subscribed: false, planName: 'pro', favoriteColor: 'blue' }, accepted: true },
  { name: 'refuses a numeric firstName', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', firstName: 5 }, accepted: false },
  { name: 'refuses subscribed as a string', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', subscribed: 'yes' }, accepted: false },
  { name: 'refuses a null source', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', source: null }, accepted: false },
  { name: 'refuses a nested contact property', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', address: { city: 'Leeds' } }, accepted: false },
  { name: 'refuses a flattened contact property name', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', 'address.city': 'Leeds' }, accepted: false },
  { name: 'ignores reserved and read-only names', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', id: '', teamId: { a: 1 }, optInStatus: 'accepted' }, accepted: true },
  { name: 'accepts contactProperties nested (the Datafly shape)', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', contactProperties: { lastName: 'L' } }, accepted: true },
  { name: 'refuses contactProperties that are a string', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', contactProperties: 'x' }, accepted: false },
  { name: 'refuses a nested value inside contactProperties', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', contactProperties: { cart: [] } }, accepted: false },
  { name: 'accepts a mailing list subscription', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', mailingLists: { [LIST]: true } }, accepted: true },
  { name: 'accepts mailingLists as an empty array (PHP)', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', mailingLists: [] }, accepted: true },
  { name: 'refuses a mailing list value that is not a boolean', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', mailingLists: { [LIST]: 'yes' } }, accepted: false },
  { name: 'refuses mailingLists that are a string', endpoint: 'events/send', body: { email: fresh(), eventName: 'x', mailingLists: LIST }, accepted: false },
  { name: 'accepts an Idempotency-Key of 100 characters', endpoint: 'events/send', body: { email: fresh(), eventName: 'x' }, key: 'k'.repeat(100), accepted: true },
  { name: 'refuses an Idempotency-Key of 101 characters', endpoint: 'events/send', body: { email: fresh(), eventName: 'x' }, key: 'k'.repeat(101), accepted: false },
  { name: 'creates a contact with an email', endpoint: 'contacts/create', body: { email: fresh(), firstName: 'Ada', id: '' }, accepted: true },
  { name: 'refuses to create a contact without an email', endpoint: 'contacts/create', body: { firstName: 'No email' }, accepted: false },
  { name: 'refuses to create a contact with an invalid email', endpoint: 'contacts/create', body: { email: 'sam(work)@example.com' }, accepted: false },
  { name: 'refuses to create a contact with an empty userId', endpoint: 'contacts/create', body: { email: fresh(), userId: '' }, accepted: false },
  { name: 'updates a contact by email', endpoint: 'contacts/update', body: { email: fresh(), lastName: 'Lovelace' }, accepted: true },
  { name: 'updates a contact by a known userId', endpoint: 'contacts/update', body: { userId: 'known-user', lastName: 'Lovelace' }, accepted: true },
  { name: 'refuses an update with no email and no userId', endpoint: 'contacts/update', body: { firstName: 'X' }, accepted: false },
  { name: 'refuses an update with a quoted address', endpoint: 'contacts/update', body: { email: '"quoted"@example.com' }, accepted: false },
  { name: 'answers delete for an unknown email without a 400', endpoint: 'contacts/delete', body: { email: fresh() }, accepted: true },
  { name: 'refuses a delete with both email and userId', endpoint: 'contacts/delete', body: { email: fresh(), userId: 'u' }, accepted: false },
  { name: 'refuses a delete with neither', endpoint: 'contacts/delete', body: {}, accepted: false },
  { name: 'refuses a delete with an invalid email', endpoint: 'contacts/delete', body: { email: 'a@b' }, accepted: false },
  { name: 'refuses a delete with an empty userId', endpoint: 'contacts/delete', body: { userId: '' }, accepted: false },
  { name: 'sends a transactional email', endpoint: 'transactional', body: { transactionalId: TRANSACTIONAL, email: fresh(), dataVariables: { firstName: 'Ada', rows: [{ sku: 'A1', qty: 2 }] } }, accepted: true },
  { name: 'refuses a transactional email without transactionalId', endpoint: 'transactional', body: { email: fresh() }, accepted: false },
  { name: 'refuses a transactional email to a commented address', endpoint: 'transactional', body: { transactionalId: TRANSACTIONAL, email: 'sam(work)@example.com' }, accepted: false },
  { name: 'refuses a transactional email without email', endpoint: 'transactional', body: { transactionalId: TRANSACTIONAL }, accepted: false },
  { name: 'refuses addToAudience as a string', endpoint: 'transactional', body: { transactionalId: TRANSACTIONAL, email: fresh(), addToAudience: 'yes', dataVariables: { firstName: 'A' } }, accepted: false },
  { name: 'refuses a null data variable', endpoint: 'transactional', body: { transactionalId: TRANSACTIONAL, email: fresh(), dataVariables: { firstName: null } }, accepted: false },
  { name: 'refuses a 501-character data variable', endpoint: 'transactional', body: { transactionalId: TRANSACTIONAL, email: fresh(), dataVariables: { firstName: 'a'.repeat(499) } }, accepted: false },
  { name: 'refuses attachments that are not an array', endpoint: 'transactional', body: { transactionalId: TRANSACTIONAL, email: fresh(), dataVariables: { firstName: 'A' }, attachments: 'x' }, accepted: false },
  { name: 'refuses an attachment without data', endpoint: 'transactional', body: { transactionalId: TRANSACTIONAL, email: fresh(), dataVariables: { firstName: 'A' }, attachments: [{ filename: 'a.txt', contentType: 'text/plain' }] }, accepted: false },
  { name: 'refuses a transactional Idempotency-Key of 101 characters', endpoint: 'transactional', body: { transactionalId: TRANSACTIONAL, email: fresh(), dataVariables: { firstName: 'A' } }, key: 'k'.repeat(101), accepted: false },
]

const METHOD: Record<LoopsEndpoint, string> = { 'events/send': 'POST', 'contacts/create': 'POST', 'contacts/update': 'PUT', 'contacts/delete': 'POST', transactional: 'POST' }

async function mockVerdict(row: Row): Promise<{ accepted: boolean; status: number; message?: string }> {
  const res = await fetch(`${server.url}/api/v1/${row.endpoint}`, {
    method: METHOD[row.endpoint],
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', ...(row.key !== undefined ? { 'Idempotency-Key': row.key } : {}) },
    body: JSON.stringify(row.body),
  })
  const json = (await res.json()) as { message?: string }
  return { accepted: res.status !== 400, status: res.status, ...(json.message !== undefined ? { message: json.message } : {}) }
}

beforeAll(async () => {
  server = await startHttpServerMock({ keys: { [KEY]: 'Parity' }, rateLimit: 1_000_000, clock: frozenClock(), seed: { contacts: [{ email: 'known@example.com', userId: 'known-user' }] } })
})
afterAll(() => server.close())

describe('the rulebook and the mock give the same verdict', () => {
  for (const row of rows()) {
    it(`${row.name} (${row.endpoint})`, async () => {
      const errors = errorsOf(checkLoopsBody(row.endpoint, row.body, row.key !== undefined ? { idempotencyKey: row.key } : {}))
      const mock = await mockVerdict(row)
      expect({ rulebook: errors.length === 0, mock: mock.accepted }).toEqual({ rulebook: row.accepted, mock: row.accepted })
      expect(mock.status).toBeLessThan(500)
      if (!row.accepted) expect(mock.message).toBe(errors[0]?.message)
    })
  }
})

describe('the mapper marks an email trait as the mock judges it', () => {
  for (const email of [...VALID_EMAILS, ...INVALID_EMAILS.filter((e) => e !== '')]) {
    it(`${JSON.stringify(email.slice(0, 40))}`, async () => {
      const [, track] = mapCalls(callsOf(makeIdentify('u1', { email }), makeTrack('Signed Up')), defaultPreset)
      const body = track?.request?.body
      expect(body).toMatchObject({ email })
      const mock = await mockVerdict({ name: email, endpoint: 'events/send', body: { ...body, userId: `u-${++n}` }, accepted: true })
      expect(track?.status).toBe(mock.accepted ? 'ready' : 'invalid')
    })
  }
})
