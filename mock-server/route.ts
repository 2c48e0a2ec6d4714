import type { MockRequest } from './mock-request.ts'
import type { MockState } from './mock-state.ts'
import type { Reply } from './reply.ts'

export interface RouteContext {
  state: MockState
  /** method, URL and headers (`request.headers.get(name)`); read the body with `body()` */
  request: MockRequest
  url: URL
  team: string
  /** values of the route's `{name}` path segments, URI-decoded */
  params: Readonly<Record<string, string>>
  /** the JSON object body (read once; a LoopsRequestError when it is not one) */
  body(): Promise<Record<string, unknown>>
  /** the body text once `body()` has read it */
  bodyText(): string | undefined
}

export type RouteMethod = (ctx: RouteContext) => Promise<Reply> | Reply

/** One Loops endpoint: its path under /api/v1 (`{name}` segments are parameters) and a handler per allowed method. */
export interface Route {
  path: string
  methods: Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', RouteMethod>>
}
