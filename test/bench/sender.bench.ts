// The sender against the standalone mock server at 50 requests/second per team (`mock-server --rate-limit 50`),
// side by side with the official `loops` SDK used the way its README shows (one sendEvent per event), all at
// once with Promise.all and one after another. Same 500 events, same server, same run; the mock is reset
// (events, idempotency keys, rate-limit windows) before each client.
import { LoopsClient, RateLimitExceededError } from 'loops'
import { startHttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { createSender, defaultPreset, mapCalls, readInput, type LoopsEventRequest, type MapResult } from '../../src/core/index.ts'
import { wallClock } from '../../src/host/wall-clock.ts'

const LIMIT = 50
const EVENTS = 500
const KEY = '5e1de7be5e1de7be5e1de7be5e1de7be'

interface Run {
  client: string
  delivered: number
  stored: number
  rateLimited: number
  otherErrors: number
  elapsedMs: number
}

/** 500 ready `events/send` requests from the mapper: 100 visitors × 5 tracks. */
function mappedEvents(): MapResult[] {
  const lines: string[] = []
  for (let p = 0; lines.length < EVENTS + EVENTS / 5; p++) {
    lines.push(`datafly.identify('user_${p}', { email: 'user${p}@example.com', first_name: 'P${p}' })`)
    for (let e = 0; e < 5; e++) lines.push(`datafly.track('Order Completed', { orderId: 'o${p}-${e}', total: ${e + 1} })`)
  }
  const read = readInput(lines.join('\n'), 'script')
  if (!read.ok) throw new Error(read.message)
  const ready = mapCalls(read.calls, defaultPreset).filter((r) => r.status === 'ready')
  if (ready.length !== EVENTS) throw new Error(`expected ${EVENTS} ready events, got ${ready.length}`)
  return ready
}

/** The SDK call for one mapped request, as its README writes it. */
function sdkEvent(result: MapResult): Parameters<LoopsClient['sendEvent']>[0] {
  const body = result.request?.body as LoopsEventRequest
  return {
    ...(body.email !== undefined ? { email: body.email } : {}),
    ...(body.userId !== undefined ? { userId: body.userId } : {}),
    eventName: body.eventName,
    ...(body.contactProperties ? { contactProperties: body.contactProperties } : {}),
    ...(body.eventProperties ? { eventProperties: body.eventProperties } : {}),
    headers: { 'Idempotency-Key': result.request?.headers['Idempotency-Key'] ?? '' },
  }
}

export default async function (): Promise<string> {
  const server = await startHttpServerMock({ port: 0, rateLimit: LIMIT, keys: { [KEY]: 'Bench' }, requestLogLimit: 10 })
  const events = mappedEvents()
  const runs: Run[] = []
  let pauses = 0
  let retries = 0
  const measure = async (client: string, send: () => Promise<Omit<Run, 'client' | 'elapsedMs' | 'stored'>>): Promise<void> => {
    await server.mock.reset()
    await wallClock.sleep(1100) // a fresh rate-limit window, whatever the previous client left
    const start = performance.now()
    const counts = await send()
    runs.push({ client, ...counts, elapsedMs: performance.now() - start, stored: server.mock.events('Bench').length })
  }
  try {
    await measure(`this sender, --rate ${LIMIT}`, async () => {
      const sender = createSender({
        fetch: (r) => fetch(r),
        baseUrl: server.url,
        apiKey: KEY,
        clock: wallClock,
        rate: LIMIT,
        onEvent: (e) => {
          if (e.type === 'paused') pauses++
        },
      })
      const report = await sender.send(events)
      retries = report.summary.retries
      const { delivered, duplicates, failed, rateLimited } = report.summary
      return { delivered: delivered + duplicates, rateLimited, otherErrors: failed }
    })
    const sdk = (): LoopsClient => {
      const client = new LoopsClient(KEY)
      client.apiRoot = `${server.url}/api/`
      return client
    }
    const tally = { delivered: 0, rateLimited: 0, otherErrors: 0 }
    const count = (counts: typeof tally) => (error?: unknown) => {
      if (error === undefined) counts.delivered++
      else if (error instanceof RateLimitExceededError) counts.rateLimited++
      else counts.otherErrors++
    }
    await measure('loops SDK, Promise.all', async () => {
      const counts = { ...tally }
      const client = sdk()
      await Promise.all(events.map((e) => client.sendEvent(sdkEvent(e)).then(() => count(counts)(), count(counts))))
      return counts
    })
    await measure('loops SDK, one after another', async () => {
      const counts = { ...tally }
      const client = sdk()
      for (const e of events) await client.sendEvent(sdkEvent(e)).then(() => count(counts)(), count(counts))
      return counts
    })
  } finally {
    await server.close()
  }

  const header = ['client', 'delivered', 'stored by mock', '429s', 'other errors', 'elapsed', 'delivered/s', 'of limit']
  const rows = runs.map((r) => {
    const perSecond = r.delivered / (r.elapsedMs / 1000)
    // a rate over a run that lost events is not a delivery rate
    const complete = r.delivered === EVENTS
    return [
      r.client,
      `${r.delivered}/${EVENTS}`,
      String(r.stored),
      String(r.rateLimited),
      String(r.otherErrors),
      `${(r.elapsedMs / 1000).toFixed(2)} s`,
      complete ? perSecond.toFixed(1) : '—',
      complete ? `${((perSecond / LIMIT) * 100).toFixed(1)}%` : '—',
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)))
  const format = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
  const ours = runs[0]
  const verdict =
    ours && ours.delivered === EVENTS && ours.stored === EVENTS && ours.rateLimited === 0 && ours.delivered / (ours.elapsedMs / 1000) >= 0.95 * LIMIT
      ? 'target met: every event delivered once, zero 429s, ≥ 95% of the limit'
      : 'TARGET MISSED: every event delivered once, zero 429s, ≥ 95% of the limit'
  return [
    `${EVENTS} events/send to the standalone mock server (node:http on 127.0.0.1), rate limit ${LIMIT}/s per team, fixed 1 s windows`,
    format(header),
    ...rows.map(format),
    '(— : the client lost events, so it has no delivery rate; the official SDK does not retry a 429)',
    `this sender: ${retries} retries, ${pauses} pauses (429 or x-ratelimit-remaining 0); requests spaced ${(1000 / (LIMIT * 0.97)).toFixed(1)} ms apart (3% margin)`,
    verdict,
  ].join('\n')
}
