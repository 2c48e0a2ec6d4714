// A server for the HTTP benchmarks, in a process of its own (so the load generator does not share its event loop):
// `bare` answers {"success":true} to everything with node:http alone; `mock` is startHttpServerMock. Prints the
// port as one JSON line; answers IPC messages 'rss' (after a full GC) with the resident set size in bytes.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startHttpServerMock } from '../../mock-server/hosts/http-server.ts'

const kind = process.argv[2]
let port: number
if (kind === 'bare') {
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '16' })
      res.end('{"success":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
} else {
  const mock = await startHttpServerMock({ keys: { 'bench-key': 'Bench' }, rateLimit: 1_000_000_000 })
  port = Number(new URL(mock.url).port)
}
process.on('message', (message) => {
  if (message === 'rss') {
    for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.()
    process.send?.({ rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed })
  }
})
process.send?.({ port })
