// (c) A strict TypeScript consumer: the package's types, checked by the user's own tsc.
import { createSender, defaultPreset, mapCalls, readScript, type Clock, type MapResult, type SendReport } from 'loops-playground/core'
import { signLoopsWebhook, verifyLoopsWebhook, type WebhookVerification } from 'loops-playground/webhooks'
import { loopsHandlers, mockControl, setupLoopsMock, startMockServer, type FaultRule, type MockControl, type RunningMockServer, type StoredEvent } from 'loops-playground/mock'

export async function mapAndSend(script: string, server: RunningMockServer): Promise<SendReport> {
  const results: MapResult[] = mapCalls(readScript(script).calls, defaultPreset)
  const clock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }
  const key = server.keys[0]?.key ?? ''
  return createSender({ fetch: (request) => fetch(request), baseUrl: server.url, apiKey: key, clock }).send(results)
}

export async function main(): Promise<StoredEvent[]> {
  const server = await startMockServer({ port: 0, keys: { k: 'Acme' }, rateLimit: 5 })
  const control: MockControl = mockControl(server.url)
  const fault: FaultRule = { status: 500, count: 1 }
  await control.addFault(fault)
  const report = await mapAndSend("datafly.track('Signed Up')", server)
  const delivered: number = report.summary.delivered
  const { server: msw, apiKey } = setupLoopsMock({ rateLimit: 10 })
  const handlers = loopsHandlers({ origin: '*' })
  void [delivered, msw, apiKey, handlers.mock.handlers.length]
  await server.close()
  return control.events('Acme')
}

export function receive(body: string, headers: Headers, secret: string): WebhookVerification {
  const result = verifyLoopsWebhook({ body, headers, secret, now: Date.now() })
  if (!result.ok) console.error(result.status, result.code, result.message)
  return result
}

export const headersFor = (secret: string, body: string): Record<string, string> => signLoopsWebhook({ secret, id: 'msg_1', timestamp: Math.floor(Date.now() / 1000), body })
