import { kindOf, RESERVED_CONTACT_PROPERTIES } from '../src/core/index.ts'
import { badRequest } from './loops-request-error.ts'
import type { ContactValue, PropertyType } from './types.ts'

/** Loops' reserved contact property names: the core's list, so the mapper and the mock cannot drift apart. */
export const RESERVED_NAMES = RESERVED_CONTACT_PROPERTIES

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?(?:Z|[+-]\d{2}:\d{2})?$/

/** A date: a millisecond timestamp (number or digit string) or an ECMA-262 date-time string Loops lists. */
export const isLoopsDate = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && (/^\d{1,15}$/.test(value) || (DATE.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T'))))))

/** Checks a value against a contact property's type (the account's catalog); a mismatch is a 400 naming both. */
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
