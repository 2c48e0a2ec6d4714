import { expect, it } from 'vitest'
import { checkLoopsBody, parseBodyTemplate, runClay, type ClayOutcome } from '../../src/core/clay/index.ts'
import { createFakeClock } from './sender-fake-clock.ts'

const template = parseBodyTemplate('{"email": "{{Email}}", "eventName": "{{Event}}", "company": "{{Company}}"}')
const rows = [
  { Email: 'a@example.com', Event: 'enriched', Company: 'Acme', Qualified: 'true' },
  { Email: 'b@example.com', Event: 'enriched', Company: 'Beta', Qualified: '' },
  { Email: '', Event: 'enriched', Company: 'Gamma', Qualified: 'yes' },
  { Email: 'd@example.com', Event: 'enriched', Company: 'Delta', Qualified: 'FALSE' },
]

/** A stand-in for Loops: 400 without an email, else 200; records the bodies it got. */
function fakeLoops() {
  const bodies: unknown[] = []
  const fetch = async (request: Request): Promise<Response> => {
    const body = (await request.json()) as { email?: string }
    bodies.push(body)
    if (!body.email) return Response.json({ success: false, message: 'Invalid email address.' }, { status: 400 })
    return Response.json({ success: true })
  }
  return { bodies, fetch }
}

it('yields one outcome per row: 200, skipped by "Only run if", and Loops\' 400 message', async () => {
  const loops = fakeLoops()
  const live: ClayOutcome[] = []
  const { outcomes, report } = await runClay({
    rows,
    template,
    endpoint: 'events/send',
    onlyIf: 'Qualified',
    sender: { fetch: loops.fetch, baseUrl: 'http://127.0.0.1:9', apiKey: 'k', clock: createFakeClock() },
    onOutcome: (outcome) => live.push(outcome),
  })
  expect(outcomes.map((o) => [o.row, o.status, o.httpStatus])).toEqual([
    [1, 'success', 200],
    [2, 'skipped', undefined],
    [3, 'failed', 400],
    [4, 'skipped', undefined],
  ])
  expect(outcomes[2]?.message).toBe('Invalid email address.')
  expect(outcomes[2]?.rules?.map((r) => r.path)).toContain('body.email')
  expect(live.map((o) => o.row).toSorted()).toEqual([1, 2, 3, 4])
  expect(report.summary).toMatchObject({ total: 4, delivered: 1, skipped: 2, failed: 1 })
  expect(loops.bodies).toEqual([
    { email: 'a@example.com', eventName: 'enriched', company: 'Acme' },
    { email: '', eventName: 'enriched', company: 'Gamma' },
  ])
})

it('does not send a row whose body is not JSON, and says which column broke it', async () => {
  const loops = fakeLoops()
  const { outcomes } = await runClay({
    rows: [{ Email: 'a@example.com', Seats: 'many' }],
    template: parseBodyTemplate('{"email": "{{Email}}", "seats": {{Seats}}}'),
    endpoint: 'contacts/update',
    sender: { fetch: loops.fetch, baseUrl: 'http://127.0.0.1:9', apiKey: 'k', clock: createFakeClock() },
  })
  expect(outcomes[0]).toMatchObject({ row: 1, status: 'failed', attempts: 0, issues: [{ code: 'invalid-json', column: 'Seats' }] })
  expect(loops.bodies).toEqual([])
})

it('retries a 429 through the sender and shows 429 only when the retries run out', async () => {
  let calls = 0
  const fetch = async (): Promise<Response> => {
    calls++
    return Response.json({ success: false, message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '1' } })
  }
  const { outcomes } = await runClay({
    rows: [{ Email: 'a@example.com' }],
    template: parseBodyTemplate('{"email": "{{Email}}"}'),
    endpoint: 'contacts/update',
    sender: { fetch, baseUrl: 'http://127.0.0.1:9', apiKey: 'k', clock: createFakeClock(), retry: { maxAttempts: 3 } },
  })
  expect(calls).toBe(3)
  expect(outcomes[0]).toMatchObject({ status: 'failed', httpStatus: 429, attempts: 3, message: 'Rate limit exceeded' })
})

it('checks bodies with the shared Loops rulebook, plus the Clay guide\'s email for contacts/update', () => {
  const found = (endpoint: 'contacts/update' | 'events/send', body: Record<string, unknown>) => checkLoopsBody(endpoint, body).map((i) => [i.severity, i.path])
  expect(found('contacts/update', { firstName: 'Sam' })).toEqual([['error', 'body.email']])
  expect(found('contacts/update', { email: 'sam@example.com', plan: 'pro' })).toEqual([])
  expect(found('contacts/update', { userId: 'u1' })).toEqual([['error', 'body.email']])
  expect(checkLoopsBody('contacts/update', { userId: 'u1' })[0]?.message).toMatch(/Clay guide says to always include email/)
  expect(found('events/send', { plan: 'pro' })).toEqual([
    ['error', 'body.eventName'],
    ['error', 'body'],
  ])
  expect(found('events/send', { userId: 'u1', eventName: 'a:b' })).toEqual([['error', 'body.eventName']])
  expect(found('events/send', { email: 'x@y.co', eventName: 'e', eventProperties: { a: [1] } })).toEqual([['error', 'body.eventProperties.a']])
  expect(found('contacts/update', { email: 'not-an-email', company: { name: 'x' } })).toEqual([
    ['error', 'body.email'],
    ['error', 'body.company'],
  ])
})
