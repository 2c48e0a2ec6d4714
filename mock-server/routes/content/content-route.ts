import { featuresOf, teamContent, type TeamContent } from '../../content/content-store.ts'
import { LoopsRequestError } from '../../loops-request-error.ts'
import type { Reply } from '../../reply.ts'
import type { Route, RouteContext, RouteMethod } from '../../route.ts'

/** A content-API handler: the route context plus the team's content. */
export type ContentMethod = (ctx: RouteContext, content: TeamContent) => Promise<Reply> | Reply

/**
 * A content-API route. `gated` routes answer 401 when the team's content API is off (Loops' OpenAPI document:
 * "Invalid API key or content API not enabled for this team."); workflows and event patterns document only
 * "Invalid API key", so they are not gated.
 */
export function contentRoute(path: string, methods: Partial<Record<'GET' | 'POST' | 'DELETE', ContentMethod>>, gated = true): Route {
  const wrapped: Route['methods'] = {}
  for (const [method, handler] of Object.entries(methods) as [keyof typeof methods, ContentMethod][]) {
    const run: RouteMethod = (ctx) => {
      if (gated && !featuresOf(ctx.state, ctx.team).contentApi)
        throw new LoopsRequestError(401, 'Invalid API key or content API not enabled for this team: the content API is off for this team (ask Loops to enable it).')
      return handler(ctx, teamContent(ctx.state, ctx.team))
    }
    wrapped[method] = run
  }
  return { path, methods: wrapped }
}

export const created = (body: unknown): Reply => ({ status: 201, body })

export function notFound(what: string, id: string): LoopsRequestError {
  return new LoopsRequestError(404, `${what} not found: no ${what.toLowerCase()} with the ID "${id}" in this team.`)
}

/** `https://app.loops.so/…` links the SDK 7.3 types (OpenAPI 1.21.9) add as `url` (exact app paths inferred). */
export const appUrl = (kind: 'campaigns' | 'transactional' | 'workflows', id: string): string => `https://app.loops.so/${kind}/${id}`
