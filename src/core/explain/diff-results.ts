import type { MapResult, MapStatus } from '../mapper/map-result.ts'

/** One field that differs between two mappings of the same call, by JSON pointer (`/body/contactProperties/firstName`). */
export type FieldChange =
  | { pointer: string; kind: 'added'; new: unknown }
  | { pointer: string; kind: 'removed'; old: unknown }
  | { pointer: string; kind: 'changed'; old: unknown; new: unknown }

/** What a preset change did to one call; absent when the two mappings are identical. */
export interface CallDiff {
  index: number
  type: string
  event?: string
  status?: { from: MapStatus; to: MapStatus }
  /** method and path, when the call now goes to another endpoint */
  endpoint?: { from: string | null; to: string | null }
  /** reason of a skipped result, when it changed */
  reason?: { from: string | null; to: string | null }
  changes: FieldChange[]
}

export interface DiffSummary {
  compared: number
  unchanged: number
  changed: number
  /** ready before, skipped now */
  newlySkipped: number
  /** not invalid before, invalid now */
  newlyInvalid: number
  /** skipped or invalid before, ready now */
  newlyReady: number
}

const endpointOf = (result: MapResult): string | null => (result.request ? `${result.request.method} ${result.request.path}` : null)

/**
 * Compares the results of one call mapped under two presets: status, endpoint, skip reason, and every header and
 * body field added, removed or changed (by JSON pointer, with old and new values). Pure; undefined when equal.
 */
export function diffResults(base: MapResult, next: MapResult): CallDiff | undefined {
  const changes: FieldChange[] = []
  compare('/headers', base.request?.headers, next.request?.headers, changes)
  compare('/body', base.request?.body, next.request?.body, changes)
  const status = base.status === next.status ? undefined : { from: base.status, to: next.status }
  const from = endpointOf(base)
  const to = endpointOf(next)
  const endpoint = from === to ? undefined : { from, to }
  const reason = (base.reason ?? null) === (next.reason ?? null) ? undefined : { from: base.reason ?? null, to: next.reason ?? null }
  if (!status && !endpoint && !reason && changes.length === 0) return undefined
  const { index, type, event } = next.source
  return {
    index,
    type,
    ...(event !== undefined ? { event } : {}),
    ...(status ? { status } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(reason ? { reason } : {}),
    changes,
  }
}

/** Folds one call's comparison into running totals, so a corpus of any size is summarised in constant memory. */
export function addToSummary(summary: DiffSummary, base: MapResult, next: MapResult, diff: CallDiff | undefined): DiffSummary {
  summary.compared++
  if (diff) summary.changed++
  else summary.unchanged++
  if (base.status === 'ready' && next.status === 'skipped') summary.newlySkipped++
  if (base.status !== 'invalid' && next.status === 'invalid') summary.newlyInvalid++
  if (base.status !== 'ready' && next.status === 'ready') summary.newlyReady++
  return summary
}

export const emptyDiffSummary = (): DiffSummary => ({ compared: 0, unchanged: 0, changed: 0, newlySkipped: 0, newlyInvalid: 0, newlyReady: 0 })

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
export const pointerToken = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1')

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Walks two JSON values with an explicit stack (no recursion limit on hostile depth). */
function compare(root: string, a: unknown, b: unknown, out: FieldChange[]): void {
  const stack: [string, unknown, unknown][] = [[root, a, b]]
  while (stack.length > 0) {
    const [pointer, x, y] = stack.pop() as [string, unknown, unknown]
    if (x === undefined && y === undefined) continue
    // an object on one side only is listed field by field, so every added or removed value has its own pointer
    if ((x === undefined && isRecord(y)) || (y === undefined && isRecord(x))) {
      const keys = Object.keys((x ?? y) as Record<string, unknown>)
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string
        stack.push([`${pointer}/${pointerToken(key)}`, x === undefined ? undefined : (x as Record<string, unknown>)[key], y === undefined ? undefined : (y as Record<string, unknown>)[key]])
      }
      continue
    }
    if (x === undefined) {
      out.push({ pointer, kind: 'added', new: y })
      continue
    }
    if (y === undefined) {
      out.push({ pointer, kind: 'removed', old: x })
      continue
    }
    if (isRecord(x) && isRecord(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])]
      // reversed so the stack pops keys in the order the objects list them
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string
        stack.push([`${pointer}/${pointerToken(key)}`, Object.hasOwn(x, key) ? x[key] : undefined, Object.hasOwn(y, key) ? y[key] : undefined])
      }
      continue
    }
    if (!sameJson(x, y)) out.push({ pointer, kind: 'changed', old: x, new: y })
  }
}

function sameJson(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false
  return JSON.stringify(x) === JSON.stringify(y)
}
