/** Loops' `x-ratelimit-limit` / `x-ratelimit-remaining` headers, when present and numeric. Pure. */
export function readRateLimit(headers: Headers): { limit?: number; remaining?: number } | undefined {
  const limit = readInt(headers.get('x-ratelimit-limit'))
  const remaining = readInt(headers.get('x-ratelimit-remaining'))
  if (limit === undefined && remaining === undefined) return undefined
  return { ...(limit !== undefined ? { limit } : {}), ...(remaining !== undefined ? { remaining } : {}) }
}

function readInt(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined
  return Number(value)
}
