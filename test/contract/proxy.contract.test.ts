// Helper A's Loops contract suite run through the proxy, in front of the standalone mock server: the client's
// requests go to `loops-playground proxy`, which adds its own key (LOOPS_API_KEY-style) and forwards to the mock.
// The proxy refuses the mock's /_mock control API (it forwards only /api/v1/), so the suite's control calls (reset,
// clock, inspection) go straight to the mock (`controlUrl`) while every API call goes through the proxy;
// `checksClientKey: false` because the proxy replaces the client's key.
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { serveProxy, type RunningProxy } from '../../src/proxy/serve-proxy.ts'
import { defineLoopsContract } from './loops-contract.ts'
import { frozenClock } from './frozen-clock.ts'

const KEY = '9f8e7d6c5b4a39281706f5e4d3c2b1a0'
let mockServer: HttpServerMock | undefined
let proxy: RunningProxy | undefined

defineLoopsContract(
  async () => {
    mockServer = await startHttpServerMock({ port: 0, keys: { [KEY]: 'Proxy Team' }, clock: frozenClock() })
    proxy = await serveProxy({ port: 0, upstream: mockServer.url, apiKey: KEY, log: () => {} })
    // the client sends a different key on purpose: every answer proves the proxy put its own in
    return { name: 'proxy → standalone mock', baseUrl: proxy.url, apiKey: 'client-key-the-proxy-replaces', control: true, controlUrl: mockServer.url, behindProxy: true, checksClientKey: false }
  },
  async () => {
    await proxy?.close()
    await mockServer?.close()
  },
)
