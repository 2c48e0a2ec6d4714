import { Collection } from '@msw/data'
import * as z from 'zod'
import { createContactStore } from './state/contact-store.ts'
import { createEventStore } from './state/event-store.ts'

const scalar = z.union([z.string(), z.number(), z.boolean()])

export const ContactRecord = z.object({
  id: z.string(),
  team: z.string(),
  email: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  source: z.string(),
  subscribed: z.boolean(),
  userGroup: z.string(),
  userId: z.string().nullable(),
  /** custom properties that are set (unset ones are absent) */
  custom: z.record(z.string(), scalar),
  /** ids of the mailing lists the contact is subscribed to */
  mailingLists: z.array(z.string()),
  optInStatus: z.enum(['pending', 'accepted', 'rejected']).nullable(),
  suppressed: z.boolean(),
  removalsUsed: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type ContactRecord = z.infer<typeof ContactRecord>

/**
 * An accepted event. Events are an append-only log in an indexed store (state/event-store.ts) rather than a
 * Collection: they are never updated, and a Collection write (schema parse + structuredClone) was the largest
 * single cost of `events/send` in the benchmark.
 */
export const EventRecord = z.object({
  id: z.string(),
  seq: z.number(),
  team: z.string(),
  contactId: z.string(),
  eventName: z.string(),
  eventProperties: z.custom<Record<string, string | number | boolean>>((v) => typeof v === 'object' && v !== null),
  contactProperties: z.custom<Record<string, string | number | boolean | null>>((v) => typeof v === 'object' && v !== null),
  idempotencyKey: z.string().optional(),
  at: z.number(),
})
export type EventRecord = z.infer<typeof EventRecord>

export const ListRecord = z.object({
  id: z.string(),
  team: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  isPublic: z.boolean(),
})
export type ListRecord = z.infer<typeof ListRecord>

export const PropertyRecord = z.object({
  team: z.string(),
  key: z.string(),
  label: z.string(),
  type: z.enum(['string', 'number', 'boolean', 'date']),
  custom: z.boolean(),
  /** internal properties (`__domain`…) are listed with list=all but cannot be set */
  internal: z.boolean(),
})
export type PropertyRecord = z.infer<typeof PropertyRecord>

export const TransactionalRecord = z.object({
  id: z.string(),
  team: z.string(),
  name: z.string(),
  dataVariables: z.array(z.object({ name: z.string(), required: z.boolean() })),
  /** a system transactional email's data variables, which Loops fills (Guardian: missingRequiredDataVariables) */
  systemDataVariables: z.array(z.string()).optional(),
  published: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type TransactionalRecord = z.infer<typeof TransactionalRecord>

export const SentEmailRecord = z.object({
  team: z.string(),
  transactionalId: z.string(),
  email: z.string(),
  dataVariables: z.record(z.string(), z.unknown()),
  idempotencyKey: z.string().optional(),
  at: z.number(),
})
export type SentEmailRecord = z.infer<typeof SentEmailRecord>

/**
 * The mock's data, every record tagged with its team. Contacts and events, which grow with use, live in indexed
 * stores (lookups by email, userId and contact are Map reads); the small per-team catalogs are @msw/data
 * collections.
 */
export function createDb() {
  return {
    contacts: createContactStore(),
    events: createEventStore(),
    lists: new Collection({ schema: ListRecord }),
    properties: new Collection({ schema: PropertyRecord }),
    transactionals: new Collection({ schema: TransactionalRecord }),
    sentEmails: new Collection({ schema: SentEmailRecord }),
  }
}
export type Db = ReturnType<typeof createDb>
