/** The two Loops endpoints a Clay HTTP API column calls in Loops' guide, with the method each takes. */
export const CLAY_ENDPOINTS = {
  'contacts/update': { method: 'PUT', path: '/api/v1/contacts/update' },
  'events/send': { method: 'POST', path: '/api/v1/events/send' },
} as const

export type ClayEndpoint = keyof typeof CLAY_ENDPOINTS
export type ClayMethod = (typeof CLAY_ENDPOINTS)[ClayEndpoint]['method']

export class ClayEndpointError extends Error {
  override name = 'ClayEndpointError'
}

/**
 * Reads an HTTP API column's Endpoint field: Loops' URL (`https://app.loops.so/api/v1/contacts/update`) or its
 * path (`/api/v1/events/send`). Only the path counts: the request goes to the selected target (Loops, a mock, the
 * proxy), as the Datafly sends do. Throws `ClayEndpointError` saying what is accepted.
 */
export function readClayEndpoint(endpoint: string, method: string): ClayEndpoint {
  const raw = endpoint.trim()
  let path = raw
  if (/^[a-z]+:\/\//i.test(raw)) {
    try {
      path = new URL(raw).pathname
    } catch {
      throw new ClayEndpointError(`"${raw}" is not a URL; use https://app.loops.so/api/v1/contacts/update or /api/v1/events/send`)
    }
  }
  path = path.replace(/\/+$/, '')
  const found = (Object.keys(CLAY_ENDPOINTS) as ClayEndpoint[]).find((name) => CLAY_ENDPOINTS[name].path === path)
  if (!found) {
    throw new ClayEndpointError(`"${raw}" is not one of the endpoints a Clay column calls: /api/v1/contacts/update (PUT) or /api/v1/events/send (POST)`)
  }
  const expected = CLAY_ENDPOINTS[found].method
  if (method.toUpperCase() !== expected) {
    throw new ClayEndpointError(`${found} takes ${expected}, not ${method.toUpperCase()}: Loops would answer 405. Set the method to ${expected}`)
  }
  return found
}
