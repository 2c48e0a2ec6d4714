import { startHttpServerMock as startMockServer } from '../../mock-server/hosts/http-server.ts'

const REQUESTS = 1500
const WARMUP = 150
const CONCURRENCY = 8
const ROUNDS = 3

/** A realistic 20 KB LMX body: headings, paragraphs with variables and links, a button, lists. */
function lmx20k(): string {
  const block = (i: number) =>
    `<H2>Section ${i}</H2>\n<Paragraph>Hello {contact.firstName}, here is update ${i}. Read <Link href="https://example.com/posts/${i}">the post</Link> &amp; tell us.</Paragraph>\n<UnorderedList><ListItem>Point one</ListItem><ListItem><Strong>Point two</Strong></ListItem></UnorderedList>\n<Button href="https://example.com/go/${i}">Open</Button>\n`
  let out = '<Style bodyColor="#ffffff" />\n'
  for (let i = 0; out.length < 20 * 1024; i++) out += block(i)
  return out
}

interface Run {
  requests: number
  cpuSeconds: number
  statuses: Map<number, number>
}

/** `count` requests from CONCURRENCY loops; CPU time (user + system) of this process, which runs server and client. */
async function load(count: number, request: (i: number, loop: number) => Promise<number>): Promise<Run> {
  const statuses = new Map<number, number>()
  let next = 0
  const cpu = process.cpuUsage()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, loop) => {
      while (next < count) {
        const status = await request(next++, loop)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }),
  )
  const used = process.cpuUsage(cpu)
  return { requests: count, cpuSeconds: (used.user + used.system) / 1e6, statuses }
}

const merge = (runs: Run[]): Run => ({
  requests: runs.reduce((n, r) => n + r.requests, 0),
  cpuSeconds: runs.reduce((n, r) => n + r.cpuSeconds, 0),
  statuses: runs.reduce((m, r) => {
    for (const [s, n] of r.statuses) m.set(s, (m.get(s) ?? 0) + n)
    return m
  }, new Map<number, number>()),
})

const row = (name: string, r: Run): string =>
  `${name.padEnd(46)} ${(r.requests / r.cpuSeconds).toFixed(0).padStart(6)} writes per CPU-second   statuses ${[...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`

/**
 * One content-API write — `POST /api/v1/email-messages/{id}` (updateEmailMessage) with a 20 KB LMX body, compiled
 * and revision-checked — per second of CPU, beside the core API's `POST /api/v1/events/send` on the same standalone
 * server in the same process (the baseline), alternating in rounds so machine load hits both alike.
 */
export default async function (): Promise<string> {
  const server = await startMockServer({ keys: { 'bench-key': 'Bench' }, rateLimit: 1_000_000 })
  const headers = { Authorization: 'Bearer bench-key', 'Content-Type': 'application/json' }
  const api = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await fetch(`${server.url}/api/v1/${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
    return { status: res.status, json: (await res.json()) as Record<string, unknown> }
  }
  const lmx = lmx20k()
  // one campaign email per loop; each loop chains the revisions it gets back, as a careful client does
  const messages: { id: string; revision: string }[] = []
  for (let i = 0; i < CONCURRENCY; i++) {
    const { json } = await api('POST', 'campaigns', { name: `Bench ${i}` })
    messages.push({ id: String(json.emailMessageId), revision: String(json.emailMessageContentRevisionId) })
  }
  const update = async (i: number, loop: number): Promise<number> => {
    const message = messages[loop] as { id: string; revision: string }
    const { status, json } = await api('POST', `email-messages/${message.id}`, { expectedRevisionId: message.revision, subject: `Update ${i}`, lmx })
    if (status === 200) message.revision = String(json.contentRevisionId)
    return status
  }
  let run = 0
  const event = () => {
    const r = ++run
    return async (i: number): Promise<number> =>
      (await api('POST', 'events/send', { email: `user${i % 50}@example.com`, eventName: 'order_completed', eventProperties: { orderId: `ORD-${r}-${i}`, revenue: 89.97 } })).status
  }
  try {
    await load(WARMUP, event())
    await load(WARMUP, update)
    const events: Run[] = []
    const updates: Run[] = []
    for (let round = 0; round < ROUNDS; round++) {
      events.push(await load(REQUESTS / ROUNDS, event()))
      updates.push(await load(REQUESTS / ROUNDS, update))
    }
    const e = merge(events)
    const u = merge(updates)
    const ratio = u.requests / u.cpuSeconds / (e.requests / e.cpuSeconds)
    return [
      `content API write vs core write on the standalone mock: ${REQUESTS} requests each (${ROUNDS} alternating rounds), ${CONCURRENCY} concurrent loops, LMX body ${lmx.length} characters`,
      row('POST /api/v1/events/send (baseline)', e),
      row('POST /api/v1/email-messages/{id} (20 KB LMX)', u),
      `ratio updateEmailMessage/events-send per CPU-second: ${ratio.toFixed(2)}`,
    ].join('\n')
  } finally {
    await server.close()
  }
}
