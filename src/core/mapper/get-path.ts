/** Reads `a.b.c` from a plain object; own properties only, so `__proto__` paths read nothing. */
export function getPath(root: unknown, path: string): unknown {
  let node = root
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}
