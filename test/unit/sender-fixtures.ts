import type { LoopsEventRequest, MapResult } from '../../src/core/index.ts'

/** A `ready` result for `POST /api/v1/events/send`, as the mapper makes it, with key `evt-<index>`. */
export function readyResult(index: number, overrides: { key?: string | null; method?: 'POST' | 'PUT'; path?: string } = {}): MapResult {
  const key = overrides.key === undefined ? `evt-${index}` : overrides.key
  return {
    status: 'ready',
    request: {
      method: overrides.method ?? 'POST',
      path: overrides.path ?? '/api/v1/events/send',
      headers: { 'Content-Type': 'application/json', ...(key !== null ? { 'Idempotency-Key': key } : {}) },
      body: { email: `user${index}@example.com`, eventName: 'order_completed', eventProperties: { n: index } } as unknown as LoopsEventRequest,
    },
    issues: [],
    source: { index, type: 'track', event: 'Order Completed' },
  }
}

export function readyResults(count: number): MapResult[] {
  return Array.from({ length: count }, (_, i) => readyResult(i))
}

/** A JSON response the way Loops answers. */
export function loopsResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

/**
 * A stub fetch that answers the n-th request with `answers[n]` (the last one repeats); an Error entry makes the
 * fetch reject, like a dropped connection. Records every request.
 */
export function scriptedFetch(answers: (() => Response | Error)[]): { fetch: (request: Request) => Promise<Response>; requests: Request[] } {
  const requests: Request[] = []
  return {
    requests,
    fetch: async (request) => {
      const answer = (answers[requests.length] ?? answers[answers.length - 1])?.()
      requests.push(request)
      if (answer === undefined) throw new Error('no scripted answer')
      if (answer instanceof Error) throw answer
      return answer
    },
  }
}
