import { checkLength, checkPropertyType, checkScalar, kindOf, readMap, RESERVED_NAMES, typeOfValue } from './check-value.ts'
import { badRequest } from './loops-request-error.ts'
import type { ContactValue, PropertyType } from './types.ts'

/** What a request asks to change on a contact. */
export interface ContactInput {
  email?: string
  userId?: string
  firstName?: string | null
  lastName?: string | null
  source?: string
  subscribed?: boolean
  userGroup?: string
  /** custom properties to set (`null` resets) */
  custom: Map<string, ContactValue | null>
  /** custom properties used for the first time: the mock creates them with the value's type */
  newProperties: Map<string, PropertyType>
  mailingLists: Map<string, boolean>
}

/** What the validator needs to know about the team. */
export interface TeamCatalog {
  propertyType(key: string): { type: PropertyType; custom: boolean; internal: boolean } | undefined
  hasList(id: string): boolean
}

const EMAIL = /^[^\s@"<>()[\],;:]+@[^\s@"<>()[\],;:]+\.[^\s@"<>()[\],;:]+$/
/** default properties the API does not set (ignored like the reserved names) */
const IGNORED = new Set(['optInStatus', 'notes', 'createdAt'])

export const isEmail = (value: string): boolean => value.length <= 320 && EMAIL.test(value)

/**
 * Reads the contact part of a create / update / event body: `email`, `userId`, the default properties, custom
 * properties (root keys, plus a nested `contactProperties` object for events), and `mailingLists`. `skip` names
 * the body keys that are not contact properties (`eventName`…). Throws a 400 LoopsRequestError on the first problem.
 */
export function readContactInput(
  body: Record<string, unknown>,
  catalog: TeamCatalog,
  skip: ReadonlySet<string> = new Set(),
): ContactInput {
  const input: ContactInput = { custom: new Map(), newProperties: new Map(), mailingLists: new Map() }
  const entries: [string, unknown][] = Object.entries(body).filter(([key]) => !skip.has(key))
  if (skip.has('contactProperties') && body.contactProperties !== undefined && body.contactProperties !== null)
    entries.push(...Object.entries(readMap('contactProperties', body.contactProperties)))
  for (const [key, value] of entries) {
    checkLength(key, value)
    if (value === undefined || RESERVED_NAMES.has(key) || IGNORED.has(key)) continue
    readField(input, key, value, catalog)
  }
  return input
}

function readField(input: ContactInput, key: string, value: unknown, catalog: TeamCatalog): void {
  switch (key) {
    case 'email':
      if (value === null) return
      if (typeof value !== 'string' || !isEmail(value.trim())) throw badRequest('Invalid email address.')
      input.email = value.trim()
      return
    case 'userId':
      if (value === null) return
      if (typeof value !== 'string' || value.trim() === '')
        throw badRequest(`"userId" must be a non-empty string, got ${kindOf(value)}.`)
      input.userId = value
      return
    case 'firstName':
    case 'lastName':
      if (value !== null && typeof value !== 'string') throw badRequest(`"${key}" must be a string or null, got ${kindOf(value)}.`)
      input[key] = value
      return
    case 'source':
      if (typeof value !== 'string') throw badRequest(`"source" must be a string, got ${kindOf(value)}.`)
      input.source = value
      return
    case 'userGroup':
      if (value !== null && typeof value !== 'string') throw badRequest(`"userGroup" must be a string or null, got ${kindOf(value)}.`)
      input.userGroup = value ?? ''
      return
    case 'subscribed':
      if (typeof value !== 'boolean') throw badRequest(`"subscribed" must be true or false, got ${kindOf(value)}.`)
      input.subscribed = value
      return
    case 'mailingLists':
      if (value === null) return
      for (const [id, on] of Object.entries(readMap('mailingLists', value))) {
        checkLength(id, on)
        if (typeof on !== 'boolean') throw badRequest(`"mailingLists.${id}" must be true or false, got ${kindOf(on)}.`)
        if (!catalog.hasList(id)) throw badRequest(`Mailing list "${id}" does not exist. List ids come from GET /api/v1/lists.`)
        input.mailingLists.set(id, on)
      }
      return
    default:
      readCustom(input, key, value, catalog)
  }
}

function readCustom(input: ContactInput, key: string, value: unknown, catalog: TeamCatalog): void {
  const known = catalog.propertyType(key)
  if (known?.internal) return
  if (value === null) {
    if (known) input.custom.set(key, null)
    return
  }
  const scalar = checkScalar(key, value)
  if (known) checkPropertyType(key, known.type, scalar)
  else if (!/^[A-Za-z_$][\w$]*$/.test(key))
    throw badRequest(`"${key}" is not a valid contact property name: use letters, digits and underscores, like planName.`)
  else input.newProperties.set(key, typeOfValue(scalar))
  input.custom.set(key, scalar)
}

/** The properties an input sets, as one object (for the event's record). */
export function inputChanges(input: ContactInput): Record<string, ContactValue | null> {
  const out: Record<string, ContactValue | null> = {}
  for (const key of ['firstName', 'lastName', 'source', 'subscribed', 'userGroup'] as const)
    if (input[key] !== undefined) out[key] = input[key]
  for (const [key, value] of input.custom) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  return out
}
