/**
 * How deep objects and arrays may nest in one input call. Loops takes only flat values, so real data is a few
 * levels deep; a limit keeps every recursive step (zod, JSON.stringify, flattening) far from the stack's end.
 */
export const MAX_NESTING = 100

/**
 * True when `value` nests objects or arrays more than `max` levels deep (a scalar is level 0, `{}` level 1).
 * Recursion is bounded by `max` (it stops at level `max + 1`), so a line nested 20 000 deep costs no more than the
 * first `max + 1` levels of each branch and cannot overflow the stack.
 */
export function nestsDeeperThan(value: unknown, max: number = MAX_NESTING): boolean {
  return deeper(value, 0, max)
}

function deeper(value: unknown, depth: number, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (depth >= max) return true
  if (Array.isArray(value)) {
    for (const item of value) if (deeper(item, depth + 1, max)) return true
    return false
  }
  for (const key of Object.keys(value)) if (deeper((value as Record<string, unknown>)[key], depth + 1, max)) return true
  return false
}
