/**
 * True when an error (or one of its causes, as Node's fetch nests them: `TypeError: fetch failed` → `cause.code`)
 * says the connection was refused: nothing listens at the target. Pure; at most 5 causes deep.
 */
export function isConnectionRefused(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ((current as { code?: unknown }).code === 'ECONNREFUSED') return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
