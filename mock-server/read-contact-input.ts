import { checkContactFields, IGNORED_CONTACT_PROPERTIES, isObject, RESERVED_CONTACT_PROPERTIES, type LoopsIssue } from '../src/core/index.ts'
import { throwFirstError } from './assert-loops-body.ts'
import { checkPropertyType, typeOfValue } from './check-value.ts'
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

/**
 * Reads the contact part of a create / update / event body that passed the core rulebook (`assertLoopsBody`):
 * `email`, `userId`, the default properties, custom properties (root keys, plus a nested `contactProperties` object
 * for events), and `mailingLists`. `skip` names the body keys that are not contact properties (`eventName`…). Adds
 * the checks that depend on the account (a mailing list exists, a value fits its property's type) and throws a 400
 * LoopsRequestError on the first problem. Bodies that were not checked are checked here first.
 */
export function readContactInput(
  body: Record<string, unknown>,
  catalog: TeamCatalog,
  skip: ReadonlySet<string> = new Set(),
  checked = false,
): ContactInput {
  const entries: [string, unknown][] = Object.entries(body).filter(([key]) => !skip.has(key))
  if (skip.has('contactProperties') && isObject(body.contactProperties)) entries.push(...Object.entries(body.contactProperties))
  if (!checked) {
    const issues: LoopsIssue[] = []
    checkContactFields('body', body, issues, skip)
    if (skip.has('contactProperties') && isObject(body.contactProperties)) checkContactFields('body.contactProperties', body.contactProperties, issues)
    throwFirstError(issues)
  }
  const input: ContactInput = { custom: new Map(), newProperties: new Map(), mailingLists: new Map() }
  for (const [key, value] of entries) {
    if (value === undefined || value === null && (key === 'email' || key === 'userId' || key === 'mailingLists')) continue
    if (RESERVED_CONTACT_PROPERTIES.has(key) || IGNORED_CONTACT_PROPERTIES.has(key)) continue
    readField(input, key, value, catalog)
  }
  return input
}

function readField(input: ContactInput, key: string, value: unknown, catalog: TeamCatalog): void {
  switch (key) {
    case 'email':
      input.email = value as string
      return
    case 'userId':
      input.userId = value as string
      return
    case 'firstName':
    case 'lastName':
      input[key] = value as string | null
      return
    case 'source':
      input.source = value as string
      return
    case 'userGroup':
      input.userGroup = (value as string | null) ?? ''
      return
    case 'subscribed':
      input.subscribed = value as boolean
      return
    case 'mailingLists':
      for (const [id, on] of Object.entries(value as Record<string, boolean>)) {
        if (!catalog.hasList(id)) throw badRequest(`Mailing list "${id}" does not exist. List ids come from GET /api/v1/lists.`)
        input.mailingLists.set(id, on)
      }
      return
    default:
      readCustom(input, key, value as ContactValue | null, catalog)
  }
}

function readCustom(input: ContactInput, key: string, value: ContactValue | null, catalog: TeamCatalog): void {
  const known = catalog.propertyType(key)
  if (known?.internal) return
  if (value === null) {
    if (known) input.custom.set(key, null)
    return
  }
  if (known) checkPropertyType(key, known.type, value)
  else input.newProperties.set(key, typeOfValue(value))
  input.custom.set(key, value)
}

/** The properties an input sets, as one object (for the event's record). */
export function inputChanges(input: ContactInput): Record<string, ContactValue | null> {
  const out: Record<string, ContactValue | null> = {}
  for (const key of ['firstName', 'lastName', 'source', 'subscribed', 'userGroup'] as const)
    if (input[key] !== undefined) out[key] = input[key]
  for (const [key, value] of input.custom) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  return out
}
