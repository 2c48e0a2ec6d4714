import { bypass } from 'msw'
import type { WebhookDeliverFn, WebhookReply, WebhookRequest } from './webhook-types.ts'

export const RESPONSE_KEEP_BYTES = 2048

export interface AttemptOutcome {
  status: number | null
  response: string
  error?: string
}

/** Reads at most the first 2 kB of a body, then lets the rest go. */
async function firstBytes(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < RESPONSE_KEEP_BYTES) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.length
    }
  } finally {
    void reader.cancel().catch(() => undefined)
  }
  const all = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    all.set(chunk, offset)
    offset += chunk.length
  }
  return new TextDecoder().decode(all.subarray(0, RESPONSE_KEEP_BYTES))
}

/** Why fetch failed, in words: "connection refused (ECONNREFUSED)", "DNS lookup failed (ENOTFOUND)"… */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  const code = cause?.code
  if (code === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED): nothing listens at that address'
  if (code === 'ENOTFOUND') return 'DNS lookup failed (ENOTFOUND)'
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `the connection was reset (${code})`
  return `no answer: ${cause?.message ?? (error as Error).message ?? String(error)}${code ? ` (${code})` : ''}`
}

/** POSTs one attempt to `url`, past any msw interception (deliveries are real requests in every host). */
export async function postToUrl(url: string, request: WebhookRequest, signal: AbortSignal): Promise<AttemptOutcome> {
  try {
    const response = await fetch(bypass(new Request(url, { method: 'POST', headers: request.headers, body: request.body, redirect: 'manual', signal })))
    return { status: response.status, response: await firstBytes(response).catch(() => '') }
  } catch (error) {
    if (signal.aborted) throw signal.reason
    return { status: null, response: '', error: networkReason(error) }
  }
}

async function toOutcome(reply: WebhookReply): Promise<AttemptOutcome> {
  if (reply === undefined) return { status: 200, response: '' }
  if (typeof reply === 'number') return { status: reply, response: '' }
  if (reply instanceof Response) return { status: reply.status, response: await firstBytes(reply).catch(() => '') }
  return { status: reply.status, response: (reply.body ?? '').slice(0, RESPONSE_KEEP_BYTES) }
}

/** Hands one attempt to a callback; a throw counts as "no answer" and is retried. */
export async function callDeliver(deliver: WebhookDeliverFn, request: WebhookRequest, signal: AbortSignal): Promise<AttemptOutcome> {
  const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))
  try {
    return await Promise.race([Promise.resolve().then(() => deliver(request)).then(toOutcome), aborted])
  } catch (error) {
    if (signal.aborted) throw signal.reason
    return { status: null, response: '', error: `the deliver callback threw: ${(error as Error).message ?? String(error)}` }
  }
}
