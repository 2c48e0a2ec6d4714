/**
 * Reads a `Retry-After` header: delta-seconds (`"2"`, also `"1.5"`) or an HTTP date (`"Wed, 21 Oct 2026
 * 07:28:00 GMT"`), relative to `now` (epoch ms). Returns milliseconds to wait (0 for a date in the past), or
 * `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined
  const text = value.trim()
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  // an HTTP date names its day or month; a bare "-3" is neither seconds nor a date
  if (!/[a-z]/i.test(text)) return undefined
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
