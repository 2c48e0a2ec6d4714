import { iso, type GroupRecord, type TeamContent } from '../../content/content-store.ts'
import { newestFirst, paginate } from '../../content/paginate.ts'
import { atLeastOne, onlyKeys, readString } from '../../content/read-fields.ts'
import { badRequest } from '../../loops-request-error.ts'
import { ok } from '../../reply.ts'
import type { Route } from '../../route.ts'
import { contentRoute, notFound } from './content-route.ts'

const groupJson = (g: GroupRecord) => ({ id: g.id, name: g.name, description: g.description, createdAt: iso(g.createdAt), updatedAt: iso(g.updatedAt) })

function readName(body: Record<string, unknown>, required: boolean): string | undefined {
  const name = required ? readString(body, 'name', { required: true, max: 255 }) : readString(body, 'name', { max: 255, nonEmpty: true })
  if (name !== undefined && name.trim().toLowerCase() === 'unsorted') throw badRequest('"Unsorted" is a reserved group name: choose another name.')
  return name
}

/** Campaign groups and transactional groups: the same API over two collections. */
function groupRoutes(path: string, param: string, label: string, groups: (c: TeamContent) => Map<string, GroupRecord>): Route[] {
  return [
    contentRoute(path, {
      GET: ({ url }, content) => paginate(url, newestFirst(groups(content)), groupJson),
      POST: async ({ state, body }, content) => {
        const json = await body()
        onlyKeys(json, ['name', 'description'])
        const name = readName(json, true) as string
        const description = readString(json, 'description', { max: 1000 }) ?? ''
        const now = state.clock.now()
        const group: GroupRecord = { id: state.newId(), name, description, reserved: false, createdAt: now, updatedAt: now }
        groups(content).set(group.id, group)
        return ok(groupJson(group))
      },
    }),
    contentRoute(`${path}/{${param}}`, {
      GET: ({ params }, content) => {
        const group = groups(content).get(params[param] ?? '')
        if (!group) throw notFound(label, params[param] ?? '')
        return ok(groupJson(group))
      },
      POST: async ({ state, params, body }, content) => {
        const json = await body()
        onlyKeys(json, ['name', 'description'])
        atLeastOne(json, ['name', 'description'])
        const name = readName(json, false)
        const description = readString(json, 'description', { max: 1000 })
        const group = groups(content).get(params[param] ?? '')
        if (!group) throw notFound(label, params[param] ?? '')
        if (group.reserved) throw badRequest('The reserved "Unsorted" group cannot be edited.')
        const next = { ...group, ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}), updatedAt: state.clock.now() }
        groups(content).set(next.id, next)
        return ok(groupJson(next))
      },
    }),
  ]
}

export const campaignGroupRoutes = groupRoutes('campaign-groups', 'campaignGroupId', 'Campaign group', (c) => c.campaignGroups)
export const transactionalGroupRoutes = groupRoutes('transactional-groups', 'transactionalGroupId', 'Transactional group', (c) => c.transactionalGroups)
