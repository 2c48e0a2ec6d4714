import { expect, it } from 'vitest'
import { LoopsRequestError } from '../../mock-server/loops-request-error.ts'
import { readJsonBody } from '../../mock-server/read-json-body.ts'

const req = (body: BodyInit | undefined, type: string | null = 'application/json') =>
  new Request('http://x/api/v1/events/send', { method: 'POST', ...(body !== undefined ? { body } : {}), headers: type === null ? {} : { 'Content-Type': type } })

const failure = async (request: Request): Promise<{ status: number; message: string }> => {
  const error = await readJsonBody(request).then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(LoopsRequestError)
  return { status: (error as LoopsRequestError).reply.status, message: (error as Error).message }
}

it('reads a JSON object body and keeps its text', async () => {
  expect(await readJsonBody(req('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ json: { a: 1 }, text: '{"a":1}' })
})

it('says what is wrong: missing or non-JSON content type, empty, malformed, not an object', async () => {
  expect((await failure(req(new TextEncoder().encode('{}'), null))).message).toMatch(/Content-Type header is missing/)
  expect((await failure(req('a=b', 'application/x-www-form-urlencoded'))).message).toMatch(/"application\/x-www-form-urlencoded" is not supported/)
  expect((await failure(req(''))).message).toMatch(/empty/)
  expect((await failure(req('{"a":'))).message).toMatch(/not valid JSON/)
  expect((await failure(req('[1]'))).message).toBe('The request body must be a JSON object, got an array.')
  expect((await failure(req('null'))).message).toMatch(/got null/)
})

it('refuses invalid UTF-8 and a __proto__ key anywhere', async () => {
  expect((await failure(req(new Uint8Array([0x7b, 0xff, 0x7d])))).message).toMatch(/UTF-8/)
  expect((await failure(req('{"eventProperties":{"__proto__":{"x":1}}}'))).message).toMatch(/"__proto__".*eventProperties\.__proto__/)
})

it('answers 413 for a body over 1 MB', async () => {
  expect((await failure(req(`"${'a'.repeat(1024 * 1024)}"`))).status).toBe(413)
})

it('answers a deeply nested body with a 400 naming the depth, never a stack overflow', async () => {
  const deep = `{"email":"a@example.com","eventName":"e","x":${'['.repeat(5000)}${']'.repeat(5000)}}`
  expect(await failure(req(deep))).toMatchObject({ status: 400, message: expect.stringMatching(/nests deeper than 32 levels/) })
})
