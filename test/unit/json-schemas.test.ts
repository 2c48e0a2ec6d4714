import Ajv from 'ajv'
import { expect, it } from 'vitest'
import { defaultPreset, jsonSchemas, mapCalls, readScript } from '../../src/core/index.ts'

const ajv = new Ajv({ strict: false, allErrors: true })

it('exports a draft-07 preset JSON Schema that accepts the Default preset and rejects unknown keys', () => {
  const validate = ajv.compile(jsonSchemas.preset())
  expect(validate(defaultPreset)).toBe(true)
  expect(validate({ ...defaultPreset, bogus: 1 })).toBe(false)
  expect(validate({ ...defaultPreset, contactProperties: 'sideways' })).toBe(false)
})

it('exports an events/send JSON Schema that the worked example request satisfies', () => {
  const validate = ajv.compile(jsonSchemas.eventRequest())
  const [result] = mapCalls(readScript('datafly.identify("u", {email:"a@example.com", first_name:"A"})\ndatafly.track("Signed Up", {plan:"pro"})').calls, defaultPreset).slice(1)
  expect(validate(result?.request?.body)).toBe(true)
  expect(validate({ eventName: 'x', eventProperties: { items: [1] } })).toBe(false)
})

it('exports a contacts/update JSON Schema', () => {
  const validate = ajv.compile(jsonSchemas.contactUpdateRequest())
  expect(validate({ email: 'a@example.com', firstName: 'A', plan: null })).toBe(true)
  expect(validate({ email: 'a@example.com', nested: { a: 1 } })).toBe(false)
})
