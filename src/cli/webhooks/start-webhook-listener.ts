import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyLoopsWebhook, type WebhookPayload } from '../../core/webhooks/index.ts'

const BODY_LIMIT = 1024 * 1024
const FORWARD_TIMEOUT_MS = 10_000
const FORWARDED = ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature', 'user-agent']

export interface ListenedDelivery {
  /** ISO time it arrived */
  at: string
  method: string
  path: string
  id: string | null
  eventName: string | null
  email: string | null
  verified: boolean
  /** what the listener answered */
  status: number
  /** why verification failed */
  error?: { code: string; message: string }
  /** the --forward-to app's answer, or why there was none */
  forward?: { status: number | null; latencyMs: number; error?: string }
}

export interface ListenerOptions {
  port: number
  host: string
  secret: string
  forwardTo?: string
  now: () => number
  onDelivery: (delivery: ListenedDelivery) => void
}

export interface WebhookListener {
  url: string
  close(): Promise<void>
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, webhook-id, webhook-timestamp, webhook-signature',
  'access-control-max-age': '86400',
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...CORS })
  res.end(body)
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= BODY_LIMIT) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > BODY_LIMIT ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const field = (payload: unknown, ...path: string[]): string | null => {
  let value: unknown = payload
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
  return typeof value === 'string' ? value : null
}

/** Passes a verified delivery on unchanged (same headers and body); the app's answer comes back. */
async function forward(url: string, req: IncomingMessage, body: string): Promise<{ status: number | null; body: string; type: string; latencyMs: number; error?: string }> {
  const headers = new Headers()
  for (const name of FORWARDED) {
    const value = req.headers[name]
    if (typeof value === 'string') headers.set(name, value)
  }
  const started = performance.now()
  try {
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS) })
    const text = await response.text()
    return { status: response.status, body: text, type: response.headers.get('content-type') ?? 'text/plain', latencyMs: performance.now() - started }
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${FORWARD_TIMEOUT_MS / 1000} s` : cause?.code === 'ECONNREFUSED' ? 'connection refused: is your app running?' : `${(error as Error).message}${cause?.message ? ` (${cause.message})` : ''}`
    return { status: null, body: '', type: '', latencyMs: performance.now() - started, error: `${url}: ${why}` }
  }
}

/**
 * A receiver for Loops webhooks on a port: any path takes a POST, verifies it (400 missing headers, 401 bad
 * signature or a timestamp more than 5 minutes off, each with a JSON {code, message}), and answers 200 — or, with
 * `forwardTo`, passes it on unchanged and answers with the app's status and body (502 when the app cannot be
 * reached). CORS is open, so the playground in a browser can deliver to it too.
 */
export async function startWebhookListener(options: ListenerOptions): Promise<WebhookListener> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET'
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS)
      return void res.end()
    }
    if (method !== 'POST') return send(res, 405, JSON.stringify({ code: 'METHOD_NOT_ALLOWED', message: `Loops delivers webhooks with POST; got ${method}.` }))
    const body = await readBody(req)
    const base = { at: new Date(options.now()).toISOString(), method, path: req.url ?? '/' }
    if (body === undefined) return send(res, 413, JSON.stringify({ code: 'BODY_TOO_LARGE', message: 'The body is larger than 1 MB.' }))
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value
    const verdict = verifyLoopsWebhook({ body, headers, secret: options.secret, now: options.now() })
    const id = headers['webhook-id'] ?? null
    if (!verdict.ok) {
      let payload: unknown
      try {
        payload = JSON.parse(body)
      } catch {
        payload = undefined
      }
      options.onDelivery({ ...base, id, eventName: field(payload, 'eventName'), email: field(payload, 'contactIdentity', 'email'), verified: false, status: verdict.status, error: { code: verdict.code, message: verdict.message } })
      return send(res, verdict.status, JSON.stringify({ code: verdict.code, message: verdict.message }))
    }
    const payload = verdict.payload as Partial<WebhookPayload> | undefined
    const seen = { ...base, id, eventName: field(payload, 'eventName'), email: field(payload, 'contactIdentity', 'email'), verified: true }
    if (options.forwardTo === undefined) {
      options.onDelivery({ ...seen, status: 200 })
      return send(res, 200, JSON.stringify({ received: true, id }))
    }
    const answer = await forward(options.forwardTo, req, body)
    const status = answer.status ?? 502
    options.onDelivery({ ...seen, status, forward: { status: answer.status, latencyMs: Math.round(answer.latencyMs * 10) / 10, ...(answer.error !== undefined ? { error: answer.error } : {}) } })
    if (answer.status === null) return send(res, 502, JSON.stringify({ code: 'FORWARD_FAILED', message: answer.error ?? 'the app did not answer' }))
    return send(res, status, answer.body, answer.type)
  }
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, JSON.stringify({ code: 'LISTENER_ERROR', message: (error as Error).message })))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
