/**
 * How deep objects and arrays may nest in one input call. Loops takes only flat values, so real data is a few
 * levels deep; a limit keeps every recursive step (zod, JSON.stringify, flattening) far from the stack's end.
 */
export const MAX_NESTING = 100

/**
 * True when `value` nests objects or arrays more than `max` levels deep (a scalar is level 0, `{}` level 1).
 * Iterative, and stops as soon as it knows, so a line nested 20 000 deep costs no more than the first `max + 1`
 * levels of each branch.
 */
export function nestsDeeperThan(value: unknown, max: number = MAX_NESTING): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (typeof current !== 'object' || current === null) continue
    if (depth + 1 > max) return true
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
  return false
}
