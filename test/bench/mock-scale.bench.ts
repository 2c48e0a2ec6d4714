import { request } from 'node:http'
import { load, mb, row, startBenchServer, type Call } from './http-load.ts'

const CLIENTS = 32
const CONTACTS = 50_000
const EVENTS = 200_000
const TENTH = EVENTS / 10

const json = (path: string, method: string, payload: unknown, extra: Record<string, string> = {}): Call => {
  const body = JSON.stringify(payload)
  return { method, path, headers: { authorization: 'Bearer bench-key', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...extra }, body }
}

const createContact = (i: number): Call => json('/api/v1/contacts/create', 'POST', { email: `person${i}@example.com`, userId: `u${i}`, firstName: 'Pat' })
const sendEvent = (offset: number) => (i: number): Call =>
  json(
    '/api/v1/events/send',
    'POST',
    { email: `person${(offset + i) % CONTACTS}@example.com`, eventName: 'order_completed', eventProperties: { orderId: `ORD-${offset + i}`, revenue: 89.97 } },
    { 'idempotency-key': `scale-${offset + i}` },
  )

function timedGet(port: number, path: string): Promise<{ ms: number; status: number; bytes: number; total: string | undefined }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes, total: res.headers['x-total-count'] as string | undefined }))
    })
      .on('error', reject)
      .end()
  })
}

/**
 * The mock at scale (issue 10): 50,000 contacts created, then 200,000 events over them with unique idempotency
 * keys, in tenths; the last tenth's throughput against the first's; `/_mock/contacts` pages at that size; the
 * mock's RSS (after a full GC) per 1,000 contacts and per 1,000 stored events.
 */
export default async function (): Promise<string> {
  const mock = await startBenchServer('mock')
  const out: string[] = [`mock at scale: ${CONTACTS} contacts, then ${EVENTS} events over them (unique idempotency keys), ${CLIENTS} keep-alive clients`]
  try {
    const empty = await mock.rss()
    const contactsRun = await load(mock.port, CONTACTS, CLIENTS, createContact)
    const withContacts = await mock.rss()
    out.push(row('contacts/create ×50,000', contactsRun))
    const tenths = []
    for (let t = 0; t < 10; t++) tenths.push(await load(mock.port, TENTH, CLIENTS, sendEvent(t * TENTH)))
    const withEvents = await mock.rss()
    for (const [t, run] of tenths.entries()) out.push(row(`events/send tenth ${t + 1}`, run))
    const first = tenths[0]?.rps ?? 0
    const last = tenths[9]?.rps ?? 0
    out.push(`last tenth / first tenth throughput: ${(last / first).toFixed(2)} (target ≥ 0.80) ${last / first >= 0.8 ? 'OK' : 'BELOW TARGET'}`)
    for (const path of ['/_mock/contacts', '/_mock/contacts?offset=49900&limit=100', '/_mock/contacts?limit=1000', '/_mock/events?offset=-100', '/_mock/requests']) {
      const r = await timedGet(mock.port, path)
      out.push(`GET ${path}: ${r.status} in ${r.ms.toFixed(1)} ms, ${(r.bytes / 1024).toFixed(0)} KiB, x-total-count ${r.total ?? '-'} (target < 1000 ms) ${r.ms < 1000 ? 'OK' : 'ABOVE TARGET'}`)
    }
    out.push(
      `RSS after GC: empty ${mb(empty.rss)}, with ${CONTACTS} contacts ${mb(withContacts.rss)}, plus ${EVENTS} events ${mb(withEvents.rss)}`,
      `  per 1,000 contacts: ${((withContacts.rss - empty.rss) / (CONTACTS / 1000) / 1024).toFixed(0)} KiB RSS (heap ${((withContacts.heap - empty.heap) / (CONTACTS / 1000) / 1024).toFixed(0)} KiB)`,
      `  per 1,000 stored events (with their 24-hour idempotency keys): ${((withEvents.rss - withContacts.rss) / (EVENTS / 1000) / 1024).toFixed(0)} KiB RSS (heap ${((withEvents.heap - withContacts.heap) / (EVENTS / 1000) / 1024).toFixed(0)} KiB)`,
    )
    return out.join('\n')
  } finally {
    mock.stop()
  }
}
