import { expect, it } from 'vitest'
import { defaultPreset, mapCalls, parsePreset, readScript, type Preset } from '../../src/core/index.ts'

const map = (script: string, preset: Preset = defaultPreset) => mapCalls(readScript(script).calls, preset)
const contactsUpdate = (() => {
  const read = parsePreset({ identify: 'contacts/update' })
  if (!read.ok) throw new Error('preset')
  return read.preset
})()

it('says which identify trait is dropped and the route that would send it', () => {
  const [identify] = map("datafly.identify('u1', { email: 'a@example.com', first_name: 'Sam', plan_name: 'pro' })", contactsUpdate)
  expect(identify?.status).toBe('ready')
  expect(identify?.request?.body).not.toHaveProperty('planName')
  const notes = identify?.issues.filter((i) => i.path.startsWith('traits.')) ?? []
  expect(notes).toEqual([
    expect.objectContaining({
      severity: 'info',
      path: 'traits.plan_name',
      line: 1,
      message: expect.stringContaining('{"from":"traits.plan_name","to":"contactProperties.planName"}'),
    }),
  ])
})

it('reports the dropped trait on a resolve-only identify too, which never sends it', () => {
  const [identify] = map("datafly.identify('u1', { email: 'a@example.com', plan_name: 'pro' })")
  expect(identify?.status).toBe('skipped')
  expect(identify?.issues.map((i) => i.path)).toEqual(['traits.plan_name'])
})

it('stays quiet about routed traits and the email trait', () => {
  const [identify] = map("datafly.identify('u1', { email: 'a@example.com', firstName: 'Sam', user_group: 'a' })", contactsUpdate)
  expect(identify?.issues).toEqual([])
})

it('stops reporting a trait once a route sends it', () => {
  const read = parsePreset({ identify: 'contacts/update', routes: [{ from: 'traits.plan_name', to: 'contactProperties.planName' }] })
  if (!read.ok) throw new Error('preset')
  const [identify] = map("datafly.identify('u1', { email: 'a@example.com', plan_name: 'pro' })", read.preset)
  expect(identify?.request?.body).toMatchObject({ planName: 'pro' })
  expect(identify?.issues).toEqual([])
})

it('says which page property is dropped and that pageProperties would send it', () => {
  const [, page] = map("datafly.identify('u1', { email: 'a@example.com' })\ndatafly.page('Home', { url: 'https://x.test/', section: 'blog' })")
  expect(page?.request?.body).toMatchObject({ eventProperties: { name: 'Home', url: 'https://x.test/' } })
  expect(page?.issues).toEqual([
    expect.objectContaining({ severity: 'info', path: 'properties.section', message: expect.stringContaining('Add "section" to "pageProperties"') }),
  ])
})

it('reports nothing for track properties, which are all sent', () => {
  const [, track] = map("datafly.identify('u1', { email: 'a@example.com' })\ndatafly.track('Signed Up', { plan: 'pro', seats: 3 })")
  expect(track?.issues).toEqual([])
})
