/**
 * Where one body field of a ready request came from: the input call, the input path (`traits.first_name`,
 * `properties.revenue`, `context.consent.canonical.marketing`), the preset rule that routed it, and any
 * transformation (`snake_case` of an unmapped event name, `flatten` of a nested value). `line` and `column` are the
 * input part's position when the input was a script.
 */
export interface Provenance {
  call: number
  line?: number
  column?: number
  from: string
  rule: string
  transform?: 'snake_case' | 'flatten'
}

/** An input part the mapper did not send, why, and (when one would) the preset key that would send it. */
export interface DroppedInput {
  call: number
  from: string
  reason: string
  route?: string
}

/** What `mapCalls(…, { explain: true })` adds to each result. */
export interface Explanation {
  /** by JSON pointer into the request (`/body/contactProperties/firstName`) */
  provenance: Record<string, Provenance>
  dropped: DroppedInput[]
}

/**
 * The mapper's notebook while it explains one call. Written only when explaining, so mapping without it costs
 * nothing; positions are filled in by `mapCalls`, which knows the calls.
 */
export interface MapTrace {
  /** `pointer` names the body field (`/body/contactProperties/firstName`); `entry.call` the input call whose data it is */
  field(pointer: string, entry: Omit<Provenance, 'line' | 'column'>): void
  drop(entry: DroppedInput): void
}

/** JSON pointer token (RFC 6901). */
export const pointerToken = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1')

/** A trace that keeps what it is told, in order. */
export function createTrace(): MapTrace & { fields: [string, Omit<Provenance, 'line' | 'column'>][]; dropped: DroppedInput[] } {
  const fields: [string, Omit<Provenance, 'line' | 'column'>][] = []
  const dropped: DroppedInput[] = []
  return {
    fields,
    dropped,
    field: (pointer, entry) => void fields.push([pointer, entry]),
    drop: (entry) => void dropped.push(entry),
  }
}
