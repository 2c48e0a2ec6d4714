import { expect, it } from 'vitest'
import { defaultPreset, mapCalls } from '../../src/core/index.ts'
import { callsOf, makeEnvelope, makeIdentify, makeTrack } from '../fixtures/builders.ts'

const identified = { userId: 'u1', context: { traits: { email: 'a@example.com' } } }

it.each([
  ['Signed Up', 'signed_up'],
  ['Logged In', 'logged_in'],
  ['Product Viewed', 'product_viewed'],
  ['Product Added', 'product_added_to_cart'],
  ['Checkout Started', 'checkout_started'],
  ['Order Completed', 'order_completed'],
])('maps the Default preset row %s to the Loops event %s', (event, eventName) => {
  const [result] = mapCalls(callsOf(makeTrack(event, { plan: 'pro' }, identified)), defaultPreset)
  expect(result?.status).toBe('ready')
  expect(result?.request?.body).toMatchObject({ eventName, eventProperties: { plan: 'pro' } })
  expect(result?.issues).toEqual([])
})

it('maps every page call to page_view with the page name, url, path, title and referrer', () => {
  const page = makeEnvelope({
    type: 'page',
    name: 'Pricing',
    properties: { url: 'https://shop.example/pricing', other: 'not sent' },
    context: { page: { path: '/pricing', title: 'Pricing | Shop', referrer: 'https://google.com', url: 'ignored' }, traits: { email: 'a@example.com' } },
  })
  const [result] = mapCalls(callsOf(page), defaultPreset)
  expect(result?.request?.body).toEqual({
    email: 'a@example.com',
    eventName: 'page_view',
    eventProperties: { name: 'Pricing', url: 'https://shop.example/pricing', path: '/pricing', title: 'Pricing | Shop', referrer: 'https://google.com' },
  })
})

it('takes firstName, lastName and userGroup from snake_case or camelCase traits', () => {
  const calls = callsOf(
    makeIdentify('u1', { email: 'a@example.com', first_name: 'Ada', lastName: 'Lovelace', user_group: 'beta' }),
    makeTrack('Logged In'),
  )
  const [, login] = mapCalls(calls, defaultPreset)
  expect(login?.request?.body).toMatchObject({ contactProperties: { firstName: 'Ada', lastName: 'Lovelace', userGroup: 'beta' } })
})

it('skips an anonymous-only event with the reason that Loops needs an email or user id', () => {
  const [result] = mapCalls(callsOf(makeTrack('Signed Up', {})), defaultPreset)
  expect(result?.status).toBe('skipped')
  expect(result?.reason).toMatch(/Anonymous-only events cannot be delivered to Loops/)
  expect(result?.request).toBeUndefined()
})

it('skips group calls because Loops has no group concept', () => {
  const [result] = mapCalls(callsOf(makeEnvelope({ type: 'group', groupId: 'g1', userId: 'u1' })), defaultPreset)
  expect(result?.status).toBe('skipped')
  expect(result?.reason).toMatch(/no group concept/)
})

it('sends an email-only envelope with email and no userId', () => {
  const [result] = mapCalls(callsOf(makeTrack('Signed Up', {}, { context: { traits: { email: 'e@example.com' } } })), defaultPreset)
  expect(result?.status).toBe('ready')
  expect(result?.request?.body).toEqual({ email: 'e@example.com', eventName: 'signed_up' })
})

it('sends a userId-only envelope with userId and no email', () => {
  const [result] = mapCalls(callsOf(makeTrack('Signed Up', {}, { userId: 'user-7' })), defaultPreset)
  expect(result?.status).toBe('ready')
  expect(result?.request?.body).toEqual({ userId: 'user-7', eventName: 'signed_up' })
})

it('sends unmapped events as GA4-style snake_case and says so', () => {
  const [result] = mapCalls(callsOf(makeTrack('Plan Upgraded', {}, identified)), defaultPreset)
  expect(result?.status).toBe('ready')
  expect(result?.request?.body).toMatchObject({ eventName: 'plan_upgraded' })
  expect(result?.issues).toContainEqual(expect.objectContaining({ severity: 'info', path: 'body.eventName', message: expect.stringMatching(/snake_case/) }))
})

it('drops unmapped events when the preset says drop, and says which policy did it', () => {
  const [result] = mapCalls(callsOf(makeTrack('Plan Upgraded', {}, identified)), { ...defaultPreset, unmappedEvents: 'drop' })
  expect(result?.status).toBe('skipped')
  expect(result?.reason).toMatch(/unmappedEvents: "drop"/)
})

it('sends nothing for identify in the Default preset', () => {
  const [result] = mapCalls(callsOf(makeIdentify('u1', { email: 'a@example.com' })), defaultPreset)
  expect(result?.status).toBe('skipped')
  expect(result?.reason).toMatch(/resolve-only/)
})

it('maps identify to PUT contacts/update when the preset asks', () => {
  const preset = { ...defaultPreset, identify: 'contacts/update' as const }
  const [result] = mapCalls(callsOf(makeIdentify('u1', { email: 'a@example.com', first_name: 'Ada', plan: 'x' })), preset)
  expect(result?.status).toBe('ready')
  expect(result?.request).toMatchObject({ method: 'PUT', path: '/api/v1/contacts/update' })
  expect(result?.request?.body).toEqual({ email: 'a@example.com', userId: 'u1', firstName: 'Ada' })
})

it('nests contact properties under contactProperties by default and puts them at the root when the preset asks', () => {
  const calls = callsOf(makeIdentify('u1', { email: 'a@example.com', first_name: 'Ada' }), makeTrack('Signed Up'))
  const nested = mapCalls(calls, defaultPreset)[1]?.request?.body
  const root = mapCalls(calls, { ...defaultPreset, contactProperties: 'root' })[1]?.request?.body
  expect(nested).toEqual({ email: 'a@example.com', userId: 'u1', eventName: 'signed_up', contactProperties: { firstName: 'Ada' } })
  expect(root).toEqual({ email: 'a@example.com', userId: 'u1', eventName: 'signed_up', firstName: 'Ada' })
})

it('routes a track property to a contact property and stops sending it as an event property', () => {
  const preset = { ...defaultPreset, routes: [...defaultPreset.routes, { from: 'properties.plan', to: 'contactProperties.planName' }] }
  const [result] = mapCalls(callsOf(makeTrack('Signed Up', { plan: 'pro', seats: 3 }, identified)), preset)
  expect(result?.request?.body).toMatchObject({ contactProperties: { planName: 'pro' }, eventProperties: { seats: 3 } })
  expect(result?.request?.body).not.toHaveProperty('eventProperties.plan')
})
