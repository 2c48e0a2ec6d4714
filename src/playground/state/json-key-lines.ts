/** A property's line in pretty-printed JSON and its path from the root. */
export interface KeyLine {
  /** 1-based, as in the editor */
  line: number
  path: readonly (string | number)[]
}

/**
 * The line of every object key and array element in `JSON.stringify(value, null, 2)`, without printing it: each
 * key and element starts a line; an empty object or array stays on its parent's line. Iterative (hostile depth is
 * fine). Values JSON.stringify leaves out (undefined, functions) take no line, as there.
 */
export function jsonKeyLines(value: unknown): KeyLine[] {
  const out: KeyLine[] = []
  let line = 1
  // each frame: the entries still to print of one object/array, and its path
  const stack: { entries: [string | number, unknown][]; at: number; path: (string | number)[] }[] = []
  const open = (v: unknown, path: (string | number)[]): void => {
    if (typeof v !== 'object' || v === null) return
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [i, item] as [number, unknown])
      : Object.entries(v).filter(([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol')
    if (entries.length === 0) return
    stack.push({ entries, at: 0, path })
  }
  open(value, [])
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as (typeof stack)[number]
    if (frame.at === frame.entries.length) {
      stack.pop()
      line++ // the closing bracket's line
      continue
    }
    const [key, item] = frame.entries[frame.at++] as [string | number, unknown]
    line++
    const path = [...frame.path, key]
    out.push({ line, path })
    open(item, path)
  }
  return out
}
