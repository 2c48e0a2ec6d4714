import { handleContentControl } from './content/content-control.ts'
import { handleUploadTransfer } from './content/upload-transfer.ts'
import { handleControl } from './control/handle-control.ts'
import { failAnswer } from './cors-headers.ts'
import { handleApi } from './handle-api.ts'
import { fromFetchResponse, type MockAnswer, type MockRequest } from './mock-request.ts'
import type { MockState } from './mock-state.ts'
import type { RouteMatch } from './route-table.ts'
import type { Mock } from './types.ts'

/** Longest path and query the mock reads; a longer one is a 414 (Loops' paths are short). */
export const MAX_TARGET_LENGTH = 8192

/**
 * Every request the mock answers, whichever host carried it: `/api/…` to the Loops API pipeline, `/_mock…` to the
 * control API, anything else a 404. msw's handlers and the standalone HTTP server both call this, so they answer
 * alike.
 */
export function handleRequest(
  mock: Mock,
  state: MockState,
  findRoute: (pathname: string) => RouteMatch | undefined,
  request: MockRequest,
): Promise<MockAnswer> {
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return Promise.resolve(failAnswer(400, `The request target is not a URL the mock can read.`))
  }
  const { pathname } = url
  if (pathname.length + url.search.length > MAX_TARGET_LENGTH)
    return Promise.resolve(failAnswer(414, `The request path is ${pathname.length + url.search.length} characters long; the mock reads at most ${MAX_TARGET_LENGTH}. Loops' paths are short: see /api/v1/….`))
  if (pathname.startsWith('/api/')) return handleApi(state, findRoute(pathname), request, url)
  // content API storage (presigned upload PUT, served assets) and content inspection, before the generic control API
  if (pathname.startsWith('/_mock/uploads/') || pathname.startsWith('/_mock/assets/'))
    return handleUploadTransfer(state, request.toRequest()).then(fromFetchResponse)
  if (pathname === '/_mock/content' || pathname.startsWith('/_mock/content/'))
    return handleContentControl(state, request.toRequest()).then(fromFetchResponse)
  if (pathname === '/_mock' || pathname.startsWith('/_mock/')) return handleControl(mock, state, request, url)
  return Promise.resolve(failAnswer(404, `No route ${request.method} ${pathname.slice(0, 200)}. The Loops API is under /api/v1, the mock's control API under /_mock.`))
}
