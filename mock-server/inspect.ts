import type { EventRecord, SentEmailRecord } from './db.ts'
import type { MockState } from './mock-state.ts'
import { sameEmail } from './resolve-contact.ts'
import { contactJson } from './team-contacts.ts'
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

export function listEvents(state: MockState, team?: string): StoredEvent[] {
  return state.db.events.filter((e) => team === undefined || e.team === team).map(toStoredEvent)
}

export function listEmails(state: MockState, team?: string): SentEmail[] {
  return state.db.sentEmails.findMany((q) => q.where({ team: (t: string) => team === undefined || t === team })).map(toSentEmail)
}

/** Every contact with its find-shaped properties, its event timeline and the emails sent to it. */
export function listContacts(state: MockState, team?: string): MockContact[] {
  const events = listEvents(state, team)
  const emails = listEmails(state, team)
  return state.db.contacts
    .findMany((q) => q.where({ team: (t: string) => team === undefined || t === team }))
    .map((c) => ({
      team: c.team,
      contact: contactJson(state, c),
      suppressed: c.suppressed,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      timeline: events.filter((e) => e.contactId === c.id),
      emails: emails.filter((s) => s.team === c.team && sameEmail(s.email, c.email)),
    }))
}
