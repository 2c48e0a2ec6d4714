import type { Page } from '../inspect.ts'

/** How many items a page of /_mock/contacts, events, emails or requests holds unless `limit` says otherwise. */
export const PAGE_DEFAULT = 100
export const PAGE_MAX = 1000

/** `?limit=` (1–1000, default 100) and `?offset=` (default 0; negative counts from the end) from the query. */
export function readPage(url: URL): { offset: number; limit: number } {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const text = url.searchParams.get(name)
    if (text === null || text === '') return fallback
    const n = Number(text)
    if (!/^-?\d+$/.test(text) || n < min || n > max) throw new TypeError(`\`${name}\` must be a whole number from ${min} to ${max}, got "${text}"`)
    return n
  }
  return { offset: read('offset', 0, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER), limit: read('limit', PAGE_DEFAULT, 1, PAGE_MAX) }
}

/**
 * The headers of a page: `x-total-count`, and a `link` with `rel="next"` (the same URL with the next offset) when
 * more items follow.
 */
export function pageHeaders(url: URL, page: Page<unknown>, offset: number, limit: number): Record<string, string> {
  const start = offset < 0 ? Math.max(0, page.total + offset) : offset
  const headers: Record<string, string> = { 'x-total-count': String(page.total), 'access-control-expose-headers': 'x-total-count, link' }
  if (start + page.items.length < page.total) {
    const next = new URL(url)
    next.searchParams.set('offset', String(start + page.items.length))
    next.searchParams.set('limit', String(limit))
    headers.link = `<${next.pathname}${next.search}>; rel="next"`
  }
  return headers
}
