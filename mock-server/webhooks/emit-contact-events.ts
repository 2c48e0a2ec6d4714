import {
  contactCreatedPayload,
  contactDeletedPayload,
  contactUnsubscribedPayload,
  identityOf,
  mailingListPayload,
  transactionalDeliveredPayload,
  transactionalSentPayload,
  type WebhookContact,
  type WebhookMailingList,
} from '../../src/core/webhooks/index.ts'
import type { ContactRecord, TransactionalRecord } from '../db.ts'
import type { MockState } from '../mock-state.ts'
import { contactJson, contactLookup } from '../team-contacts.ts'

/** What a contact looked like before a write, as far as webhooks care. */
export interface ContactBefore {
  subscribed: boolean
  mailingLists: readonly string[]
}

export const contactBefore = (record: ContactRecord): ContactBefore => ({ subscribed: record.subscribed, mailingLists: [...record.mailingLists] })

function mailingList(state: MockState, team: string, id: string): WebhookMailingList {
  const list = state.db.lists.findFirst((q) => q.where({ team, id }))
  return { id, name: list?.name ?? id, description: list?.description ?? null, isPublic: list?.isPublic ?? false }
}

/**
 * The events one contact write causes, in this order: `contact.created` (a new contact), `contact.unsubscribed`
 * (subscribed went from true to false), then `contact.mailingList.subscribed` for each list joined and
 * `contact.mailingList.unsubscribed` for each list left. A new contact's lists each get a `.subscribed` too.
 */
export function emitContactWrite(state: MockState, team: string, before: ContactBefore | undefined, after: ContactRecord): void {
  const at = state.clock.now()
  const identity = identityOf(after)
  const emit = state.webhooks.emit
  if (before === undefined) emit(team, contactCreatedPayload(at, contactJson(state, after) as WebhookContact))
  else if (before.subscribed && !after.subscribed) emit(team, contactUnsubscribedPayload(at, identity))
  const was = new Set(before?.mailingLists ?? [])
  const is = new Set(after.mailingLists)
  for (const id of after.mailingLists) if (!was.has(id)) emit(team, mailingListPayload(at, true, identity, mailingList(state, team, id)))
  for (const id of before?.mailingLists ?? []) if (!is.has(id)) emit(team, mailingListPayload(at, false, identity, mailingList(state, team, id)))
}

/** A delete: `contact.unsubscribed`, then `contact.deleted` (Loops sends both). */
export function emitContactDeleted(state: MockState, team: string, record: ContactRecord): void {
  const at = state.clock.now()
  state.webhooks.emit(team, contactUnsubscribedPayload(at, identityOf(record)))
  state.webhooks.emit(team, contactDeletedPayload(at, identityOf(record)))
}

/**
 * A transactional send: `transactional.email.sent`, then `email.delivered` (`sourceType: "transactional"`). The
 * mock has no subjects or message versions: the subject is the email's name and `emailMessageId` its id. With no
 * contact for the address (no `addToAudience`), `contactIdentity.id` is "" (Loops does not document this case).
 */
export function emitTransactionalSent(state: MockState, team: string, template: TransactionalRecord, address: string): void {
  const at = state.clock.now()
  const contact = contactLookup(state, team).byEmail(address)
  const identity = contact ? identityOf(contact) : { id: '', email: address, userId: null }
  const send = { transactionalId: template.id, transactionalName: template.name, email: { id: state.newId(), emailMessageId: template.id, subject: template.name } }
  state.webhooks.emit(team, transactionalSentPayload(at, identity, send))
  state.webhooks.emit(team, transactionalDeliveredPayload(at, identity, send))
}
