import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { parseAnswers, rawExchange, type RawAnswer } from '../fixtures/raw-http.ts'

// HTTP/1.1 edge cases on raw sockets against the standalone mock: every answer is Loops-shaped JSON, never a 5xx,
// never a reply written over another, never a stack trace in the server's output.
const KEY = 'edge-key'
let server: HttpServerMock
let port: number

beforeAll(async () => {
  server = await startHttpServerMock({ keys: { [KEY]: 'Edge' }, rateLimit: 1_000_000, clock: { now: () => Date.UTC(2026, 0, 1) } })
  port = Number(new URL(server.url).port)
})
afterAll(() => server.close())

const event = JSON.stringify({ email: 'edge@example.com', eventName: 'edge_case' })
const post = (body: string, extra = ''): string =>
  `POST /api/v1/events/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`

function expectJsonError(answer: RawAnswer | undefined, status: number | readonly number[]): void {
  expect(answer, 'an answer').toBeDefined()
  const { status: got, headers, body } = answer as RawAnswer
  expect([status].flat()).toContain(got)
  expect(headers['content-type']).toMatch(/^application\/json/)
  const json = JSON.parse(body) as { success: unknown; message: unknown }
  expect(json.success).toBe(false)
  expect(typeof json.message).toBe('string')
}

it('answers a path longer than 8 KB with a 414 or 404 JSON error, not a 500', async () => {
  const [answer] = parseAnswers(await rawExchange(port, `GET /api/v1/${'a'.repeat(8200)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${KEY}\r\n\r\n`))
  expectJsonError(answer, [414, 404])
})

it('answers a request line and headers beyond the header limit with a JSON error', async () => {
  const [answer] = parseAnswers(await rawExchange(port, `GET /api/v1/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`))
  expectJsonError(answer, [414, 431])
})

it('answers CONNECT with a 405 JSON error instead of closing silently', async () => {
  const [answer] = parseAnswers(await rawExchange(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'))
  expectJsonError(answer, 405)
})

it('answers an unknown Expect header with a 417 JSON error', async () => {
  const [answer] = parseAnswers(await rawExchange(port, post(event, 'Expect: bogus\r\n')))
  expectJsonError(answer, 417)
})

it('gives a valid request pipelined before garbage its own answer, then a 400 JSON error for the garbage', async () => {
  const answers = parseAnswers(await rawExchange(port, `${post(JSON.stringify({ email: 'pipelined@example.com', eventName: 'piped' }))}GARBAGE \u0000\r\n\r\n`))
  expect(answers.map((a) => a.status)).toEqual([200, 400])
  expect(JSON.parse(answers[0]?.body ?? '')).toEqual({ success: true })
  expectJsonError(answers[1], 400)
  expect(server.mock.events('Edge').filter((e) => e.eventName === 'piped')).toHaveLength(1)
})

it('prints nothing when a client disconnects in the middle of a body', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  try {
    const head = post(`${event}${' '.repeat(10_000)}`).slice(0, -9_000)
    for (let i = 0; i < 5; i++) await rawExchange(port, head, 20)
    await new Promise((resolve) => setImmediate(resolve))
    const [after] = parseAnswers(await rawExchange(port, `GET /api/v1/api-key HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${KEY}\r\n\r\n`))
    expect(after?.status).toBe(200)
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
  } finally {
    errors.mockRestore()
    warnings.mockRestore()
  }
})

/** Malformed HTTP that must each get a JSON 4xx (or a closed connection), never a 5xx: the raw-socket corpus. */
const RAW_CORPUS: Record<string, string> = {
  'no HTTP version': 'GET /api/v1/api-key\r\n\r\n',
  'HTTP/0.9 style': 'GET /\r\n',
  'unknown version': 'GET /api/v1/api-key HTTP/9.9\r\nHost: x\r\n\r\n',
  'header without a colon': 'GET /api/v1/api-key HTTP/1.1\r\nHost x\r\n\r\n',
  'space before the colon': 'GET /api/v1/api-key HTTP/1.1\r\nHost : x\r\n\r\n',
  'NUL in a header value': 'GET /api/v1/api-key HTTP/1.1\r\nHost: x\u0000y\r\n\r\n',
  'Content-Length and Transfer-Encoding (smuggling)': `POST /api/v1/events/send HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
  'two Content-Lengths': `POST /api/v1/events/send HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nContent-Length: 5\r\n\r\nabcde`,
  'negative Content-Length': `POST /api/v1/events/send HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`,
  'bad chunk size': `POST /api/v1/events/send HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`,
  'obsolete line folding': 'GET /api/v1/api-key HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n',
  'a method fetch cannot represent (TRACE)': 'TRACE /api/v1/api-key HTTP/1.1\r\nHost: x\r\n\r\n',
  'an unknown method': 'BREW /api/v1/api-key HTTP/1.1\r\nHost: x\r\n\r\n',
  'absolute-form target to another host': `GET http://evil.example/api/v1/api-key HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer ${KEY}\r\n\r\n`,
  'asterisk-form target': 'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n',
  'bare LF line endings': 'GET /api/v1/api-key HTTP/1.1\nHost: x\n\n',
  'binary noise': '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003',
  'percent-encoded NUL in the path': `GET /api/v1/contacts/find%00?email=a@b.co HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n\r\n`,
  'invalid percent escape in the path': `GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n\r\n`,
  'invalid percent escape in the query': `GET /api/v1/contacts/find?email=%E0%A4%A HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n\r\n`,
  'a 1,000-header request': `GET /api/v1/api-key HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 1000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\n\r\n`,
}

it.each(Object.entries(RAW_CORPUS))('answers malformed HTTP (%s) with JSON below 500 or closes', async (_name, bytes) => {
  const answers = parseAnswers(await rawExchange(port, bytes))
  for (const answer of answers) {
    expect(answer.status).toBeLessThan(500)
    if (answer.status >= 400 && answer.body !== '') {
      const json = JSON.parse(answer.body) as { success: unknown }
      expect(json.success).toBe(false)
    }
  }
  const [after] = parseAnswers(await rawExchange(port, `GET /api/v1/api-key HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${KEY}\r\n\r\n`))
  expect(after?.status).toBe(200)
})
