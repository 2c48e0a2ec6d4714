import type { ContactRecord } from '../db.ts'

export type ContactChange =
  | { kind: 'create'; record: ContactRecord }
  | { kind: 'update'; record: ContactRecord; previous: ContactRecord }
  | { kind: 'delete'; record: ContactRecord }

/**
 * The mock's contacts, indexed: by id, by team and lower-cased email, by team and userId. Every lookup an API
 * request makes is a Map lookup, so `events/send` costs the same at 50 contacts and at 50,000 (an @msw/data
 * Collection tests each record in turn). Records are replaced on update, never changed in place, so a record a
 * route holds stays as it was read. Iteration is in creation order.
 */
export interface ContactStore {
  create(record: ContactRecord): ContactRecord
  /** applies `mutate` to a copy of the contact and stores the copy; undefined when there is no such contact */
  update(id: string, mutate: (draft: ContactRecord) => void): ContactRecord | undefined
  delete(id: string): ContactRecord | undefined
  byId(id: string): ContactRecord | undefined
  byEmail(team: string, email: string): ContactRecord | undefined
  byUserId(team: string, userId: string): ContactRecord | undefined
  /** the team's contacts (every team's when undefined), in creation order */
  all(team?: string): IterableIterator<ContactRecord>
  count(team?: string): number
  /** `limit` contacts from `offset` in creation order, without walking past the page */
  page(team: string | undefined, offset: number, limit: number): ContactRecord[]
  /** called after every create, update and delete (e.g. by a webhook emitter) */
  onChange(listener: (change: ContactChange) => void): () => void
  clear(): void
}

const emailKey = (team: string, email: string): string => `${team}\u0000${email.toLowerCase()}`
const userKey = (team: string, userId: string): string => `${team}\u0000${userId}`

const copy = (r: ContactRecord): ContactRecord => ({ ...r, custom: { ...r.custom }, mailingLists: [...r.mailingLists] })

export function createContactStore(): ContactStore {
  const byId = new Map<string, ContactRecord>()
  const byTeam = new Map<string, Map<string, ContactRecord>>()
  const emails = new Map<string, string>()
  const userIds = new Map<string, string>()
  const listeners = new Set<(change: ContactChange) => void>()
  const emit = (change: ContactChange): void => {
    for (const listener of listeners) listener(change)
  }
  const index = (r: ContactRecord): void => {
    byId.set(r.id, r)
    let team = byTeam.get(r.team)
    if (!team) byTeam.set(r.team, (team = new Map()))
    team.set(r.id, r)
    emails.set(emailKey(r.team, r.email), r.id)
    if (r.userId !== null) userIds.set(userKey(r.team, r.userId), r.id)
  }
  const unindex = (r: ContactRecord): void => {
    if (emails.get(emailKey(r.team, r.email)) === r.id) emails.delete(emailKey(r.team, r.email))
    if (r.userId !== null && userIds.get(userKey(r.team, r.userId)) === r.id) userIds.delete(userKey(r.team, r.userId))
  }
  const found = (id: string | undefined): ContactRecord | undefined => (id === undefined ? undefined : byId.get(id))

  return {
    create(record) {
      if (byId.has(record.id)) throw new TypeError(`a contact with id ${record.id} exists`)
      index(record)
      emit({ kind: 'create', record })
      return record
    },
    update(id, mutate) {
      const previous = byId.get(id)
      if (!previous) return undefined
      const next = copy(previous)
      mutate(next)
      unindex(previous)
      index(next)
      emit({ kind: 'update', record: next, previous })
      return next
    },
    delete(id) {
      const record = byId.get(id)
      if (!record) return undefined
      unindex(record)
      byId.delete(id)
      byTeam.get(record.team)?.delete(id)
      emit({ kind: 'delete', record })
      return record
    },
    byId: (id) => byId.get(id),
    byEmail: (team, email) => found(emails.get(emailKey(team, email))),
    byUserId: (team, userId) => found(userIds.get(userKey(team, userId))),
    all: (team) => (team === undefined ? byId.values() : (byTeam.get(team)?.values() ?? new Map<string, ContactRecord>().values())),
    count: (team) => (team === undefined ? byId.size : (byTeam.get(team)?.size ?? 0)),
    page(team, offset, limit) {
      const out: ContactRecord[] = []
      let skipped = 0
      for (const record of team === undefined ? byId.values() : (byTeam.get(team)?.values() ?? [])) {
        if (skipped++ < offset) continue
        if (out.length >= limit) break
        out.push(record)
      }
      return out
    },
    onChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    clear() {
      byId.clear()
      byTeam.clear()
      emails.clear()
      userIds.clear()
    },
  }
}
