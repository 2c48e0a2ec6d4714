import { expect, it } from 'vitest'
import { defaultPreset, mapCalls, type DataflyConsent } from '../../src/core/index.ts'
import { callsOf, makeTrack } from '../fixtures/builders.ts'

const mapWithConsent = (consent: DataflyConsent | undefined) =>
  mapCalls(callsOf(makeTrack('Signed Up', {}, { userId: 'u1', context: consent ? { consent } : {} })), defaultPreset)[0]

const shapes: [string, string, (granted: boolean) => DataflyConsent][] = [
  ['canonical', 'canonical', (granted) => ({ canonical: { marketing: granted, analytics: true } })],
  ['categories (OneTrust codes)', 'categories', (granted) => ({ categories: { C0002: true, C0004: granted } })],
  ['legacy flat', 'legacy', (granted) => ({ marketing: granted, analytics: true })],
]

it.each(shapes)('sets subscribed: true when marketing consent is granted in the %s shape', (_name, shape, make) => {
  const result = mapWithConsent(make(true))
  expect(result?.request?.body).toMatchObject({ contactProperties: { subscribed: true } })
  expect(result?.issues).toContainEqual(expect.objectContaining({ path: 'context.consent', message: expect.stringContaining(shape === 'legacy' ? 'legacy' : `context.consent.${shape}`) }))
})

it.each(shapes)('omits subscribed, never false, when marketing consent is denied in the %s shape', (_name, _shape, make) => {
  const body = mapWithConsent(make(false))?.request?.body
  expect(body).toBeDefined()
  expect(JSON.stringify(body)).not.toContain('subscribed')
})

it('omits subscribed when consent is absent and reports no consent shape', () => {
  const result = mapWithConsent(undefined)
  expect(JSON.stringify(result?.request?.body)).not.toContain('subscribed')
  expect(result?.issues.some((i) => i.path === 'context.consent')).toBe(false)
})

it('warns that the legacy flat consent shape is outdated', () => {
  const result = mapWithConsent({ marketing: true })
  expect(result?.issues).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'context.consent' }))
})

it('lets the canonical view win over categories and the legacy shape', () => {
  const result = mapWithConsent({ canonical: { marketing: false }, categories: { C0004: true }, marketing: true })
  expect(JSON.stringify(result?.request?.body)).not.toContain('subscribed')
})

it('reads a list of granted CMP codes as granted, and OR-merges codes that feed one purpose', () => {
  expect(mapWithConsent({ categories: ['C0002', 'C0005'] })?.request?.body).toMatchObject({ contactProperties: { subscribed: true } })
  expect(JSON.stringify(mapWithConsent({ categories: ['C0002'] })?.request?.body)).not.toContain('subscribed')
})

it('skips a call whose required consent purpose is denied when the preset requires it', () => {
  const preset = { ...defaultPreset, consent: { ...defaultPreset.consent, requirePurpose: 'analytics' as const } }
  const calls = callsOf(makeTrack('Signed Up', {}, { userId: 'u1', context: { consent: { canonical: { analytics: false } } } }))
  const [result] = mapCalls(calls, preset)
  expect(result?.status).toBe('skipped')
  expect(result?.reason).toMatch(/analytics is denied/)
})
