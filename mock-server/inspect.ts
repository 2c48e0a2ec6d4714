import type { ContactRecord, EventRecord, SentEmailRecord } from './db.ts'
import type { MockState } from './mock-state.ts'
import { contactJson, customPropertyOrder } from './team-contacts.ts'
import type { MockContact, SentEmail, StoredEvent } from './types.ts'

const iso = (ms: number): string => new Date(ms).toISOString()

export function toStoredEvent(e: EventRecord): StoredEvent {
  return {
    id: e.id,
    team: e.team,
    contactId: e.contactId,
    eventName: e.eventName,
    eventProperties: { ...e.eventProperties },
    contactProperties: { ...e.contactProperties },
    ...(e.idempotencyKey !== undefined ? { idempotencyKey: e.idempotencyKey } : {}),
    at: iso(e.at),
  }
}

const toSentEmail = (s: SentEmailRecord): SentEmail => ({
  team: s.team,
  transactionalId: s.transactionalId,
  email: s.email,
  dataVariables: { ...s.dataVariables },
  ...(s.idempotencyKey !== undefined ? { idempotencyKey: s.idempotencyKey } : {}),
  at: iso(s.at),
})

/** A page of a longer list: the items and how many there are in all. */
export interface Page<T> {
  items: T[]
  total: number
}

export function listEvents(state: MockState, team?: string): StoredEvent[] {
  return state.db.events.list(team).map(toStoredEvent)
}

export function pageEvents(state: MockState, team: string | undefined, offset: number, limit: number): Page<StoredEvent> {
  const { items, total } = state.db.events.page(team, offset, limit)
  return { items: items.map(toStoredEvent), total }
}

function sentEmails(state: MockState, team?: string): SentEmailRecord[] {
  return state.db.sentEmails.findMany((q) => q.where({ team: (t: string) => team === undefined || t === team }))
}

export function listEmails(state: MockState, team?: string): SentEmail[] {
  return sentEmails(state, team).map(toSentEmail)
}

export function pageEmails(state: MockState, team: string | undefined, offset: number, limit: number): Page<SentEmail> {
  const all = sentEmails(state, team)
  const start = offset < 0 ? Math.max(0, all.length + offset) : offset
  return { items: all.slice(start, start + limit).map(toSentEmail), total: all.length }
}

/** The contacts with their find-shaped properties, event timelines (indexed by contact) and emails. */
function withTimelines(state: MockState, contacts: ContactRecord[], team: string | undefined): MockContact[] {
  const emails = new Map<string, SentEmail[]>()
  if (contacts.length > 0)
    for (const sent of sentEmails(state, team)) {
      const key = `${sent.team}\u0000${sent.email.toLowerCase()}`
      const list = emails.get(key)
      if (list) list.push(toSentEmail(sent))
      else emails.set(key, [toSentEmail(sent)])
    }
  const orders = new Map<string, string[]>()
  const orderOf = (t: string): string[] => {
    let order = orders.get(t)
    if (!order) orders.set(t, (order = customPropertyOrder(state, t)))
    return order
  }
  return contacts.map((c) => ({
    team: c.team,
    contact: contactJson(state, c, orderOf(c.team)),
    suppressed: c.suppressed,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    timeline: state.db.events.forContact(c.id).map(toStoredEvent),
    emails: emails.get(`${c.team}\u0000${c.email.toLowerCase()}`) ?? [],
  }))
}

/** Every contact (of `team`) with its timeline and emails. */
export function listContacts(state: MockState, team?: string): MockContact[] {
  return withTimelines(state, [...state.db.contacts.all(team)], team)
}

/** `limit` contacts from `offset` (negative: from the end), in creation order; cost grows with the page, not the store. */
export function pageContacts(state: MockState, team: string | undefined, offset: number, limit: number): Page<MockContact> {
  const total = state.db.contacts.count(team)
  const start = offset < 0 ? Math.max(0, total + offset) : offset
  return { items: withTimelines(state, state.db.contacts.page(team, start, limit), team), total }
}
