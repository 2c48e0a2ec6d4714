/**
 * Flattens objects and arrays into scalar leaves keyed `items[0].sku` (what a preset with
 * `nonScalarValues: flatten` sends, since Loops accepts only scalar values). Iterative (no recursion, so no
 * depth can overflow the stack); leaves come in document order.
 */
export function flattenValue(prefix: string, value: unknown, out: [string, unknown][] = []): [string, unknown][] {
  const stack: [string, unknown][] = [[prefix, value]]
  while (stack.length > 0) {
    const [key, current] = stack.pop() as [string, unknown]
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([`${key}[${i}]`, current[i]])
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [name, item] = entries[i] as [string, unknown]
        stack.push([`${key}.${name}`, item])
      }
    } else {
      out.push([key, current])
    }
  }
  return out
}
