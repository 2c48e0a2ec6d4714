import { CORS_HEADERS, jsonResponse } from '../cors-headers.ts'
import type { MockState } from '../mock-state.ts'
import { contentOf } from './content-store.ts'

const fail = (status: number, message: string): Response => jsonResponse(status, { success: false, message })

/**
 * The storage side of uploads: `PUT /_mock/uploads/{id}` (the presigned URL) accepts exactly the declared
 * `contentLength` bytes of the declared `contentType`; `GET /_mock/assets/{id}` (the `finalUrl`) serves a
 * completed upload. No API key: like a presigned URL, the id is the credential.
 */
export async function handleUploadTransfer(state: MockState, request: Request): Promise<Response> {
  const method = request.method.toUpperCase()
  if (method === 'OPTIONS')
    return new Response(null, { status: 204, headers: { ...CORS_HEADERS, 'Access-Control-Allow-Methods': 'GET,PUT,OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type' } })
  const [, kind, id = ''] = /\/_mock\/(uploads|assets)\/([^/?#]+)/.exec(new URL(request.url).pathname) ?? []
  const upload = contentOf(state).uploads.get(decodeURIComponent(id))
  if (kind === 'assets') {
    if (method !== 'GET' && method !== 'HEAD') return fail(405, `Use GET on ${new URL(request.url).pathname}.`)
    if (!upload?.completed || !upload.bytes) return fail(404, 'No completed upload with this id.')
    return new Response(method === 'HEAD' ? null : (upload.bytes.slice().buffer as ArrayBuffer), { status: 200, headers: { ...CORS_HEADERS, 'Content-Type': upload.contentType, 'Content-Length': String(upload.contentLength) } })
  }
  if (method !== 'PUT') return fail(405, 'Upload the file with PUT to the presignedUrl.')
  if (!upload) return fail(404, 'No upload with this id: create one with POST /api/v1/uploads.')
  if (upload.completed) return fail(409, 'This upload is already complete.')
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (type !== upload.contentType) return fail(403, `The Content-Type must be "${upload.contentType}", as declared when the upload was created (got ${type === undefined ? 'none' : `"${type}"`}).`)
  const bytes = new Uint8Array(await request.arrayBuffer())
  if (bytes.byteLength !== upload.contentLength)
    return fail(400, `The body is ${bytes.byteLength} bytes; the upload was created for exactly ${upload.contentLength} bytes (contentLength).`)
  upload.bytes = bytes
  return new Response(null, { status: 200, headers: { ...CORS_HEADERS } })
}
