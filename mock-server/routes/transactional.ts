import { isObject } from '../../src/core/index.ts'
import { assertLoopsBody } from '../assert-loops-body.ts'
import type { TransactionalRecord } from '../db.ts'
import { LoopsRequestError, badRequest } from '../loops-request-error.ts'
import { readContactInput } from '../read-contact-input.ts'
import { readIdempotencyKey } from '../read-idempotency-key.ts'
import { ok } from '../reply.ts'
import type { Route } from '../route.ts'
import { contactLookup, teamCatalog } from '../team-contacts.ts'
import { applyContactAndEmit } from '../webhooks/apply-contact-and-emit.ts'
import { emitTransactionalSent } from '../webhooks/emit-contact-events.ts'
import { withIdempotency } from '../with-idempotency.ts'
import { listTransactionals } from './list-transactionals.ts'

function missingVariables(email: TransactionalRecord, vars: Record<string, unknown>): string[] {
  return email.dataVariables.filter((v) => v.required && !Object.hasOwn(vars, v.name)).map((v) => v.name)
}

/** `POST /api/v1/transactional` (send) and the deprecated `GET /api/v1/transactional` (list published). */
export const transactionalRoute: Route = {
  path: 'transactional',
  methods: {
    POST: async ({ state, team, request, body, bodyText }) => {
      const key = readIdempotencyKey(request)
      const json = await body()
      assertLoopsBody('transactional', json)
      const email = json.email as string
      const transactionalId = json.transactionalId as string
      const addToAudience = json.addToAudience
      const vars = isObject(json.dataVariables) ? json.dataVariables : {}
      const template = state.db.transactionals.findFirst((q) => q.where({ team, id: transactionalId }))
      if (!template)
        throw new LoopsRequestError(404, 'Transactional email not found.', { error: { path: 'transactionalId', message: 'Transactional email not found.' } })
      if (!template.published) throw badRequest('This transactional email has no published email message: publish it before sending.')
      const missing = missingVariables(template, vars)
      if (missing.length > 0) {
        const message = `Missing required data variable(s): ${missing.join(', ')}`
        // the OpenAPI document's 400 is a oneOf in which only the plain {success, message} shape matches exactly one
        throw badRequest(message)
      }
      return withIdempotency(state, `${team}\u0000transactional`, key, bodyText() ?? '', async () => {
        if (addToAudience === true && !contactLookup(state, team).byEmail(email))
          await applyContactAndEmit(state, team, { kind: 'create', email }, readContactInput({ email }, teamCatalog(state, team)))
        await state.db.sentEmails.create({ team, transactionalId, email, dataVariables: vars, ...(key !== undefined ? { idempotencyKey: key } : {}), at: state.clock.now() })
        emitTransactionalSent(state, team, template, email)
        return ok({ success: true })
      })
    },
    GET: (ctx) => listTransactionals(ctx),
  },
}
