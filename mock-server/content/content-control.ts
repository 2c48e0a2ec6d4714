import { jsonResponse } from '../cors-headers.ts'
import type { MockState } from '../mock-state.ts'
import { teamSnapshot, type TeamContentSnapshot } from './content-snapshot.ts'
import { teamContent, type TeamContent } from './content-store.ts'

const fail = (status: number, message: string): Response => jsonResponse(status, { success: false, message })

/** Every team's content (teams with a key), or one team's. */
export function contentSnapshot(state: MockState, team?: string): TeamContentSnapshot[] {
  const teams = team === undefined ? [...new Set([...state.keys.values()].map((k) => k.team))] : [team]
  return teams.map((t) => teamSnapshot(state, teamContent(state, t)))
}

function findOwner<K extends 'campaigns' | 'workflows'>(state: MockState, kind: K, id: string): TeamContent | undefined {
  for (const team of new Set([...state.keys.values()].map((k) => k.team))) {
    const content = teamContent(state, team)
    if (content[kind].has(id)) return content
  }
  return undefined
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text()
  const json: unknown = text.trim() === '' ? {} : JSON.parse(text)
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new TypeError('send a JSON object')
  return json as Record<string, unknown>
}

/**
 * `/_mock/content…`: `GET /_mock/content[?team=]` shows what the content API holds; `POST
 * /_mock/content/campaigns/{id}/status {"status": "Sent"}` and `POST /_mock/content/workflows/{id}/status` move a
 * campaign or workflow on (Loops does that when it sends); `POST /_mock/content/workflows/{id}/queued {"nodeId",
 * "count"}` puts contacts in a workflow's queue, so the queued-contact answers can be tested.
 */
export async function handleContentControl(state: MockState, request: Request): Promise<Response> {
  const url = new URL(request.url)
  const parts = url.pathname.replace(/^.*?\/_mock\/content\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  const method = request.method.toUpperCase()
  try {
    if (method === 'GET' && parts.length === 0) return jsonResponse(200, contentSnapshot(state, url.searchParams.get('team') ?? undefined))
    const [kind, id = '', action] = parts
    if (method === 'POST' && (kind === 'campaigns' || kind === 'workflows') && (action === 'status' || (kind === 'workflows' && action === 'queued'))) {
      const content = findOwner(state, kind, id)
      if (!content) return fail(404, `No ${kind === 'campaigns' ? 'campaign' : 'workflow'} with the ID "${id}".`)
      const body = await readJson(request)
      if (kind === 'campaigns') {
        const campaign = content.campaigns.get(id)
        if (!campaign) return fail(404, 'not found')
        if (!['Draft', 'Scheduled', 'Sending', 'Sent'].includes(body.status as string)) return fail(400, 'send {"status": "Draft" | "Scheduled" | "Sending" | "Sent"}')
        campaign.status = body.status as typeof campaign.status
        return jsonResponse(200, { success: true })
      }
      const workflow = content.workflows.get(id)
      if (!workflow) return fail(404, 'not found')
      if (action === 'status') {
        if (!['Draft', 'Sending', 'Paused', 'PausedAndQueueing'].includes(body.status as string)) return fail(400, 'send {"status": "Draft" | "Sending" | "Paused" | "PausedAndQueueing"}')
        workflow.status = body.status as typeof workflow.status
        return jsonResponse(200, { success: true })
      }
      if (typeof body.nodeId !== 'string' || !workflow.nodes.has(body.nodeId) || typeof body.count !== 'number' || !Number.isInteger(body.count) || body.count < 0)
        return fail(400, 'send {"nodeId": "<a node of the workflow>", "count": <contacts queued there, 0 or more>}')
      workflow.queued.set(body.nodeId, body.count)
      return jsonResponse(200, { success: true })
    }
    return fail(404, `No control route ${method} ${url.pathname}. Content control: GET /_mock/content, POST /_mock/content/campaigns/{id}/status, POST /_mock/content/workflows/{id}/status|queued.`)
  } catch (error) {
    return fail(400, (error as Error).message)
  }
}
