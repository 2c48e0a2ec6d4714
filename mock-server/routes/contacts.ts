import { LoopsRequestError, badRequest } from '../loops-request-error.ts'
import { checkOneIdentifier, type LoopsIssue } from '../../src/core/index.ts'
import { assertLoopsBody, throwFirstError } from '../assert-loops-body.ts'
import { readContactInput } from '../read-contact-input.ts'
import { ok } from '../reply.ts'
import { resolveContact } from '../resolve-contact.ts'
import type { Route, RouteContext } from '../route.ts'
import { contactJson, contactLookup, teamCatalog } from '../team-contacts.ts'
import { applyContactAndEmit } from '../webhooks/apply-contact-and-emit.ts'
import { emitContactDeleted } from '../webhooks/emit-contact-events.ts'

/** `POST /api/v1/contacts/create`: email required; 409 when the email or userId is already on a contact. */
export const createContactRoute: Route = {
  path: 'contacts/create',
  methods: {
    POST: async ({ state, team, body }) => {
      const json = await body()
      assertLoopsBody('contacts/create', json)
      const input = readContactInput(json, teamCatalog(state, team), undefined, true)
      const email = input.email as string
      return state.lock.run(async () => {
        const lookup = contactLookup(state, team)
        if (lookup.byEmail(email) || (input.userId !== undefined && lookup.byUserId(input.userId)))
          throw new LoopsRequestError(409, 'Email or userId is already on list.')
        const contact = await applyContactAndEmit(state, team, { kind: 'create', email, ...(input.userId !== undefined ? { userId: input.userId } : {}) }, input)
        return ok({ success: true, id: contact.id })
      })
    },
  },
}

/** `PUT /api/v1/contacts/update`: update-or-create, resolving by email or userId as events do. */
export const updateContactRoute: Route = {
  path: 'contacts/update',
  methods: {
    PUT: async ({ state, team, body }) => {
      const json = await body()
      assertLoopsBody('contacts/update', json)
      const input = readContactInput(json, teamCatalog(state, team), undefined, true)
      return state.lock.run(async () => {
        const resolution = resolveContact(contactLookup(state, team), input)
        if (resolution.kind === 'fail') throw badRequest(resolution.message)
        const contact = await applyContactAndEmit(state, team, resolution, input)
        return ok({ success: true, id: contact.id })
      })
    },
  },
}

/** `email` xor `userId` from the query (find, suppression) or the body (delete). */
export function oneIdentifier(source: { email?: unknown; userId?: unknown }): { email: string } | { userId: string } {
  const issues: LoopsIssue[] = []
  checkOneIdentifier(source, issues)
  throwFirstError(issues)
  const { email, userId } = source
  return email !== undefined && email !== null ? { email: email as string } : { userId: userId as string }
}

export function findByIdentifier(ctx: RouteContext, id: { email: string } | { userId: string }) {
  const lookup = contactLookup(ctx.state, ctx.team)
  return 'email' in id ? lookup.byEmail(id.email) : lookup.byUserId(id.userId)
}

const query = (url: URL) => ({ email: url.searchParams.get('email') ?? undefined, userId: url.searchParams.get('userId') ?? undefined })

/** `GET /api/v1/contacts/find?email=|userId=`: an array, `[]` when nothing matches. */
export const findContactRoute: Route = {
  path: 'contacts/find',
  methods: {
    GET: (ctx) => {
      const contact = findByIdentifier(ctx, oneIdentifier(query(ctx.url)))
      return ok(contact ? [contactJson(ctx.state, contact)] : [])
    },
  },
}

/** `POST /api/v1/contacts/delete` `{email}` or `{userId}`: 404 when not found; the live success text has no period. */
export const deleteContactRoute: Route = {
  path: 'contacts/delete',
  methods: {
    POST: async (ctx) => {
      const json = await ctx.body()
      const id = oneIdentifier(json)
      return ctx.state.lock.run(async () => {
        const contact = findByIdentifier(ctx, id)
        if (!contact) throw new LoopsRequestError(404, 'Contact not found.')
        ctx.state.db.contacts.delete(contact.id)
        emitContactDeleted(ctx.state, ctx.team, contact)
        return ok({ success: true, message: 'Contact deleted' })
      })
    },
  },
}

export { query as identifierQuery }
