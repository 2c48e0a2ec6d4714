import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startHttpServerMock } from '../../mock-server/hosts/http-server.ts'

const REQUESTS = 6000
const WARMUP = 600
const CONCURRENCY = 16
const ROUNDS = 3

interface Run {
  rps: number
  p50: number
  p99: number
  statuses: Map<number, number>
  latencies: number[]
  seconds: number
}

function merge(runs: Run[]): Run {
  const latencies = runs.flatMap((r) => r.latencies).toSorted((a, b) => a - b)
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0)
  const statuses = new Map<number, number>()
  for (const r of runs) for (const [s, n] of r.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n)
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses, latencies, seconds }
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

/** `count` requests from CONCURRENCY keep-alive fetch loops against 127.0.0.1. */
async function load(count: number, request: (i: number) => Promise<number>): Promise<Run> {
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++
        const t = performance.now()
        const status = await request(i)
        latencies.push(performance.now() - t)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b) // oxlint-disable-line unicorn/no-array-sort -- our own array
  return { rps: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses, latencies, seconds }
}

const row = (name: string, r: Run): string =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   statuses ${[...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`

async function startBare(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '16' })
      res.end('{"success":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/**
 * The standalone mock's throughput for `POST /api/v1/events/send` (node:http adapter, msw routing, validation,
 * contact resolution, idempotency, @msw/data writes), against a bare node:http server that answers
 * {"success":true}. Servers and load share this process (one event loop), so machine load affects both alike.
 */
export default async function (): Promise<string> {
  const bare = await startBare()
  const mock = await startHttpServerMock({ keys: { 'bench-key': 'Bench' }, rateLimit: 1_000_000 })
  const bareUrl = `${bare.url}/api/v1/events/send`
  const mockUrl = `${mock.url}/api/v1/events/send`
  let runs = 0
  const post = (url: string) => {
    const run = ++runs
    return async (i: number) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { Authorization: 'Bearer bench-key', 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${run}-${i}` },
        body: JSON.stringify({
          email: `user${i % 50}@example.com`,
          eventName: 'order_completed',
          firstName: 'Sam',
          eventProperties: { orderId: `ORD-${i}`, revenue: 89.97, currency: 'GBP' },
        }),
      })
      await res.arrayBuffer()
      return res.status
    }
  }
  try {
    await load(WARMUP, post(bareUrl))
    await load(WARMUP, post(mockUrl))
    // alternate the two in rounds so a change in machine load hits both alike
    const bareRuns: Run[] = []
    const mockRuns: Run[] = []
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await load(REQUESTS / ROUNDS, post(bareUrl)))
      mockRuns.push(await load(REQUESTS / ROUNDS, post(mockUrl)))
    }
    const bareRun = merge(bareRuns)
    const mockRun = merge(mockRuns)
    const ratio = mockRun.rps / bareRun.rps
    return [
      `mock server, POST /api/v1/events/send: ${REQUESTS} requests each (${ROUNDS} alternating rounds), ${CONCURRENCY} concurrent keep-alive fetch loops, 127.0.0.1`,
      row('bare node:http {"success":true}', bareRun),
      row('mock server (startHttpServerMock)', mockRun),
      `throughput ratio mock/bare: ${ratio.toFixed(2)} (target ≥ 0.50) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`,
    ].join('\n')
  } finally {
    await Promise.all([bare.close(), mock.close()])
  }
}
