import { load, mb, row, startBenchServer, type Call, type LoadRun } from './http-load.ts'
import { median } from './time-it.ts'

const CLIENTS = 32
const REQUESTS = 20_000
const WARMUP = 4_000
const RUNS = 3
const FLAT_REQUESTS = 200_000

const event = (run: string) => (i: number): Call => {
  const body = JSON.stringify({
    email: `user${i % 50}@example.com`,
    eventName: 'order_completed',
    firstName: 'Sam',
    eventProperties: { orderId: `ORD-${i}`, revenue: 89.97, currency: 'GBP' },
  })
  return {
    method: 'POST',
    path: '/api/v1/events/send',
    headers: { authorization: 'Bearer bench-key', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'idempotency-key': `${run}-${i}` },
    body,
  }
}

/** Requests that leave the mock's stored state as it was (updates of 50 contacts, key checks). */
const steady = (i: number): Call => {
  if (i % 2 === 1) return { method: 'GET', path: '/api/v1/api-key', headers: { authorization: 'Bearer bench-key' } }
  const body = JSON.stringify({ email: `user${i % 50}@example.com`, firstName: `Sam${i % 7}`, plan: 'pro' })
  return { method: 'PUT', path: '/api/v1/contacts/update', headers: { authorization: 'Bearer bench-key', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body }
}

/**
 * `POST /api/v1/events/send` on the standalone mock (startHttpServerMock, direct path: unique idempotency keys,
 * 50 contacts) against a bare node:http server answering {"success":true}, both in processes of their own, loaded
 * from this process by 32 keep-alive clients on 127.0.0.1, alternating in 3 runs. Then 200,000 requests that
 * change no stored state, with the mock's RSS (after a full GC) before and after.
 */
export default async function (): Promise<string> {
  const bare = await startBenchServer('bare')
  const mock = await startBenchServer('mock')
  const out: string[] = [`mock server vs bare node:http, POST /api/v1/events/send, ${REQUESTS} requests a run, ${CLIENTS} keep-alive clients, 127.0.0.1, ${RUNS} runs`]
  try {
    await load(bare.port, WARMUP, CLIENTS, event('warm-bare'))
    await load(mock.port, WARMUP, CLIENTS, event('warm-mock'))
    const ratios: number[] = []
    const p99s: number[] = []
    for (let run = 1; run <= RUNS; run++) {
      const b: LoadRun = await load(bare.port, REQUESTS, CLIENTS, event(`bare-${run}`))
      const m: LoadRun = await load(mock.port, REQUESTS, CLIENTS, event(`mock-${run}`))
      ratios.push(m.rps / b.rps)
      p99s.push(m.p99)
      out.push(`run ${run}:`, `  ${row('bare node:http {"success":true}', b)}`, `  ${row('mock (startHttpServerMock)', m)}`, `  ratio ${(m.rps / b.rps).toFixed(2)}`)
    }
    const ratio = median(ratios)
    const p99 = median(p99s)
    out.push(
      `median throughput ratio mock/bare: ${ratio.toFixed(2)} (target ≥ 0.35) ${ratio >= 0.35 ? 'OK' : 'BELOW TARGET'}`,
      `median mock p99: ${p99.toFixed(2)} ms (target < 10 ms) ${p99 < 10 ? 'OK' : 'ABOVE TARGET'}`,
    )
    // the first round warms up: V8 grows its young generation (to 2 × 64 MB on Node 24) and node:http its pools;
    // the second shows whether anything grows with the number of requests
    const start = await mock.rss()
    await load(mock.port, FLAT_REQUESTS, CLIENTS, steady)
    const before = await mock.rss()
    const flat = await load(mock.port, FLAT_REQUESTS, CLIENTS, steady)
    const after = await mock.rss()
    const growth = (after.rss - before.rss) / before.rss
    out.push(
      `memory over ${FLAT_REQUESTS} requests that store nothing new (contacts/update of 50 contacts, api-key), after ${FLAT_REQUESTS} of warm-up: ${row('', flat).trim()}`,
      `  mock RSS after GC: ${mb(start.rss)} before the warm-up; before ${mb(before.rss)}, after ${mb(after.rss)} (${(growth * 100).toFixed(1)}%; heap ${mb(before.heap)} → ${mb(after.heap)}) ${Math.abs(growth) <= 0.05 ? 'flat (within 5%)' : 'NOT FLAT'}; the request log holds at most 1,000 entries and 4 MiB`,
    )
    // the request log under 1,000 one-megabyte requests (each a 400: the value is too long), then after a reset
    const big = JSON.stringify({ email: 'big@example.com', eventName: 'big', note: 'x'.repeat(1_000_000) })
    const bigCall = (): Call => ({ method: 'POST', path: '/api/v1/events/send', headers: { authorization: 'Bearer bench-key', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) }, body: big })
    const beforeBig = await mock.rss()
    const bigRun = await load(mock.port, 1000, 8, bigCall)
    const afterBig = await mock.rss()
    await load(mock.port, 1, 1, () => ({ method: 'POST', path: '/_mock/reset', headers: {} }))
    const afterReset = await mock.rss()
    // a second round: memory the first one left with the process is reused, not added to
    await load(mock.port, 1000, 8, bigCall)
    const afterSecond = await mock.rss()
    out.push(
      `1,000 requests of 1 MB: ${row('', bigRun).trim()}`,
      `  mock RSS after GC: before ${mb(beforeBig.rss)}, after ${mb(afterBig.rss)}, after /_mock/reset ${mb(afterReset.rss)} (heap ${mb(beforeBig.heap)} → ${mb(afterBig.heap)} → ${mb(afterReset.heap)})`,
      `  1,000 more of 1 MB after the reset: RSS ${mb(afterSecond.rss)} (heap ${mb(afterSecond.heap)}): ${afterSecond.rss <= afterBig.rss * 1.05 ? 'reused, not grown' : 'GREW'}`,
    )
    return out.join('\n')
  } finally {
    bare.stop()
    mock.stop()
  }
}
