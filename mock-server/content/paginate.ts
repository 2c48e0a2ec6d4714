import { badRequest } from '../loops-request-error.ts'
import { ok, type Reply } from '../reply.ts'

/**
 * Loops' cursor pagination: `perPage` 10–50 (default 20), `cursor` = the id of the first item of the page (the
 * `nextCursor` of the previous answer). `items` are already in answer order.
 */
export function paginate<T extends { id: string }>(url: URL, items: readonly T[], toJson: (item: T) => unknown): Reply {
  const perPageText = url.searchParams.get('perPage')
  const perPage = perPageText === null || perPageText === '' ? 20 : Number(perPageText)
  if (!Number.isInteger(perPage) || perPage < 10 || perPage > 50) throw badRequest('Invalid `perPage` value. It must be an integer between 10 and 50.')
  const cursor = url.searchParams.get('cursor')
  const start = cursor === null || cursor === '' ? 0 : items.findIndex((t) => t.id === cursor)
  if (start < 0) throw badRequest('Invalid `cursor` value. Use the `pagination.nextCursor` of a previous answer.')
  const page = items.slice(start, start + perPage)
  const next = items[start + perPage]
  const nextPage = next ? `${url.origin}${url.pathname}?cursor=${encodeURIComponent(next.id)}&perPage=${perPage}` : null
  return ok({
    pagination: { totalResults: items.length, returnedResults: page.length, perPage, totalPages: Math.ceil(items.length / perPage), nextCursor: next?.id ?? null, nextPage },
    data: page.map(toJson),
  })
}

/** The values of a Map, newest first. */
export const newestFirst = <T>(map: ReadonlyMap<string, T>): T[] => [...map.values()].toReversed()
