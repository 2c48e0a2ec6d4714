import { expect } from 'vitest'
import { openApiErrors, templateOf } from './openapi.ts'

/** Where the contract suite sends its requests. */
export interface ContractTarget {
  /** shown in the describe() title */
  name: string
  /** the origin: the API is at `${baseUrl}/api/v1/…` (also a mock's `/_mock/…`) */
  baseUrl: string
  apiKey: string
  /** the target answers the mock's /_mock control API (reset, clock, faults, keys); false for real Loops */
  control: boolean
  /** where the mock's /_mock API is when something (the proxy) sits in front of it; default `baseUrl` */
  controlUrl?: string
  /** something between the client and the server answers CORS itself (the proxy echoes allowed origins) */
  behindProxy?: boolean
  /** false when something in between replaces the client's Authorization (the proxy): 401 cases are skipped */
  checksClientKey: boolean
}

export interface CallOptions {
  body?: unknown
  /** sent as is instead of JSON.stringify(body) */
  rawBody?: string | Uint8Array
  headers?: Record<string, string>
  /** the key to send; null sends no Authorization header */
  key?: string | null
  /** return a 429 instead of waiting for the next window and retrying */
  allow429?: boolean
}

export interface CallResult {
  status: number
  headers: Headers
  text: string
  json: unknown
}

export interface ContractClient {
  target: ContractTarget
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>
  control(method: string, path: string, body?: unknown): Promise<unknown>
  /** a fresh address on Loops' test domain, so nothing is ever sent */
  email(tag: string): string
  /** every documented operation called so far, as `METHOD /v1/path/{param}` */
  calls: Set<string>
}

let counter = 0

/** The HTTP client the contract cases use: every response with an OpenAPI schema is validated against it. */
export function createContractClient(target: ContractTarget): ContractClient {
  const run = Date.now().toString(36)
  const calls = new Set<string>()
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${target.controlUrl ?? target.baseUrl}/_mock/${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
    })
    const json: unknown = await res.json()
    if (!res.ok) throw new Error(`/_mock/${path} answered ${res.status}: ${JSON.stringify(json)}`)
    return json
  }
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<CallResult> => {
    const headers: Record<string, string> = { ...options.headers }
    const key = options.key === undefined ? target.apiKey : options.key
    if (key !== null) headers.Authorization ??= `Bearer ${key}`
    const hasBody = options.rawBody !== undefined || options.body !== undefined
    if (hasBody) headers['Content-Type'] ??= 'application/json'
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${target.baseUrl}/api/v1/${path}`, {
        method,
        headers,
        ...(hasBody ? { body: (options.rawBody ?? JSON.stringify(options.body)) as BodyInit } : {}),
      })
      const text = await res.text()
      if (res.status === 429 && !options.allow429 && attempt < 5) {
        if (target.control) await control('POST', 'clock/advance', { ms: 1000 })
        else await new Promise((resolve) => setTimeout(resolve, 1100))
        continue
      }
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
      const template = templateOf(`/v1/${path}`.replace(/\?.*$/, ''))
      if (template !== undefined) calls.add(`${method} ${template}`)
      const errors = openApiErrors(method, `/api/v1/${path}`, res.status, json)
      if (errors !== undefined) expect(errors, `${method} /api/v1/${path} → ${res.status} ${text} against the OpenAPI schema`).toEqual([])
      return { status: res.status, headers: res.headers, text, json }
    }
  }
  return { target, call, control, calls, email: (tag) => `contract-${run}-${++counter}-${tag}@example.com` }
}
