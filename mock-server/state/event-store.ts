import type { EventRecord } from '../db.ts'

/**
 * Accepted events: an append-only list in acceptance order, indexed by contact so a contact's timeline is read
 * without scanning every event.
 */
export interface EventStore {
  push(event: EventRecord): void
  /** every event (of `team`, when given), oldest first */
  list(team?: string): EventRecord[]
  /** the contact's events, oldest first */
  forContact(contactId: string): readonly EventRecord[]
  /** `limit` events of `team` (or all) from `offset` (negative: from the end), oldest first */
  page(team: string | undefined, offset: number, limit: number): { items: EventRecord[]; total: number }
  /** the `index`th event accepted (0 = the oldest) */
  at(index: number): EventRecord | undefined
  readonly length: number
  clear(): void
}

export function createEventStore(): EventStore {
  let events: EventRecord[] = []
  let byContact = new Map<string, EventRecord[]>()
  const byTeam = new Map<string, EventRecord[]>()
  return {
    push(event) {
      events.push(event)
      let timeline = byContact.get(event.contactId)
      if (!timeline) byContact.set(event.contactId, (timeline = []))
      timeline.push(event)
      let team = byTeam.get(event.team)
      if (!team) byTeam.set(event.team, (team = []))
      team.push(event)
    },
    list: (team) => (team === undefined ? [...events] : [...(byTeam.get(team) ?? [])]),
    forContact: (contactId) => byContact.get(contactId) ?? [],
    page(team, offset, limit) {
      const source = team === undefined ? events : (byTeam.get(team) ?? [])
      const start = offset < 0 ? Math.max(0, source.length + offset) : offset
      return { items: source.slice(start, start + limit), total: source.length }
    },
    at: (index) => events[index],
    get length() {
      return events.length
    },
    clear() {
      events = []
      byContact = new Map()
      byTeam.clear()
    },
  }
}
