import { expect, it } from 'vitest'
import { checkLoopsBody } from '../../src/core/index.ts'
import { assertLoopsBody } from '../../mock-server/assert-loops-body.ts'
import { checkPropertyType, isLoopsDate } from '../../mock-server/check-value.ts'
import { LoopsRequestError } from '../../mock-server/loops-request-error.ts'
import { readContactInput, type TeamCatalog } from '../../mock-server/read-contact-input.ts'
import type { PropertyType } from '../../mock-server/types.ts'

const catalog = (properties: Record<string, PropertyType> = {}, lists: string[] = []): TeamCatalog => {
  const map = new Map(Object.entries(properties).map(([k, type]) => [k, { type, custom: true, internal: false }]))
  return { propertyType: (key) => map.get(key), hasList: (id) => lists.includes(id) }
}
const messageOf = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(LoopsRequestError)
    return (error as LoopsRequestError).reply.status === 400 ? (error as Error).message : `status ${(error as LoopsRequestError).reply.status}`
  }
  throw new Error('expected a LoopsRequestError')
}

it('accepts a value of 500 JSON characters including its quotes and refuses 501 with Loops own message', () => {
  const event = (eventProperties: Record<string, unknown>) => () => assertLoopsBody('events/send', { email: 'a@example.com', eventName: 'x', eventProperties })
  expect(event({ note: 'a'.repeat(498) })).not.toThrow()
  expect(messageOf(event({ note: 'a'.repeat(499) }))).toBe('Some body key or value is longer than allowable')
  expect(messageOf(event({ ['k'.repeat(499)]: 1 }))).toBe('Some body key or value is longer than allowable')
})

it('checks an object value per entry, not as a whole', () => {
  const lists = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`cm${String(i).padStart(23, '0')}`, true]))
  expect(checkLoopsBody('contacts/update', { email: 'a@example.com', mailingLists: lists })).toEqual([])
  const input = readContactInput({ email: 'a@example.com', mailingLists: lists }, catalog({}, Object.keys(lists)))
  expect(input.mailingLists.size).toBe(30)
})

it('accepts string, number and boolean values and refuses objects, arrays and null as scalars', () => {
  const event = (eventProperties: Record<string, unknown>) => () => assertLoopsBody('events/send', { email: 'a@example.com', eventName: 'x', eventProperties })
  for (const ok of ['x', 1.5, false]) expect(event({ a: ok })).not.toThrow()
  expect(messageOf(event({ cart: { sku: 1 } }))).toMatch(/"eventProperties.cart".*an object.*string, number, boolean or date/)
  expect(messageOf(event({ items: [1] }))).toMatch(/an array/)
  expect(messageOf(event({ x: null }))).toMatch(/null/)
})

it('recognises the date formats Loops lists, and millisecond timestamps', () => {
  for (const ok of [1735689600000, '1735689600000', '2026-01-31', '2026-01-31T12:00', '2026-01-31 12:00:00', '2026-01-31T12:00:00.123+02:00', '2026-01-31T12:00:00Z'])
    expect(isLoopsDate(ok), String(ok)).toBe(true)
  for (const bad of ['31/01/2026', 'tomorrow', '2026-13-45', true]) expect(isLoopsDate(bad), String(bad)).toBe(false)
})

it('refuses a value whose type does not match the property type', () => {
  expect(() => checkPropertyType('seats', 'number', 3)).not.toThrow()
  expect(messageOf(() => checkPropertyType('seats', 'number', '3'))).toMatch(/"seats".*number property/)
  expect(messageOf(() => checkPropertyType('signupDate', 'date', 'soon'))).toMatch(/date property/)
})

it('reads default and custom properties, ignores reserved names, and keeps null as a reset', () => {
  const input = readContactInput({ email: 'a@example.com', firstName: 'Ada', id: 'x', teamId: 't', planName: null, seats: 3 }, catalog({ planName: 'string', seats: 'number' }))
  expect(input.email).toBe('a@example.com')
  expect(input.firstName).toBe('Ada')
  expect([...input.custom]).toEqual([['planName', null], ['seats', 3]])
  expect(input.newProperties.size).toBe(0)
})

it('merges nested contactProperties when asked and creates unknown properties with the value type', () => {
  const input = readContactInput({ email: 'a@example.com', eventName: 'x', contactProperties: { lastName: 'L', favoriteNumber: 7 } }, catalog(), new Set(['eventName', 'contactProperties']))
  expect(input.lastName).toBe('L')
  expect([...input.newProperties]).toEqual([['favoriteNumber', 'number']])
})

it('refuses an invalid email, an unknown mailing list, a non-boolean subscribed and a nested value', () => {
  expect(messageOf(() => readContactInput({ email: 'nope' }, catalog()))).toBe('Invalid email address.')
  expect(messageOf(() => readContactInput({ email: 'a@example.com', mailingLists: { l9: true } }, catalog({}, ['l1'])))).toMatch(/Mailing list "l9" does not exist/)
  expect(messageOf(() => readContactInput({ email: 'a@example.com', subscribed: 'yes' }, catalog()))).toMatch(/"subscribed" must be true or false/)
  expect(messageOf(() => readContactInput({ email: 'a@example.com', address: { city: 'X' } }, catalog()))).toMatch(/"address".*an object/)
})

it('treats keys such as constructor as ordinary property names', () => {
  const input = readContactInput({ email: 'a@example.com', constructor: 'x' }, catalog())
  expect([...input.custom]).toEqual([['constructor', 'x']])
})
