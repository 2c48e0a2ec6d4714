import { checkLength, kindOf, readMap } from '../check-value.ts'
import type { TransactionalRecord } from '../db.ts'
import { LoopsRequestError, badRequest } from '../loops-request-error.ts'
import { isEmail, readContactInput } from '../read-contact-input.ts'
import { readIdempotencyKey } from '../read-idempotency-key.ts'
import { ok } from '../reply.ts'
import type { Route } from '../route.ts'
import { applyContact, contactLookup, teamCatalog } from '../team-contacts.ts'
import { withIdempotency } from '../with-idempotency.ts'
import { listTransactionals } from './list-transactionals.ts'

function readDataVariables(value: unknown): Record<string, unknown> {
  if (value === undefined) return {}
  const vars = readMap('dataVariables', value)
  for (const [name, v] of Object.entries(vars)) {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) {
      checkLength(name, v)
      continue
    }
    const isRows = Array.isArray(v) && v.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row) && Object.values(row).every((c) => typeof c === 'string' || typeof c === 'number'))
    if (!isRows)
      throw badRequest(`Invalid value for "dataVariables.${name}": it is ${kindOf(v)}; send a string or number (or, for an array block, an array of objects of strings and numbers). null does not work: leave optional variables out or send "".`)
  }
  return vars
}

function readAttachments(value: unknown): void {
  if (value === undefined) return
  if (!Array.isArray(value)) throw badRequest(`"attachments" must be an array, got ${kindOf(value)}.`)
  value.forEach((a: unknown, i) => {
    const item = a as Record<string, unknown> | null
    for (const field of ['filename', 'contentType', 'data'])
      if (typeof item !== 'object' || item === null || typeof item[field] !== 'string')
        throw badRequest(`"attachments[${i}].${field}" is required and must be a string.`)
  })
}

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
      const { email, transactionalId, addToAudience } = json
      if (typeof transactionalId !== 'string' || transactionalId === '')
        throw badRequest('Missing a required parameter: transactionalId.')
      if (typeof email !== 'string' || !isEmail(email)) throw badRequest('Invalid email address.')
      if (addToAudience !== undefined && typeof addToAudience !== 'boolean') throw badRequest(`"addToAudience" must be true or false, got ${kindOf(addToAudience)}.`)
      const vars = readDataVariables(json.dataVariables)
      readAttachments(json.attachments)
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
          await applyContact(state, team, { kind: 'create', email }, readContactInput({ email }, teamCatalog(state, team)))
        await state.db.sentEmails.create({ team, transactionalId, email, dataVariables: vars, ...(key !== undefined ? { idempotencyKey: key } : {}), at: state.clock.now() })
        return ok({ success: true })
      })
    },
    GET: (ctx) => listTransactionals(ctx),
  },
}
