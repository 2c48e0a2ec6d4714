import { expect, it } from 'vitest'
import { defaultPreset, mapCalls, parsePreset, readScript, type Preset } from '../../src/core/index.ts'
import { presetState } from '../../src/playground/state/mapping.ts'
import { presetText } from '../../src/playground/state/source.ts'

const read = (value: unknown): Preset => {
  const result = parsePreset(value)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.preset
}
const PAGE = "datafly.identify('u1', { email: 'a@example.com' })\ndatafly.page('Home')"
const pageEventOf = (preset: Preset): unknown =>
  (mapCalls(readScript(PAGE).calls, preset)[1]?.request?.body as { eventName?: unknown } | undefined)?.eventName

it('merges a preset\'s events over the Default table, so page still maps to page_view', () => {
  const preset = read({ events: { 'Trial Started': 'trial_started_v2' } })
  expect(preset.events).toEqual({ ...defaultPreset.events, 'Trial Started': 'trial_started_v2' })
  expect(pageEventOf(preset)).toBe('page_view')
  const trial = mapCalls(readScript("datafly.identify('u1', { email: 'a@example.com' })\ndatafly.track('Trial Started')").calls, preset)[1]
  expect((trial?.request?.body as { eventName?: unknown } | undefined)?.eventName).toBe('trial_started_v2')
})

it('lets a preset event win over the Default one of the same name', () => {
  expect(read({ events: { 'Signed Up': 'registered' } }).events['Signed Up']).toBe('registered')
})

it('removes a Default event mapped to null', () => {
  const preset = read({ events: { page: null } })
  expect(Object.hasOwn(preset.events, 'page')).toBe(false)
  expect(pageEventOf(preset)).toBe('page') // unmapped now: snake_case of "page"
})

it('starts from an empty events table and no routes with "extends": "none"', () => {
  const preset = read({ extends: 'none', events: { 'Signed Up': 'signed_up' } })
  expect(preset.events).toEqual({ 'Signed Up': 'signed_up' })
  expect(preset.routes).toEqual([])
  expect(preset.consent.categoryMap).toEqual({})
  expect(preset.unmappedEvents).toBe(defaultPreset.unmappedEvents)
})

it('tries a preset\'s routes before the Default ones, which still apply', () => {
  const mine = { from: 'traits.plan_name', to: 'contactProperties.planName' }
  const preset = read({ routes: [mine] })
  expect(preset.routes).toEqual([mine, ...defaultPreset.routes])
  expect(read({ routes: defaultPreset.routes }).routes).toEqual(defaultPreset.routes)
})

it('merges consent and identity key by key', () => {
  const preset = read({ consent: { requirePurpose: 'marketing', categoryMap: { C0009: 'analytics' } }, identity: { emailTraits: ['mail'] } })
  expect(preset.consent.subscribeWhenGranted).toBe(defaultPreset.consent.subscribeWhenGranted)
  expect(preset.consent.requirePurpose).toBe('marketing')
  expect(preset.consent.categoryMap).toEqual({ ...defaultPreset.consent.categoryMap, C0009: 'analytics' })
  expect(preset.identity.emailTraits).toEqual(['mail'])
})

it('labels a preset without a name by what it extends, never "Default"', () => {
  expect(read({ contactProperties: 'root' }).name).toBe('Custom preset (extends Default)')
  expect(read({ extends: 'none' }).name).toBe('Custom preset (extends none)')
  expect(read({ name: 'Acme', contactProperties: 'root' }).name).toBe('Acme')
})

it('calls an empty preset, which changes nothing, Default', () => {
  expect(read({})).toEqual(defaultPreset)
  expect(read(defaultPreset)).toEqual(defaultPreset)
})

it('reports an unknown extends value at preset.extends', () => {
  const result = parsePreset({ extends: 'Acme' })
  expect(result.ok).toBe(false)
  if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['preset.extends'])
})

it('names the preset the preview really uses while the typed one is invalid', () => {
  presetText.value = '{ "contactProperties": "root" }'
  expect(presetState.value).toMatchObject({ issues: [], preset: { name: 'Custom preset (extends Default)', contactProperties: 'root' } })
  presetText.value = '{ "contactProperties": "sideways" }'
  expect(presetState.value.issues.map((i) => i.path)).toEqual(['preset.contactProperties'])
  expect(presetState.value.preset).toMatchObject({ name: 'Custom preset (extends Default)', contactProperties: 'root' })
})
