import { badRequest, LoopsRequestError } from './loops-request-error.ts'
import { fromFetchRequest, type MockRequest } from './mock-request.ts'

export const BODY_LIMIT_BYTES = 1024 * 1024

export interface JsonBody {
  json: Record<string, unknown>
  /** the body as text, for the request log and the idempotency comparison */
  text: string
}

const isJsonType = (type: string): boolean => {
  const mime = type.split(';')[0]?.trim().toLowerCase() ?? ''
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'))
}

/**
 * Reads a Loops request body: JSON, an object, at most 1 MB, valid UTF-8, with no `__proto__` key anywhere.
 * Every way it can be wrong is a LoopsRequestError whose message says what was wrong.
 */
export async function readJsonBody(request: MockRequest | Request): Promise<JsonBody> {
  const text = await readBodyText('read' in request ? request : fromFetchRequest(request))
  return { json: parseJsonBody(text), text }
}

/**
 * The body as text: a JSON Content-Type, at most 1 MB, valid UTF-8. This is the one place the 1 MB limit is
 * enforced, for every host: the reader stops at the limit, so a larger body is never held in memory.
 */
export async function readBodyText(request: MockRequest): Promise<string> {
  const type = request.headers.get('content-type')
  if (type === null) throw badRequest('The Content-Type header is missing: send the body as JSON with Content-Type: application/json.')
  if (!isJsonType(type)) throw badRequest(`Content-Type "${type}" is not supported: send the body as JSON with Content-Type: application/json.`)
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > BODY_LIMIT_BYTES) throw tooLarge()
  const bytes = await request.read(BODY_LIMIT_BYTES)
  if (bytes === undefined) throw tooLarge()
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw badRequest('The request body is not valid UTF-8.')
  }
  return text
}

/** The body text as a JSON object, with no `__proto__` key anywhere. */
export function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') throw badRequest('The request body is empty: send a JSON object.')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw badRequest(`The request body is not valid JSON (${(error as Error).message}).`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw badRequest(`The request body must be a JSON object, got ${Array.isArray(json) ? 'an array' : json === null ? 'null' : typeof json}.`)
  const proto = findProtoKey(json)
  if (proto !== undefined) throw badRequest(`The key "__proto__" is not allowed (at ${proto}).`)
  return json as Record<string, unknown>
}

const tooLarge = (): LoopsRequestError => new LoopsRequestError(413, 'The request body is larger than 1 MB.')

/** How deep a body may nest: Loops' bodies are at most a few levels deep (dataVariables arrays of objects). */
export const MAX_BODY_DEPTH = 32

/** Walks the body without recursion, so no nesting depth can overflow the stack (a 400, never a 500). */
function findProtoKey(root: unknown): string | undefined {
  const stack: [unknown, string, number][] = [[root, '', 0]]
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number]
    if (typeof value !== 'object' || value === null) continue
    if (depth > MAX_BODY_DEPTH) throw badRequest(`The request body nests deeper than ${MAX_BODY_DEPTH} levels (at ${path}); Loops bodies are flat objects.`)
    for (const key of Object.keys(value)) {
      const at = path === '' ? key : `${path}.${key}`
      if (key === '__proto__') return at
      stack.push([(value as Record<string, unknown>)[key], at, depth + 1])
    }
  }
  return undefined
}
