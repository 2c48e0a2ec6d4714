import { RESERVED_NAMES } from '../check-value.ts'
import { labelOf } from '../default-seed.ts'
import { badRequest } from '../loops-request-error.ts'
import type { MockState } from '../mock-state.ts'
import { ok } from '../reply.ts'
import type { Route } from '../route.ts'

const TYPES = new Set(['string', 'number', 'boolean', 'date'])

const listProperties = (state: MockState, team: string, customOnly: boolean) =>
  state.db.properties
    .findMany((q) => q.where({ team }))
    .filter((p) => !customOnly || p.custom)
    .map((p) => ({ key: p.key, label: p.label, type: p.type }))

/** `GET /api/v1/contacts/properties?list=all|custom` and `POST` `{name, type}` (400 on a duplicate, not 409). */
export const contactPropertiesRoute: Route = {
  path: 'contacts/properties',
  methods: {
    GET: ({ state, team, url }) => {
      const list = url.searchParams.get('list') ?? 'all'
      if (list !== 'all' && list !== 'custom') throw badRequest(`Invalid "list" value "${list}": use all or custom.`)
      return ok(listProperties(state, team, list === 'custom'))
    },
    POST: async ({ state, team, body }) => {
      const { name, type } = await body()
      if (typeof name !== 'string' || name === '') throw badRequest('"name" is required: the property name, in camelCase, like planName.')
      if (typeof type !== 'string' || !TYPES.has(type))
        throw badRequest(`Invalid type${typeof type === 'string' ? ` "${type}"` : ''}: use string, number, boolean or date.`)
      if (RESERVED_NAMES.has(name)) throw badRequest(`"${name}" is a reserved name (id, listId, softDeleteAt, teamId, updatedAt).`)
      if (!/^[a-z][a-zA-Z0-9]*$/.test(name) || name.length > 100) throw badRequest(`Property names must be camelCase, like planName or importDate; got "${name}".`)
      return state.lock.run(async () => {
        const exists = state.db.properties.findFirst((q) => q.where({ team, key: (k: string) => k.toLowerCase() === name.toLowerCase() }))
        if (exists) throw badRequest('Property already exists.')
        await state.db.properties.create({ team, key: name, label: labelOf(name), type: type as 'string', custom: true, internal: false })
        return ok({ success: true })
      })
    },
  },
}

/** Deprecated `GET /api/v1/contacts/customFields`: still answered live, same shape as `list=custom`. */
export const customFieldsRoute: Route = {
  path: 'contacts/customFields',
  methods: { GET: ({ state, team }) => ok(listProperties(state, team, true)) },
}
