import type { Exchange } from '../state/event-log.ts'

const MASKED = 'Bearer ••••••••'

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    out[name] = name.toLowerCase() === 'authorization' ? MASKED : value
  })
  return out
}

/**
 * The page's fetch, recording each exchange (request and response as text, the Authorization header masked)
 * for the Event log. `onExchange` gets the request's Idempotency-Key to match it to its event.
 */
export function recordingFetch(onExchange: (idempotencyKey: string | undefined, exchange: Exchange) => void): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const key = request.headers.get('idempotency-key') ?? undefined
    const sent = {
      method: request.method,
      url: request.url,
      headers: headersOf(request.headers),
      body: request.body ? await request.clone().text().catch(() => '') : '',
    }
    const started = performance.now()
    try {
      const response = await fetch(request)
      const copy = response.clone()
      void copy.text().then(
        (body) =>
          onExchange(key, {
            request: sent,
            response: { status: response.status, headers: headersOf(response.headers), body },
            latencyMs: Math.round(performance.now() - started),
          }),
        () => undefined,
      )
      return response
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      onExchange(key, { request: sent, error: message, latencyMs: Math.round(performance.now() - started) })
      throw error
    }
  }
}
