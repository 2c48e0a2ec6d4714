/** The mock's /_mock/ control API over HTTP: the same calls for the in-browser mock and a mock server. */
export interface MockApi {
  get<T>(path: string): Promise<T>
  post<T>(path: string, body?: unknown): Promise<T>
  delete<T>(path: string): Promise<T>
}

export class MockUnreachableError extends Error {
  override name = 'MockUnreachableError'
}

export function createMockApi(baseUrl: string): MockApi {
  const call = async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response
    try {
      response = await fetch(`${baseUrl}/_mock/${path}`, {
        method,
        ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
      })
    } catch {
      throw new MockUnreachableError(`No mock answers at ${baseUrl}. Start one with \`npx loops-playground mock-server\`, or check the URL.`)
    }
    const text = await response.text()
    if (!response.ok) {
      throw new MockUnreachableError(`${baseUrl}/_mock/${path} answered ${response.status}: ${text.slice(0, 200)}`)
    }
    try {
      return (text ? JSON.parse(text) : null) as T
    } catch {
      throw new MockUnreachableError(`${baseUrl}/_mock/${path} did not answer JSON: is this a loops-playground mock?`)
    }
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    delete: (path) => call('DELETE', path),
  }
}
