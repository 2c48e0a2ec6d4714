/** Reads `a.b.c` (given as its segments) from a plain object; own properties only, so `__proto__` reads nothing. */
export function getPath(root: unknown, segments: readonly string[]): unknown {
  let node = root
  for (const part of segments) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}
