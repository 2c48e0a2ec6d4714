import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  path: string
  headers: Record<string, string>
  body: string
}

/** A loopback receiver whose answers a test scripts: a status per request (the last repeats), or 'hang'. */
export async function startReceiver(answers: (number | 'hang')[] = [200], responseBody = '{"ok":true}') {
  const received: Received[] = []
  const hanging: ServerResponse[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v
      received.push({ path: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') })
      const answer = answers.length > 1 ? answers.shift() : answers[0]
      if (answer === 'hang') return void hanging.push(res)
      res.writeHead(answer ?? 200, { 'content-type': 'application/json' })
      res.end(responseBody)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/loops`
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** A URL on 127.0.0.1 where nothing listens (a port that was just closed). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/`
}
