import { startHttpServerMock as listen } from '../hosts/http-server.ts'
import type { Mock, MockOptions } from '../types.ts'

export interface StartMockServerOptions extends MockOptions {
  /** default 0: a free port */
  port?: number
  /** default 127.0.0.1 */
  host?: string
}

export interface RunningMockServer {
  /** the server's origin, e.g. http://127.0.0.1:4010; the Loops API is under `${url}/api/v1` */
  url: string
  /** what the `loops` SDK's `apiRoot` must be set to: `${url}/api/` */
  sdkApiRoot: string
  /** the API keys the mock accepts and their teams */
  keys: { key: string; team: string }[]
  /** the mock's state and controls, in-process */
  mock: Mock
  /** stops the server (open connections are closed) */
  close(): Promise<void>
}

/** Starts the mock Loops API on a real port: curl, the `loops` SDK, another process or a browser can call it. */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const server = await listen(options)
  return { url: server.url, sdkApiRoot: `${server.url}/api/`, keys: server.keys, mock: server.mock, close: server.close }
}
