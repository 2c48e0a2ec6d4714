import { badRequest } from '../loops-request-error.ts'
import { ok, type Reply } from '../reply.ts'
import type { RouteContext } from '../route.ts'

/**
 * The deprecated `GET /transactional`: published emails as `{id, name, lastUpdated, dataVariables}`, `perPage` 10–50,
 * default 20; `cursor` is the id of the first item of the page. (`GET /transactional-emails`, the current list, is
 * part of the content API: routes/content/transactional-emails.ts.)
 */
export function listTransactionals({ state, team, url }: RouteContext): Reply {
  const perPageText = url.searchParams.get('perPage')
  const perPage = perPageText === null ? 20 : Number(perPageText)
  if (!Number.isInteger(perPage) || perPage < 10 || perPage > 50) throw badRequest('Invalid `perPage` value.')
  const all = state.db.transactionals.findMany((q) => q.where({ team })).filter((t) => t.published)
  const cursor = url.searchParams.get('cursor')
  const start = cursor === null ? 0 : all.findIndex((t) => t.id === cursor)
  if (start < 0) throw badRequest('Invalid `cursor` value.')
  const page = all.slice(start, start + perPage)
  const next = all[start + perPage]
  const nextPage = next ? `${url.origin}${url.pathname}?cursor=${next.id}&perPage=${perPage}` : null
  return ok({
    pagination: { totalResults: all.length, returnedResults: page.length, perPage, totalPages: Math.ceil(all.length / perPage), nextCursor: next?.id ?? null, nextPage },
    data: page.map((t) => ({ id: t.id, name: t.name, lastUpdated: new Date(t.updatedAt).toISOString(), dataVariables: t.dataVariables.map((v) => v.name) })),
  })
}
