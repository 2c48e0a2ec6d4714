import { isObject } from '../../src/core/index.ts'
import { assertLoopsBody } from '../assert-loops-body.ts'
import { badRequest } from '../loops-request-error.ts'
import { inputChanges, readContactInput } from '../read-contact-input.ts'
import { readIdempotencyKey } from '../read-idempotency-key.ts'
import { ok } from '../reply.ts'
import { resolveContact } from '../resolve-contact.ts'
import type { Route } from '../route.ts'
import { contactLookup, teamCatalog } from '../team-contacts.ts'
import { applyContactAndEmit } from '../webhooks/apply-contact-and-emit.ts'
import type { ContactValue } from '../types.ts'
import { withIdempotency } from '../with-idempotency.ts'

const NOT_CONTACT = new Set(['eventName', 'eventProperties', 'contactProperties'])

/** The event's properties, names trimmed as Loops trims them (the body passed the rulebook). */
function readEventProperties(value: unknown): Record<string, ContactValue> {
  const out: Record<string, ContactValue> = {}
  if (!isObject(value)) return out
  for (const [rawKey, v] of Object.entries(value))
    Object.defineProperty(out, rawKey.trim(), { value: v as ContactValue, enumerable: true, writable: true, configurable: true })
  return out
}

/**
 * `POST /api/v1/events/send`: resolves (or creates) the contact, applies contact properties given at the root or
 * nested under `contactProperties`, stores the event on the contact's timeline; `Idempotency-Key` as Loops.
 */
export const eventsSendRoute: Route = {
  path: 'events/send',
  methods: {
    POST: async ({ state, team, request, body, bodyText }) => {
      const key = readIdempotencyKey(request)
      const json = await body()
      assertLoopsBody('events/send', json)
      const eventName = json.eventName as string
      const eventProperties = readEventProperties(json.eventProperties)
      const input = readContactInput(json, teamCatalog(state, team), NOT_CONTACT, true)
      return withIdempotency(state, `${team}\u0000events/send`, key, bodyText() ?? '', async () => {
        const resolution = resolveContact(contactLookup(state, team), input)
        if (resolution.kind === 'fail') throw badRequest(resolution.message)
        const contact = await applyContactAndEmit(state, team, resolution, input)
        state.db.events.push({
          id: state.newId(),
          seq: ++state.eventSeq,
          team,
          contactId: contact.id,
          eventName,
          eventProperties,
          contactProperties: inputChanges(input),
          ...(key !== undefined ? { idempotencyKey: key } : {}),
          at: state.clock.now(),
        })
        return ok({ success: true })
      })
    },
  },
}
