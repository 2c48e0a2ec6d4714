import { ok } from '../reply.ts'
import type { Route } from '../route.ts'

/** `GET /api/v1/lists`: `[{id, name, description, isPublic}]`. */
export const listsRoute: Route = {
  path: 'lists',
  methods: {
    GET: ({ state, team }) =>
      ok(state.db.lists.findMany((q) => q.where({ team })).map((l) => ({ id: l.id, name: l.name, description: l.description, isPublic: l.isPublic }))),
  },
}
