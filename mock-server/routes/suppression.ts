import { LoopsRequestError, badRequest } from '../loops-request-error.ts'
import { ok } from '../reply.ts'
import type { Route } from '../route.ts'
import { findByIdentifier, identifierQuery, oneIdentifier } from './contacts.ts'

const REMOVAL_LIMIT = 100

/** `GET` / `DELETE /api/v1/contacts/suppression?email=|userId=`: suppression status and removal (seeded contacts can be suppressed). */
export const suppressionRoute: Route = {
  path: 'contacts/suppression',
  methods: {
    GET: (ctx) => {
      const contact = findByIdentifier(ctx, oneIdentifier(identifierQuery(ctx.url)))
      if (!contact) throw new LoopsRequestError(404, 'This contact was not found.')
      return ok({
        contact: { id: contact.id, email: contact.email, userId: contact.userId },
        isSuppressed: contact.suppressed,
        removalQuota: { limit: REMOVAL_LIMIT, remaining: REMOVAL_LIMIT - contact.removalsUsed },
      })
    },
    DELETE: (ctx) =>
      ctx.state.lock.run(async () => {
        const contact = findByIdentifier(ctx, oneIdentifier(identifierQuery(ctx.url)))
        if (!contact) throw new LoopsRequestError(404, 'This contact was not found.')
        if (!contact.suppressed) throw badRequest('This contact is not suppressed.')
        if (contact.removalsUsed >= REMOVAL_LIMIT) throw badRequest('Removal quota exceeded.')
        ctx.state.db.contacts.update(contact.id, (r) => void ((r.suppressed = false), r.removalsUsed++))
        return ok({
          success: true,
          message: 'Email removed from suppression list.',
          removalQuota: { limit: REMOVAL_LIMIT, remaining: REMOVAL_LIMIT - contact.removalsUsed - 1 },
        })
      }),
  },
}
