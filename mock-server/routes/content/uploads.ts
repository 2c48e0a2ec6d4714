import { contentOf } from '../../content/content-store.ts'
import { onlyKeys } from '../../content/read-fields.ts'
import { badRequest, LoopsRequestError } from '../../loops-request-error.ts'
import { ok } from '../../reply.ts'
import type { Route } from '../../route.ts'
import { contentRoute, notFound } from './content-route.ts'

export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp']
/** "Must be a positive integer no greater than 4,000,000 bytes." */
export const UPLOAD_MAX_BYTES = 4_000_000

/** Where the mock serves an upload's presigned PUT and, once complete, the asset itself. */
export const uploadUrl = (origin: string, id: string): string => `${origin}/_mock/uploads/${id}`
export const assetUrl = (origin: string, id: string): string => `${origin}/_mock/assets/${id}`

export const uploadRoutes: Route[] = [
  contentRoute('uploads', {
    POST: async ({ state, team, url, body }) => {
      const json = await body()
      onlyKeys(json, ['contentType', 'contentLength'])
      const { contentType, contentLength } = json
      if (typeof contentType !== 'string' || !UPLOAD_CONTENT_TYPES.includes(contentType))
        throw badRequest(`Unsupported "contentType" ${JSON.stringify(contentType)}: upload one of ${UPLOAD_CONTENT_TYPES.join(', ')}.`, { supportedContentTypes: UPLOAD_CONTENT_TYPES })
      if (typeof contentLength !== 'number' || !Number.isInteger(contentLength) || contentLength <= 0) throw badRequest('"contentLength" must be the file size in bytes, a positive integer.')
      if (contentLength > UPLOAD_MAX_BYTES) throw new LoopsRequestError(413, `The upload is ${contentLength} bytes; the maximum is ${UPLOAD_MAX_BYTES} bytes.`, { maxBytes: UPLOAD_MAX_BYTES })
      const id = state.newId()
      contentOf(state).uploads.set(id, { id, team, contentType, contentLength, completed: false, createdAt: state.clock.now() })
      return ok({ emailAssetId: id, presignedUrl: uploadUrl(url.origin, id) })
    },
  }),
  contentRoute('uploads/{emailAssetId}/complete', {
    POST: ({ state, team, url, params }) => {
      const id = params.emailAssetId ?? ''
      const upload = contentOf(state).uploads.get(id)
      if (!upload || upload.team !== team) throw notFound('Upload', id)
      if (!upload.bytes) throw badRequest(`Nothing was uploaded for "${id}" yet: PUT the ${upload.contentLength} bytes (Content-Type ${upload.contentType}) to the presignedUrl first.`)
      upload.completed = true
      return ok({ emailAssetId: id, finalUrl: assetUrl(url.origin, id) })
    },
  }),
]
