import type { EventPatternRecord } from '../../content/content-store.ts'
import { eventPropertiesJson, syncEventPatterns } from '../../content/event-patterns.ts'
import { paginate } from '../../content/paginate.ts'
import { ok } from '../../reply.ts'
import type { Route } from '../../route.ts'
import { contentRoute, notFound } from './content-route.ts'

const summaryJson = (p: EventPatternRecord) => ({ id: p.id, eventName: p.eventName, incomingWebhookPlatform: null })
const patternJson = (p: EventPatternRecord) => ({ ...summaryJson(p), eventProperties: eventPropertiesJson(p) })

/** Event patterns: every event name the team has sent or a workflow trigger names, with its property names and types. */
export const eventPatternRoutes: Route[] = [
  contentRoute(
    'event-patterns',
    {
      GET: ({ state, url }, content) => {
        syncEventPatterns(state, content)
        return paginate(url, [...content.eventPatterns.values()], summaryJson)
      },
    },
    false,
  ),
  contentRoute(
    'event-patterns/by-name/{eventName}',
    {
      GET: ({ state, params }, content) => {
        syncEventPatterns(state, content)
        const pattern = content.eventPatterns.get(params.eventName ?? '')
        if (!pattern) throw notFound('Event pattern', params.eventName ?? '')
        return ok(patternJson(pattern))
      },
    },
    false,
  ),
  contentRoute(
    'event-patterns/{eventPatternId}',
    {
      GET: ({ state, params }, content) => {
        syncEventPatterns(state, content)
        const pattern = [...content.eventPatterns.values()].find((p) => p.id === params.eventPatternId)
        if (!pattern) throw notFound('Event pattern', params.eventPatternId ?? '')
        return ok(patternJson(pattern))
      },
    },
    false,
  ),
]
