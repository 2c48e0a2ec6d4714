import { RESERVED_CONTACT_PROPERTIES, VALUE_MAX } from '../src/core/index.ts'
import { badRequest } from './loops-request-error.ts'
import type { ContactValue, PropertyType } from './types.ts'

/** Loops' reserved contact property names: the core's list, so the mapper and the mock cannot drift apart. */
export const RESERVED_NAMES = RESERVED_CONTACT_PROPERTIES

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?(?:Z|[+-]\d{2}:\d{2})?$/

export const kindOf = (v: unknown): string =>
  Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : `a ${typeof v}`

/** Refuses a key or a scalar value longer than 500 JSON characters, with Loops' own message (objects are checked per entry). */
export function checkLength(key: string, value: unknown): void {
  const scalar = typeof value !== 'object' || value === null
  if (JSON.stringify(key).length > VALUE_MAX || (scalar && JSON.stringify(value ?? null).length > VALUE_MAX))
    throw badRequest('Some body key or value is longer than allowable')
}

/** A property value: string, number or boolean (dates are one of those); objects and arrays are refused. */
export function checkScalar(path: string, value: unknown): ContactValue {
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
    return value
  throw badRequest(
    `Invalid value for "${path}": it is ${kindOf(value)}, and only string, number, boolean or date values are accepted (nested objects and arrays are not).`,
  )
}

/** A date: a millisecond timestamp (number or digit string) or an ECMA-262 date-time string Loops lists. */
export const isLoopsDate = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && (/^\d{1,15}$/.test(value) || (DATE.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T'))))))

/** Checks a value against a contact property's type; a mismatch is a 400 naming both. */
export function checkPropertyType(key: string, type: PropertyType, value: ContactValue): void {
  const fits =
    type === 'date' ? isLoopsDate(value) : type === 'number' ? typeof value === 'number' : typeof value === type
  if (!fits)
    throw badRequest(
      type === 'date'
        ? `Invalid value for "${key}": it is a date property; send a Unix timestamp in milliseconds or a date string such as 2026-01-31 or 2026-01-31T12:00:00Z.`
        : `Invalid value for "${key}": it is a ${type} property, got ${kindOf(value)}.`,
    )
}

/** The inferred type of a new custom property (the mock creates unknown properties on first use). */
export const typeOfValue = (value: ContactValue): PropertyType =>
  typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string'

/** `{}` from an object, or from `[]` (the PHP SDK sends empty arrays for empty maps). */
export function readMap(path: string, value: unknown): Record<string, unknown> {
  if (Array.isArray(value) && value.length === 0) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(`"${path}" must be an object, got ${kindOf(value)}.`)
  return value as Record<string, unknown>
}
