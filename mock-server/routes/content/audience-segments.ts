import { filterContext, readAudienceFilter } from '../../content/audience-filter.ts'
import { iso, type SegmentRecord } from '../../content/content-store.ts'
import { newestFirst, paginate } from '../../content/paginate.ts'
import { onlyKeys, readString } from '../../content/read-fields.ts'
import { badRequest } from '../../loops-request-error.ts'
import { ok } from '../../reply.ts'
import type { Route } from '../../route.ts'
import { contentRoute, notFound } from './content-route.ts'

const segmentJson = (s: SegmentRecord) => ({ id: s.id, name: s.name, description: s.description, createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt), filter: s.filter })

export const audienceSegmentRoutes: Route[] = [
  contentRoute('audience-segments', {
    GET: ({ url }, content) => paginate(url, newestFirst(content.segments), segmentJson),
    POST: async ({ state, team, body }, content) => {
      const json = await body()
      onlyKeys(json, ['name', 'description', 'filter'])
      const name = readString(json, 'name', { required: true, max: 255 })
      const description = readString(json, 'description', { max: 1000 }) ?? null
      if (json.filter === undefined) throw badRequest('"filter" is required: {"match": "all" | "any", "conditions": [...]}.')
      const filter = readAudienceFilter(json.filter, 'filter', filterContext(state, team, content))
      if ([...content.segments.values()].some((s) => s.name === name)) throw badRequest(`An audience segment named "${name}" already exists: segment names are unique within a team.`)
      const now = state.clock.now()
      const segment: SegmentRecord = { id: state.newId(), name, description, filter, createdAt: now, updatedAt: now }
      content.segments.set(segment.id, segment)
      return ok(segmentJson(segment))
    },
  }),
  contentRoute('audience-segments/{audienceSegmentId}', {
    GET: ({ params }, content) => {
      const segment = content.segments.get(params.audienceSegmentId ?? '')
      if (!segment) throw notFound('Audience segment', params.audienceSegmentId ?? '')
      return ok(segmentJson(segment))
    },
  }),
]
