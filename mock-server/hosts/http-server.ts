import { serveFetch } from '../../src/host/serve-fetch.ts'
import { startHttpServer } from '../../src/host/start-http-server.ts'
import { createMock } from '../create-mock.ts'
import { fromFetchRequest, toFetchResponse } from '../mock-request.ts'
import type { Mock, MockOptions } from '../types.ts'
import { nodeMockRequest, writeAnswer } from './node-mock-request.ts'

/** msw's URL matcher refuses longer URLs (it throws) */
const MSW_URL_MAX = 8192

export interface HttpServerMockOptions extends MockOptions {
  /** default 0: a free port */
  port?: number
  /** default 127.0.0.1 */
  host?: string
  /**
   * 'direct' (default): node:http straight to the mock's dispatcher, no Fetch objects and no msw. 'msw': through
   * msw's handlers and the node:http ↔ fetch adapter, as the browser and setupServer hosts run; the two answer
   * alike (a test proves it), 'direct' is several times faster.
   */
  via?: 'direct' | 'msw'
}

export interface HttpServerMock {
  /** e.g. http://127.0.0.1:4010: the Loops API is under `${url}/api/v1`, the control API under `${url}/_mock` */
  url: string
  /** what the official `loops` SDK takes as its apiRoot: `${url}/api/` */
  sdkApiRoot: string
  keys: { key: string; team: string }[]
  mock: Mock
  close(): Promise<void>
}

/** The mock on a real port (a thin shell: the server lives in src/host, the answers in the mock). */
export async function startHttpServerMock(options: HttpServerMockOptions = {}): Promise<HttpServerMock> {
  const { port = 0, host = '127.0.0.1', via = 'direct', ...mockOptions } = options
  const mock = createMock(mockOptions)
  await mock.ready
  const getResponse = via === 'msw' ? (await import('msw')).getResponse : undefined
  const server = await startHttpServer({
    port,
    host,
    onRequest:
      via === 'direct'
        ? (req, res, origin) => {
            mock.handle(nodeMockRequest(req, origin)).then(
              (answer) => writeAnswer(req, res, answer),
              () => writeAnswer(req, res, { status: 500, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"success":false,"message":"The mock failed unexpectedly."}' }),
            )
          }
        : (req, res, origin) =>
            void serveFetch(
              // a path msw's handlers do not match (not /api/…, not /_mock…) gets the dispatcher's own 404; msw's
              // matcher throws on URLs over 8,192 characters, so those go to the dispatcher too (its 414)
              async (request) =>
                (request.url.length > MSW_URL_MAX ? undefined : await getResponse?.(mock.handlers, request)) ??
                toFetchResponse(await mock.handle(fromFetchRequest(request))),
              req,
              res,
              origin,
            ),
  })
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`
  return { url, sdkApiRoot: `${url}/api/`, keys: mock.keys().map(({ key, team }) => ({ key, team })), mock, close: () => server.close() }
}
