import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startHttpServerMock as startMockServer } from '../../mock-server/hosts/http-server.ts'
import { startWebhookListener } from '../../src/cli/webhooks/start-webhook-listener.ts'
import { sampleWebhookPayload, signLoopsWebhook } from '../../src/core/webhooks/index.ts'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const DELIVERIES = 3000
const ROUNDS = 3
const FORWARDS = 1500

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

async function startBare(): Promise<{ url: string; count: () => number; close(): Promise<void> }> {
  let count = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      count++
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '11' })
      res.end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    count: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** One signed contact.created POST, as the mock sends it, from a plain fetch loop. */
function signedPost(url: string, i: number): Promise<number> {
  const body = JSON.stringify(sampleWebhookPayload('contact.created', Date.now()))
  const headers = { 'content-type': 'application/json', ...signLoopsWebhook({ secret: SECRET, id: `msg_bench${i}`, timestamp: Math.floor(Date.now() / 1000), body }) }
  return fetch(url, { method: 'POST', headers, body }).then(async (res) => {
    await res.arrayBuffer()
    return res.status
  })
}

/** The baseline: the same signed POSTs, one at a time (the mock keeps one delivery in flight per endpoint). */
async function plainLoop(url: string, count: number): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < count; i++) await signedPost(url, i)
  return count / ((performance.now() - started) / 1000)
}

/** The mock's queue: `count` contact.created events emitted at once, timed until every one is delivered. */
async function mockDeliveries(mock: Awaited<ReturnType<typeof startMockServer>>['mock'], count: number): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < count; i++) mock.webhooks.emit('Bench', sampleWebhookPayload('contact.created', Date.now()))
  await mock.webhooks.idle()
  const seconds = (performance.now() - started) / 1000
  const failed = mock.webhooks.deliveries({ state: 'failed' }).length + mock.webhooks.deliveries({ state: 'pending' }).length
  if (failed > 0) throw new Error(`${failed} deliveries did not succeed`)
  mock.webhooks.reset()
  return count / seconds
}

async function latencies(url: string, count: number): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < count; i++) {
    const t = performance.now()
    const status = await signedPost(url, i)
    if (status !== 200) throw new Error(`got ${status} from ${url}`)
    out.push(performance.now() - t)
  }
  return out
}

/**
 * 1. Deliveries per second from the standalone mock (startMockServer, the 10/s cap lifted with
 *    rateLimit: Infinity) to a bare node:http receiver, against a plain one-at-a-time fetch loop of the same signed
 *    POSTs to the same receiver (the mock keeps one delivery in flight per endpoint, so that is the fair ceiling).
 * 2. The latency `webhooks listen --forward-to` adds: signed POSTs straight to the app vs through the listener
 *    (verify, forward unchanged, relay the answer). Everything shares this process and event loop.
 */
export default async function (): Promise<string> {
  const bare = await startBare()
  const server = await startMockServer({ keys: { 'bench-key': 'Bench' }, webhooks: { url: bare.url, secret: SECRET, rateLimit: Infinity } })
  const listener = await startWebhookListener({ port: 0, host: '127.0.0.1', secret: SECRET, forwardTo: bare.url, now: Date.now, onDelivery: () => undefined })
  try {
    await plainLoop(bare.url, 300)
    await mockDeliveries(server.mock, 300)
    const plain: number[] = []
    const mock: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      plain.push(await plainLoop(bare.url, DELIVERIES / ROUNDS))
      mock.push(await mockDeliveries(server.mock, DELIVERIES / ROUNDS))
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
    const plainRate = mean(plain)
    const mockRate = mean(mock)

    await latencies(bare.url, 200)
    await latencies(`${listener.url}/`, 200)
    const direct: number[] = []
    const forwarded: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      direct.push(...(await latencies(bare.url, FORWARDS / ROUNDS)))
      forwarded.push(...(await latencies(`${listener.url}/`, FORWARDS / ROUNDS)))
    }
    direct.sort((a, b) => a - b) // oxlint-disable-line unicorn/no-array-sort -- our own array
    forwarded.sort((a, b) => a - b) // oxlint-disable-line unicorn/no-array-sort -- our own array
    const p = (xs: number[], q: number): string => percentile(xs, q).toFixed(2).padStart(6)
    return [
      `webhook deliveries: ${DELIVERIES} contact.created each (${ROUNDS} alternating rounds), 127.0.0.1, one delivery in flight per endpoint`,
      `plain signed fetch loop → bare node:http   ${plainRate.toFixed(0).padStart(6)} deliveries/s`,
      `mock queue (cap lifted) → bare node:http   ${mockRate.toFixed(0).padStart(6)} deliveries/s`,
      `throughput ratio mock/plain: ${(mockRate / plainRate).toFixed(2)}`,
      ``,
      `listen --forward-to: ${FORWARDS} signed POSTs each, one at a time`,
      `direct to the app                 p50 ${p(direct, 50)} ms   p99 ${p(direct, 99)} ms`,
      `through listen --forward-to       p50 ${p(forwarded, 50)} ms   p99 ${p(forwarded, 99)} ms`,
      `added latency: p50 +${(percentile(forwarded, 50) - percentile(direct, 50)).toFixed(2)} ms, p99 +${(percentile(forwarded, 99) - percentile(direct, 99)).toFixed(2)} ms; p50 ratio ${(percentile(forwarded, 50) / percentile(direct, 50)).toFixed(2)}`,
    ].join('\n')
  } finally {
    await Promise.all([bare.close(), server.close(), listener.close()])
  }
}
