import { checkPropertyType } from './check-value.ts'
import { labelOf } from './default-seed.ts'
import type { ContactRecord } from './db.ts'
import type { MockState } from './mock-state.ts'
import type { ContactInput, TeamCatalog } from './read-contact-input.ts'
import type { ContactLookup, Resolution } from './resolve-contact.ts'

const catalogs = new WeakMap<MockState, Map<string, TeamCatalog>>()

/** The team's properties and lists, for the validators; cached until a property or list is created or deleted. */
export function teamCatalog(state: MockState, team: string): TeamCatalog {
  let cache = catalogs.get(state)
  if (!cache) {
    const fresh = new Map<string, TeamCatalog>()
    cache = fresh
    catalogs.set(state, fresh)
    for (const collection of [state.db.properties, state.db.lists] as const)
      for (const hook of ['create', 'delete', 'update'] as const) collection.hooks.on(hook, () => fresh.clear())
  }
  const cached = cache.get(team)
  if (cached) return cached
  const properties = new Map(state.db.properties.findMany((q) => q.where({ team })).map((p) => [p.key, p]))
  const lists = new Set(state.db.lists.findMany((q) => q.where({ team })).map((l) => l.id))
  const catalog: TeamCatalog = { propertyType: (key) => properties.get(key), hasList: (id) => lists.has(id) }
  cache.set(team, catalog)
  return catalog
}

/** Whether writing `input` (and `set`) onto `contact` changes anything. */
function changes(contact: ContactRecord, input: ContactInput, set: { email?: string; userId?: string }): boolean {
  if ((set.email !== undefined && set.email !== contact.email) || (set.userId !== undefined && set.userId !== contact.userId)) return true
  for (const key of ['firstName', 'lastName', 'source', 'subscribed', 'userGroup'] as const)
    if (input[key] !== undefined && input[key] !== contact[key]) return true
  for (const [key, value] of input.custom)
    if (value === null ? Object.hasOwn(contact.custom, key) : contact.custom[key] !== value || !Object.hasOwn(contact.custom, key)) return true
  for (const [id, on] of input.mailingLists) if (contact.mailingLists.includes(id) !== on) return true
  return false
}

export function contactLookup(state: MockState, team: string): ContactLookup<ContactRecord> {
  return {
    // indexed: a Map read, whatever the number of contacts
    byEmail: (email) => state.db.contacts.byEmail(team, email),
    byUserId: (userId) => state.db.contacts.byUserId(team, userId),
  }
}

/** Creates the contact or writes `input` onto it, as the resolution says (never a `fail` resolution). */
export async function applyContact(
  state: MockState,
  team: string,
  resolution: Exclude<Resolution<ContactRecord>, { kind: 'fail' }>,
  input: ContactInput,
): Promise<ContactRecord> {
  for (const [key, type] of input.newProperties) {
    const existing = state.db.properties.findFirst((q) => q.where({ team, key }))
    if (!existing) await state.db.properties.create({ team, key, label: labelOf(key), type, custom: true, internal: false })
    else {
      // created by a concurrent request since this one was validated: its type now rules (a 400 on mismatch)
      const value = input.custom.get(key)
      if (value !== undefined && value !== null) checkPropertyType(key, existing.type, value)
    }
  }
  const now = state.clock.now()
  if (resolution.kind === 'create') {
    const custom: Record<string, string | number | boolean> = {}
    for (const [key, value] of input.custom) if (value !== null) custom[key] = value
    return state.db.contacts.create({
      id: state.newId(),
      team,
      email: resolution.email,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      source: input.source ?? 'API',
      subscribed: input.subscribed ?? true,
      userGroup: input.userGroup ?? '',
      userId: resolution.userId ?? null,
      custom,
      mailingLists: [...input.mailingLists].filter(([, on]) => on).map(([id]) => id),
      optInStatus: null,
      suppressed: false,
      removalsUsed: 0,
      createdAt: now,
      updatedAt: now,
    })
  }
  if (!changes(resolution.contact, input, resolution.set)) return resolution.contact
  const updated = state.db.contacts.update(resolution.contact.id, (record) => {
    if (resolution.set.email !== undefined) record.email = resolution.set.email
    if (resolution.set.userId !== undefined) record.userId = resolution.set.userId
    if (input.firstName !== undefined) record.firstName = input.firstName
    if (input.lastName !== undefined) record.lastName = input.lastName
    if (input.source !== undefined) record.source = input.source
    if (input.subscribed !== undefined) record.subscribed = input.subscribed
    if (input.userGroup !== undefined) record.userGroup = input.userGroup
    for (const [key, value] of input.custom) {
      if (value === null) delete record.custom[key]
      else record.custom[key] = value
    }
    for (const [id, on] of input.mailingLists) {
      const has = record.mailingLists.includes(id)
      if (on && !has) record.mailingLists.push(id)
      if (!on && has) record.mailingLists.splice(record.mailingLists.indexOf(id), 1)
    }
    record.updatedAt = now
  })
  return updated ?? resolution.contact
}

/**
 * A contact as `contacts/find` returns it: default keys in Loops' order, set custom properties (in the team's
 * property order) between `userId` and `mailingLists`, `mailingLists` as `{id: true}`.
 */
/** The team's custom property keys in their order (what `contactJson` lays out); read once for a whole page. */
export function customPropertyOrder(state: MockState, team: string): string[] {
  return state.db.properties.findMany((q) => q.where({ team, custom: true })).map((p) => p.key)
}

export function contactJson(state: MockState, record: ContactRecord, order = customPropertyOrder(state, record.team)): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: record.id,
    email: record.email,
    firstName: record.firstName,
    lastName: record.lastName,
    source: record.source,
    subscribed: record.subscribed,
    userGroup: record.userGroup,
    userId: record.userId,
  }
  for (const key of order)
    if (Object.hasOwn(record.custom, key))
      Object.defineProperty(out, key, { value: record.custom[key], enumerable: true, writable: true, configurable: true })
  out.mailingLists = Object.fromEntries(record.mailingLists.map((id) => [id, true]))
  out.optInStatus = record.optInStatus
  return out
}
