import { CORS_HEADERS, jsonResponse, preflight } from '../cors-headers.ts'
import type { Mock } from '../types.ts'
import { handleWebhooksControl } from '../webhooks/handle-webhooks-control.ts'

const fail = (status: number, message: string): Response => jsonResponse(status, { success: false, message })

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text()
  if (text.trim() === '') return {}
  const json: unknown = JSON.parse(text)
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new TypeError('the body must be a JSON object')
  return json as Record<string, unknown>
}

/**
 * The `/_mock/` control API (no auth: a local tool): reset, contacts, events, emails, request log, faults,
 * virtual clock, keys. JSON in and out, CORS open to every origin.
 */
export async function handleControl(mock: Mock, request: Request): Promise<Response> {
  const method = request.method.toUpperCase()
  if (method === 'OPTIONS') return preflight()
  const url = new URL(request.url)
  const parts = url.pathname.replace(/^.*?\/_mock\/?/, '').split('/').filter(Boolean).map(decodeSegment)
  const team = url.searchParams.get('team') ?? undefined
  if (parts[0] === 'webhooks') return handleWebhooksControl(mock.webhooks, request, parts.slice(1), team)
  const route = `${method} ${parts[0] ?? ''}${parts[1] !== undefined ? '/:' : ''}`
  try {
    switch (route) {
      case 'POST reset':
        await mock.reset()
        return jsonResponse(200, { success: true })
      case 'GET contacts':
        return jsonResponse(200, mock.contacts(team))
      case 'GET events':
        return jsonResponse(200, mock.events(team))
      case 'GET emails':
        return jsonResponse(200, mock.emails(team))
      case 'GET requests':
        return jsonResponse(200, mock.requests())
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
