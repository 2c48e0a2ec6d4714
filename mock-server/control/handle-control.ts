import { CORS_HEADERS, failAnswer as fail, jsonAnswer as jsonResponse, preflight } from '../cors-headers.ts'
import { pageContacts, pageEmails, pageEvents } from '../inspect.ts'
import { fromFetchResponse, type MockAnswer, type MockRequest } from '../mock-request.ts'
import type { MockState } from '../mock-state.ts'
import { BODY_LIMIT_BYTES } from '../read-json-body.ts'
import type { Mock } from '../types.ts'
import { handleWebhooksControl } from '../webhooks/handle-webhooks-control.ts'
import { pageHeaders, readPage } from './read-page.ts'

async function readJson(request: MockRequest): Promise<Record<string, unknown>> {
  const bytes = await request.read(BODY_LIMIT_BYTES)
  if (bytes === undefined) throw new TypeError('the body is larger than 1 MB')
  const text = new TextDecoder().decode(bytes)
  if (text.trim() === '') return {}
  const json: unknown = JSON.parse(text)
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new TypeError('the body must be a JSON object')
  return json as Record<string, unknown>
}

/**
 * The `/_mock/` control API (no auth: a local tool): reset, contacts, events, emails, request log, faults,
 * virtual clock, keys. JSON in and out, CORS open to every origin. The lists (contacts, events, emails,
 * requests) are paged: `?limit=` (default 100, at most 1000) and `?offset=` (negative: from the end); the
 * answer is the page's array, with `x-total-count` and, when more follow, a `link: <…>; rel="next"` header.
 */
export async function handleControl(mock: Mock, state: MockState, request: MockRequest, url: URL): Promise<MockAnswer> {
  const method = request.method
  if (method === 'OPTIONS') return preflight()
  const parts = url.pathname.replace(/^.*?\/_mock\/?/, '').split('/').filter(Boolean).map(decodeSegment)
  const team = url.searchParams.get('team') ?? undefined
  if (parts[0] === 'webhooks') return fromFetchResponse(await handleWebhooksControl(mock.webhooks, request.toRequest(), parts.slice(1), team))
  const route = `${method} ${parts[0] ?? ''}${parts[1] !== undefined ? '/:' : ''}`
  try {
    switch (route) {
      case 'POST reset':
        await mock.reset()
        return jsonResponse(200, { success: true })
      case 'GET contacts':
      case 'GET events':
      case 'GET emails':
      case 'GET requests': {
        const { offset, limit } = readPage(url)
        const page =
          parts[0] === 'contacts' ? pageContacts(state, team, offset, limit)
          : parts[0] === 'events' ? pageEvents(state, team, offset, limit)
          : parts[0] === 'emails' ? pageEmails(state, team, offset, limit)
          : { items: state.log.page(offset < 0 ? Math.max(0, state.log.size + offset) : offset, limit), total: state.log.size }
        return jsonResponse(200, page.items, pageHeaders(url, page, offset, limit))
      }
      case 'GET faults':
        return jsonResponse(200, mock.faults())
      case 'POST faults':
        return jsonResponse(200, { success: true, id: mock.addFault(await readJson(request)) })
      case 'DELETE faults':
        mock.clearFaults()
        return jsonResponse(200, { success: true })
      case 'DELETE faults/:':
        mock.removeFault(parts[1] ?? '')
        return jsonResponse(200, { success: true })
      case 'GET clock':
        return jsonResponse(200, { now: mock.now(), iso: new Date(mock.now()).toISOString() })
      case 'POST clock/:': {
        if (parts[1] !== 'advance') break
        const { ms } = await readJson(request)
        if (typeof ms !== 'number') throw new TypeError('send {"ms": <milliseconds to advance>}')
        mock.advance(ms)
        return jsonResponse(200, { now: mock.now(), iso: new Date(mock.now()).toISOString() })
      }
      case 'GET keys':
        return jsonResponse(200, mock.keys())
      case 'POST keys': {
        const body = await readJson(request)
        if (typeof body.team !== 'string' || body.team.trim() === '') throw new TypeError('send {"team": "<team name>", "key"?: "<key>"}')
        if (body.key !== undefined && typeof body.key !== 'string') throw new TypeError('`key` must be a string')
        const key = mock.addKey(body.team, body.key)
        await mock.ready
        return jsonResponse(200, { key, team: body.team })
      }
      case 'DELETE keys/:':
        mock.revokeKey(parts[1] ?? '')
        return jsonResponse(200, { success: true })
      case 'POST keys/:': {
        // the key in the body, not the URL, so it stays out of request logs and error messages
        if (parts[1] !== 'revoke') break
        const body = await readJson(request)
        if (typeof body.key !== 'string') throw new TypeError('send {"key": "<the key to revoke>"}')
        mock.revokeKey(body.key)
        return jsonResponse(200, { success: true })
      }
    }
    return fail(404, `No control route ${method} ${url.pathname}. See the README, section "The mock Loops server".`)
  } catch (error) {
    return fail(400, `${(error as Error).message}`)
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

export { CORS_HEADERS }
