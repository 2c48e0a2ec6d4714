import { expect, it } from 'vitest'
import { explainRequestLine, explainScriptPlace } from '../../src/playground/state/explained.ts'
import { requestText } from '../../src/playground/state/request-text.ts'
import { scriptText } from '../../src/playground/state/source.ts'

const SCRIPT = "datafly.identify('u1', { email: 'a@b.co', plan_name: 'pro' })\ndatafly.track('Signed Up', { plan: 'pro' })\n"

it('says where a key of the script lands in the request', () => {
  scriptText.value = SCRIPT
  const column = (SCRIPT.split('\n')[1] ?? '').indexOf('plan') + 1
  const place = explainScriptPlace(2, column + 1)
  expect(place?.from).toBe('properties.plan')
  expect(place?.landings).toEqual([expect.objectContaining({ call: 1, pointer: '/body/eventProperties/plan' })])
})

it('says that a trait is dropped and which preset key would send it', () => {
  scriptText.value = SCRIPT
  const column = (SCRIPT.split('\n')[0] ?? '').indexOf('plan_name') + 1
  const place = explainScriptPlace(1, column + 1)
  expect(place?.landings).toEqual([])
  expect(place?.dropped[0]?.route).toContain('contactProperties.planName')
})

it('finds the provenance of the request field on a line of the request editor', () => {
  scriptText.value = SCRIPT
  const lines = requestText.value.split('\n')
  const line = lines.findIndex((l) => l.includes('"plan": "pro"')) + 1
  expect(explainRequestLine(line)).toMatchObject({ pointer: '/body/eventProperties/plan', provenance: { call: 1, from: 'properties.plan', line: 2 } })
})
