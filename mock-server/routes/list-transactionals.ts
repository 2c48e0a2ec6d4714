import { badRequest } from '../loops-request-error.ts'
import { ok, type Reply } from '../reply.ts'
import type { RouteContext } from '../route.ts'

/**
 * The two list endpoints: `v1` (deprecated `GET /transactional`: published emails, `{id,name,lastUpdated,
 * dataVariables}`) and `resource` (`GET /transactional-emails`: every email, newest first). `perPage` 10–50,
 * default 20; `cursor` is the id of the first item of the page.
 */
export function listTransactionals({ state, team, url }: RouteContext, shape: 'v1' | 'resource'): Reply {
  const perPageText = url.searchParams.get('perPage')
  const perPage = perPageText === null ? 20 : Number(perPageText)
  if (!Number.isInteger(perPage) || perPage < 10 || perPage > 50) throw badRequest('Invalid `perPage` value.')
  let all = state.db.transactionals.findMany((q) => q.where({ team }))
  if (shape === 'v1') all = all.filter((t) => t.published)
  else all = all.toReversed()
  const cursor = url.searchParams.get('cursor')
  const start = cursor === null ? 0 : all.findIndex((t) => t.id === cursor)
  if (start < 0) throw badRequest('Invalid `cursor` value.')
  const page = all.slice(start, start + perPage)
  const next = all[start + perPage]
  const nextPage = next ? `${url.origin}${url.pathname}?cursor=${next.id}&perPage=${perPage}` : null
  const data = page.map((t) =>
    shape === 'v1'
      ? { id: t.id, name: t.name, lastUpdated: new Date(t.updatedAt).toISOString(), dataVariables: t.dataVariables.map((v) => v.name) }
      : {
          id: t.id,
          name: t.name,
          draftEmailMessageId: t.published ? null : `${t.id}-draft`,
          publishedEmailMessageId: t.published ? `${t.id}-published` : null,
          transactionalGroupId: null,
          createdAt: new Date(t.createdAt).toISOString(),
          updatedAt: new Date(t.updatedAt).toISOString(),
          dataVariables: t.published ? t.dataVariables.map((v) => v.name) : [],
        },
  )
  return ok({
    pagination: { totalResults: all.length, returnedResults: page.length, perPage, totalPages: Math.ceil(all.length / perPage), nextCursor: next?.id ?? null, nextPage },
    data,
  })
}
