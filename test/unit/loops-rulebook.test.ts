import { expect, it } from 'vitest'
import { checkLoopsBody, defaultPreset, emailProblem, EMAIL_MAX, errorsOf, isEmail, mapCalls } from '../../src/core/index.ts'
import { callsOf, makeIdentify, makeTrack } from '../fixtures/builders.ts'

it('refuses an address over 320 characters by its length, before looking at its shape', () => {
  // valid in shape, invalid only by length: only the length rule can refuse it
  expect(emailProblem(`${'l'.repeat(308)}@example.com`)).toBeUndefined()
  expect(emailProblem(`${'l'.repeat(309)}@example.com`)).toBe('email-too-long')
  // the hostile case of issue 10: its shape problems sit far past the cap, and the length rule answers first
  const hostile = `a@${'a.'.repeat(200_000)} `
  expect(hostile.length).toBeGreaterThan(EMAIL_MAX)
  expect(emailProblem(hostile)).toBe('email-too-long')
  // (it is also over the 500-character value limit, which Loops meets first)
  expect(checkLoopsBody('events/send', { email: hostile, eventName: 'x' }).map((i) => i.code)).toEqual(['too-long', 'email-too-long'])
  expect(checkLoopsBody('events/send', { email: hostile, eventName: 'x' })).toContainEqual(
    expect.objectContaining({ code: 'email-too-long', path: 'body.email', message: 'Invalid email address.', detail: expect.stringMatching(/400003 characters long; Loops takes at most 320/) }),
  )
})

it('refuses the same hostile shape under the cap as an invalid address, not a long one', () => {
  const shortHostile = `a@${'a.'.repeat(150)} `
  expect(shortHostile.length).toBeLessThanOrEqual(EMAIL_MAX)
  expect(emailProblem(shortHostile)).toBe('email-invalid')
})

it('refuses a comment or a quoted local part, which the mock refuses too', () => {
  for (const bad of ['sam(work)@example.com', '"quoted"@example.com', 'a@b', 'a@.com', 'a@com.', 'a b@c.co']) expect(isEmail(bad), bad).toBe(false)
  for (const ok of ['a+tag@example.com', "o'brien@example.com", 'x@e.io', 'josé@exämple.com']) expect(isEmail(ok), ok).toBe(true)
})

it('marks the commented address of issue 9 invalid in the mapper, as the mock answers 400', () => {
  const [, track] = mapCalls(callsOf(makeIdentify('u1', { email: 'sam(work)@example.com' }), makeTrack('Signed Up')), defaultPreset)
  expect(track?.status).toBe('invalid')
  expect(track?.issues).toContainEqual(expect.objectContaining({ severity: 'error', path: 'body.email', message: expect.stringMatching(/not a valid email address.*Fix the email trait/) }))
})

it('lists every problem of a body in the order Loops meets them, first the one it answers', () => {
  const issues = checkLoopsBody('events/send', { eventName: 'a:b', eventProperties: { cart: {}, note: null }, subscribed: 'yes' })
  expect(issues.map((i) => i.code)).toEqual(['event-name-colon', 'value-type', 'value-null', 'value-type', 'identity-missing'])
  expect(issues.map((i) => i.path)).toEqual(['body.eventName', 'body.eventProperties.cart', 'body.eventProperties.note', 'body.subscribed', 'body'])
})

it('warns about reserved names without refusing the body, as Loops ignores them', () => {
  const issues = checkLoopsBody('contacts/update', { email: 'a@example.com', id: 'x', notes: 'n' })
  expect(issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'reserved-name'], ['warning', 'ignored-name']])
  expect(errorsOf(issues)).toEqual([])
})

it('requires an identity per endpoint: email or userId for events and updates, email to create, exactly one to delete', () => {
  expect(errorsOf(checkLoopsBody('events/send', { userId: 'u', eventName: 'x' }))).toEqual([])
  expect(errorsOf(checkLoopsBody('contacts/update', { userId: 'u' }))).toEqual([])
  expect(errorsOf(checkLoopsBody('contacts/create', { userId: 'u' })).map((i) => i.code)).toEqual(['email-missing'])
  expect(errorsOf(checkLoopsBody('contacts/delete', { userId: 'u', email: 'a@example.com' })).map((i) => i.code)).toEqual(['identity-both'])
  expect(errorsOf(checkLoopsBody('transactional', { transactionalId: 't' })).map((i) => i.code)).toEqual(['email-missing'])
})

it('checks the Idempotency-Key length on the endpoints that take one', () => {
  expect(checkLoopsBody('events/send', { email: 'a@example.com', eventName: 'x' }, { idempotencyKey: 'k'.repeat(101) })[0]).toMatchObject({
    code: 'idempotency-key-too-long',
    path: 'headers.Idempotency-Key',
    message: 'The Idempotency-Key header is 101 characters long; the maximum is 100.',
  })
  expect(checkLoopsBody('events/send', { email: 'a@example.com', eventName: 'x' }, { idempotencyKey: 'k'.repeat(100) })).toEqual([])
})

it('never echoes a huge value whole in a message', () => {
  const issues = checkLoopsBody('events/send', { email: 'a@example.com', eventName: `${'x'.repeat(100_000)}:y` })
  expect(issues[0]?.code).toBe('event-name-colon')
  expect(issues[0]?.message.length).toBeLessThan(200)
})
