import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { http } from 'msw'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { defaultPreset, mapCalls, parsePreset, readScript, type LoopsRequest } from '../../src/core/index.ts'
import { setupLoopsMock } from '../../mock-server/public/index.ts'
import { examples } from '../../src/playground/examples/index.ts'
import { toFetchCode } from '../../src/playground/export/to-fetch-code.ts'
import { toJsLiteral } from '../../src/playground/export/to-js-literal.ts'
import { toSdkCode } from '../../src/playground/export/to-sdk-code.ts'

// Generated code is run for real: written to a module in .vitest/ (gitignored; bare imports such as 'loops'
// resolve from the repository) and imported, with the in-process mock answering https://app.loops.so.
const DIR = join(import.meta.dirname, '../../.vitest/generated')
let file = 0
async function runModule(code: string): Promise<unknown> {
  await mkdir(DIR, { recursive: true })
  const path = join(DIR, `code-${process.pid}-${file++}.mjs`)
  await writeFile(path, code)
  return ((await import(/* @vite-ignore */ pathToFileURL(path).href)) as { default?: unknown }).default
}

const KEY = 'generated-code-key'
const sent: { url: string; headers: Record<string, string>; body: string }[] = []
const capture = http.all('https://app.loops.so/*', async ({ request }) => {
  sent.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.clone().text() })
})
const loops = setupLoopsMock({ keys: { [KEY]: 'Acme' } })
loops.server.use(capture)
beforeAll(() => {
  process.env.LOOPS_API_KEY = KEY
  loops.server.listen({ onUnhandledFrame: 'error' })
})
afterEach(async () => {
  sent.length = 0
  await loops.mock.reset()
})
afterAll(() => {
  loops.server.close()
  delete process.env.LOOPS_API_KEY
})

const requestsOf = (script: string, preset = defaultPreset): LoopsRequest[] =>
  mapCalls(readScript(script).calls, preset).flatMap((r) => (r.status === 'ready' && r.request ? [r.request] : []))
const funnel = examples.find((e) => e.id === 'funnel')?.script ?? ''
const state = () => ({
  contacts: loops.mock.contacts('Acme').map(({ contact: { id: _id, ...rest } }) => rest),
  events: loops.mock.events('Acme').map(({ eventName, eventProperties, contactProperties, idempotencyKey }) => ({ eventName, eventProperties, contactProperties, idempotencyKey })),
})

it('writes JSON values as literals that JSON.stringify back to the same text, __proto__ and numeric keys included', async () => {
  const values = fc.sample(fc.jsonValue(), 200)
  values.push(JSON.parse('{"__proto__":{"x":1},"0":"a","a-b":[1,{"constructor":null}],"it\'s":"`${x}`\\u2028"}') as fc.JsonValue)
  expect(Object.keys(values.at(-1) as object)).toContain('__proto__')
  const back = (await runModule(`export default [\n${values.map((v) => toJsLiteral(v)).join(',\n')}\n]`)) as unknown[]
  expect(back.map((v) => JSON.stringify(v))).toEqual(values.map((v) => JSON.stringify(v)))
})

it('copy as fetch: the generated code sends the same method, URL, headers and body bytes as the preview', async () => {
  const requests = requestsOf(funnel)
  expect(requests.length).toBeGreaterThan(3)
  vi.spyOn(console, 'log').mockImplementation(() => undefined)
  for (const request of requests) await runModule(toFetchCode(request))
  expect(sent).toEqual(
    requests.map((r) => ({
      url: `https://app.loops.so${r.path}`,
      headers: expect.objectContaining({ authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'idempotency-key': r.headers['Idempotency-Key'] }),
      body: JSON.stringify(r.body),
    })),
  )
  expect(loops.mock.requests().map((r) => r.status)).toEqual(requests.map(() => 200))
})

it('copy as fetch keeps the key out of the code', () => {
  const [request] = requestsOf("datafly.identify('u1', { email: 'a@example.com' })\ndatafly.track('Signed Up')")
  if (!request) throw new Error('expected a request')
  expect(toFetchCode(request)).toContain('Authorization: `Bearer ${process.env.LOOPS_API_KEY}`')
})

it('copy as SDK code: the loops SDK sends the same fields, and the mock ends with the same contacts and events as the preview requests', async () => {
  const requests = requestsOf(funnel)
  for (const r of requests) await fetch(`https://app.loops.so${r.path}`, { method: r.method, headers: { ...r.headers, Authorization: `Bearer ${KEY}` }, body: JSON.stringify(r.body) })
  const fromPreview = state()
  await loops.mock.reset()
  sent.length = 0
  await runModule(toSdkCode(requests))
  expect(state()).toEqual(fromPreview)
  expect(sent.map((s) => s.headers['idempotency-key'])).toEqual(requests.map((r) => r.headers['Idempotency-Key']))
})

it('copy as SDK code, with the root shape (Loops\' documented one): every body is the preview\'s JSON, only in the SDK\'s key order', async () => {
  const read = parsePreset({ ...defaultPreset, contactProperties: 'root' })
  if (!read.ok) throw new Error('preset')
  const requests = requestsOf(funnel, read.preset)
  await runModule(toSdkCode(requests))
  expect(sent.map((s) => JSON.parse(s.body) as unknown)).toEqual(requests.map((r) => r.body))
  expect(sent.map((s) => s.url)).toEqual(requests.map((r) => `https://app.loops.so${r.path}`))
})

it('copy as SDK code reads the key from LOOPS_API_KEY and says so when it is missing', async () => {
  const code = toSdkCode(requestsOf("datafly.identify('u1', { email: 'a@example.com' })\ndatafly.track('Signed Up')"))
  expect(code).toContain('process.env.LOOPS_API_KEY')
  expect(code).not.toContain(KEY)
  delete process.env.LOOPS_API_KEY
  try {
    await expect(runModule(code)).rejects.toThrow('Set LOOPS_API_KEY to your Loops API key')
  } finally {
    process.env.LOOPS_API_KEY = KEY
  }
})

it('copy as SDK code turns a contacts/update request into updateContact with the same fields', async () => {
  const read = parsePreset({ ...defaultPreset, identify: 'contacts/update' })
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join())
  const requests = requestsOf("datafly.identify('u9', { email: 'nine@example.com', firstName: 'Nina', plan: 'pro' })", read.preset)
  expect(requests.map((r) => r.path)).toEqual(['/api/v1/contacts/update'])
  const code = toSdkCode(requests)
  expect(code).toContain('loops.updateContact(')
  await runModule(code)
  expect(sent.map((s) => JSON.parse(s.body) as unknown)).toEqual(requests.map((r) => r.body))
  expect(sent[0]?.url).toBe('https://app.loops.so/api/v1/contacts/update')
})
