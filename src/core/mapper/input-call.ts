import type { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import type { Issue } from '../schemas/issue.ts'

export type SourcePosition = Pick<Issue, 'line' | 'column' | 'endLine' | 'endColumn'>

/** One input call, from a script or from envelopes: what the mapper consumes. */
export interface InputCall {
  index: number
  type: string
  event?: string
  /** null when the input could not be read into an envelope; `issues` says why. */
  envelope: DataflyEnvelope | null
  issues: Issue[]
  /** Script input only: where the call stands, and where its parts (`properties.items`) stand. */
  position?: SourcePosition
  positions?: Map<string, SourcePosition>
}
