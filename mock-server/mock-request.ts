/**
 * @module
 * What the mock reads from a request and what it answers, whichever host carries them: msw (browser and
 * setupServer) hands it a Fetch `Request` ({@link fromFetchRequest}); the standalone HTTP server builds one straight
 * from node:http without a Fetch object. Both reach the same dispatcher, so both give the same answers.
 */

/** A request as the mock's routes see it. A Fetch `Request` has every member but `read`. */
export interface MockRequest {
  /** upper-case */
  readonly method: string
  /** the absolute URL */
  readonly url: string
  readonly headers: { get(name: string): string | null }
  /**
   * The body bytes, at most `limit` of them: `undefined` when the body is larger (reading stops there, nothing
   * more is buffered). Rejects with {@link ClientGoneError} when the client goes away mid-body.
   */
  read(limit: number): Promise<Uint8Array | undefined>
  /** the request as a Fetch `Request` (body unread), for the parts of the mock written as fetch handlers */
  toRequest(): Request
}

/** The mock's answer: a status, headers and a JSON text (or no body), or a dropped connection. */
export interface MockAnswer {
  status: number
  headers: Record<string, string>
  /** JSON text (or the bytes a fetch-handler part answered, e.g. an uploaded asset); null for no body */
  body: string | Uint8Array | null
  /** fault injection: close the connection without answering (fetch rejects) */
  drop?: true
}

/** The client closed the connection before its body arrived: nobody is left to answer, and nothing to log. */
export class ClientGoneError extends Error {
  override name = 'ClientGoneError'
}

/** Reads a Fetch body stream, stopping (and cancelling it) once more than `limit` bytes have come. */
async function readLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | undefined> {
  if (stream === null) return new Uint8Array(0)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>
    try {
      next = await reader.read()
    } catch (error) {
      throw new ClientGoneError('the request body could not be read', { cause: error })
    }
    if (next.done) break
    size += next.value.byteLength
    if (size > limit) {
      void reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(next.value)
  }
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

/** A Fetch `Request` (msw's hosts) as a {@link MockRequest}. */
export function fromFetchRequest(request: Request): MockRequest {
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    headers: request.headers,
    read: (limit) => {
      const declared = Number(request.headers.get('content-length') ?? 0)
      if (declared > limit) {
        void request.body?.cancel().catch(() => undefined)
        return Promise.resolve(undefined)
      }
      return readLimited(request.body, limit)
    },
    toRequest: () => request,
  }
}

/** What a fetch-handler part of the mock answered, as a {@link MockAnswer} (header names lower-case). */
export async function fromFetchResponse(response: Response): Promise<MockAnswer> {
  if (response.type === 'error') return { status: 0, headers: {}, body: null, drop: true }
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const body = response.body === null ? null : new Uint8Array(await response.arrayBuffer())
  return { status: response.status, headers, body }
}

/** A {@link MockAnswer} as a Fetch `Response` (for msw); a drop is `Response.error()`, which msw turns into a network error. */
export function toFetchResponse(answer: MockAnswer): Response {
  if (answer.drop) return Response.error()
  return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers })
}
