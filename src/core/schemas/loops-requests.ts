import * as z from 'zod'

// The request bodies' shapes: the TypeScript types of what the mapper builds and, through `jsonSchemas`, JSON
// Schemas for editors. Whether Loops accepts a body is the rulebook's verdict (`checkLoopsBody` in ../loops).

/** A value Loops stores: string, number or boolean (dates travel as ms timestamps or ISO-8601 strings). */
export const LoopsScalar = z.union([z.string(), z.number(), z.boolean()])
/** A contact property value: a scalar, or `null` to reset the property. */
export const LoopsContactValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
/** `{ "<mailing list id>": true | false }`: subscribe or unsubscribe. */
export const LoopsMailingLists = z.record(z.string(), z.boolean())

const identity = {
  email: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
}

/**
 * `POST /api/v1/events/send`. Contact properties go at the root (Loops' documented shape) or, in the Datafly
 * document's shape, nested under `contactProperties`; the mock accepts both.
 */
export const LoopsEventRequest = z
  .object({
    ...identity,
    eventName: z.string().min(1),
    contactProperties: z.record(z.string(), LoopsContactValue).optional(),
    eventProperties: z.record(z.string(), LoopsScalar).optional(),
    mailingLists: LoopsMailingLists.optional(),
  })
  .catchall(LoopsContactValue)
export type LoopsEventRequest = z.infer<typeof LoopsEventRequest>

/** `PUT /api/v1/contacts/update` (creates the contact when it does not exist and an email is given). */
export const LoopsContactUpdateRequest = z
  .object({
    ...identity,
    firstName: z.string().nullable().optional(),
    lastName: z.string().nullable().optional(),
    source: z.string().optional(),
    subscribed: z.boolean().optional(),
    userGroup: z.string().nullable().optional(),
    mailingLists: LoopsMailingLists.optional(),
  })
  .catchall(LoopsContactValue)
export type LoopsContactUpdateRequest = z.infer<typeof LoopsContactUpdateRequest>

export const HttpMethod = z.enum(['GET', 'POST', 'PUT', 'DELETE'])
export type HttpMethod = z.infer<typeof HttpMethod>

/** A request the mapper produced, ready for the sender: path is relative to the Loops origin. */
export const LoopsRequest = z.object({
  method: HttpMethod,
  path: z.string().startsWith('/api/v1/'),
  headers: z.record(z.string(), z.string()),
  body: z.union([LoopsEventRequest, LoopsContactUpdateRequest]),
})
export type LoopsRequest = z.infer<typeof LoopsRequest>
