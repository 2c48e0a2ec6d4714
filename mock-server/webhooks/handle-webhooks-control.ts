import { jsonResponse } from '../cors-headers.ts'
import type { MockWebhooks } from './create-webhooks.ts'
import { WebhookControlError } from './webhook-control-error.ts'
import type { DeliveryState } from './webhook-types.ts'

const PATCH_KEYS = new Set(['url', 'secret', 'events', 'enabled'])
const STATES = new Set(['pending', 'delivered', 'failed'])

async function readObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text()
  if (text.trim() === '') return {}
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new WebhookControlError(400, `The body is not JSON (${(error as Error).message}); send e.g. {"url": "http://127.0.0.1:8790/"}`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new WebhookControlError(400, 'The body must be a JSON object, e.g. {"events": {"contact.created": true}}')
  return json as Record<string, unknown>
}

/**
 * `/_mock/webhooks…` (parts = the path after `webhooks`):
 *   GET / PATCH  /_mock/webhooks                              the endpoint: url, secret, events, enabled
 *   POST         /_mock/webhooks/test                         send `testing.testEvent`
 *   GET          /_mock/webhooks/deliveries[?state=&event=]   every delivery, oldest first
 *   GET          /_mock/webhooks/deliveries/{id}
 *   POST         /_mock/webhooks/deliveries/{id}/redeliver
 * `?team=` picks a team's endpoint (default: the first key's team).
 */
export async function handleWebhooksControl(webhooks: MockWebhooks, request: Request, parts: readonly string[], team: string | undefined): Promise<Response> {
  const method = request.method.toUpperCase()
  const url = new URL(request.url)
  const route = `${method} ${parts.map((p, i) => (i === 1 ? '{id}' : p)).join('/')}`
  try {
    switch (route) {
      case 'GET ':
        return jsonResponse(200, webhooks.endpoint(team))
      case 'PATCH ':
      case 'PUT ': {
        const body = await readObject(request)
        const unknown = Object.keys(body).filter((k) => !PATCH_KEYS.has(k))
        if (unknown.length > 0) throw new WebhookControlError(400, `Unknown field(s) ${unknown.map((k) => `"${k}"`).join(', ')}; the endpoint has url, secret, events and enabled.`)
        if (body.url !== undefined && body.url !== null && typeof body.url !== 'string') throw new WebhookControlError(400, '`url` must be a string (an http(s) URL) or null to remove it')
        return jsonResponse(200, webhooks.configure(body as Parameters<MockWebhooks['configure']>[0], team))
      }
      case 'POST test':
        return jsonResponse(200, webhooks.sendTestEvent(team))
      case 'GET deliveries': {
        const state = url.searchParams.get('state') ?? undefined
        if (state !== undefined && !STATES.has(state)) throw new WebhookControlError(400, `?state= must be pending, delivered or failed, got "${state}"`)
        const eventName = url.searchParams.get('event') ?? undefined
        return jsonResponse(200, webhooks.deliveries({ ...(team !== undefined ? { team } : {}), ...(state !== undefined ? { state: state as DeliveryState } : {}), ...(eventName !== undefined ? { eventName } : {}) }))
      }
      case 'GET deliveries/{id}': {
        const delivery = webhooks.delivery(parts[1] ?? '')
        if (!delivery) throw new WebhookControlError(404, `No delivery "${parts[1] ?? ''}". List them with GET /_mock/webhooks/deliveries.`)
        return jsonResponse(200, delivery)
      }
      case 'POST deliveries/{id}/redeliver':
        return jsonResponse(200, webhooks.redeliver(parts[1] ?? ''))
    }
    return jsonResponse(404, {
      success: false,
      message: `No control route ${method} ${url.pathname}. Webhooks: GET/PATCH /_mock/webhooks, POST /_mock/webhooks/test, GET /_mock/webhooks/deliveries[/{id}], POST /_mock/webhooks/deliveries/{id}/redeliver (docs/webhooks.md).`,
    })
  } catch (error) {
    if (error instanceof WebhookControlError) return jsonResponse(error.status, { success: false, message: error.message })
    throw error
  }
}
